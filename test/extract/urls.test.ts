import { describe, expect, it } from 'vitest';
import { findUrls, looksLikeUrl } from '../../src/extract/urls.js';
import { normalizeUrl, sameUrl } from '../../src/model/url.js';

/** [printed, href] of every URL found. */
const urls = (text: string): Array<[string, string]> => findUrls(text).map((u) => [u.printed, u.href]);

describe('findUrls: positives', () => {
  it.each<[string, Array<[string, string]>]>([
    ['Kijk op https://www.gemeente.nl/afval', [['https://www.gemeente.nl/afval', 'https://www.gemeente.nl/afval']]],
    ['Kijk op http://gemeente.nl/afval', [['http://gemeente.nl/afval', 'http://gemeente.nl/afval']]],
    ['Kijk op www.gemeente.nl/afval', [['www.gemeente.nl/afval', 'https://www.gemeente.nl/afval']]],
    ['Ga naar gemeente.nl/pad', [['gemeente.nl/pad', 'https://gemeente.nl/pad']]],
    ['op meldingen.amsterdam.nl (ook mobiel)', [['meldingen.amsterdam.nl', 'https://meldingen.amsterdam.nl']]],
    ['via voorbeeldstad.example/kwijtschelding', [['voorbeeldstad.example/kwijtschelding', 'https://voorbeeldstad.example/kwijtschelding']]],
    ['via voorbeeldstad.test/a', [['voorbeeldstad.test/a', 'https://voorbeeldstad.test/a']]],
    ['via x.localhost', [['x.localhost', 'https://x.localhost']]],
    ['http://localhost:8080/x', [['http://localhost:8080/x', 'http://localhost:8080/x']]],
    ['www.rijksoverheid.nl, www.overheid.eu en europa.eu', [
      ['www.rijksoverheid.nl', 'https://www.rijksoverheid.nl'],
      ['www.overheid.eu', 'https://www.overheid.eu'],
      ['europa.eu', 'https://europa.eu'],
    ]],
    ['toeslagen.com, x.org, x.net, x.info, usa.gov, x.be', [
      ['toeslagen.com', 'https://toeslagen.com'], ['x.org', 'https://x.org'], ['x.net', 'https://x.net'],
      ['x.info', 'https://x.info'], ['usa.gov', 'https://usa.gov'], ['x.be', 'https://x.be'],
    ]],
    ['nieuwe gTLD: www.gemeente.amsterdam en fryslan.frl', [
      ['www.gemeente.amsterdam', 'https://www.gemeente.amsterdam'], ['fryslan.frl', 'https://fryslan.frl'],
    ]],
    ['www. with any TLD: www.gemeente.voorbeeld', [['www.gemeente.voorbeeld', 'https://www.gemeente.voorbeeld']]],
    ['Waarstaatjegemeente.nl.', [['Waarstaatjegemeente.nl', 'https://waarstaatjegemeente.nl']]],
    ['HTTPS://WWW.X.NL/Pad', [['HTTPS://WWW.X.NL/Pad', 'https://www.x.nl/Pad']]],
    ['GEMEENTE.NL', [['GEMEENTE.NL', 'https://gemeente.nl']]],
    ['Gemeente.NL/Afval', [['Gemeente.NL/Afval', 'https://gemeente.nl/Afval']]],
    ['WWW.GEMEENTE.VOORBEELD', [['WWW.GEMEENTE.VOORBEELD', 'https://www.gemeente.voorbeeld']]],
    ['file in a URL path: www.x.nl/brief.pdf en x.nl/formulier.docx', [
      ['www.x.nl/brief.pdf', 'https://www.x.nl/brief.pdf'], ['x.nl/formulier.docx', 'https://x.nl/formulier.docx'],
    ]],
    ['ftp://files.x.nl/a', [['ftp://files.x.nl/a', 'ftp://files.x.nl/a']]],
    ['zie https://x.nl/a?b=1&c=2#d, dan', [['https://x.nl/a?b=1&c=2#d', 'https://x.nl/a?b=1&c=2#d']]],
    ['https://www.gemeente-süd.de/straße', [['https://www.gemeente-süd.de/straße', 'https://www.gemeente-süd.de/straße']]],
    ['gemeente.nl:8080/pad', [['gemeente.nl:8080/pad', 'https://gemeente.nl:8080/pad']]],
    ['<https://x.nl>', [['https://x.nl', 'https://x.nl']]],
    ['[www.x.nl]', [['www.x.nl', 'https://www.x.nl']]],
    ['twice: x.nl/a and x.nl/a', [['x.nl/a', 'https://x.nl/a'], ['x.nl/a', 'https://x.nl/a']]],
  ])('%j', (text, expected) => {
    expect(urls(text)).toEqual(expected);
  });

  it('reports offsets into the text', () => {
    const text = 'Kijk op www.gemeente.nl/afval.';
    const [u] = findUrls(text);
    expect(u).toMatchObject({ start: 8, end: 29 });
    expect(text.slice(u.start, u.end)).toBe(u.printed);
  });
});

