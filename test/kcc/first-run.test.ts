/**
 * A first run, before there is a knowledge base: without the kcc/ folder every letter is still
 * checked, and the missing knowledge base is reported once, as an error (kcc-briefing-missing on
 * the run's first letter), naming the folder brieflint looked for and `brieflint init`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJson as json, cli, project } from './cli.js';

const LETTERS = {
  'brieven/afval.md': '---\nid: afval-2027\n---\nVraag uw afvalpas aan op voorbeeldstad.nl/afval.\n',
  'brieven/parkeren.md': '---\nid: parkeren-2027\n---\nVerleng uw vergunning op www.voorbeeldstad.nl/Parkeren/Vergunning_Aanvragen.aspx?id=7.\n',
};
const CONFIG = { domains: ['voorbeeldstad.nl'] };

describe('check without a kcc/ folder (a first run)', () => {
  it('checks every letter and reports the missing knowledge base once, as an error naming the folder and brieflint init', async () => {
    const dir = project({ 'brieflint.config.json': JSON.stringify(CONFIG), ...LETTERS });
    const { code, stderr, report } = await json(['check', 'brieven'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const [afval, parkeren] = report.files;
    expect(afval.findings).toEqual([
      {
        rule: 'kcc-briefing-missing',
        severity: 'error',
        line: 0,
        column: 0,
        message: 'Geen KCC-kennisbank: de map kcc/ met KCC-briefings bestaat niet, dus bij geen enkele brief is nagegaan of het klantcontactcentrum weet wat inwoners lezen.',
        hint: 'Maak hem aan met: brieflint init — en schrijf per brief een briefing met: brieflint briefing brieven/afval.md. Staan de briefings ergens anders, zet dan kcc.folder of kcc.adapter in de configuratie.',
      },
    ]);
    // The other letter is checked: its own finding, no second report of the knowledge base.
    expect(parkeren.findings.map((f) => f.rule)).toEqual(['pretty-url']);
    // The facts: no briefing covers either letter.
    expect(afval.briefing).toBeNull();
    expect(parkeren.briefing).toBeNull();
    expect(report.summary).toMatchObject({ files: 2, errors: 2, unreadable: 0 });
    expect(report.summary.skippedRules ?? []).not.toContain('kcc-briefing-missing');
  });

  it('says it in English with --lang en, in stylish output too', async () => {
    const dir = project({ 'brieflint.config.json': JSON.stringify(CONFIG), ...LETTERS });
    const { code, stdout } = await cli(['check', 'brieven', '--offline', '--lang', 'en'], dir);
    expect(code).toBe(1);
    expect(stdout.match(/No KCC knowledge base/g)).toHaveLength(1);
    expect(stdout).toContain('the folder kcc/ of KCC briefings does not exist');
    expect(stdout).toContain('Create it with: brieflint init');
  });

  it('names the folder of kcc.folder; absolute when it is not under the working directory', async () => {
    const dir = project({ 'brieflint.config.json': JSON.stringify({ ...CONFIG, kcc: { folder: 'kennisbank/briefings' } }), ...LETTERS });
    const { report } = await json(['check', 'brieven'], dir);
    expect(report.files[0].findings[0].message).toContain('de map kennisbank/briefings/ met KCC-briefings bestaat niet');
    // Run from brieven/: the config (and its kcc folder) is found upward.
    const below = await json(['check', '.'], join(dir, 'brieven'));
    expect(below.report.files[0].findings[0].message).toContain(`de map ${join(dir, 'kennisbank/briefings')}/ met KCC-briefings bestaat niet`);
  });

  it('turning off kcc-briefing-missing alone is enough: exit 0', async () => {
    const dir = project({ 'brieflint.config.json': JSON.stringify({ ...CONFIG, rules: { 'kcc-briefing-missing': 'off' } }), 'brieven/afval.md': LETTERS['brieven/afval.md'] });
    const { code, stderr, report } = await json(['check', 'brieven'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(report.summary).toMatchObject({ files: 1, errors: 0, unreadable: 0 });
  });

  it('as a warning when the rule is set to warn; in the first shard only', async () => {
    const dir = project({ 'brieflint.config.json': JSON.stringify({ ...CONFIG, rules: { 'kcc-briefing-missing': 'warn' } }), ...LETTERS });
    const warned = await json(['check', 'brieven'], dir);
    expect(warned.report.files[0].findings[0]).toMatchObject({ rule: 'kcc-briefing-missing', severity: 'warning' });
    const one = await json(['check', 'brieven', '--shard', '1/2'], dir);
    const two = await json(['check', 'brieven', '--shard', '2/2'], dir);
    const said = [...one.report.files, ...two.report.files].flatMap((f) => f.findings).filter((f) => f.rule === 'kcc-briefing-missing');
    expect(said).toHaveLength(1);
  });

  it('an empty kcc/ folder is a knowledge base: every letter without a briefing is reported', async () => {
    const dir = project({ 'brieflint.config.json': JSON.stringify(CONFIG), 'kcc/.gitkeep': '', ...LETTERS });
    const { code, report } = await json(['check', 'brieven'], dir);
    expect(code).toBe(1);
    expect(report.files.map((f) => f.findings.filter((x) => x.rule === 'kcc-briefing-missing').length)).toEqual([1, 1]);
    expect(report.files[0].findings[0].message).toContain('Er is geen KCC-briefing voor deze brief');
  });
});
