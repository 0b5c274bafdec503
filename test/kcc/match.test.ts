import { describe, expect, it } from 'vitest';
import { coverReason, coveringBriefings, selectBriefing, briefingFor, mentioningBriefings, letterForms } from '../../src/model/briefing-match.js';
import { addDays, isIsoDate, isoDate as toLocalDate } from '../../src/model/date.js';
import { urlsInText } from '../../src/extract/urls.js';
import { normalizePhone, phonesInText } from '../../src/extract/phones.js';
import { urlKey } from '../../src/model/url.js';
import { termsNamedIn } from '../../src/facts/kcc/fields.js';
import { htmlLinks, htmlToText } from '../../src/facts/kcc/html.js';
import type { Briefing, KccFacts } from '../../src/facts/kcc/types.js';
import type { References, UrlRef } from '../../src/types.js';

function briefing(partial: Partial<Briefing> & { id: string }): Briefing {
  return {
    source: 'folder',
    location: `kcc/${partial.id}.md`,
    covers: { ids: [], kenmerken: [], paths: [] },
    urls: [],
    forms: [],
    phone: [],
    body: '',
    ...partial,
  };
}

const letter = (id: string, kenmerk?: string, path = 'brieven/x.md') => ({ path, meta: { id, ...(kenmerk ? { kenmerk } : {}) } });
const url = (printed: string, href = `https://${printed}`, line = 1, column = 1): UrlRef => ({
  printed,
  href,
  location: { line, column, part: 'body' },
  linked: false,
  visible: true,
});

describe('urlKey', () => {
  it('ignores scheme, www., trailing slash, host case and default ports', () => {
    const k = urlKey('voorbeeldstad.example/kwijtschelding');
    for (const u of [
      'https://www.voorbeeldstad.example/kwijtschelding/',
      'http://Voorbeeldstad.Example/kwijtschelding',
      'WWW.VOORBEELDSTAD.EXAMPLE/kwijtschelding',
      'https://voorbeeldstad.example:443/kwijtschelding',
    ]) {
      expect(urlKey(u)).toBe(k);
    }
  });
  it('keeps path case, query and other paths apart', () => {
    expect(urlKey('voorbeeldstad.example/Afval')).not.toBe(urlKey('voorbeeldstad.example/afval'));
    expect(urlKey('x.nl/a?id=1')).not.toBe(urlKey('x.nl/a?id=2'));
    expect(urlKey('x.nl/a/?id=1')).toBe(urlKey('x.nl/a?id=1'));
  });
});

describe('text helpers', () => {
  it('normalizes Dutch phone numbers', () => {
    expect(normalizePhone('14 0123')).toBe('140123');
    expect(normalizePhone('+31 (0)20 123 4567')).toBe('0201234567');
    expect(normalizePhone('0031 20 123 4567')).toBe('0201234567');
    expect(normalizePhone('020-1234567')).toBe('0201234567');
    expect(normalizePhone('+32 2 123 45 67')).toBe(normalizePhone('0032 2 123 45 67'));
  });
  it('finds URLs and phone numbers in free text', () => {
    expect(urlsInText('Kijk op www.x.nl/afval, of https://y.nl/b. Bijv. niet a.b of info@x.nl/z')).toEqual(['www.x.nl/afval', 'https://y.nl/b']);
    expect(urlsInText('[aanvragen](https://x.nl/aanvragen) en x.nl/pad.')).toEqual(['https://x.nl/aanvragen', 'x.nl/pad']);
    expect(phonesInText('Bel 14 0123 of 020 - 123 45 67.')).toEqual(['140123', '0201234567']);
  });
  it('dates: real calendar dates, date-times in Dutch time', () => {
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(addDays('2027-02-01', 42)).toBe('2027-03-15');
    expect(toLocalDate('2027-01-31T23:30:00Z')).toBe('2027-02-01');
    expect(toLocalDate('2027-06-30T23:30:00+02:00')).toBe('2027-06-30');
    expect(toLocalDate('2027-03-01T10:00:00')).toBe('2027-03-01');
    expect(toLocalDate('gisteren')).toBeUndefined();
  });
  it('HTML: text and link targets', () => {
    const html = '<p>Vraag aan op <a href="https://www.x.nl/aanvragen?a=1&amp;b=2">x.nl/aanvragen</a>.</p><ul><li>Bel&nbsp;14 0123</li></ul><a href="mailto:a@b.nl">m</a>';
    expect(htmlLinks(html)).toEqual(['https://www.x.nl/aanvragen?a=1&b=2']);
    expect(htmlToText(html)).toBe('Vraag aan op x.nl/aanvragen.\nBel 14 0123\nm');
  });
  it('termsNamedIn: whole ids and kenmerken only', () => {
    const text = 'Werkinstructie bij brief BEL/2027/0142 (kwijtschelding-2027). Zie ook afvalpas-2027-b.';
    expect(termsNamedIn(text, ['BEL/2027/0142', 'kwijtschelding-2027', 'afvalpas-2027', 'kwijtschelding'])).toEqual([
      'BEL/2027/0142',
      'kwijtschelding-2027',
    ]);
  });
});

