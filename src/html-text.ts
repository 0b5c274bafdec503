/** Text out of bits of HTML: character references decoded, tags dropped. Shared by the readers and the fact gatherers. */

/** Named character references brieflint decodes (the ones Dutch web pages and knowledge bases use). */
export const HTML_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  euro: '€',
  euml: 'ë',
  eacute: 'é',
  egrave: 'è',
  iuml: 'ï',
  ouml: 'ö',
  uuml: 'ü',
  auml: 'ä',
  rsquo: '’',
  lsquo: '‘',
  ndash: '–',
  mdash: '—',
  hellip: '…',
};

/** `&amp;`, `&#233;`, `&#xE9;` … decoded; an unknown name or an invalid code point is left as written. */
export function decodeEntities(s: string, names: Readonly<Record<string, string>> = HTML_ENTITIES): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return names[e.toLowerCase()] ?? all;
  });
}

/** The text of an HTML fragment on one line: tags become spaces, entities decoded, whitespace collapsed. */
export function fragmentText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}