describe('findUrls: trailing punctuation and brackets', () => {
  it.each<[string, string]>([
    ['Kijk op www.x.nl/a.', 'www.x.nl/a'],
    ['Kijk op www.x.nl/a,', 'www.x.nl/a'],
    ['Kijk op www.x.nl/a;', 'www.x.nl/a'],
    ['Kijk op: www.x.nl/a:', 'www.x.nl/a'],
    ['Kijk op www.x.nl/a!', 'www.x.nl/a'],
    ['Kijk op www.x.nl/a?', 'www.x.nl/a'],
    ['Kijk op www.x.nl/a…', 'www.x.nl/a'],
    ['Kijk op "www.x.nl/a".', 'www.x.nl/a'],
    ["Kijk op 'www.x.nl/a'.", 'www.x.nl/a'],
    ['Kijk op “www.x.nl/a”.', 'www.x.nl/a'],
    ['Kijk op ‘www.x.nl/a’.', 'www.x.nl/a'],
    ['Kijk op «www.x.nl/a».', 'www.x.nl/a'],
    ['Kijk op *www.x.nl/a*.', 'www.x.nl/a'],
    ['(zie www.x.nl/a)', 'www.x.nl/a'],
    ['(zie www.x.nl/a).', 'www.x.nl/a'],
    ['(zie www.x.nl/a_(b))', 'www.x.nl/a_(b)'],
    ['(zie www.x.nl/a_(b)).', 'www.x.nl/a_(b)'],
    ['https://nl.wikipedia.org/wiki/Gemeente_(Nederland).', 'https://nl.wikipedia.org/wiki/Gemeente_(Nederland)'],
    ['[zie www.x.nl/a]', 'www.x.nl/a'],
    ['www.x.nl/a?b=1.', 'www.x.nl/a?b=1'],
  ])('%j → %s', (text, printed) => {
    expect(urls(text).map(([p]) => p)).toEqual([printed]);
  });
});

describe('findUrls: negatives', () => {
  it.each<[string, string]>([
    ['e-mail address', 'Mail naar info@gemeente.nl.'],
    ['e-mail with subdomain', 'naam.achternaam@meldingen.amsterdam.nl'],
    ['mailto', 'mailto:info@gemeente.nl'],
    ['time 19.00', 'om 19.00 uur'],
    ['time 9.30 uur', 'tussen 9.30 uur en 17.00 uur'],
    ['time 08:00', 'tussen 08:00 en 18:00 uur'],
    ['decimal', '€ 1.250,00'],
    ['version and date', 'v1.2.3 op 12.03.2027'],
    ['bijv.', 'bijv. een dakkapel'],
    ['o.a.', 'o.a. de gemeente'],
    ['t.a.v.', 't.a.v. de heer Jansen'],
    ['z.s.m.', 'z.s.m. reageren'],
    ['d.w.z.', 'd.w.z. binnen 8 weken'],
    ['e.e.a.', 'e.e.a. geregeld'],
    ['initials', 'A.M. Betenaar'],
    ['title with missing space', 'Geachte mevr.de Vries'],
    ['Mr.drs.', 'Mr.drs. Jansen'],
    ['nr.12', 'nr.12 en Tel.nr. 14020'],
    ['sentence without space', 'na 18.00 uur.De gemeente'],
    ['sentence without space 2', 'Wij hebben uw melding.Wij bellen u.'],
    ['pdf', 'zie bijlage.pdf'],
    ['docx', 'vul formulier.docx in'],
    ['doc', 'lees brief.doc'],
    ['md (a TLD too)', 'zie README.md'],
    ['file list', 'formulier.docx, brief.doc en bijlage.pdf'],
    ['scheme without dotted host', 'https://meldingen'],
    ['protocol-relative', 'zie //www.x.nl'],
    ['placeholder host', 'https://[gemeentenaam].nl/afval'],
    ['placeholder label', 'https://meldingen.[gemeentenaam].nl/assets/images/happy.png'],
    ['placeholder + TLD', 'ga naar [gemeentenaam].nl'],
    ['placeholder in path', 'www.x.nl/{zaaknummer}'],
    ['mustache placeholder in path', 'https://x.nl/{{ id }}/status'],
    ['mustache url placeholder', 'Ja: {{ positive_feedback_url }}.'],
    ['angle placeholder', '<URL VRAGENLIJST>'],
    ['plain words', 'Uw melding is afgehandeld. Wij danken u.'],
  ])('%s', (_name, text) => {
    expect(urls(text)).toEqual([]);
  });

  it('keeps the URL and drops only the e-mail in the same sentence', () => {
    expect(urls('Mail vragen@meldingen.amsterdam.nl of kijk op meldingen.amsterdam.nl.')).toEqual([
      ['meldingen.amsterdam.nl', 'https://meldingen.amsterdam.nl'],
    ]);
  });

  it('stops at a template tag glued to the URL', () => {
    expect(urls('www.x.nl/pad{% endif %}')).toEqual([['www.x.nl/pad', 'https://www.x.nl/pad']]);
  });
});

