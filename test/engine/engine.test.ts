import { describe, expect, it } from 'vitest';
import { runRules, skippedRules } from '../../src/engine.js';
import { defineRule } from '../../src/rule.js';
import { at, config, facts, letter, refs } from '../helpers.js';

const everyLine = defineRule({
  meta: { id: 'every-line', defaultSeverity: 'warn', description: { nl: 'x', en: 'x' }, defaultOptions: { lines: [1, 2, 3, 4, 5] } },
  check: ({ options }) =>
    (options as { lines: number[] }).lines.map((line) => ({ message: { nl: `regel ${line}`, en: `line ${line}` }, location: at(line) })),
});
const needsSite = defineRule({
  meta: { id: 'needs-site', defaultSeverity: 'error', description: { nl: 'x', en: 'x' }, defaultOptions: {}, needs: ['site'] },
  check: () => [{ message: { nl: 'x', en: 'x' } }],
});

describe('engine', () => {
  it('applies the configured severity, options and language, and orders findings', () => {
    const cfg = config({ rules: {} });
    cfg.rules['every-line'] = { severity: 'error', options: { lines: [3, 1] } };
    const found = runRules(letter(), refs(), facts(), cfg, [everyLine], 'en');
    expect(found.map((f) => [f.rule, f.severity, f.message, f.location?.line])).toEqual([
      ['every-line', 'error', 'line 1', 1],
      ['every-line', 'error', 'line 3', 3],
    ]);
  });

  it('uses the default severity for a rule the config does not name, and skips "off"', () => {
    const found = runRules(letter(), refs(), facts(), config(), [everyLine], 'nl');
    expect(found).toHaveLength(5);
    expect(found[0]).toMatchObject({ severity: 'warning', message: 'regel 1' });
    const cfg = config();
    cfg.rules['every-line'] = { severity: 'off', options: {} };
    expect(runRules(letter(), refs(), facts(), cfg, [everyLine], 'nl')).toEqual([]);
  });

  it('honours disable-next-line and disable/enable ranges, per rule or for all', () => {
    const l = letter({
      directives: [
        { kind: 'disable-next-line', rules: ['every-line'], line: 1 },
        { kind: 'disable', rules: [], line: 3 },
        { kind: 'enable', rules: [], line: 4 },
        { kind: 'disable-next-line', rules: ['another-rule'], line: 4 },
      ],
    });
    const lines = runRules(l, refs(), facts(), config(), [everyLine], 'en').map((f) => f.location?.line);
    expect(lines).toEqual([1, 4, 5]);
  });

  it('skips rules whose facts were not gathered and says which', () => {
    expect(runRules(letter(), refs(), facts(), config(), [needsSite], 'en')).toEqual([]);
    expect(skippedRules([needsSite, everyLine], facts(), config())).toEqual(['needs-site']);
  });
});

describe('a rule that throws is contained', () => {
  it('names the rule and the letter, runs the other rules, and the run exits 2', async () => {
    const { runRules, INTERNAL_ERROR } = await import('../../src/engine.js');
    const { defineRule } = await import('../../src/rule.js');
    const { allRules } = await import('../../rules/index.js');
    const { resolveConfig } = await import('../../src/config/index.js');
    const { readMarkdown } = await import('../../src/letters/markdown.js');
    const { extractReferences } = await import('../../src/extract/index.js');
    const { toJsonReport } = await import('../../src/report/json.js');
    const { exitCode } = await import('../../src/commands/check.js');
    const broken = defineRule({
      meta: { id: 'broken-rule', defaultSeverity: 'error', description: { nl: 'x', en: 'x' }, defaultOptions: {} },
      check() {
        throw new TypeError("Cannot read properties of undefined (reading 'href')");
      },
    });
    const rules = [broken, ...allRules.filter((r) => r.meta.id === 'pretty-url')];
    const config = resolveConfig({ domains: ['voorbeeldstad.example'] }, '/tmp', allRules);
    const letter = readMarkdown('brieven/a.md', Buffer.from('Kijk op https://voorbeeldstad.example/Lang_Adres.aspx.\n'));
    const findings = runRules(letter, extractReferences(letter), { offline: true, today: '2027-01-10' }, config, rules, 'en');
    expect(findings.map((f) => f.rule)).toEqual([INTERNAL_ERROR, 'pretty-url']);
    expect(findings[0].message).toBe(
      "The rule broken-rule failed on this letter (TypeError: Cannot read properties of undefined (reading 'href')). This is a bug in brieflint: please report it, with the letter if you can. The other rules did run.",
    );
    const report = toJsonReport(
      { files: [{ path: 'brieven/a.md', letter, refs: extractReferences(letter), findings }], facts: { offline: true, today: '2027-01-10' }, skipped: [], ignored: [] },
      '0.1.0',
      'en',
    );
    expect(report.summary.internalErrors).toBe(1);
    expect(exitCode(report)).toBe(2);
  });
});
