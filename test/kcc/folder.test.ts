import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { FolderKnowledgeBase, KnowledgeBaseError, loadKcc, parseBriefingFile, resolveKccConfig, kccConfigSchema } from '../../src/facts/kcc/index.js';
import { buildConfigSchema } from '../../src/config/schema.js';
import { Ajv } from 'ajv';

const fixtures = fileURLToPath(new URL('../../fixtures/kcc/', import.meta.url));
const good = `${fixtures}good`;

async function loadError(folder: string): Promise<KnowledgeBaseError> {
  try {
    await loadKcc({ folder }, fixtures, []);
  } catch (e) {
    expect(e).toBeInstanceOf(KnowledgeBaseError);
    return e as KnowledgeBaseError;
  }
  throw new Error(`${folder} loaded without error`);
}

describe('folder adapter on real files', () => {
  it('reads every briefing under kcc/ (recursively), skipping README.md and _files', async () => {
    const facts = await loadKcc({}, good, [{ path: 'brieven/zorg-1.md', meta: { id: 'zorg-1' } }], { cwd: good });
    expect(facts.source).toBe('folder');
    expect(facts.location).toBe('kcc');
    expect(facts.briefings.map((b) => [b.id, b.location])).toEqual([
      ['afvalpas-2026', 'kcc/afvalpas-2026.md'],
      ['afvalpas-2027', 'kcc/afvalpas-2027.md'],
      ['zorg-brieven', 'kcc/archief/zorg.md'],
      ['kwijtschelding-2027', 'kcc/kwijtschelding-2027.md'],
      ['parkeren-algemeen', 'kcc/parkeren-algemeen.md'],
    ]);
    expect(facts.letterPaths).toEqual({ 'brieven/zorg-1.md': 'brieven/zorg-1.md' });
  });

  it('maps the front matter to the briefing model', async () => {
    const { briefings } = await loadKcc(undefined, good, []);
    const k = briefings.find((b) => b.id === 'kwijtschelding-2027')!;
    expect(k).toMatchObject({
      source: 'folder',
      title: 'Kwijtschelding gemeentelijke belastingen 2027',
      covers: { ids: ['kwijtschelding-2027'], kenmerken: ['BEL/2027/0142'], paths: [] },
      mailingDate: '2027-02-01',
      recipients: 1200,
      validFrom: '2027-01-25',
      validUntil: '2027-04-30',
      urls: ['voorbeeldstad.example/kwijtschelding'],
      forms: [{ name: 'Aanvraag kwijtschelding', url: 'https://www.voorbeeldstad.example/kwijtschelding/' }],
      phone: ['14 0123'],
      owner: 'Team Belastingen',
      lastUpdated: '2027-01-20',
    });
    expect(k.body).toContain('## Wat vertellen we bellers');
    // A phone number YAML would read as a number keeps its leading zero.
    expect(briefings.find((b) => b.id === 'parkeren-algemeen')!.phone).toEqual(['0201234567']);
    // URLs in the text count as URLs the briefing names.
    expect(briefings.find((b) => b.id === 'zorg-brieven')!.urls).toEqual(['voorbeeldstad.example/zorg']);
  });

  it('a missing folder is no error: no briefings, and `missing` names the folder (kcc-briefing-missing says it once)', async () => {
    const facts = await loadKcc({ folder: 'bestaat-niet' }, fixtures, [], { cwd: fixtures });
    expect(facts.briefings).toEqual([]);
    expect(facts.missing).toEqual({ folder: `${fixtures}bestaat-niet`, shown: 'bestaat-niet' });
    // Seen from a folder it is not under, the folder is shown absolute.
    expect((await loadKcc({ folder: 'bestaat-niet' }, fixtures, [], { cwd: good })).missing?.shown).toBe(`${fixtures}bestaat-niet`);
  });

  it('a path that is a file, not a folder, stops the run (KnowledgeBaseError)', async () => {
    const e = await loadError('good/kcc/afvalpas-2027.md');
    expect(e.reason.en).toBe('is not a folder');
  });

  it.each([
    ['bad/date', 'bad/date/verlopen.md', 'validUntil', 4, 'line 4, field "validUntil": must be a date, like 2027-03-31, 31-03-2027 or 31 maart 2027 (got "eind maart")'],
    ['bad/unknown-key', 'bad/unknown-key/typo.md', 'validUnitl', 4, 'line 4, field "validUnitl": unknown field — did you mean "validUntil"?'],
    ['bad/type', 'bad/type/aantal.md', 'recipients', 3, 'line 3, field "recipients": must be a whole number (0 or more) (got "heel veel")'],
    ['bad/no-letters', 'bad/no-letters/niets.md', 'letters', undefined, 'field "letters": the briefing names no letter'],
    ['bad/until-before-from', 'bad/until-before-from/omgekeerd.md', 'validUntil', 4, 'line 4, field "validUntil": 2027-02-01 is before validFrom 2027-03-01'],
    ['bad/duplicate-id', 'bad/duplicate-id/b.md', 'id', 2, 'line 2, field "id": "zelfde" is also used by bad/duplicate-id/a.md'],
  ])('bad front matter (%s) is reported on the file, with its line and field; the run goes on', async (folder, file, field, line, text) => {
    const facts = await loadKcc({ folder }, fixtures, [], { cwd: fixtures });
    expect(facts.invalid).toHaveLength(1);
    const bad = facts.invalid![0];
    expect(bad).toMatchObject({ location: file, shown: file, field });
    expect(bad.line).toBe(line);
    expect(bad.reason.en).toContain(text);
    expect(bad.reason.nl).toContain(`veld "${field}"`);
    expect(facts.briefings.map((b) => b.location)).not.toContain(file);
  });

  it('an id used twice: the first file counts, the second is reported', async () => {
    const facts = await loadKcc({ folder: 'bad/duplicate-id' }, fixtures, [], { cwd: fixtures });
    expect(facts.briefings.map((b) => [b.id, b.location])).toEqual([['zelfde', 'bad/duplicate-id/a.md']]);
    expect(facts.invalid![0].covers).toEqual({ ids: ['b'], kenmerken: [], paths: [] });
  });

  it('invalid YAML and a file without front matter are reported too, with their text to search', async () => {
    const y = await loadKcc({ folder: 'bad/yaml' }, fixtures, [], { cwd: fixtures });
    expect(y.invalid![0].location).toBe('bad/yaml/kapot.md');
    expect(y.invalid![0].reason.en).toMatch(/^line \d+: front matter is not valid YAML/);
    expect(y.invalid![0].line).toBeGreaterThan(1);
    expect(y.invalid![0].covers).toBeUndefined();
    expect(y.invalid![0].text).toContain('afvalpas-2027');
    const n = await loadKcc({ folder: 'bad/no-front-matter' }, fixtures, [], { cwd: fixtures });
    expect(n.invalid![0]).toMatchObject({ location: 'bad/no-front-matter/leeg.md' });
    expect(n.invalid![0].reason.en).toContain('no front matter');
  });

  it('several bad files: each is reported on its own, with what it names', async () => {
    const facts = await loadKcc({ folder: 'bad/two-errors' }, fixtures, [], { cwd: fixtures });
    expect(facts.briefings).toEqual([]);
    expect(facts.invalid!.map((b) => [b.location, b.line, b.field, b.covers?.ids])).toEqual([
      ['bad/two-errors/a.md', 3, 'validUntil', ['a']],
      ['bad/two-errors/b.md', 2, 'letter', []],
    ]);
    expect(facts.invalid![1].reason.en).toBe('line 2, field "letter": unknown field — did you mean "letters"? (your own fields start with "x-")');
  });

  it('dates in the forms letters accept: 2027-04-30, 30-04-2027, 30 april 2027', () => {
    const b = parseBriefingFile('---\nletters: [a]\nmailingDate: 1 februari 2027\nvalidFrom: 01-02-2027\nvalidUntil: 30 april 2027\nupdated: 2027-01-20\n---\nTekst', 'kcc/d.md', 'd');
    expect(b).toMatchObject({ mailingDate: '2027-02-01', validFrom: '2027-02-01', validUntil: '2027-04-30', lastUpdated: '2027-01-20' });
    expect(() => parseBriefingFile('---\nletters: [a]\nvalidUntil: 31-02-2027\n---\n', 'kcc/x.md', 'x')).toThrow('line 3, field "validUntil": must be a date');
  });

  it('parseBriefingFile: single values for lists, forms as URL or name, x- keys ignored', () => {
    const b = parseBriefingFile(
      '---\nletters: 2027001\nforms: [voorbeeldstad.example/a, Papieren formulier]\nurls: x.nl/b\nx-eigen: ja\n---\nTekst',
      'kcc/t.md',
      't',
    );
    expect(b.covers.ids).toEqual(['2027001']);
    expect(b.forms).toEqual([{ url: 'voorbeeldstad.example/a' }, { name: 'Papieren formulier' }]);
    expect(b.urls).toEqual(['x.nl/b']);
    expect(b.body).toBe('Tekst');
  });

  it('reads Windows line endings and a byte-order mark', () => {
    const b = parseBriefingFile('\uFEFF---\r\nletters: [a]\r\nvalidUntil: 2027-03-31\r\n---\r\nTekst\r\n', 'kcc/w.md', 'w');
    expect(b).toMatchObject({ id: 'w', covers: { ids: ['a'] }, validUntil: '2027-03-31', body: 'Tekst' });
  });

  it('FolderKnowledgeBase takes an absolute folder too', async () => {
    const kb = new FolderKnowledgeBase(`${good}/kcc/archief`, good);
    expect(kb.location).toBe('kcc/archief');
    expect((await kb.load()).map((b) => b.id)).toEqual(['zorg-brieven']);
  });
});