describe('matching', () => {
  it('covers by id or kenmerk, without case, and by path glob relative to the config root', () => {
    const b = briefing({ id: 'a', covers: { ids: ['Kwijtschelding-2027'], kenmerken: ['bel/2027/0142'], paths: [] } });
    expect(coverReason(b, letter('kwijtschelding-2027'))).toEqual({ kind: 'id', value: 'kwijtschelding-2027' });
    expect(coverReason(b, letter('other', 'BEL/2027/0142'))).toEqual({ kind: 'kenmerk', value: 'BEL/2027/0142' });
    expect(coverReason(b, letter('other'))).toBeUndefined();
    const g = briefing({ id: 'g', covers: { ids: [], kenmerken: [], paths: ['brieven/zorg-*.md'] } });
    expect(coverReason(g, letter('z', undefined, '../letters/brieven/zorg-1.md'), 'brieven/zorg-1.md')).toEqual({ kind: 'path', glob: 'brieven/zorg-*.md' });
    expect(coverReason(g, letter('z', undefined, 'brieven/afval.md'))).toBeUndefined();
    const base = briefing({ id: 'b', covers: { ids: [], kenmerken: [], paths: ['*.docx'] } });
    expect(coverReason(base, letter('z', undefined, 'brieven/2027/afvalpas.docx'))).toEqual({ kind: 'path', glob: '*.docx' });
  });

  it('uses letterPaths from the facts for globs', () => {
    const kcc: KccFacts = {
      source: 'folder',
      location: 'kcc',
      briefings: [briefing({ id: 'g', covers: { ids: [], kenmerken: [], paths: ['brieven/*.md'] } })],
      letterPaths: { 'x.md': 'brieven/x.md' },
    };
    expect(coveringBriefings(letter('x', undefined, 'x.md'), kcc)).toHaveLength(1);
  });

  it('selects the best current briefing: valid on the date, then longest, then newest, then by id', () => {
    const expired = briefing({ id: 'expired', covers: { ids: ['x'], kenmerken: [], paths: [] }, validUntil: '2027-01-31' });
    const current = briefing({ id: 'current', covers: { ids: ['x'], kenmerken: [], paths: [] }, validFrom: '2027-01-01', validUntil: '2027-04-30' });
    const open = briefing({ id: 'open', covers: { ids: ['x'], kenmerken: [], paths: [] }, validFrom: '2027-01-01' });
    const future = briefing({ id: 'future', covers: { ids: ['x'], kenmerken: [], paths: [] }, validFrom: '2027-03-01', validUntil: '2099-01-01' });
    const cov = (bs: Briefing[]) => bs.map((b) => ({ briefing: b, reason: { kind: 'id' as const, value: 'x' } }));
    expect(selectBriefing(cov([expired, current, future]), '2027-02-01')?.briefing.id).toBe('current');
    expect(selectBriefing(cov([expired, current, open]), '2027-02-01')?.briefing.id).toBe('open');
    expect(selectBriefing(cov([expired, future]), '2027-02-01')?.briefing.id).toBe('future');
    const older = { ...current, id: 'older', lastUpdated: '2027-01-01' };
    const newer = { ...current, id: 'newer', lastUpdated: '2027-01-20' };
    expect(selectBriefing(cov([older, newer]), '2027-02-01')?.briefing.id).toBe('newer');
    expect(selectBriefing([], '2027-02-01')).toBeUndefined();
  });

  it('briefingFor: the summary for JSON output', () => {
    const kcc: KccFacts = {
      source: 'folder',
      location: 'kcc',
      briefings: [
        briefing({ id: 'a', covers: { ids: ['x'], kenmerken: [], paths: [] }, validUntil: '2027-01-01' }),
        briefing({ id: 'b', title: 'B', covers: { ids: ['x'], kenmerken: [], paths: [] }, validUntil: '2027-05-01' }),
      ],
    };
    expect(briefingFor({ path: 'x.md', meta: { id: 'x', mailingDate: '2027-02-01' } }, kcc, '2027-01-10')).toEqual({
      source: 'folder',
      id: 'b',
      location: 'kcc/b.md',
      title: 'B',
      validUntil: '2027-05-01',
      covering: 2,
    });
    expect(briefingFor({ path: 'y.md', meta: { id: 'y' } }, kcc, '2027-01-10')).toBeUndefined();
  });

  it('finds briefings that mention a URL of the letter without covering it', () => {
    const other = briefing({ id: 'parkeren', urls: ['https://www.voorbeeldstad.example/parkeren/'] });
    const hits = mentioningBriefings([url('voorbeeldstad.example/parkeren')], [other, briefing({ id: 'none' })]);
    expect(hits.map((h) => h.briefing.id)).toEqual(['parkeren']);
  });

  it('pairs a form mention with the URL after it on the same line or just below', () => {
    const r: References = {
      urls: [url('x.nl/voor', undefined, 3, 1), url('x.nl/na', undefined, 3, 40), url('x.nl/onder', undefined, 6, 1)],
      forms: [
        { kind: 'online-form', text: 'vul het formulier in op', location: { line: 3, column: 10, part: 'body' } },
        { kind: 'online-form', text: 'vul het formulier in op', location: { line: 5, column: 50, part: 'body' } },
        { kind: 'paper-form', text: 'het formulier bij deze brief', location: { line: 20, column: 1, part: 'body' } },
      ],
      phones: [],
      emails: [],
      logins: [],
      placeholders: [],
    };
    expect(letterForms(r).map((f) => f.url?.printed)).toEqual(['x.nl/na', 'x.nl/onder', undefined]);
  });
});
