import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { briefingFileName, renderBriefing } from '../../src/briefing.js';
import { loadKcc } from '../../src/facts/kcc/index.js';
import { resolveConfig } from '../../src/config/index.js';
import missing from '../../rules/kcc-briefing-missing.js';
import outdated from '../../rules/kcc-briefing-outdated.js';
import mismatch from '../../rules/kcc-briefing-mismatch.js';
import type { Rule } from '../../src/rule.js';
import type { KccFacts } from '../../src/facts/kcc/types.js';
import type { Letter, LetterMeta, References, UrlRef } from '../../src/types.js';

const at = (line: number, column = 1) => ({ line, column, part: 'body' as const });
const bare = (printed: string, line: number, column = 1): UrlRef => ({
  printed,
  href: /^[a-z]+:\/\//i.test(printed) ? printed : `https://${printed}`,
  location: at(line, column),
  linked: false,
  visible: true,
});

function letter(meta: Partial<LetterMeta>, path = 'brieven/kwijtschelding-2027.docx'): Letter {
  return { path, format: 'docx', meta: { id: 'kwijtschelding-2027', ...meta }, blocks: [], links: [], directives: [] };
}

const kwijtschelding = letter({
  kenmerk: 'BEL/2027/0142',
  title: 'Kwijtschelding: gemeentelijke belastingen "2027"',
  mailingDate: '2027-02-01',
  recipients: 12500,
  owner: 'Team Belastingen',
});
const refs: References = {
  urls: [
    bare('voorbeeldstad.example/kwijtschelding', 5, 30),
    bare('https://www.voorbeeldstad.example/kwijtschelding/', 9),
    bare('voorbeeldstad.example/Content/Afval_Aanvragen.aspx?id=4711', 11),
    { ...bare('klik hier', 12), href: 'https://x.example/verborgen', linked: true, visible: false },
    bare('{{ status_url }}', 13),
  ],
  forms: [
    { kind: 'online-application', text: 'vraag het aan op', location: at(5, 10) },
    { kind: 'paper-form', text: 'het formulier bij deze brief', location: at(20) },
  ],
  phones: [
    { printed: '14 0123', normalized: '140123', location: at(7) },
    { printed: '020 - 123 45 67', normalized: '0201234567', location: at(8) },
    { printed: '140123', normalized: '140123', location: at(15) },
  ],
  emails: [],
  logins: [{ kind: 'digid', text: 'DigiD', location: at(6) }],
  placeholders: [],
};

