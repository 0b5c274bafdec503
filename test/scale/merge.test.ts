import { describe, expect, it } from 'vitest';
import { sarifValidator } from '../fixtures-report/sarif-validator.js';
import type { Log, Result } from 'sarif';
import { mergeJsonReports, mergeSarif, MergeError, reportKind } from '../../src/merge.js';
import { shardFiles } from '../../src/shard.js';
import { summarize } from '../../src/report/json.js';
import { formatSarif, type RuleInfo } from '../../src/report/sarif.js';
import type { JsonFile, JsonReport } from '../../src/report/types.js';

const RULES: RuleInfo[] = ['dead-url', 'pretty-url', 'typed-url-variant', 'kcc-briefing-missing'].map((id, i) => ({
  id,
  description: `rule ${id}`,
  helpUri: `https://brieflint.example/rules/${id}`,
  defaultSeverity: i === 1 ? 'warn' : 'error',
}));

function file(i: number): JsonFile {
  const path = `brieven/${i % 3 === 0 ? 'docx/' : ''}brief-${String(i).padStart(3, '0')}.${i % 3 === 0 ? 'docx' : 'md'}`;
  const findings = Array.from({ length: i % 4 }, (_, k) => ({
    rule: RULES[(i + k) % RULES.length].id,
    severity: (k % 2 ? 'warning' : 'error') as 'warning' | 'error',
    message: `finding ${k} in ${i}`,
    line: k + 1,
    column: 1,
    url: `https://voorbeeldstad.example/pagina-${i}-${k}`,
  }));
  return {
    path,
    letter: i === 13 ? null : { id: `brief-${i}` },
    references: { urls: [], forms: [], phones: [], emails: [] },
    findings,
    ...(i === 13 ? { error: 'kan niet gelezen worden' } : {}),
  };
}

function fullReport(n = 60): JsonReport {
  const files = Array.from({ length: n }, (_, i) => file(i));
  return { version: '0.1.0', files, summary: summarize(files, ['dead-url']) };
}

/** What `brieflint check --shard i/n` would report: the shard's files, its own summary. */
function shardReports(full: JsonReport, total: number): JsonReport[] {
  const withDisplay = full.files.map((f) => ({ display: f.path, f }));
  return Array.from({ length: total }, (_, i) => {
    const files = shardFiles(withDisplay, { index: i + 1, total }).map((x) => x.f);
    return { version: full.version, files, summary: summarize(files, full.summary.skippedRules) };
  });
}

