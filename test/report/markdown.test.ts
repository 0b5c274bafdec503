import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/report/markdown.js';
import { hostileReport, sampleReport } from './sample.js';

describe('formatMarkdown', () => {
  it('renders totals, a table per letter and the findings (Dutch)', () => {
    expect(formatMarkdown(sampleReport(), 'nl')).toMatchInlineSnapshot(`
      "## brieflint

      **❌ 4 fouten** · 2 waarschuwingen · 5 brieven gecontroleerd · 1 niet te lezen

      | Brief | Status | Fouten | Waarschuwingen |
      |---|---|---:|---:|
      | brieven/kwijtschelding-2026.md | ❌ fouten | 1 | 1 |
      | brieven/afvalpas.docx | ❌ fouten | 1 | 1 |
      | brieven/parkeervergunning.md | ❌ fouten | 2 | 0 |
      | brieven/Brief met spatie \\#2.md | ✅ in orde | 0 | 0 |
      | brieven/oud.doc | ❌ niet te lezen | 0 | 0 |

      ### Bevindingen

      | Ernst | Brief | Plaats | Regel | Melding |
      |---|---|---|---|---|
      | ❌ fout | brieven/kwijtschelding-2026.md | 14:32 | form-unavailable | Het formulier achter voorbeeldstad.example/kwijtschelding is in onderhoud.<br>Zet het formulier in Open Formulieren weer aan vóór de verzenddatum. |
      | ⚠️ waarschuwing | brieven/kwijtschelding-2026.md | 18:9 | pretty-url | Het adres www.voorbeeldstad.example/Belastingen/Kwijtschelding\\_Info.pdf is lastig over te typen: hoofdletters, een underscore (\\_) en een bestandsextensie. |
      | ❌ fout | brieven/afvalpas.docx |  | kcc-briefing-outdated | De briefing “Afvalpas” is geldig tot en met 2026-02-28: minder dan 42 dagen na de verzenddatum 2026-02-16. |
      | ⚠️ waarschuwing | brieven/afvalpas.docx | alinea 7:41 | typed-url-variant | voorbeeldstad.example/afvalpas werkt alleen via een doorverwijzing naar www.voorbeeldstad.example. |
      | ❌ fout | brieven/parkeervergunning.md |  | kcc-briefing-missing | Geen KCC-briefing voor deze brief (id parkeervergunning, kenmerk PV-2026-03).<br>Briefing “parkeren-2025” noemt voorbeeldstad.example/parkeren, maar niet deze brief. |
      | ❌ fout | brieven/parkeervergunning.md | 9:1 | dead-url | Adres werkt niet (404): voorbeeldstad.example/parkeren, 100% zeker na 3 pogingen. |
      | ❌ fout | brieven/oud.doc |  |  | Oud .doc-formaat (Word 97-2003) wordt niet ondersteund: sla de brief op als .docx. |
      "
    `);
  });

  it('speaks English with lang en and reports suppressed findings and skipped rules', () => {
    const report = sampleReport();
    report.summary.suppressed = 3;
    report.summary.skippedRules = ['dead-url', 'form-unavailable'];
    const out = formatMarkdown(report, 'en');
    expect(out).toContain('**❌ 4 errors** · 2 warnings · 5 letters checked · 1 unreadable · 3 suppressed by the baseline');
    expect(out).toContain('Not run (facts not gathered, e.g. --offline): dead-url, form-unavailable');
    expect(out).toContain('| Severity | Letter | Where | Rule | Message |');
  });

  it('keeps every table row one row and letter text free of markup', () => {
    const out = formatMarkdown(hostileReport(), 'nl');
    for (const line of out.split('\n').filter((l) => l.startsWith('|'))) {
      // Cells are separated by unescaped pipes only: count them per row.
      const cells = line.replace(/\\\|/g, '').split('|').length - 2;
      expect([4, 5]).toContain(cells);
    }
    // No unescaped '<' except our own <br>: the letter's tags are shown as text.
    expect(out).not.toMatch(/(?<!\\)<(?!br>)/);
    expect(out).toContain('\\<script\\>window.\\_\\_pwned=1\\</script\\>');
  });

  it('caps the number of finding rows', () => {
    const out = formatMarkdown(sampleReport(), 'nl', { maxFindings: 2 });
    expect(out).toContain('… en nog 5 bevindingen (zie het volledige rapport).');
  });
});
