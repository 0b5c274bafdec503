import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyBaseline,
  baselineKey,
  BaselineError,
  createBaseline,
  serializeBaseline,
} from '../../src/baseline.js';
import { readBaseline, writeBaseline } from '../../src/baseline-file.js';
import { sampleReport } from './sample.js';

describe('baselineKey', () => {
  it('uses rule + file + URL, never the position', () => {
    const f = { rule: 'dead-url', severity: 'error' as const, message: 'x', line: 3, column: 1, url: 'https://a.example/x' };
    expect(baselineKey('./brieven/a.md', f)).toBe(baselineKey('brieven/a.md', { ...f, line: 40, column: 9, message: 'other words' }));
    expect(baselineKey('brieven/a.md', f)).not.toBe(baselineKey('brieven/b.md', f));
    expect(baselineKey('brieven/a.md', f)).not.toBe(baselineKey('brieven/a.md', { ...f, rule: 'pretty-url' }));
  });
  it('uses the normalized message without a URL', () => {
    const f = { rule: 'kcc-briefing-missing', severity: 'error' as const, message: 'No  briefing\n(see line 12)', line: 0, column: 0 };
    expect(baselineKey('a.md', f)).toBe(baselineKey('a.md', { ...f, message: 'No briefing (see line 30)' }));
    expect(baselineKey('a.md', f)).not.toBe(baselineKey('a.md', { ...f, message: 'Another briefing problem' }));
  });
  it('ignores dates and day counts, which move with "today" for letters without a mailing date', () => {
    const f = { rule: 'kcc-briefing-outdated', severity: 'error' as const, line: 0, column: 0,
      message: 'De briefing loopt af op 31 januari 2027, 21 dagen na vandaag (10 januari 2027); tot 2027-02-21.' };
    const tomorrow = { ...f, message: 'De briefing loopt af op 31 januari 2027, 20 dagen na vandaag (11 januari 2027); tot 2027-02-22.' };
    expect(baselineKey('a.md', f)).toBe(baselineKey('a.md', tomorrow));
  });
});

describe('createBaseline', () => {
  it('is sorted, versioned, position-free and stable', () => {
    const b = createBaseline(sampleReport());
    expect(serializeBaseline(b)).toMatchInlineSnapshot(`
      "{
        "version": 1,
        "tool": "brieflint",
        "entries": [
          {
            "file": "brieven/afvalpas.docx",
            "rule": "kcc-briefing-outdated",
            "message": "De briefing “Afvalpas” is geldig tot en met <date>: minder dan # dagen na de verzenddatum <date>."
          },
          {
            "file": "brieven/afvalpas.docx",
            "rule": "typed-url-variant",
            "url": "https://voorbeeldstad.example/afvalpas"
          },
          {
            "file": "brieven/kwijtschelding-2026.md",
            "rule": "form-unavailable",
            "url": "https://voorbeeldstad.example/kwijtschelding"
          },
          {
            "file": "brieven/kwijtschelding-2026.md",
            "rule": "pretty-url",
            "url": "https://www.voorbeeldstad.example/Belastingen/Kwijtschelding_Info.pdf"
          },
          {
            "file": "brieven/parkeervergunning.md",
            "rule": "dead-url",
            "url": "https://voorbeeldstad.example/parkeren"
          },
          {
            "file": "brieven/parkeervergunning.md",
            "rule": "kcc-briefing-missing",
            "message": "Geen KCC-briefing voor deze brief (id parkeervergunning, kenmerk PV-2026-03)."
          }
        ]
      }
      "
    `);
    const shuffled = sampleReport();
    shuffled.files.reverse();
    expect(serializeBaseline(createBaseline(shuffled))).toBe(serializeBaseline(b));
  });

  it('counts repeated findings and keeps entries of files outside a partial run', () => {
    const report = sampleReport();
    report.files[2].findings.push({ ...report.files[2].findings[1], line: 30 });
    const full = createBaseline(report);
    expect(full.entries.find((e) => e.rule === 'dead-url')!.count).toBe(2);

    const partial = sampleReport();
    partial.files = [partial.files[0]];
    const merged = createBaseline(partial, full);
    expect(merged.entries).toEqual(full.entries);
  });
});

