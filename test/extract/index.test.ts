import { describe, expect, it } from 'vitest';
import { extractReferences } from '../../src/extract/index.js';
import { segmentsForLines } from '../../src/model/locate.js';
import type { Letter, Link, Part, TextBlock } from '../../src/types.js';

function block(text: string, line = 1, part: Part = 'body'): TextBlock {
  return { text, part, segments: segmentsForLines(text, line, 1) };
}

function letter(blocks: TextBlock[], links: Link[] = []): Letter {
  return { path: 'brief.md', format: 'markdown', meta: { id: 'brief' }, blocks, links, directives: [] };
}

/** A link over the first occurrence of `text` in blocks[bi]. */
function linkOver(blocks: TextBlock[], bi: number, text: string, href: string): Link {
  const start = blocks[bi].text.indexOf(text);
  const seg = blocks[bi].segments[0];
  return { href, text, location: { line: seg.line, column: seg.column + start, part: blocks[bi].part }, block: bi, start, end: start + text.length };
}

describe('extractReferences', () => {
  it('finds bare URLs with their locations', () => {
    const refs = extractReferences(letter([block('Kijk op www.x.nl/afval.\nOf op x.nl/afval.', 3)]));
    expect(refs.urls).toEqual([
      { printed: 'www.x.nl/afval', href: 'https://www.x.nl/afval', location: { line: 3, column: 9, part: 'body' }, linked: false, visible: true },
      { printed: 'x.nl/afval', href: 'https://x.nl/afval', location: { line: 4, column: 7, part: 'body' }, linked: false, visible: true },
    ]);
  });

  it('keeps the same URL twice as two refs', () => {
    const refs = extractReferences(letter([block('www.x.nl'), block('www.x.nl', 3)]));
    expect(refs.urls.map((u) => u.location.line)).toEqual([1, 3]);
  });

  it('merges a hyperlink whose text is a URL, without a second bare ref', () => {
    const blocks = [block('Gebruik meldingen.amsterdam.nl (ook mobiel).')];
    const refs = extractReferences(letter(blocks, [linkOver(blocks, 0, 'meldingen.amsterdam.nl', 'https://meldingen.amsterdam.nl')]));
    expect(refs.urls).toEqual([
      {
        printed: 'meldingen.amsterdam.nl',
        href: 'https://meldingen.amsterdam.nl',
        location: { line: 1, column: 9, part: 'body' },
        linkText: 'meldingen.amsterdam.nl',
        linked: true,
        visible: true,
      },
    ]);
  });

  it('a link with other text: printed is the target, not visible', () => {
    const blocks = [block('Klik hier om te reageren.')];
    const refs = extractReferences(letter(blocks, [linkOver(blocks, 0, 'hier', 'HTTPS://WWW.X.NL/Reageren')]));
    expect(refs.urls).toEqual([
      { printed: 'HTTPS://WWW.X.NL/Reageren', href: 'https://www.x.nl/Reageren', location: { line: 1, column: 6, part: 'body' }, linkText: 'hier', linked: true, visible: false },
    ]);
  });

  it('link text that looks like a URL but differs from the target', () => {
    const blocks = [block('Zie www.x.nl/a voor meer.')];
    const refs = extractReferences(letter(blocks, [linkOver(blocks, 0, 'www.x.nl/a', 'https://tracker.example/r?u=1')]));
    expect(refs.urls).toHaveLength(1);
    expect(refs.urls[0]).toMatchObject({ printed: 'www.x.nl/a', href: 'https://tracker.example/r?u=1', visible: true, linked: true });
  });

  it('keeps a non-URL target as-is; a placeholder target is the placeholder only (one finding, not two)', () => {
    const blocks = [block('Bevestig uw e-mailadres om in te loggen.')];
    const links = [linkOver(blocks, 0, 'Bevestig uw e-mailadres', '{{ my_signals_url }}'), linkOver(blocks, 0, 'in te loggen', 'bijlage.pdf')];
    const refs = extractReferences(letter(blocks, links));
    expect(refs.urls.map((u) => [u.printed, u.href, u.visible])).toEqual([['bijlage.pdf', 'bijlage.pdf', false]]);
    expect(refs.placeholders).toEqual([
      { printed: '{{ my_signals_url }}', location: { line: 1, column: 1, part: 'body' }, inUrl: true, role: 'address' },
    ]);
  });

  it('a phone or e-mail placeholder in a tel: or mailto: target is no number and no address placeholder', () => {
    const blocks = [block('Bel ons of mail ons.')];
    const links = [linkOver(blocks, 0, 'Bel ons', 'tel:{{ phone }}'), linkOver(blocks, 0, 'mail ons', 'mailto:{{ email }}')];
    const refs = extractReferences(letter(blocks, links));
    expect(refs.phones).toEqual([]);
    expect(refs.emails).toEqual([]);
    expect(refs.placeholders.map((p) => [p.printed, p.inUrl, p.role])).toEqual([
      ['{{ phone }}', false, 'phone'],
      ['{{ email }}', false, 'email'],
    ]);
  });

  it('a scheme-less link target is not normalized', () => {
    const blocks = [block('Zie Website.')];
    const refs = extractReferences(letter(blocks, [linkOver(blocks, 0, 'Website', 'WWW.X.NL/a')]));
    expect(refs.urls[0].href).toBe('WWW.X.NL/a');
  });

  it('mailto: and tel: links become emails and phones, not URLs', () => {
    const blocks = [block('Mail info@x.nl of bel 14 020. Of mail ons.')];
    const links = [
      linkOver(blocks, 0, 'info@x.nl', 'mailto:info@x.nl?subject=Vraag'),
      linkOver(blocks, 0, '14 020', 'tel:14020'),
      linkOver(blocks, 0, 'mail ons', 'mailto:Post@X.NL'),
    ];
    const refs = extractReferences(letter(blocks, links));
    expect(refs.urls).toEqual([]);
    expect(refs.emails.map((e) => [e.printed, e.address, e.location.column])).toEqual([
      ['info@x.nl', 'info@x.nl', 6],
      ['mail ons', 'Post@x.nl', 34],
    ]);
    expect(refs.phones.map((p) => [p.printed, p.normalized])).toEqual([['14 020', '14020']]);
  });

  it('skips in-document bookmark links and empty targets', () => {
    const blocks = [block('Inhoud')];
    const refs = extractReferences(letter(blocks, [linkOver(blocks, 0, 'Inhoud', '#_Toc123'), linkOver(blocks, 0, 'Inhoud', '')]));
    expect(refs.urls).toEqual([]);
  });

  it('uses link.location when the link has no block range', () => {
    const link: Link = { href: 'https://x.nl/a', text: 'https://x.nl/a', location: { line: 7, column: 2, part: 'footnote' } };
    const refs = extractReferences(letter([block('Tekst'), block('voet', 1, 'footnote')], [link]));
    expect(refs.urls).toEqual([
      { printed: 'https://x.nl/a', href: 'https://x.nl/a', location: { line: 7, column: 2, part: 'footnote' }, linkText: 'https://x.nl/a', linked: true, visible: true },
    ]);
  });

  it('excludes e-mail domains and placeholder URLs, and reports the placeholders', () => {
    const refs = extractReferences(letter([block('Mail vragen@meldingen.amsterdam.nl.\nhttps://[gemeentenaam].nl/afval\n<URL VRAGENLIJST>')]));
    expect(refs.urls).toEqual([]);
    expect(refs.emails.map((e) => e.address)).toEqual(['vragen@meldingen.amsterdam.nl']);
    expect(refs.placeholders.map((p) => [p.printed, p.inUrl, p.location.line])).toEqual([
      ['[gemeentenaam]', true, 2],
      ['<URL VRAGENLIJST>', true, 3],
    ]);
  });

  it('collects phones, forms and logins with locations', () => {
    const refs = extractReferences(
      letter([block('Vraag het online aan met DigiD op www.x.nl/aanvragen.'), block('Vragen? Bel 14 020 of gebruik het formulier bij deze brief.', 3)]),
    );
    expect(refs.logins).toEqual([{ kind: 'digid', text: 'DigiD', location: { line: 1, column: 26, part: 'body' } }]);
    expect(refs.forms.map((f) => [f.kind, f.text, f.location.line, f.online])).toEqual([
      ['online-application', 'Vraag het online aan', 1, true],
      ['login', 'DigiD', 1, true], // "met DigiD" beside an online call is logging in
      ['phone', 'Bel', 3, false],
      ['paper-form', 'gebruik het formulier bij deze brief', 3, false],
    ]);
    // The call points at the address printed with it.
    expect(refs.urls[refs.forms[0].url ?? -1]?.printed).toBe('www.x.nl/aanvragen');
    expect(refs.phones).toEqual([{ printed: '14 020', normalized: '14020', location: { line: 3, column: 13, part: 'body' } }]);
  });

  it('sorts by location, parts in the order the blocks show them', () => {
    const blocks = [block('www.kop.nl', 1, 'header'), block('Tekst www.b.nl', 2), block('www.a.nl', 1), block('www.voet.nl', 1, 'footer')];
    const links: Link[] = [{ href: 'https://c.nl', text: 'c', location: { line: 1, column: 3, part: 'body' } }];
    const refs = extractReferences(letter(blocks, links));
    expect(refs.urls.map((u) => u.href)).toEqual([
      'https://www.kop.nl',
      'https://www.a.nl',
      'https://c.nl',
      'https://www.b.nl',
      'https://www.voet.nl',
    ]);
  });

  it('handles an empty letter', () => {
    expect(extractReferences(letter([]))).toEqual({ urls: [], forms: [], phones: [], emails: [], logins: [], placeholders: [] });
  });
});
