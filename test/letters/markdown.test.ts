import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/letters/markdown.js';
import { locate } from '../../src/model/locate.js';
import { LetterReadError } from '../../src/letters/errors.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/markdown/${name}`, import.meta.url));
const read = (text: string, path = 'brief.md') => readMarkdown(path, Buffer.from(text, 'utf8'));

/** The line:column of `needle` in the block that holds it. */
function whereIs(letter: ReturnType<typeof read>, needle: string) {
  const block = letter.blocks.find((b) => b.text.includes(needle));
  if (!block) throw new Error(`no block holds ${needle}`);
  const loc = locate(block, block.text.indexOf(needle));
  return `${loc.line}:${loc.column}`;
}

describe('Markdown reader', () => {
  const letter = readMarkdown('fixtures/markdown/links.md', fixture('links.md'));

  it('reads the front matter into the letter metadata', () => {
    expect(letter.format).toBe('markdown');
    expect(letter.meta).toMatchObject({
      id: 'test-links',
      kenmerk: 'TST/2027/0001',
      title: 'Links in Markdown',
      mailingDate: '2027-02-01',
      recipients: 1250,
      owner: 'Team Test',
      extra: { extraKey: 'hello' },
    });
  });

  it('falls back to the file name for the id', () => {
    expect(read('Tekst zonder front matter.', 'brieven/mijn-brief.md').meta.id).toBe('mijn-brief');
  });

  it('keeps links with their text, target and line:column', () => {
    const links = letter.links.map((l) => [l.text, l.href, `${l.location.line}:${l.location.column}`, l.source]);
    expect(links).toEqual([
      ['een link', 'https://voorbeeldstad.example/kop', '11:12', 'markdown'],
      ['voorbeeldstad.example/aanvragen', 'https://voorbeeldstad.example/aanvragen', '13:19', 'markdown'],
      ['https://voorbeeldstad.example/auto', 'https://voorbeeldstad.example/auto', '14:23', 'autolink'],
      ['HTML-link', 'https://voorbeeldstad.example/html?a=1&b=2', '15:64', 'html'],
      ['een link', 'https://voorbeeldstad.example/blok', '36:67', 'html'],
    ]);
  });

  it('maps text to the line:column where a reader finds it, across continuation lines, quotes, lists and tables', () => {
    expect(whereIs(letter, '14 0123')).toBe('14:5');
    expect(whereIs(letter, 'een HTML-link')).toBe('15:3');
    expect(whereIs(letter, 'voorbeeldstad.example/citaat')).toBe('17:26');
    expect(whereIs(letter, 'www.voorbeeldstad.example/lijst')).toBe('19:12');
    expect(whereIs(letter, 'voorbeeldstad.example/afval')).toBe('23:11');
  });

  it('reads code blocks as printed text and turns tables into cells', () => {
    expect(whereIs(letter, 'voorbeeldstad.example/code')).toBe('26:25');
    expect(letter.blocks.find((b) => b.text.includes('example/code'))?.kind).toBe('code');
    expect(letter.blocks.filter((b) => b.kind === 'table-cell').map((b) => b.text)).toEqual(['Kolom', 'Adres', 'Afval', 'voorbeeldstad.example/afval']);
  });

  it('records disable directives at their lines', () => {
    expect(letter.directives).toEqual([
      { kind: 'disable-next-line', rules: ['pretty-url'], line: 29 },
      { kind: 'disable', rules: [], line: 32 },
      { kind: 'enable', rules: [], line: 34 },
    ]);
  });

  it('handles BOM, CRLF and NUL bytes', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\r\nid: x\r\n---\r\n\r\nEen\0 regel\r\nvoorbeeldstad.example/a\r\n')]);
    const l = readMarkdown('crlf.md', bytes);
    expect(l.meta.id).toBe('x');
    expect(l.blocks[0].text).toBe('Een regel\nvoorbeeldstad.example/a');
    expect(locate(l.blocks[0], l.blocks[0].text.indexOf('voorbeeld'))).toMatchObject({ line: 6, column: 1 });
  });

  it('rejects an empty file, invalid UTF-8 and bad front matter with a clear reason', () => {
    expect(() => read('')).toThrowError(LetterReadError);
    expect(() => read('')).toThrow(/empty/);
    expect(() => readMarkdown('latin1.md', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x61]))).toThrow(/not valid UTF-8 \(byte 3\)/);
    expect(() => read('---\nid: [unclosed\n---\n\nTekst')).toThrow(/invalid YAML front matter/);
    expect(() => read('---\n- a\n- b\n---\n\nTekst')).toThrow(/not a mapping/);
    expect(() => read('---\nid: a\nid: b\n---\n\nTekst')).toThrow(/invalid YAML front matter: duplicated mapping key/);
  });

  it('reads empty and comment-only front matter as no metadata, and keeps dates and zeros as written', () => {
    expect(read('---\n---\n\nTekst', 'brieven/leeg-blok.md').meta.id).toBe('leeg-blok');
    expect(read('---\n# nog invullen\n---\n\nTekst', 'brieven/commentaar.md').meta.id).toBe('commentaar');
    const meta = read('---\nid: b1\nkenmerk: "007"\nmailingDate: 2027-03-01\n---\n\nTekst').meta;
    expect(meta).toMatchObject({ id: 'b1', kenmerk: '007', mailingDate: '2027-03-01' });
    try {
      read('', 'brieven/leeg.md');
    } catch (e) {
      expect((e as LetterReadError).path).toBe('brieven/leeg.md');
      expect((e as LetterReadError).reason.nl).toBe('het bestand is leeg');
    }
  });
});
