/**
 * Every rule keeps the rule contract (see contract.ts): its file is named after its id, both doc
 * pages have the standard sections, the README's table agrees with its metadata, and its default
 * options pass its own schema. The second part breaks each clause on purpose and shows the
 * checker says so.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import prettyUrl from '../../rules/pretty-url.js';
import { defineRule } from '../../src/rule.js';
import { docProblems, fileProblems, optionsProblems, readmeProblems, readmeRuleTable, ruleProblems, type ReadmeRow } from './contract.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const README = readmeRuleTable(readFileSync(join(ROOT, 'README.md'), 'utf8'));
const RULE_FILES = readdirSync(join(ROOT, 'rules'), { withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts') && e.name !== 'index.ts' && !/\.(test|d)\.ts$/.test(e.name))
  .map((e) => e.name.slice(0, -'.ts'.length));

describe('the rule contract', () => {
  it('every file in rules/ default-exports a rule named after the file, listed in allRules', async () => {
    const problems: string[] = [];
    for (const file of RULE_FILES) {
      const module = (await import(pathToFileURL(join(ROOT, 'rules', `${file}.ts`)).href)) as { default?: unknown };
      problems.push(...fileProblems(file, module.default, allRules));
    }
    expect(problems).toEqual([]);
    expect(RULE_FILES.length).toBe(allRules.length);
  });

  it('the README lists every rule once, in the order of allRules', () => {
    expect(README.length).toBeGreaterThan(0);
    expect(readmeProblems(allRules, README)).toEqual([]);
  });

  it.each(allRules.map((r) => [r.meta.id, r] as const))('%s: docs, README row and default options', (_id, rule) => {
    expect(ruleProblems(rule, ROOT, README)).toEqual([]);
  });
});

describe('the contract checker catches a rule that breaks it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brieflint-contract-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const broken = defineRule({
    meta: {
      id: 'broken-rule',
      defaultSeverity: 'warn',
      description: { nl: 'x', en: 'x' },
      needs: ['site'],
      defaultOptions: { maxLength: 'forty' },
      optionsSchema: { type: 'object', additionalProperties: false, properties: { maxLength: { type: 'integer' } } },
    },
    check: () => [],
  });

  it('a file whose name is not the rule id, a rule missing from allRules, a file that exports no rule', () => {
    expect(fileProblems('broken', broken, allRules)).toEqual([
      'rules/broken.ts: the rule\'s id is "broken-rule", not the file\'s name "broken"',
      'rules/broken.ts: the rule is not in allRules (rules/index.ts)',
    ]);
    expect(fileProblems('helpers', { suggest: () => '' }, allRules)).toEqual(['rules/helpers.ts: its default export is not a rule (no meta.id)']);
    expect(fileProblems('pretty-url', prettyUrl, allRules)).toEqual([]);
  });

  it('a missing Dutch page, a wrong title or default line, a missing or misplaced standard section', () => {
    mkdirSync(join(dir, 'rules'), { recursive: true });
    const real = readFileSync(join(ROOT, 'rules', 'pretty-url.md'), 'utf8');
    expect(docProblems(prettyUrl, real, 'en')).toEqual([]);
    // A real page with its "## Why" taken out; without its default line; claiming a need it has not.
    expect(docProblems(prettyUrl, real.replace(/^## Why\n/m, ''), 'en')).toEqual(['rules/pretty-url.md: has no "## Why" section']);
    expect(docProblems(prettyUrl, real.replace(/^\*\*Default:\*\*.*\n/m, ''), 'en')).toEqual(['rules/pretty-url.md: has no "**Default:** error" line']);
    expect(docProblems(prettyUrl, real.replace('**Default:** error', '**Default:** error · **Needs:** the KCC knowledge base'), 'en')).toEqual([
      'rules/pretty-url.md: the "**Default:**" line says the rule needs the KCC knowledge base, the rule does not',
    ]);
    // Another rule's page: its title, default and needs are not this rule's.
    expect(docProblems(broken, real, 'en')).toEqual([
      'rules/broken-rule.md: says "**Default:** error", the rule\'s default is "warning"',
      'rules/broken-rule.md: the "**Default:**" line does not say the rule needs the live-site check',
      'rules/broken-rule.md: does not start with "# broken-rule"',
    ]);
    const swapped = '# broken-rule\n**Standaard:** warning · heeft de live-controle van de site nodig\n## Wat het controleert\n## Waarom\n## Fout\n## Opties\n## Goed\n';
    expect(docProblems(broken, swapped, 'nl')).toEqual([
      'rules/broken-rule.nl.md: "## Opties" is out of order (the sections are "## Wat het controleert", "## Waarom", "## Fout", "## Goed", "## Opties")',
    ]);
    // A heading inside a fenced example is no section.
    const head = '# broken-rule\n**Default:** warning · needs the live-site check\n';
    const fenced = `${head}## What it checks\n## Why\n## Failing\n\`\`\`markdown\n## Passing\n\`\`\`\n## Options\n`;
    expect(docProblems(broken, fenced, 'en')).toEqual(['rules/broken-rule.md: has no "## Passing" section']);
    writeFileSync(join(dir, 'rules', 'broken-rule.md'), `${head}## What it checks\n## Why\n## Failing\n## Passing\n## Options\n`);
    const row: ReadmeRow = { id: 'broken-rule', doc: 'rules/broken-rule.md', severity: 'warning', needs: 'site' };
    expect(ruleProblems(broken, dir, [row])).toEqual([
      'rules/broken-rule.nl.md is missing',
      expect.stringMatching(/^broken-rule: its default options are not valid against its optionsSchema: .*\/maxLength must be integer/),
    ]);
  });

  it('a README row with another severity, other needs, a wrong link, or none; extra rows and order', () => {
    const row: ReadmeRow = { id: 'broken-rule', doc: 'rules/broken-rule.md', severity: 'warning', needs: 'site' };
    expect(readmeProblems([broken], [row])).toEqual([]);
    expect(readmeProblems([broken], [{ ...row, severity: 'error', needs: '—', doc: 'rules/broken.md' }])).toEqual([
      'README: broken-rule links to rules/broken.md, not rules/broken-rule.md',
      'README: broken-rule has default "error", the rule says "warning"',
      'README: broken-rule needs "—", the rule says "site"',
    ]);
    expect(readmeProblems([broken], [])).toEqual(['README: the rule table has no row for broken-rule']);
    const pretty: ReadmeRow = { id: 'pretty-url', doc: 'rules/pretty-url.md', severity: 'error', needs: '—' };
    expect(readmeProblems([broken], [row, pretty])).toEqual(['README: the rule table lists pretty-url, which is no rule']);
    expect(readmeProblems([prettyUrl, broken], [row, pretty])).toEqual(['README: the rule table is not in the order of allRules (pretty-url, broken-rule)']);
    expect(readmeProblems([broken], [row, row])).toEqual(['README: the rule table lists broken-rule twice']);
    // The table is read from the README's text: a row that drifts from the rule is caught there too.
    const readme = '## Rules\n\n| rule | default | needs | what it reports |\n|---|---|---|---|\n| [`broken-rule`](rules/broken-rule.md) | error | — | x |\n\n## Next\n| [`pretty-url`](rules/pretty-url.md) | error | — | x |\n';
    expect(readmeRuleTable(readme)).toEqual([{ id: 'broken-rule', doc: 'rules/broken-rule.md', severity: 'error', needs: '—' }]);
  });

  it('default options the schema refuses, and default options without a schema', () => {
    expect(optionsProblems(broken)).toEqual([expect.stringMatching(/maxLength must be integer/)]);
    const noSchema = defineRule({ meta: { id: 'no-schema', defaultSeverity: 'error', description: { nl: 'x', en: 'x' }, defaultOptions: { limit: 3 } }, check: () => [] });
    expect(optionsProblems(noSchema)).toEqual([
      'no-schema: has default options but no optionsSchema to validate them with the config',
      expect.stringMatching(/^no-schema: its default options are not valid .*limit/),
    ]);
    expect(optionsProblems(prettyUrl)).toEqual([]);
  });
});
