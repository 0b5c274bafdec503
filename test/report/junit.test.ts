import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { formatJunit } from '../../src/report/junit.js';
import { hostileReport, sampleReport } from './sample.js';

function parseStrict(xml: string) {
  const doc = new DOMParser({
    onError: (level: string, message: string) => {
      if (level !== 'warning') throw new Error(`XML ${level}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
  return doc;
}

describe('formatJunit', () => {
  it('renders one suite per letter and one case per finding', () => {
    expect(formatJunit(sampleReport())).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="brieflint" tests="8" failures="4" errors="1" time="0">
        <testsuite name="brieven/kwijtschelding-2026.md" tests="2" failures="1" errors="0" skipped="0" time="0">
          <testcase classname="brieven/kwijtschelding-2026.md" name="form-unavailable (14:32)" file="brieven/kwijtschelding-2026.md" line="14">
            <failure type="form-unavailable" message="Het formulier achter voorbeeldstad.example/kwijtschelding is in onderhoud.">brieven/kwijtschelding-2026.md:14:32
      error form-unavailable: Het formulier achter voorbeeldstad.example/kwijtschelding is in onderhoud.
      Zet het formulier in Open Formulieren weer aan vóór de verzenddatum.
      URL: https://voorbeeldstad.example/kwijtschelding</failure>
          </testcase>
          <testcase classname="brieven/kwijtschelding-2026.md" name="pretty-url (18:9) [warning]" file="brieven/kwijtschelding-2026.md" line="18">
            <system-out>brieven/kwijtschelding-2026.md:18:9
      warning pretty-url: Het adres www.voorbeeldstad.example/Belastingen/Kwijtschelding_Info.pdf is lastig over te typen: hoofdletters, een underscore (_) en een bestandsextensie.
      URL: https://www.voorbeeldstad.example/Belastingen/Kwijtschelding_Info.pdf</system-out>
          </testcase>
        </testsuite>
        <testsuite name="brieven/afvalpas.docx" tests="2" failures="1" errors="0" skipped="0" time="0">
          <testcase classname="brieven/afvalpas.docx" name="kcc-briefing-outdated" file="brieven/afvalpas.docx">
            <failure type="kcc-briefing-outdated" message="De briefing “Afvalpas” is geldig tot en met 2026-02-28: minder dan 42 dagen na de verzenddatum 2026-02-16.">brieven/afvalpas.docx
      error kcc-briefing-outdated: De briefing “Afvalpas” is geldig tot en met 2026-02-28: minder dan 42 dagen na de verzenddatum 2026-02-16.</failure>
          </testcase>
          <testcase classname="brieven/afvalpas.docx" name="typed-url-variant (alinea 7:41) [warning]" file="brieven/afvalpas.docx">
            <system-out>brieven/afvalpas.docx:alinea 7:41
      warning typed-url-variant: voorbeeldstad.example/afvalpas werkt alleen via een doorverwijzing naar www.voorbeeldstad.example.
      URL: https://voorbeeldstad.example/afvalpas</system-out>
          </testcase>
        </testsuite>
        <testsuite name="brieven/parkeervergunning.md" tests="2" failures="2" errors="0" skipped="0" time="0">
          <testcase classname="brieven/parkeervergunning.md" name="kcc-briefing-missing" file="brieven/parkeervergunning.md">
            <failure type="kcc-briefing-missing" message="Geen KCC-briefing voor deze brief (id parkeervergunning, kenmerk PV-2026-03).">brieven/parkeervergunning.md
      error kcc-briefing-missing: Geen KCC-briefing voor deze brief (id parkeervergunning, kenmerk PV-2026-03).
      Briefing “parkeren-2025” noemt voorbeeldstad.example/parkeren, maar niet deze brief.</failure>
          </testcase>
          <testcase classname="brieven/parkeervergunning.md" name="dead-url (9:1)" file="brieven/parkeervergunning.md" line="9">
            <failure type="dead-url" message="Adres werkt niet (404): voorbeeldstad.example/parkeren, 100% zeker na 3 pogingen.">brieven/parkeervergunning.md:9:1
      error dead-url: Adres werkt niet (404): voorbeeldstad.example/parkeren, 100% zeker na 3 pogingen.
      URL: https://voorbeeldstad.example/parkeren</failure>
          </testcase>
        </testsuite>
        <testsuite name="brieven/Brief met spatie #2.md" tests="1" failures="0" errors="0" skipped="0" time="0">
          <testcase classname="brieven/Brief met spatie #2.md" name="brieflint" file="brieven/Brief met spatie #2.md"/>
        </testsuite>
        <testsuite name="brieven/oud.doc" tests="1" failures="0" errors="1" skipped="0" time="0">
          <testcase classname="brieven/oud.doc" name="read letter" file="brieven/oud.doc">
            <error type="unreadable" message="Oud .doc-formaat (Word 97-2003) wordt niet ondersteund: sla de brief op als .docx.">brieven/oud.doc: Oud .doc-formaat (Word 97-2003) wordt niet ondersteund: sla de brief op als .docx.</error>
          </testcase>
        </testsuite>
      </testsuites>
      "
    `);
  });

  it('is well-formed XML, also with hostile letter text and control characters', () => {
    const report = hostileReport();
    report.files[0].findings[0].message += ' \u0000\u0007 ]]> & <![CDATA[';
    const xml = formatJunit(report);
    const doc = parseStrict(xml);
    const root = doc.documentElement!;
    expect(root.nodeName).toBe('testsuites');
    const cases = root.getElementsByTagName('testcase');
    const hostile = Array.from(cases).find((c) => c.getAttribute('classname')!.includes('<svg'))!;
    expect(hostile.getAttribute('classname')).toBe('brieven/<svg onload=window.__pwned=7>.md');
    const failure = hostile.getElementsByTagName('failure')[0];
    expect(failure.getAttribute('message')).toContain('<script>window.__pwned=1</script>');
  });

  it('counts failures (errors) and errors (unreadable files); warnings pass unless asked', () => {
    const doc = parseStrict(formatJunit(sampleReport()));
    const root = doc.documentElement!;
    expect([root.getAttribute('tests'), root.getAttribute('failures'), root.getAttribute('errors')]).toEqual(['8', '4', '1']);
    const strict = parseStrict(formatJunit(sampleReport(), { warningsAsFailures: true })).documentElement!;
    expect(strict.getAttribute('failures')).toBe('6');
  });
});