describe('findUrls: URL broken over a line end', () => {
  it.each<[string, string, Array<[string, string]>]>([
    ['after / with the path on the next line', 'Zie https://www.voorbeeldstad.example/\nkwijtschelding. Daarna',
      [['https://www.voorbeeldstad.example/kwijtschelding', 'https://www.voorbeeldstad.example/kwijtschelding']]],
    ['after - inside a path', 'Zie www.voorbeeldstad.example/afval-\nwijzer.',
      [['www.voorbeeldstad.example/afval-wijzer', 'https://www.voorbeeldstad.example/afval-wijzer']]],
    ['CRLF', 'https://x.nl/a/\r\nb-c.', [['https://x.nl/a/b-c', 'https://x.nl/a/b-c']]],
    ['continuation with digits', 'x.nl/a-\n2024', [['x.nl/a-2024', 'https://x.nl/a-2024']]],
    ['over two line ends', 'www.x.nl/a/\nb/\nc', [['www.x.nl/a/b/c', 'https://www.x.nl/a/b/c']]],
    ['next line starts a sentence with a short word', 'Zie https://www.voorbeeldstad.example/\nen vul het formulier in',
      [['https://www.voorbeeldstad.example/', 'https://www.voorbeeldstad.example/']]],
    ['"en" after a hyphen too', 'zie www.x.nl/a-\nen b', [['www.x.nl/a-', 'https://www.x.nl/a-']]],
    ['next line capitalized', 'www.x.nl/a/\nKwijtschelding aanvragen', [['www.x.nl/a/', 'https://www.x.nl/a/']]],
    ['next line indented', 'www.x.nl/a/\n  kwijt', [['www.x.nl/a/', 'https://www.x.nl/a/']]],
    ['no / or - at the line end', 'www.x.nl/a\nb', [['www.x.nl/a', 'https://www.x.nl/a']]],
    ['next line is another URL', 'https://x.nl/\nwww.y.nl', [['https://x.nl/', 'https://x.nl/'], ['www.y.nl', 'https://www.y.nl']]],
    ['punctuation before the line end', 'Zie www.x.nl/.\nkwijt', [['www.x.nl/', 'https://www.x.nl/']]],
  ])('%s', (_name, text, expected) => {
    expect(urls(text)).toEqual(expected);
  });

  it('spans both lines in the text', () => {
    const text = 'Zie https://www.voorbeeldstad.example/\nkwijtschelding.';
    const [u] = findUrls(text);
    expect(text.slice(u.start, u.end)).toBe('https://www.voorbeeldstad.example/\nkwijtschelding');
  });
});

describe('looksLikeUrl', () => {
  it.each<[string, boolean]>([
    ['meldingen.amsterdam.nl', true],
    ['https://x.nl/a', true],
    ['  www.x.nl/a.  ', true],
    ['docs.signalen.org', true],
    ['Waarstaatjegemeente.nl', true],
    ['klik hier', false],
    ['Ja, ik ben tevreden', false],
    ['info@x.nl', false],
    ['{{ verification_url }}', false],
    ['zie www.x.nl', false],
    ['www.x.nl en www.y.nl', false],
    ['bijlage.pdf', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeUrl(text)).toBe(expected);
  });
});

describe('normalizeUrl', () => {
  it.each<[string, string]>([
    ['www.x.nl/Afval', 'https://www.x.nl/Afval'],
    ['Gemeente.NL/Pad?Q=A#F', 'https://gemeente.nl/Pad?Q=A#F'],
    ['HTTP://WWW.X.NL/Pad', 'http://www.x.nl/Pad'],
    ['https://user@Host.NL:8443/a', 'https://user@host.nl:8443/a'],
    ['https://x.nl', 'https://x.nl'],
    ['https://x.nl/', 'https://x.nl/'],
    ['//x.nl/a', 'https://x.nl/a'],
    ['localhost:8080/a', 'https://localhost:8080/a'],
    ['MAILTO:Info@X.nl', 'mailto:Info@X.nl'],
    ['TEL:+3120', 'tel:+3120'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });
});

describe('sameUrl', () => {
  it.each<[string, string, boolean]>([
    ['https://www.x.nl/afval/', 'x.nl/afval', true],
    ['http://X.NL/afval', 'https://www.x.nl/afval', true],
    ['x.nl', 'https://x.nl/', true],
    ['x.nl/a/?q=1', 'x.nl/a?q=1', true],
    ['x.nl/Afval', 'x.nl/afval', false],
    ['x.nl/a', 'x.nl/b', false],
    ['x.nl/a?q=1', 'x.nl/a?q=2', false],
    ['x.nl', 'y.nl', false],
    ['wwwx.nl', 'x.nl', false],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(sameUrl(a, b)).toBe(expected);
    expect(sameUrl(b, a)).toBe(expected);
  });
});