const byPath = (r: JsonReport) => [...r.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
const findingKeys = (r: JsonReport) => r.files.flatMap((f) => f.findings.map((x) => `${f.path}|${x.rule}|${x.message}|${x.line}`)).sort();

describe('mergeJsonReports', () => {
  it('4 shard reports merge back into the full report: every file and finding, summary recomputed', () => {
    const full = fullReport();
    const shards = shardReports(full, 4);
    expect(shards.every((s) => s.files.length > 0)).toBe(true);
    const merged = mergeJsonReports(shards);
    expect(merged.files).toEqual(byPath(full));
    expect(findingKeys(merged)).toEqual(findingKeys(full));
    expect(merged.summary).toEqual(full.summary);
    expect(merged.summary.unreadable).toBe(1);
    expect(reportKind(merged)).toBe('json');
  });

  it('unions skippedRules, sums suppressed, keeps the first version and notes the difference', () => {
    const [a, b, c] = shardReports(fullReport(30), 3);
    a.summary.skippedRules = ['dead-url', 'typed-url-variant'];
    b.summary.skippedRules = ['unreachable-url', 'dead-url'];
    delete c.summary.skippedRules;
    a.summary.suppressed = 2;
    c.summary.suppressed = 5;
    b.version = '0.2.0';
    const notes: string[] = [];
    const merged = mergeJsonReports([a, b, c], { onNote: (n) => notes.push(n) });
    expect(merged.version).toBe(a.version);
    expect(merged.summary.skippedRules).toEqual(['dead-url', 'typed-url-variant', 'unreachable-url']);
    expect(merged.summary.suppressed).toBe(7);
    expect(notes.join('\n')).toMatch(/different brieflint versions \(0\.1\.0, 0\.2\.0\)/);
  });

  it('keeps a file that two reports hold (overlapping shards) once per report, and says so', () => {
    const full = fullReport(10);
    const notes: string[] = [];
    const merged = mergeJsonReports([full, full], { onNote: (n) => notes.push(n) });
    expect(merged.files).toHaveLength(20);
    expect(merged.summary.errors).toBe(full.summary.errors * 2);
    expect(notes.join('\n')).toMatch(/10 file\(s\) appear in more than one report/);
  });

  it('leaves out summary fields no input had', () => {
    const merged = mergeJsonReports(shardReports({ ...fullReport(8), summary: summarize(fullReport(8).files) }, 2));
    expect(merged.summary).not.toHaveProperty('suppressed');
    expect(merged.summary).not.toHaveProperty('skippedRules');
  });

  it('refuses nothing to merge, and a file that is not a JSON report', () => {
    expect(() => mergeJsonReports([])).toThrow(MergeError);
    expect(() => mergeJsonReports([fullReport(2), { version: '2.1.0', runs: [] } as unknown as JsonReport])).toThrow(/report 2 is not a brieflint JSON report/);
  });
});


const sarif = (report: JsonReport, rules = RULES) => JSON.parse(formatSarif(report, rules)) as Log;
const resultKey = (r: Result) => `${r.ruleId}|${r.message.text}|${r.locations?.[0]?.physicalLocation?.artifactLocation?.uri}|${r.partialFingerprints?.['brieflint/v1']}`;

describe('mergeSarif', () => {
  const validate = sarifValidator();

  it('4 shard logs merge into one valid SARIF 2.1.0 run that keeps every result', () => {
    const full = fullReport();
    // Each shard's log lists only some rules up front, in its own order: indexes must be rewritten.
    const logs = shardReports(full, 4).map((r, i) => sarif(r, i % 2 ? [...RULES].reverse() : RULES.slice(0, 2)));
    const merged = mergeSarif(logs);
    expect(validate(merged), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(merged.runs).toHaveLength(1);
    const run = merged.runs[0];
    const rules = run.tool.driver.rules ?? [];
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    expect(rules.map((r) => r.id).sort()).toEqual(RULES.map((r) => r.id).sort());
    const expected = logs.flatMap((l) => l.runs[0].results ?? []).map(resultKey).sort();
    expect((run.results ?? []).map(resultKey).sort()).toEqual(expected);
    expect(run.results).toHaveLength(full.files.reduce((n, f) => n + f.findings.length, 0));
    for (const r of run.results ?? []) expect(rules[r.ruleIndex!].id).toBe(r.ruleId);
    expect(run.invocations).toHaveLength(4);
    expect(run.properties).toMatchObject({ files: full.summary.files, errors: full.summary.errors, warnings: full.summary.warnings, unreadable: 1 });
    expect(reportKind(merged)).toBe('sarif');
  });

  it('deduplicates artifacts by location and rewrites artifact indexes', () => {
    const log = (uris: string[], results: Array<[string, number]>): Log => ({
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'brieflint', version: '0.1.0', rules: [{ id: 'dead-url' }] } },
          artifacts: uris.map((uri) => ({ location: { uri, uriBaseId: '%SRCROOT%' } })),
          results: results.map(([text, index]) => ({
            ruleId: 'dead-url',
            ruleIndex: 0,
            message: { text },
            locations: [{ physicalLocation: { artifactLocation: { uri: uris[index], uriBaseId: '%SRCROOT%', index } } }],
          })),
        },
      ],
    });
    const merged = mergeSarif([log(['a.md', 'b.md'], [['a', 0], ['b', 1]]), log(['c.md', 'a.md'], [['c', 0], ['a2', 1]])]);
    expect(validate(merged), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = merged.runs[0];
    expect(run.artifacts?.map((a) => a.location?.uri)).toEqual(['a.md', 'b.md', 'c.md']);
    for (const r of run.results ?? []) {
      const loc = r.locations![0].physicalLocation!.artifactLocation!;
      expect(run.artifacts![loc.index!].location!.uri).toBe(loc.uri);
    }
  });

  it('keeps one run per tool driver and notes differing versions', () => {
    const full = fullReport(20);
    const [a, b] = shardReports(full, 2).map((r) => sarif(r));
    b.runs[0].tool.driver.version = '9.9.9';
    const other: Log = { version: '2.1.0', runs: [{ tool: { driver: { name: 'othertool' } }, results: [{ message: { text: 'x' } }] }] };
    const notes: string[] = [];
    const merged = mergeSarif([a, other, b], { onNote: (n) => notes.push(n) });
    expect(validate(merged)).toBe(true);
    expect(merged.runs.map((r) => r.tool.driver.name)).toEqual(['brieflint', 'othertool']);
    expect(merged.runs[0].tool.driver.version).toBe(a.runs[0].tool.driver.version);
    expect(notes.join('\n')).toMatch(/brieflint: runs come from different versions/);
  });

  it('refuses what it cannot merge', () => {
    expect(() => mergeSarif([])).toThrow(MergeError);
    expect(() => mergeSarif([{ version: '2.0.0', runs: [] }])).toThrow(/only 2\.1\.0/);
    expect(() => mergeSarif([{ files: [] }])).toThrow(/not a SARIF log/);
  });
});
