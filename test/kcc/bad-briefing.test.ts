/**
 * Bad briefings are findings, not stops: a briefing with bad front matter is reported on that
 * briefing (a files[] entry with `kind: "briefing"`, the error, its line and field; unreadable,
 * so exit code 2), the other briefings and every letter are still checked, and a letter the
 * broken briefing may cover is not called "briefing missing" without saying so. Briefing dates
 * accept the forms letters accept.
 */
import { describe, expect, it } from 'vitest';
import { sarifValidator } from '../fixtures-report/sarif-validator.js';
import { checkJson, cli, project } from './cli.js';

const FILES = {
  'brieflint.config.json': JSON.stringify({ domains: ['voorbeeldstad.nl'] }),
  'brieven/afval.md': '---\nid: afval-2027\nmailingDate: 1 februari 2027\n---\nVraag uw afvalpas aan op voorbeeldstad.nl/afval.\n',
  'brieven/parkeren.md': '---\nid: parkeren-2027\nkenmerk: PRK/2027/0311\n---\nVerleng uw vergunning op voorbeeldstad.nl/parkeren.\n',
  'brieven/zorg.md': '---\nid: zorg-2027\n---\nKijk op voorbeeldstad.nl/zorg.\n',
  // Dates as letters write them: accepted.
  'kcc/afval.md': '---\nletters: [afval-2027]\nvalidFrom: 25-01-2027\nvalidUntil: 30 april 2027\nurls: [voorbeeldstad.nl/afval]\n---\n## Wat vertellen we bellers\nDe pas komt per post.\n',
  // Not a date: reported on this file; it names parkeren-2027.
  'kcc/parkeren.md': '---\nletters: [parkeren-2027]\nvalidUntil: eind april\nurls: [voorbeeldstad.nl/parkeren]\n---\nTekst.\n',
};

describe('a briefing with bad front matter (not a stop)', () => {
  it('is reported on that briefing with its line and field; every letter is still checked; exit code 2', async () => {
    const dir = project(FILES);
    const { code, stderr, report } = await checkJson(['check', 'brieven'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(2);
    expect(report.files.map((f) => f.path)).toEqual(['brieven/afval.md', 'brieven/parkeren.md', 'brieven/zorg.md', 'kcc/parkeren.md']);
    const [afval, parkeren, zorg, bad] = report.files;
    expect(bad).toEqual({
      path: 'kcc/parkeren.md',
      letter: null,
      references: { urls: [], forms: [], phones: [], emails: [] },
      findings: [],
      error: 'regel 3, veld "validUntil": moet een datum zijn, zoals 2027-03-31, 31-03-2027 of 31 maart 2027 (staat er: "eind april")',
      kind: 'briefing',
      errorAt: { line: 3, field: 'validUntil' },
    });
    // The good briefing (Dutch date forms) covers its letter: nothing to report.
    expect(afval.findings).toEqual([]);
    expect(afval.briefing).toMatchObject({ path: 'kcc/afval.md', validFrom: '2027-01-25', validUntil: '2027-04-30', state: 'current' });
    // The letter the broken briefing names: missing, and the hint says which briefing to fix.
    expect(parkeren.findings).toHaveLength(1);
    expect(parkeren.findings[0]).toMatchObject({ rule: 'kcc-briefing-missing' });
    expect(parkeren.findings[0].hint).toBe(
      'De briefing kcc/parkeren.md hoort misschien bij deze brief, maar kan niet gelezen worden: regel 3, veld "validUntil": moet een datum zijn, zoals 2027-03-31, 31-03-2027 of 31 maart 2027 (staat er: "eind april"). Herstel die briefing.',
    );
    // A letter nothing names: the ordinary hint.
    expect(zorg.findings[0].hint).toBe('Schrijf er een met: brieflint briefing brieven/zorg.md');
    expect(report.summary).toMatchObject({ files: 4, errors: 2, unreadable: 1 });
  });

  it('YAML that does not parse: the letter whose id or kenmerk the file holds gets the hint', async () => {
    const dir = project({ ...FILES, 'kcc/parkeren.md': '---\nletters: [PRK/2027/0311\nvalidUntil: 2027-04-30\n---\n' });
    const { code, report } = await checkJson(['check', 'brieven'], dir);
    expect(code).toBe(2);
    const bad = report.files.find((f) => f.kind === 'briefing')!;
    expect(bad.error).toMatch(/^regel \d+: front matter is geen geldige YAML/);
    expect(bad.errorAt?.line).toBeGreaterThan(1);
    expect(report.files[1].findings[0].hint).toContain('De briefing kcc/parkeren.md hoort misschien bij deze brief');
    expect(report.files[2].findings[0].hint).toBe('Schrijf er een met: brieflint briefing brieven/zorg.md');
  });

  it('shows in every format: stylish, GitHub annotations (with the line), SARIF, JUnit; in English with --lang en', async () => {
    const dir = project(FILES);
    const stylish = await cli(['check', 'brieven', '--offline', '--today', '2027-01-10'], dir);
    expect(stylish.code).toBe(2);
    expect(stylish.stdout).toContain('kcc/parkeren.md\n  fout  ongeldige KCC-briefing: regel 3, veld "validUntil"');
    const en = await cli(['check', 'brieven', '--offline', '--today', '2027-01-10', '--lang', 'en'], dir);
    expect(en.stdout).toContain('kcc/parkeren.md\n  error  invalid KCC briefing: line 3, field "validUntil": must be a date, like 2027-03-31, 31-03-2027 or 31 maart 2027 (got "eind april")');
    const github = await cli(['check', 'brieven', '--offline', '--today', '2027-01-10', '--format', 'github'], dir);
    expect(github.stdout).toContain('::error file=kcc/parkeren.md,line=3,title=brieflint%3A ongeldige KCC-briefing::regel 3, veld "validUntil"');
    const githubEn = await cli(['check', 'brieven', '--offline', '--today', '2027-01-10', '--format', 'github', '--lang', 'en'], dir);
    expect(githubEn.stdout).toContain('::error file=kcc/parkeren.md,line=3,title=brieflint%3A invalid KCC briefing::line 3, field "validUntil"');
    const sarif = await cli(['check', 'brieven', '--offline', '--today', '2027-01-10', '--format', 'sarif'], dir);
    const log = JSON.parse(sarif.stdout);
    const validate = sarifValidator();
    expect(validate(log)).toBe(true);
    const note = log.runs[0].invocations[0].toolExecutionNotifications[0];
    expect(note.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'kcc/parkeren.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 3 } });
    const junit = await cli(['check', 'brieven', '--offline', '--today', '2027-01-10', '--format', 'junit'], dir);
    expect(junit.stdout).toContain('<testcase classname="kcc/parkeren.md" name="read briefing" file="kcc/parkeren.md">');
    expect(junit.stdout).toContain('<error type="invalid-briefing"');
  });

  it('is said once across shards (by the first)', async () => {
    const dir = project(FILES);
    const one = await checkJson(['check', 'brieven', '--shard', '1/2'], dir);
    const two = await checkJson(['check', 'brieven', '--shard', '2/2'], dir);
    const said = [...one.report.files, ...two.report.files].filter((f) => f.kind === 'briefing');
    expect(said.map((f) => f.path)).toEqual(['kcc/parkeren.md']);
  });
});