describe('applyBaseline', () => {
  it('keeps a finding suppressed when its line moves; a new finding is not; stale entries are reported', () => {
    const baseline = createBaseline(sampleReport());
    const next = sampleReport();
    // Edited letter: everything moved down 4 lines.
    for (const file of next.files) for (const f of file.findings) if (f.line > 0) f.line += 4;
    // A new problem in an existing letter.
    next.files[0].findings.push({
      rule: 'dead-url',
      severity: 'error',
      message: 'Adres werkt niet (404): voorbeeldstad.example/nieuw',
      line: 30,
      column: 3,
      url: 'https://voorbeeldstad.example/nieuw',
    });
    // A fixed problem: the dead parking URL is gone.
    next.files[2].findings = next.files[2].findings.filter((f) => f.rule !== 'dead-url');

    const { report, suppressed, stale } = applyBaseline(next, baseline);
    expect(suppressed).toBe(5);
    expect(report.files.flatMap((f) => f.findings.map((x) => `${f.path} ${x.rule} ${x.line}`))).toEqual([
      'brieven/kwijtschelding-2026.md dead-url 30',
    ]);
    expect(report.summary).toEqual({ files: 5, errors: 1, warnings: 0, unreadable: 1, suppressed: 5 });
    expect(stale).toEqual([{ file: 'brieven/parkeervergunning.md', rule: 'dead-url', url: 'https://voorbeeldstad.example/parkeren' }]);
    // Pure: the input report is untouched.
    expect(next.files[0].findings).toHaveLength(3);
  });

  it('suppresses only as many copies as recorded', () => {
    const baseline = createBaseline(sampleReport());
    const next = sampleReport();
    next.files[2].findings.push({ ...next.files[2].findings[1], line: 44 });
    const { report, suppressed } = applyBaseline(next, baseline);
    expect(suppressed).toBe(6);
    expect(report.files[2].findings.map((f) => f.line)).toEqual([44]);
    expect(report.summary.errors).toBe(1);
  });

  it('never calls entries of files outside the run stale', () => {
    const baseline = createBaseline(sampleReport());
    const partial = sampleReport();
    partial.files = [partial.files[0]];
    expect(applyBaseline(partial, baseline).stale).toEqual([]);
  });
});

describe('readBaseline / writeBaseline', () => {
  it('round-trips through a file written atomically', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brieflint-baseline-'));
    const path = join(dir, 'sub', '.brieflint-baseline.json');
    const b = createBaseline(sampleReport());
    await writeBaseline(path, b);
    expect(await readFile(path, 'utf8')).toBe(serializeBaseline(b));
    expect(await readBaseline(path)).toEqual(b);
  });

  it('explains what is wrong', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brieflint-baseline-'));
    await expect(readBaseline(join(dir, 'nope.json'))).rejects.toThrow(/baseline file not found: .*nope\.json \(create it with --update-baseline\)/);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{ "version": 1, ');
    await expect(readBaseline(bad)).rejects.toThrow(/bad\.json: not valid JSON/);
    await writeFile(bad, JSON.stringify({ version: 2, entries: [] }));
    await expect(readBaseline(bad)).rejects.toThrow(/"version" is 2, this brieflint reads version 1/);
    await writeFile(bad, JSON.stringify({ version: 1, entries: [{ file: 'a.md', rule: 'x' }, { file: 'a.md' }] }));
    await expect(readBaseline(bad)).rejects.toThrow(/entries\[0\] needs "url" or "message"/);
    await expect(readBaseline(bad)).rejects.toBeInstanceOf(BaselineError);
    await expect(writeBaseline(join(bad, 'x.json'), createBaseline(sampleReport()))).rejects.toThrow(/could not write baseline/);
  });
});
