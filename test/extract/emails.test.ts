import { describe, expect, it } from 'vitest';
import { findEmails, mailtoAddress, normalizeEmail } from '../../src/extract/emails.js';

const emails = (text: string): Array<[string, string]> => findEmails(text).map((e) => [e.printed, e.address]);

describe('findEmails', () => {
  it.each<[string, Array<[string, string]>]>([
    ['Mail naar info@gemeente.nl.', [['info@gemeente.nl', 'info@gemeente.nl']]],
    ['Belastingen@Voorbeeldstad.Example', [['Belastingen@Voorbeeldstad.Example', 'Belastingen@voorbeeldstad.example']]],
    ['naam.achternaam@meldingen.amsterdam.nl, of', [['naam.achternaam@meldingen.amsterdam.nl', 'naam.achternaam@meldingen.amsterdam.nl']]],
    ['mailto:info@x.nl', [['info@x.nl', 'info@x.nl']]],
    ['<info@x.nl>', [['info@x.nl', 'info@x.nl']]],
    ['(wmo+vragen@x.nl)', [['wmo+vragen@x.nl', 'wmo+vragen@x.nl']]],
    ['a@x.nl en b_c@y-z.example', [['a@x.nl', 'a@x.nl'], ['b_c@y-z.example', 'b_c@y-z.example']]],
    ['josé@gemeente.nl', [['josé@gemeente.nl', 'josé@gemeente.nl']]],
  ])('%j', (text, expected) => {
    expect(emails(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['no domain dot', 'user@localhost'],
    ['twitter handle', 'volg @gemeente'],
    ['placeholder', '{{ reporter_email }} en [Vul email in]'],
    ['at sign alone', 'a @ b.nl'],
    ['URL', 'https://x.nl/@user'],
  ])('not: %s', (_name, text) => {
    expect(emails(text)).toEqual([]);
  });

  it('reports offsets', () => {
    const text = 'Mail info@x.nl.';
    const [e] = findEmails(text);
    expect(text.slice(e.start, e.end)).toBe('info@x.nl');
  });
});

describe('mailtoAddress / normalizeEmail', () => {
  it.each<[string, string | null]>([
    ['mailto:info@X.NL', 'info@x.nl'],
    ['MAILTO:info@x.nl?subject=Vraag', 'info@x.nl'],
    ['mailto:info%40x.nl', 'info@x.nl'],
    ['mailto:', null],
    ['https://x.nl', null],
  ])('%s → %s', (href, expected) => {
    expect(mailtoAddress(href)).toBe(expected);
  });
  it('lower-cases the domain only', () => {
    expect(normalizeEmail('Info@X.NL')).toBe('Info@x.nl');
  });
});
