import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/report/github.js';
import type { JsonReport } from '../../src/report/types.js';
import { sampleReport } from './sample.js';

describe('formatGithub', () => {
  it('renders the sample report as workflow commands', () => {
    expect(formatGithub(sampleReport())).toMatchInlineSnapshot(`
      "::error file=brieven/kwijtschelding-2026.md,line=14,col=32,title=brieflint form-unavailable::Het formulier achter voorbeeldstad.example/kwijtschelding is in onderhoud.%0AZet het formulier in Open Formulieren weer aan vóór de verzenddatum.
      ::warning file=brieven/kwijtschelding-2026.md,line=18,col=9,title=brieflint pretty-url::Het adres www.voorbeeldstad.example/Belastingen/Kwijtschelding_Info.pdf is lastig over te typen: hoofdletters, een underscore (_) en een bestandsextensie.
      ::error file=brieven/afvalpas.docx,title=brieflint kcc-briefing-outdated::De briefing “Afvalpas” is geldig tot en met 2026-02-28: minder dan 42 dagen na de verzenddatum 2026-02-16.
      ::warning file=brieven/afvalpas.docx,title=brieflint typed-url-variant::[alinea 7, teken 41] voorbeeldstad.example/afvalpas werkt alleen via een doorverwijzing naar www.voorbeeldstad.example.
      ::error file=brieven/parkeervergunning.md,title=brieflint kcc-briefing-missing::Geen KCC-briefing voor deze brief (id parkeervergunning, kenmerk PV-2026-03).%0ABriefing “parkeren-2025” noemt voorbeeldstad.example/parkeren, maar niet deze brief.
      ::error file=brieven/parkeervergunning.md,line=9,col=1,title=brieflint dead-url::Adres werkt niet (404): voorbeeldstad.example/parkeren, 100%25 zeker na 3 pogingen.
      ::error file=brieven/oud.doc,title=brieflint%3A onleesbare brief::Oud .doc-formaat (Word 97-2003) wordt niet ondersteund: sla de brief op als .docx.
      "
    `);
  });

  it('escapes %, CR, LF in data and additionally : and , in properties', () => {
    const report: JsonReport = {
      version: '0.1.0',
      files: [
        {
          path: 'brieven/a,b:c 100%.md',
          letter: { id: 'x' },
          references: { urls: [], forms: [], phones: [], emails: [] },
          findings: [
            {
              rule: 'pretty-url',
              severity: 'warning',
              message: '50% korting: lees dit,\r\nen dan\ndit',
              line: 3,
              column: 7,
            },
          ],
        },
      ],
      summary: { files: 1, errors: 0, warnings: 1, unreadable: 0 },
    };
    const out = formatGithub(report);
    expect(out).toBe(
      '::warning file=brieven/a%2Cb%3Ac 100%25.md,line=3,col=7,title=brieflint pretty-url::50%25 korting: lees dit,%0D%0Aen dan%0Adit\n',
    );
    // One command per line: letter text can never start a command of its own.
    expect(out.trimEnd().split('\n')).toHaveLength(1);
  });

  it('prints nothing when there is nothing to report', () => {
    expect(formatGithub({ version: '0', files: [], summary: { files: 0, errors: 0, warnings: 0, unreadable: 0 } })).toBe('');
  });
});
