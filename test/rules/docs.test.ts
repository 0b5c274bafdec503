/**
 * Rule docs are tests: every example in `rules/<id>.md` runs through the CLI (read → extract →
 * facts → rules) and must print exactly what the doc says (see doc-examples.ts for the
 * convention). Live rules are checked against the fixture site on 127.0.0.1; every other host
 * name fails to resolve, so nothing leaves the machine. Run one doc's examples with
 * `npx vitest run test/rules/docs.test.ts -t dead-url`.
 */
import dns from 'node:dns';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { allRules } from '../../rules/index.js';
import { loadConfig } from '../../src/config/index.js';
import { configSections } from '../../src/config/sections.js';
import type { Rule } from '../../src/rule.js';
import { startSiteServer, testCerts, type SiteServer } from '../../fixtures/site/server.mjs';
import { demoHosts, demoRoutes } from '../../fixtures/site/demo-routes.mjs';
import { docHosts, docRoutes } from '../../fixtures/site/doc-routes.mjs';
import { noDns } from '../site/helpers.js';
import { codeBlocks, DocFormatError, jsonBlocks, parseRuleDoc, ROOT, ruleDocExamples, ruleDocFile, runExample, type DocExample, type LiveSite } from './doc-examples.js';

const live = (rule: Rule) => (rule.meta.needs ?? []).some((n) => n === 'site' || n === 'forms');

let server: SiteServer;
const site: LiveSite = { connectTo: [] };
let lookup: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  server = await startSiteServer({ routes: { ...demoRoutes, ...docRoutes }, https: testCerts.server });
  site.connectTo = server.connectTo([...demoHosts, ...docHosts]);
  // A resolver that knows no name: an unmapped host (a domain in a doc that was "never
  // registered") fails as in DNS, and no lookup leaves the machine.
  lookup = vi.spyOn(dns, 'lookup').mockImplementation(noDns as unknown as typeof dns.lookup);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await server?.close();
});

/** Examples of a doc, or the reason it breaks the convention (reported as a failing test). */
function examplesOf(id: string): DocExample[] | Error {
  try {
    return ruleDocExamples(id);
  } catch (error) {
    return error as Error;
  }
}

