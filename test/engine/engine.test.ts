import { describe, expect, it, vi } from 'vitest';
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
      "The rule broken-rule failed on brieven/a.md (TypeError: Cannot read properties of undefined (reading 'href')). This is a bug in brieflint: please report it, with the letter if you can. The other rules did run.",
    );
    const report = toJsonReport(
      { files: [{ path: 'brieven/a.md', letter, refs: extractReferences(letter), findings }], facts: { offline: true, today: '2027-01-10' }, skipped: [], ignored: [] },
      '0.1.0',
      'en',
    );
    expect(report.summary.internalErrors).toBe(1);
    expect(exitCode(report)).toBe(2);
  });

  it('says so in Dutch by default, and contains a rule that returns what is no report (its other findings dropped)', () => {
    const halfBroken = defineRule({
      meta: { id: 'half-broken', defaultSeverity: 'warn', description: { nl: 'x', en: 'x' }, defaultOptions: {} },
      check: () => [{ message: { nl: 'eerste', en: 'first' }, location: at(1) }, null as never],
    });
    const findings = runRules(letter({ path: 'brieven/b.md' }), refs(), facts(), config(), [halfBroken, everyLine], 'nl');
    expect(findings.map((f) => f.rule)).toEqual(['internal-error', 'every-line', 'every-line', 'every-line', 'every-line', 'every-line']);
    expect(findings[0]).toEqual({
      rule: 'internal-error',
      severity: 'error',
      message: expect.stringMatching(/^De regel half-broken liep vast op brieven\/b\.md \(TypeError: .*\)\. Dit is een fout in brieflint: meld het, met de brief als het kan\. De andere regels zijn wel uitgevoerd\.$/),
    });
    // A thrown value that is no Error is named as it is.
    const throwsText = defineRule({ ...halfBroken, check: () => { throw 'stuk'; } });
    expect(runRules(letter(), refs(), facts(), config(), [throwsText], 'en')[0].message).toMatch(/^The rule half-broken failed on brieven\/test\.md \(stuk\)\./);
  });

  it('in a real run: the failing letter gets the finding, the other rules and letters are checked, stylish and JSON, exit 2', async () => {
    const { cli, project, NO_KCC } = await import('../cli/run.js');
    const prettyUrl = (await import('../../rules/pretty-url.js')).default;
    const original = prettyUrl.check.bind(prettyUrl);
    // pretty-url fails on brieven/a.md only (a bug that one letter's text sets off).
    const spy = vi.spyOn(prettyUrl, 'check').mockImplementation((ctx) => {
      if (ctx.letter.path === 'brieven/a.md') throw new RangeError('Invalid array length');
      return original(ctx);
    });
    try {
      const LONG = 'https://voorbeeldstad.example/Lang_Adres.aspx';
      const dir = project({
        'brieflint.config.json': JSON.stringify({ domains: ['voorbeeldstad.example'], rules: NO_KCC }),
        'brieven/a.md': `Kijk op ${LONG}.\n\nGa naar [voorbeeldstad.example/afval](https://voorbeeldstad.example/parkeren).\n`,
        'brieven/b.md': `Kijk op ${LONG}.\n`,
      });
      const json = await cli(['check', 'brieven', '--offline', '--format', 'json', '--lang', 'en'], dir);
      expect(json.code).toBe(2);
      const report = JSON.parse(json.stdout) as import('../../src/report/types.js').JsonReport;
      const rules = Object.fromEntries(report.files.map((f) => [f.path, f.findings.map((x) => x.rule)]));
      expect(rules).toEqual({ 'brieven/a.md': ['internal-error', 'link-text-mismatch'], 'brieven/b.md': ['pretty-url'] });
      expect(report.files[0].findings[0].message).toBe(
        'The rule pretty-url failed on brieven/a.md (RangeError: Invalid array length). This is a bug in brieflint: please report it, with the letter if you can. The other rules did run.',
      );
      expect(report.summary.internalErrors).toBe(1);
      const stylish = await cli(['check', 'brieven', '--offline'], dir);
      expect(stylish.code).toBe(2);
      expect(stylish.stdout).toContain('De regel pretty-url liep vast op brieven/a.md (RangeError: Invalid array length).');
      expect(stylish.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
      expect(spy).toHaveBeenCalledTimes(4);
    } finally {
      spy.mockRestore();
    }
  });
});
