/**
 * The real-world letters of the corpus of public letters (CORPUS: a read-only folder beside the
 * repository, which a clone does not have; then these tests skip): for each file, the URLs a
 * human reader of it sees, decided by reading the file.
 *
 * The files are fed as one block of their raw text. A reader of a .md or .html file does not see
 * markup, so the helper does the little a letter reader would (keeping every offset): it blanks the
 * provenance comment on line 1 (and other HTML comments), images (keeping their alt text) and HTML
 * tags, and turns Markdown links and <a href> into Letter.links over their text.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractReferences } from '../../src/extract/index.js';
import { locate, segmentsForLines } from '../../src/model/locate.js';
import type { Letter, Link, TextBlock } from '../../src/types.js';
import { EXPECTED, seen } from '../corpus/letters-expected.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/letters/', import.meta.url));

const blank = (s: string): string => s.replace(/[^\n]/g, ' ');

function readLetter(name: string): Letter {
  let text = readFileSync(CORPUS + name, 'utf8');
  const markup = name.endsWith('.md') || name.endsWith('.html');
  const found: Array<{ href: string; text: string; start: number; end: number }> = [];
  text = text.replace(/<!--[\s\S]*?-->/g, blank);
  if (markup) {
    text = text.replace(/!\[([^\]\n]*)\]\(([^)\s]*)\)/g, (m, alt: string) => '  ' + alt + ' '.repeat(m.length - 2 - alt.length));
    text = text.replace(/\[([^[\]\n]*)\]\(([^)\n]*)\)/g, (m, label: string, href: string, at: number) => {
      found.push({ href: href.trim(), text: label, start: at + 1, end: at + 1 + label.length });
      return ' ' + label + ' '.repeat(m.length - 1 - label.length);
    });
    text = text.replace(/(<a\s[^>]*?href="([^"]*)"[^>]*>)([\s\S]*?)(<\/a>)/g, (_m, open: string, href: string, label: string, close: string, at: number) => {
      found.push({ href, text: label, start: at + open.length, end: at + open.length + label.length });
      return blank(open) + label + blank(close);
    });
  }
  text = text.replace(/<\/?(?:html|head|body|meta|title|p|br|h[1-6]|b|i|strong|em|pre|code|ul|ol|li|a)(?:\s[^<>]*)?\/?>|<!DOCTYPE[^>]*>/gi, blank);
  const block: TextBlock = { text, part: 'body', segments: segmentsForLines(text, 1, 1) };
  const links: Link[] = found.map((l) => ({
    href: l.href,
    text: l.text.replace(/\s+/g, ' ').trim(),
    location: locate(block, l.start),
    block: 0,
    start: l.start,
    end: l.end,
  }));
  return {
    path: name,
    format: name.endsWith('.md') ? 'markdown' : 'text',
    meta: { id: name },
    blocks: [block],
    links,
    directives: [],
  };
}

describe.skipIf(!existsSync(CORPUS))('corpus: real public letters', () => {
  const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => /\.(txt|md|html)$/.test(f) && f !== 'README.md') : [];

  it('has an expectation for every letter', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s', (name) => {
    const refs = extractReferences(readLetter(name));
    const expected = EXPECTED[name];
    expect(seen(refs)).toEqual(expected.urls);
    expected.check?.(refs);
  });
});
