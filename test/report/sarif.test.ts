import { describe, expect, it } from 'vitest';
import { sarifValidator } from '../fixtures-report/sarif-validator.js';
import type { Log } from 'sarif';
import { formatSarif, type RuleInfo } from '../../src/report/sarif.js';
import { hostileReport, sampleReport } from './sample.js';


const RULES: RuleInfo[] = [
  { id: 'dead-url', description: 'A printed URL does not work.', helpUri: 'https://brieflint.example/rules/dead-url', defaultSeverity: 'error' },
  { id: 'form-unavailable', description: 'The form behind the URL is not available.', helpUri: 'https://brieflint.example/rules/form-unavailable', defaultSeverity: 'error' },
  { id: 'pretty-url', description: 'A URL a resident can read off paper and type.', helpUri: 'https://brieflint.example/rules/pretty-url', defaultSeverity: 'warn' },
  { id: 'kcc-briefing-missing', description: 'No KCC briefing covers the letter.', helpUri: 'https://brieflint.example/rules/kcc-briefing-missing', defaultSeverity: 'error' },
  { id: 'unverifiable-url', description: 'A bot wall kept the answer from us.', helpUri: 'https://brieflint.example/rules/unverifiable-url', defaultSeverity: 'off' },
];

describe('formatSarif', () => {
  const validate = sarifValidator();

  it('the validator rejects what the schema forbids (so a pass means something)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, level: 'fatal' }] }] })).toBe(false);
    expect(
      validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a b.md' } } }] }] }] }),
    ).toBe(false);
  });

  it('is valid against the official SARIF 2.1.0 schema', () => {
    for (const report of [sampleReport(), hostileReport()]) {
      const log = JSON.parse(formatSarif(report, RULES));
      const ok = validate(log);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('describes the tool and its rules with help URIs and default levels', () => {
    const log = JSON.parse(formatSarif(sampleReport(), RULES, { informationUri: 'https://example.org/brieflint' })) as Log;
    expect(log.version).toBe('2.1.0');
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('brieflint');
    expect(driver.version).toBe('0.1.0');
    expect(driver.informationUri).toBe('https://example.org/brieflint');
    const ids = driver.rules!.map((r) => r.id);
    // Known rules first, then rules only seen in findings (minimal descriptor so ruleIndex resolves).
    expect(ids).toEqual(['dead-url', 'form-unavailable', 'pretty-url', 'kcc-briefing-missing', 'unverifiable-url', 'kcc-briefing-outdated', 'typed-url-variant']);
    expect(driver.rules![2]).toMatchObject({
      helpUri: 'https://brieflint.example/rules/pretty-url',
      shortDescription: { text: 'A URL a resident can read off paper and type.' },
      defaultConfiguration: { enabled: true, level: 'warning' },
    });
    expect(driver.rules![4].defaultConfiguration).toEqual({ enabled: false, level: 'none' });
    for (const r of log.runs[0].results!) expect(driver.rules![r.ruleIndex!].id).toBe(r.ruleId);
  });

  it('gives exact regions with a relative, encoded artifact URI', () => {
    const log = JSON.parse(formatSarif(sampleReport(), RULES)) as Log;
    const results = log.runs[0].results!;
    expect(results[0]).toMatchObject({
      ruleId: 'form-unavailable',
      level: 'error',
      message: { text: 'Het formulier achter voorbeeldstad.example/kwijtschelding is in onderhoud.\nZet het formulier in Open Formulieren weer aan vóór de verzenddatum.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'brieven/kwijtschelding-2026.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: 14, startColumn: 32 },
          },
        },
      ],
      properties: { url: 'https://voorbeeldstad.example/kwijtschelding' },
    });
    expect(results[1].level).toBe('warning');
  });

  it('gives findings without a location the file only', () => {
    const log = JSON.parse(formatSarif(sampleReport(), RULES)) as Log;
    const missing = log.runs[0].results!.find((r) => r.ruleId === 'kcc-briefing-missing')!;
    expect(missing.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'brieven/parkeervergunning.md', uriBaseId: '%SRCROOT%' } } },
    ]);
  });

  it('says that a .docx line is a paragraph number, in the language of the message', () => {
    const log = JSON.parse(formatSarif(sampleReport(), RULES)) as Log;
    const docx = log.runs[0].results!.find((r) => r.ruleId === 'typed-url-variant')!;
    expect(docx.message.text).toMatch(/\[\.docx: alinea 7, teken 41\]$/);
    const en = (JSON.parse(formatSarif(sampleReport(), RULES, { lang: 'en' })) as Log).runs[0].results!.find((r) => r.ruleId === 'typed-url-variant')!;
    expect(en.message.text).toMatch(/\[\.docx: paragraph 7, character 41\]$/);
    expect(docx.properties).toMatchObject({ locationKind: 'docx-paragraph', paragraph: 7, character: 41 });
    expect(docx.locations![0].physicalLocation!.region).toEqual({ startLine: 7, startColumn: 41 });
  });

  it('reports unreadable files as tool notifications', () => {
    const log = JSON.parse(formatSarif(sampleReport(), RULES)) as Log;
    const inv = log.runs[0].invocations![0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: 'brieven/oud.doc: Oud .doc-formaat (Word 97-2003) wordt niet ondersteund: sla de brief op als .docx.' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'brieven/oud.doc', uriBaseId: '%SRCROOT%' } } }],
      },
    ]);
  });

  it('percent-encodes paths with spaces and #', () => {
    const report = sampleReport();
    report.files[3].findings.push({ rule: 'pretty-url', severity: 'warning', message: 'm', line: 2, column: 1 });
    const log = JSON.parse(formatSarif(report, RULES)) as Log;
    const r = log.runs[0].results!.find((x) => x.message.text === 'm')!;
    expect(r.locations![0].physicalLocation!.artifactLocation!.uri).toBe('brieven/Brief%20met%20spatie%20%232.md');
    expect(validate(log)).toBe(true);
  });

  it('fingerprints stay the same when a finding moves to another line', () => {
    const a = JSON.parse(formatSarif(sampleReport(), RULES)) as Log;
    const moved = sampleReport();
    moved.files[0].findings[0].line += 5;
    const b = JSON.parse(formatSarif(moved, RULES)) as Log;
    expect(b.runs[0].results![0].partialFingerprints).toEqual(a.runs[0].results![0].partialFingerprints);
    expect(a.runs[0].results![0].partialFingerprints!['brieflint/v1']).not.toBe(a.runs[0].results![1].partialFingerprints!['brieflint/v1']);
  });
});