describe('kcc config section', () => {
  it('defaults to the folder adapter on kcc/', () => {
    expect(resolveKccConfig({})).toMatchObject({ adapter: 'folder', folder: 'kcc', timeout: 10_000, retries: 2 });
  });
  it('names the bad key', () => {
    expect(() => resolveKccConfig({ adapter: 'sharepoint' })).toThrow(/kcc\.adapter/);
    expect(() => resolveKccConfig({ adapter: 'objects-api', url: 'https://o.example' })).toThrow('kcc.objecttype: is required for adapter "objects-api"');
    expect(() => resolveKccConfig({ folder: 'kcc', tokenenv: 'X' })).toThrow('kcc.tokenenv: unknown key');
  });
  it('refuses a secret written into the config file', () => {
    expect(() => resolveKccConfig({ adapter: 'kiss', url: 'https://kiss.example', token: 's3cr3t' })).toThrow(
      'do not put secrets in the config file (kcc.token)',
    );
    try {
      resolveKccConfig({ adapter: 'kiss', url: 'https://kiss.example', apiKey: 's3cr3t' });
    } catch (e) {
      expect(String((e as Error).message)).not.toContain('s3cr3t');
    }
  });
  it('refuses credentials inside a URL', () => {
    expect(() => resolveKccConfig({ adapter: 'kiss', url: 'https://kcc:s3cr3t@kiss.example' })).toThrow('key "kcc.url" contains a user name or password');
  });
  it('plugs into the config schema as the kcc section', () => {
    const schema = buildConfigSchema([], { kcc: kccConfigSchema });
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate({ kcc: { adapter: 'objects-api', url: 'https://o.example/api/v2', objecttype: 'https://t.example/api/v2/objecttypes/1', tokenEnv: 'OBJECTS_TOKEN' } })).toBe(true);
    expect(validate({ kcc: { adapter: 'kiss', url: 'https://kiss.example', authEnv: 'KISS_COOKIE', authHeader: 'Cookie', search: ['brief'] } })).toBe(true);
    expect(validate({ kcc: { adapter: 'kiss' } })).toBe(false);
    expect(validate({ kcc: { tokenEnv: 'has space' } })).toBe(false);
  });
});
