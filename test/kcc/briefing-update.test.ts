/** `brieflint briefing <letter> --update`: the facts refreshed from the letter, the KCC lead's text kept. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/types.js';
import { cli, project } from '../cli/run.js';

const CONFIG = JSON.stringify({ domains: ['voorbeeldstad.example'] });
const letterV1 = `---
id: kwijtschelding-2027
kenmerk: BEL/2027/0142
title: Kwijtschelding 2027
mailingDate: 2027-02-01
recipients: 1200
---

Vraag kwijtschelding aan op voorbeeldstad.example/kwijtschelding. Meer over belastingen leest u op
voorbeeldstad.example/belastingen. Bel 14 0123.
`;
const letterV2 = letterV1
  .replace('mailingDate: 2027-02-01', 'mailingDate: 2027-03-01')
  .replace('recipients: 1200', 'recipients: 1500')
  .replace('voorbeeldstad.example/belastingen.', 'voorbeeldstad.example/belastingen-2027.')
  .replace('Bel 14 0123.', 'Bel 14 0123 of (0123) 45 67 89.');

/** What a KCC lead does with a fresh briefing: names the form, writes the answers, adds a field. */
function fillIn(text: string): string {
  return text
    .replace(/    # TODO: naam van het formulier[^\n]*\n/, '    name: Aanvraag kwijtschelding\n')
    .replace('owner: "TODO: team of persoon die deze briefing bijhoudt"', 'owner: Team Belastingen')
    .replace(/\nupdated: /, '\nx-escalatie: Team Belastingen, toestel 4711\nupdated: ')
    .replace(/# KCC-briefing: [\s\S]*$/, '# Kwijtschelding 2027\n\n## Wat vertellen we bellers\n\nKwijtschelding kan tot 1 mei. Zie voorbeeldstad.example/belastingen voor de tarieven.\n');
}

describe('brieflint briefing --update', () => {
  it('refreshes mailing date, recipients, validity, URLs and phone from the letter; keeps the lead\'s body, names and fields', async () => {
    const dir = project({ 'brieflint.config.json': CONFIG, 'brieven/kwijtschelding.md': letterV1 });
    expect((await cli(['briefing', 'brieven/kwijtschelding.md', '--today', '2027-01-05'], dir)).code).toBe(0);
    const file = join(dir, 'kcc/kwijtschelding-2027.md');
    writeFileSync(file, fillIn(readFileSync(file, 'utf8')));
    const before = readFileSync(file, 'utf8');
    expect(before).not.toContain('TODO');

    writeFileSync(join(dir, 'brieven/kwijtschelding.md'), letterV2);
    const { code, stdout } = await cli(['briefing', 'brieven/kwijtschelding.md', '--update', '--today', '2027-02-10'], dir);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'Briefing bijgewerkt: kcc/kwijtschelding-2027.md',
        '  mailingDate: 2027-02-01 → 2027-03-01',
        '  validFrom: 2027-02-01 → 2027-03-01',
        '  validUntil: 2027-03-29 → 2027-04-26',
        '  recipients: 1200 → 1500',
        '  urls: + voorbeeldstad.example/belastingen-2027, − voorbeeldstad.example/belastingen',
        '  phone: + (0123) 45 67 89',
        '  updated: 2027-01-05 → 2027-02-10',
        'De tekst van de KCC-lead is niet veranderd.',
        'Let op: de tekst van de briefing noemt nog voorbeeldstad.example/belastingen',
        '',
      ].join('\n'),
    );
    const after = readFileSync(file, 'utf8');
    // The body is the lead's, to the byte; so are the form's name and the extra field.
    expect(after.slice(after.indexOf('\n---\n'))).toBe(before.slice(before.indexOf('\n---\n')));
    expect(after).toContain('    name: Aanvraag kwijtschelding');
    expect(after).toContain('x-escalatie: Team Belastingen, toestel 4711');
    expect(after).toMatch(/^mailingDate: 2027-03-01$/m);
    expect(after).toMatch(/^validUntil: 2027-04-26$/m);

    // The updated briefing covers the new letter: no kcc finding.
    const check = await cli(['check', 'brieven/kwijtschelding.md', '--offline', '--format', 'json', '--today', '2027-02-10'], dir);
    const report = JSON.parse(check.stdout) as JsonReport;
    expect(report.files[0].findings.filter((f) => f.rule.startsWith('kcc-'))).toEqual([]);
    expect(report.files[0].briefing).toMatchObject({ state: 'current', mismatches: 0 });

    // Nothing new: the file is left alone.
    const again = await cli(['briefing', 'brieven/kwijtschelding.md', '--update', '--today', '2027-02-11'], dir);
    expect(again.stdout).toBe('Briefing is al actueel: kcc/kwijtschelding-2027.md\n');
    expect(readFileSync(file, 'utf8')).toBe(after);
  });

  it('keeps a validity the lead set, and says so', async () => {
    const dir = project({ 'brieflint.config.json': CONFIG, 'brieven/kwijtschelding.md': letterV1 });
    await cli(['briefing', 'brieven/kwijtschelding.md', '--today', '2027-01-05'], dir);
    const file = join(dir, 'kcc/kwijtschelding-2027.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('validFrom: 2027-02-01', 'validFrom: 2027-01-15').replace('validUntil: 2027-03-29', 'validUntil: 2027-06-30'));
    writeFileSync(join(dir, 'brieven/kwijtschelding.md'), letterV2);
    const { stdout } = await cli(['briefing', 'brieven/kwijtschelding.md', '--update', '--today', '2027-02-10', '--lang', 'en'], dir);
    expect(stdout).toContain('  mailingDate: 2027-02-01 → 2027-03-01\n');
    expect(stdout).not.toContain('validFrom');
    expect(stdout).toContain('Note: the validity (2027-01-15 to 2027-06-30) was not changed');
    const after = readFileSync(file, 'utf8');
    expect(after).toMatch(/^validFrom: 2027-01-15$/m);
    expect(after).toMatch(/^validUntil: 2027-06-30$/m);
  });

  it('fills in a mailing date the letter did not have yet: the TODO goes, the validity follows it', async () => {
    const undated = letterV1.replace('mailingDate: 2027-02-01\n', '').replace('recipients: 1200\n', '');
    const dir = project({ 'brieflint.config.json': CONFIG, 'brieven/kwijtschelding.md': undated });
    await cli(['briefing', 'brieven/kwijtschelding.md', '--today', '2027-01-05'], dir);
    const file = join(dir, 'kcc/kwijtschelding-2027.md');
    expect(readFileSync(file, 'utf8')).toContain('# TODO: de brief heeft geen verzenddatum');
    writeFileSync(join(dir, 'brieven/kwijtschelding.md'), letterV1);
    await cli(['briefing', 'brieven/kwijtschelding.md', '--update', '--today', '2027-01-20'], dir);
    const after = readFileSync(file, 'utf8');
    expect(after).not.toContain('# TODO: de brief heeft geen verzenddatum');
    expect(after).not.toContain('# TODO: aantal ontvangers');
    expect(after).toContain('kenmerken: [BEL/2027/0142]\nmailingDate: 2027-02-01\nrecipients: 1200\nvalidFrom: 2027-02-01\nvalidUntil: 2027-03-29\n');
  });

  it('finds a renamed briefing by the id it names; without one it exits 2; --force still overwrites', async () => {
    const dir = project({ 'brieflint.config.json': CONFIG, 'brieven/kwijtschelding.md': letterV1 });
    const none = await cli(['briefing', 'brieven/kwijtschelding.md', '--update'], dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('geen briefing om bij te werken: kcc/kwijtschelding-2027.md bestaat niet');
    await cli(['briefing', 'brieven/kwijtschelding.md', '--today', '2027-01-05'], dir);
    const text = readFileSync(join(dir, 'kcc/kwijtschelding-2027.md'), 'utf8');
    rmSync(join(dir, 'kcc/kwijtschelding-2027.md'));
    mkdirSync(join(dir, 'kcc/belastingen'));
    writeFileSync(join(dir, 'kcc/belastingen/kwijtschelding.md'), text);
    writeFileSync(join(dir, 'brieven/kwijtschelding.md'), letterV2);
    const renamed = await cli(['briefing', 'brieven/kwijtschelding.md', '--update', '--today', '2027-02-10'], dir);
    expect(renamed.code).toBe(0);
    expect(renamed.stdout).toContain('Briefing bijgewerkt: kcc/belastingen/kwijtschelding.md');
    const forced = await cli(['briefing', 'brieven/kwijtschelding.md', '--force', '--today', '2027-02-10'], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'kcc/kwijtschelding-2027.md'), 'utf8')).toContain('TODO');
  });
});