describe('help links point at the rule docs in the repository, never at a registry', () => {
  it('helpUri: rules/<id>.md at the version tag of package.json `repository`; informationUri: the repository', async () => {
    const { render } = await import('../../src/report/index.js');
    const { allRules } = await import('../../rules/index.js');
    const { existsSync } = await import('node:fs');
    const { ROOT } = await import('../adoption/helpers.js');
    const { REPOSITORY_URL } = await import('../../src/paths.js');
    const log = JSON.parse(render('sarif', sampleReport(), { lang: 'nl', color: false, quiet: false, rules: allRules, version: '0.1.0', repository: REPOSITORY_URL, warningsFail: false, now: new Date() })) as Log;
    const driver = log.runs[0].tool.driver;
    expect(driver.informationUri).toBe('https://github.com/OWNER/brieflint');
    expect(driver.rules!.find((r) => r.id === 'pretty-url')!.helpUri).toBe('https://github.com/OWNER/brieflint/blob/v0.1.0/rules/pretty-url.md');
    for (const rule of driver.rules!.filter((r) => r.helpUri)) {
      expect(rule.helpUri).toMatch(/^https:\/\/github\.com\/OWNER\/brieflint\/blob\/v0\.1\.0\/rules\/[a-z-]+\.md$/);
      // The path in the repository exists: the link leads to the page, once the tag is pushed.
      expect(existsSync(`${ROOT}/${rule.helpUri!.replace(/^.*\/blob\/v[^/]+\//, '')}`)).toBe(true);
    }
    expect(JSON.stringify(log)).not.toMatch(/unpkg\.com|npmjs\.com/);
  });
});
