/**
 * `merge-reports` validates its inputs (the published JSON Schema of the JSON
 * report; the structure merging relies on for SARIF) and names the file and the field that is
 * wrong, with exit code 2 — never a TypeError.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { cli, project, ROOT } from './helpers.js';
import { reportSchemaJson } from '../../src/report/schema.js';

const EMPTY_SUMMARY = { files: 0, errors: 0, warnings: 0, unreadable: 0 };
const GOOD_JSON = { version: '0.1.0', files: [], summary: EMPTY_SUMMARY };
const sarif = (run: Record<string, unknown>) => ({ version: '2.1.0', runs: [{ tool: { driver: { name: 'brieflint', rules: [] } }, results: [], ...run }] });

async function merge(files: Record<string, unknown>, lang: 'nl' | 'en' = 'en') {
  const dir = project(Object.fromEntries(Object.entries(files).map(([name, value]) => [name, JSON.stringify(value)])));
  return cli(['merge-reports', ...Object.keys(files), '--lang', lang], dir);
}

describe('merge-reports on valid JSON of the wrong shape', () => {
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['files: [null]', { version: '0.1.0', files: [null], summary: EMPTY_SUMMARY }, /^brieflint: b\.json: field "files\[0\]" must be object\n$/],
    [
      'findings: 5',
      { version: '0.1.0', files: [{ path: 'a.md', letter: null, references: { urls: [], forms: [], phones: [], emails: [] }, findings: 5 }], summary: EMPTY_SUMMARY },
      /^brieflint: b\.json: field "files\[0\]\.findings" must be array\n$/,
    ],
    [
      'a finding without a rule, a severity that is none',
      {
        version: '0.1.0',
        files: [{ path: 'a.md', letter: { id: 'a' }, references: { urls: [], forms: [], phones: [], emails: [] }, findings: [{ severity: 'fataal', message: 'x', line: 1, column: 1 }] }],
        summary: EMPTY_SUMMARY,
      },
      /^brieflint: b\.json: field "files\[0\]\.findings\[0\]\.rule" is missing; field "files\[0\]\.findings\[0\]\.severity" must be equal to one of the allowed values\n$/,
    ],
    ['a summary without counts', { version: '0.1.0', files: [], summary: {} }, /field "summary\.files" is missing/],
  ];
  for (const [name, bad, message] of cases) {
    it(`JSON, ${name}: exit 2, the file and field named`, async () => {
      const run = await merge({ 'a.json': GOOD_JSON, 'b.json': bad });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/TypeError|\n\s+at /);
    });
  }

  it('SARIF, results: 5 and a rule without an id: exit 2, the file and field named', async () => {
    const run = await merge({ 'a.sarif': sarif({}), 'b.sarif': sarif({ results: 5 }), 'c.sarif': sarif({ tool: { driver: { name: 'brieflint', rules: [{}] } } }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('brieflint: b.sarif: field "runs[0].results" must be array\nbrieflint: c.sarif: field "runs[0].tool.driver.rules[0].id" is missing\n');
  });

  it('SARIF, a result without a message and a ruleIndex that is text; in Dutch by default', async () => {
    const run = await merge({ 'a.sarif': sarif({ results: [{ ruleId: 'x', ruleIndex: 'een' }] }) }, 'nl');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('brieflint: a.sarif: veld "runs[0].results[0].message": ontbreekt; veld "runs[0].results[0].ruleIndex": must be integer\n');
  });

  it('valid reports still merge', async () => {
    const ok = await merge({ 'a.json': GOOD_JSON, 'b.json': GOOD_JSON });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).summary).toEqual(EMPTY_SUMMARY);
  });
});

describe('schema/brieflint.report.schema.json', () => {
  it('is what merge-reports validates with (npm run schema writes it)', () => {
    expect(readFileSync(join(ROOT, 'schema/brieflint.report.schema.json'), 'utf8')).toBe(reportSchemaJson());
  });

  it('accepts what brieflint writes: the demo run and the shared sample report', async () => {
    const validate = new Ajv({ strict: false, allErrors: true }).compile(JSON.parse(reportSchemaJson()));
    const demo = await cli(['check', 'brieven', '--offline', '--format', 'json', '--today', '2027-01-10'], join(ROOT, 'fixtures/demo'));
    const report = JSON.parse(demo.stdout);
    expect(report.files.length).toBeGreaterThan(0);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    const sample = JSON.parse(readFileSync(join(ROOT, 'test/fixtures-report/sample-report.json'), 'utf8'));
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
  });
});