async function roundTrip(l: Letter, r: References, today: string): Promise<{ text: string; kcc: KccFacts }> {
  const root = await mkdtemp(join(tmpdir(), 'brieflint-kcc-'));
  try {
    const text = renderBriefing(l, r, today);
    await mkdir(join(root, 'kcc'));
    await writeFile(join(root, 'kcc', briefingFileName(l)), text);
    const kcc = await loadKcc({}, root, [l], { cwd: root });
    return { text, kcc };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

function run(rule: Rule, l: Letter, r: References, kcc: KccFacts, today: string) {
  return rule.check({ letter: l, refs: r, facts: { offline: false, today, kcc }, options: rule.meta.defaultOptions, config: resolveConfig({}, '/tmp', []) });
}

describe('renderBriefing', () => {
  it('writes front matter filled from the letter and a Dutch body with TODOs', () => {
    const text = renderBriefing(kwijtschelding, refs, '2027-01-10');
    expect(text).toContain('letters: [kwijtschelding-2027]\nkenmerken: [BEL/2027/0142]\nmailingDate: 2027-02-01\nrecipients: 12500\n');
    expect(text).toContain('validFrom: 2027-02-01\nvalidUntil: 2027-03-29\n');
    expect(text).toContain('urls:\n  - voorbeeldstad.example/kwijtschelding\n  - voorbeeldstad.example/Content/Afval_Aanvragen.aspx?id=4711\n');
    expect(text).toContain('phone:\n  - 14 0123\n  - 020 - 123 45 67\n');
    expect(text).toContain('owner: Team Belastingen\nupdated: 2027-01-10\n---');
    expect(text).not.toContain('verborgen');
    expect(text).not.toContain('status_url');
    for (const h of ['## Wat staat er in de brief', '## Wat vertellen we bellers', '## Wanneer escaleren']) expect(text).toContain(h);
    expect(text).toContain('- Verzonden op 1 februari 2027 aan 12.500 ontvangers.');
    expect(text).toContain('- Inloggen met DigiD.');
    expect(text.match(/TODO/g)!.length).toBeGreaterThan(4);
  });

  it('round trip: the folder adapter loads it, and the kcc rules pass the letter', async () => {
    const { kcc } = await roundTrip(kwijtschelding, refs, '2027-01-10');
    expect(kcc.briefings).toHaveLength(1);
    const b = kcc.briefings[0];
    expect(b).toMatchObject({
      id: 'kwijtschelding-2027',
      location: 'kcc/kwijtschelding-2027.md',
      title: 'KCC-briefing: Kwijtschelding: gemeentelijke belastingen "2027"',
      covers: { ids: ['kwijtschelding-2027'], kenmerken: ['BEL/2027/0142'], paths: [] },
      mailingDate: '2027-02-01',
      recipients: 12500,
      validFrom: '2027-02-01',
      validUntil: '2027-03-29',
      phone: ['14 0123', '020 - 123 45 67'],
      owner: 'Team Belastingen',
      lastUpdated: '2027-01-10',
    });
    expect(b.forms).toEqual([
      { url: 'voorbeeldstad.example/kwijtschelding' },
      { name: 'TODO: naam van het formulier (de brief zegt “het formulier bij deze brief”)' },
    ]);
    for (const rule of [outdated, mismatch] as Rule[]) expect(run(rule, kwijtschelding, refs, kcc, '2027-01-10')).toEqual([]);
    // It covers the letter, but until its TODOs are filled in it is reported as a draft.
    const draft = run(missing as Rule, kwijtschelding, refs, kcc, '2027-01-10');
    expect(draft.map((r) => r.message.en)).toEqual([
      'The KCC briefing kcc/kwijtschelding-2027.md is still a draft: it holds TODOs. The contact centre does not yet know what to tell callers.',
    ]);
  });

  it('a letter without mailing date, kenmerk or owner: valid from today, TODOs in the front matter, still loads', async () => {
    const bare = letter({ id: 'Brief Ä/1' }, 'brieven/x.md');
    const { text, kcc } = await roundTrip(bare, { ...refs, urls: [], forms: [], phones: [{ printed: '0201234567', normalized: '0201234567', location: at(1) }] }, '2027-01-10');
    expect(text).toContain('# TODO: de brief heeft geen verzenddatum');
    expect(text).toContain('validFrom: 2027-01-10\nvalidUntil: 2027-03-07\n');
    expect(text).toContain('owner: "TODO: team of persoon die deze briefing bijhoudt"');
    expect(kcc.briefings[0].covers.ids).toEqual(['Brief Ä/1']);
    expect(kcc.briefings[0].phone).toEqual(['0201234567']);
    expect(run(missing, bare, refs, kcc, '2027-01-10').map((r) => r.message.en)).toEqual([
      'The KCC briefing kcc/brief-a-1.md is still a draft: it holds TODOs. The contact centre does not yet know what to tell callers.',
    ]);
    expect(run(outdated, bare, refs, kcc, '2027-01-10')).toEqual([]);
  });
});

describe('briefingFileName', () => {
  it('is the letter id as a safe slug', () => {
    expect(briefingFileName(letter({}))).toBe('kwijtschelding-2027.md');
    expect(briefingFileName(letter({ id: 'Brief Ä/1 (concept)' }))).toBe('brief-a-1-concept.md');
    expect(briefingFileName(letter({ id: '' }, 'brieven/Afvalpas 2027.docx'))).toBe('afvalpas-2027.md');
    expect(briefingFileName(letter({ id: '***' }))).toBe('briefing.md');
  });
});