describe.each(allRules.map((rule) => [rule.meta.id, rule] as const))('rules/%s.md', (id, rule) => {
  const examples = examplesOf(id);

  it('follows the example convention, with at least one failing and one passing example', () => {
    if (examples instanceof Error) throw examples;
    expect(examples.filter((e) => e.kind === 'failing').length).toBeGreaterThan(0);
    expect(examples.filter((e) => e.kind === 'passing').length).toBeGreaterThan(0);
  });

  it('its JSON snippets are configs brieflint accepts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brieflint-doc-config-'));
    try {
      for (const { line, text } of jsonBlocks(readFileSync(join(ROOT, 'rules', `${id}.md`), 'utf8'))) {
        writeFileSync(join(dir, 'brieflint.config.json'), text);
        await expect(loadConfig(dir, allRules, configSections), `rules/${id}.md:${line}`).resolves.toBeDefined();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // The Dutch page (`brieflint explain --lang nl`) is a translation: its examples are the English
  // page's, block for block, so running the English ones runs them both.
  it('has a Dutch page, rules/<id>.nl.md, with the same examples and blocks', () => {
    if (examples instanceof Error) throw examples;
    const nl = ruleDocExamples(id, 'nl');
    const withoutLine = (list: DocExample[]) => list.map(({ line: _line, ...rest }) => rest);
    expect(withoutLine(nl)).toEqual(withoutLine(examples));
    expect(codeBlocks(readFileSync(ruleDocFile(id, 'nl'), 'utf8'))).toEqual(codeBlocks(readFileSync(ruleDocFile(id), 'utf8')));
    const headings = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => /^#{1,2} /.test(l)).length;
    expect(headings(ruleDocFile(id, 'nl'))).toBe(headings(ruleDocFile(id)));
  });

  for (const example of examples instanceof Error ? [] : examples) {
    it(`${example.kind} example (line ${example.line}) prints what the doc says`, async () => {
      const run = await runExample(example, live(rule) ? site : undefined);
      expect(run.actual).toEqual(run.expected);
    });
  }
});

describe('the doc checker', () => {
  const doc = (failing: string, passing: string) => `# pretty-url\n\n## Failing\n${failing}\n\n## Passing\n${passing}\n\n## Options\nNone.\n`;
  const fence = (info: string, body: string) => `\n\`\`\`${info}\n${body}\n\`\`\`\n`;
  const LONG = 'Vraag kwijtschelding aan via https://www.voorbeeldstad.example/Content/Kwijtschelding_Aanvragen.aspx?id=1234.';

  it('fails a doc that prints the wrong output', async () => {
    const wrong = parseRuleDoc(
      'pretty-url',
      doc(fence('markdown', LONG) + fence('text', '1:1  error  Dit adres is lelijk.  pretty-url'), fence('markdown', 'Kijk op voorbeeldstad.example/afval.')),
    );
    const run = await runExample(wrong[0]);
    expect(run.ok).toBe(false);
    expect(run.expected).toEqual(['1:1  error  Dit adres is lelijk.  pretty-url']);
    expect(run.actual).toHaveLength(1);
    expect(run.actual[0]).toMatch(/^1:30 {2}error {2}https:\/\/www\.voorbeeldstad\.example\/Content\/.* is niet makkelijk over te typen: .* {2}pretty-url$/);
    // The same example with the output brieflint really prints passes.
    const right = parseRuleDoc('pretty-url', doc(fence('markdown', LONG) + fence('text', run.actual[0]), ''));
    expect((await runExample(right[0])).ok).toBe(true);
  });

  it('fails a passing example that does get a finding of the rule', async () => {
    const [, passing] = parseRuleDoc('pretty-url', doc(fence('markdown', 'Kijk op voorbeeldstad.example/afval.') + fence('text', '—  error  x  pretty-url'), fence('markdown', LONG)));
    expect(passing.kind).toBe('passing');
    const run = await runExample(passing);
    expect(run.ok).toBe(false);
    expect(run.expected).toEqual([]);
    expect(run.actual).toHaveLength(1);
  });

  it('rejects a failing example without printed output, and config or briefings without a letter', () => {
    expect(() => parseRuleDoc('pretty-url', doc(fence('markdown', LONG), ''))).toThrow(DocFormatError);
    expect(() => parseRuleDoc('pretty-url', doc(fence('markdown', LONG) + fence('markdown', LONG), ''))).toThrow(/expected a ```text block/);
    expect(() => parseRuleDoc('pretty-url', doc(fence('markdown', LONG) + fence('text', ''), ''))).toThrow(/at least one finding/);
    expect(() => parseRuleDoc('pretty-url', doc('', fence('json config', '{}')))).toThrow(/without a letter/);
    expect(() => parseRuleDoc('pretty-url', doc('', fence('markdown kcc/a.md', 'x')))).toThrow(/without a letter/);
  });

  it('reads config, briefings, file names and formats; ignores illustrations and other sections', () => {
    const text = doc(
      fence('json config', '{ "rules": { "pretty-url": ["error", { "maxLength": 20 }] } }') +
        fence('markdown kcc/a.md', '---\nletters: [a]\n---') +
        fence('markdown brieven/a.md', 'Kijk op voorbeeldstad.example/afval-en-recycling.') +
        fence('text', '1:9  error  …  pretty-url'),
      fence('html', '<p>not run</p>') + fence('text', 'Kijk op voorbeeldstad.example/afval.') + fence('docx', 'Ga naar {--x--}{++voorbeeldstad.example/afval++}.'),
    );
    const examples = parseRuleDoc('pretty-url', `${text}\n## Options\n${fence('markdown', 'not an example')}`);
    expect(examples.map((e) => [e.kind, e.letter.path, e.letter.format, e.files.map((f) => f.path), e.config, e.expected])).toEqual([
      ['failing', 'brieven/a.md', 'markdown', ['kcc/a.md'], { rules: { 'pretty-url': ['error', { maxLength: 20 }] } }, ['1:9  error  …  pretty-url']],
      ['passing', 'brief.txt', 'text', [], undefined, undefined],
      ['passing', 'brief.docx', 'docx', [], undefined, undefined],
    ]);
  });

  it('an unmapped host is looked up by the test resolver (and fails), never by the system resolver', async () => {
    const [unregistered] = ruleDocExamples('unreachable-url');
    lookup.mockClear();
    const run = await runExample(unregistered, site);
    expect(run.ok).toBe(true);
    expect(lookup.mock.calls.map((c: unknown[]) => c[0])).toContain('www.voorbeeldstad-afval.example');
  });

  it('the doc routes add pages to the demo site and replace none', () => {
    for (const key of Object.keys(docRoutes)) expect(Object.hasOwn(demoRoutes, key)).toBe(false);
  });
});
