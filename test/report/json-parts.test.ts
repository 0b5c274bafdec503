import { describe, expect, it } from 'vitest';
import { formatJson, jsonParts } from '../../src/report/json.js';
import type { JsonReport } from '../../src/report/types.js';
import { hostileReport, sampleReport } from './sample.js';

describe('JSON report in pieces (large runs never hold the whole text)', () => {
  const reports: Array<[string, JsonReport]> = [
    ['the sample report', sampleReport()],
    ['a report with hostile text (quotes, newlines, "files": [] inside strings)', hostileReport()],
    ['a report without files', { ...sampleReport(), files: [] }],
    ['a report with one file', { ...sampleReport(), files: sampleReport().files.slice(0, 1) }],
  ];

  it.each(reports)('joins to exactly formatJson: %s', (_, report) => {
    const parts = [...jsonParts(report)];
    expect(parts.join('')).toBe(formatJson(report));
    expect(JSON.parse(parts.join(''))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('gives one piece per checked file, besides the frame', () => {
    const report = sampleReport();
    expect(report.files.length).toBeGreaterThan(1);
    expect([...jsonParts(report)]).toHaveLength(report.files.length + 2);
  });

  it('is not fooled by a file whose text holds the frame marker', () => {
    const report = sampleReport();
    report.files[0].path = 'brieven/x\n  "files": [].md';
    expect([...jsonParts(report)].join('')).toBe(formatJson(report));
  });
});
