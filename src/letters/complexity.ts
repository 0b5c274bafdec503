/**
 * A bound on the work of reading one text letter, checked in one linear pass before the Markdown
 * parser sees it. Some inputs make the parser (micromark / mdast-util-from-markdown, behind
 * remark-parse) do work that grows with the square of the input, and deep nesting overflows the
 * stack:
 *
 * - nested containers (`- - - … x`, `>>>> … x`, or lists nested by indentation): every line
 *   re-checks every open container, and `prepareList` walks each list's events once per list;
 * - setext headings (a line of `===` or `---` under text): each one copies the events of the
 *   whole document so far;
 * - inside one paragraph, emphasis delimiters (`*`, `_`, `~`), brackets and backticks are matched
 *   against each other, and every link copies the paragraph's text so far.
 *
 * Each has a budget, and so has the size of the letter. A letter over a budget is not parsed: it
 * is unreadable with a `letter-too-complex` reason naming the line (exit code 2 for the file; the
 * other letters are still checked). The budgets are far above any real letter (a letter nests
 * lists a few levels deep and is a few kilobytes long) and keep the parse of any accepted letter
 * to seconds at most.
 */
import type { Message } from '../types.js';
import { LetterReadError } from './errors.js';

export const COMPLEXITY_LIMITS = {
  /** Characters of text in one letter. */
  maxChars: 512 * 1024,
  /** Lines of a Markdown letter (each costs the parser tens of microseconds). */
  maxLines: 10_000,
  /** Lists and block quotes nested in each other. */
  maxDepth: 50,
  /** The sum over all lines of the nesting depth of each line. */
  maxNestedLines: 50_000,
  /** The sum over setext heading underlines of the characters before each. */
  maxSetextWork: 2_000_000,
  /** The sum over paragraphs of (markup characters × characters) in each. */
  maxInlineWork: 100_000_000,
  /** HTML blocks: the sum of (links and comments × characters) per block and (`](` × length) per line. */
  maxHtmlWork: 2_000_000_000,
} as const;

const PREFIX: Message = { nl: 'te complex om te lezen (letter-too-complex)', en: 'too complex to read (letter-too-complex)' };
const ADVICE: Message = { nl: 'vereenvoudig de brief of splits hem', en: 'simplify or split the letter' };

function tooComplex(displayPath: string, line: number, what: Message): LetterReadError {
  return new LetterReadError(displayPath, {
    nl: `${PREFIX.nl}: regel ${line}: ${what.nl}; ${ADVICE.nl}`,
    en: `${PREFIX.en}: line ${line}: ${what.en}; ${ADVICE.en}`,
  });
}

const fmt = (n: number, lang: 'nl' | 'en') => n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');

/** A plain-text letter: only its size is bounded (reading it is linear). Throws LetterReadError. */
export function checkTextSize(displayPath: string, source: string): void {
  if (source.length <= COMPLEXITY_LIMITS.maxChars) return;
  throw tooLarge(displayPath, source);
}

function tooLarge(displayPath: string, source: string): LetterReadError {
  let line = 1;
  for (let i = source.indexOf('\n'); i !== -1 && i < COMPLEXITY_LIMITS.maxChars; i = source.indexOf('\n', i + 1)) line++;
  const kib = COMPLEXITY_LIMITS.maxChars / 1024;
  return tooComplex(displayPath, line, { nl: `de brief is groter dan ${kib} KiB tekst`, en: `the letter is larger than ${kib} KiB of text` });
}

const SPACE = 0x20;
const TAB = 0x09;
const GT = 0x3e;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Where, in `line` from `from` on, a thematic break (`- - -`, `***`, `_ _ _`) would start: the
 * lowest index from which the rest is only one of `-*_` (at least three times) and blanks, or
 * `line.length` when there is none. One pass from the right.
 */
function thematicBreakFrom(line: string): { at: number; char: string; count: number } {
  let char = '';
  let count = 0;
  let at = line.length;
  for (let i = line.length - 1; i >= 0; i--) {
    const c = line[i];
    if (c === ' ' || c === '\t') continue;
    if ((c === '-' || c === '*' || c === '_') && (char === '' || c === char)) {
      char = c;
      count++;
      at = i;
      continue;
    }
    break;
  }
  return count >= 3 ? { at, char, count } : { at: line.length, char: '', count: 0 };
}

/**
 * The container markers (`>`, `-`, `*`, `+`, `1.`, `1)`) at the start of a line, the columns of
 * indentation that could continue list items opened on earlier lines, and where the line's
 * content starts. A line first continues the containers it is in (block quotes by their `>`, list
 * items by indentation), then opens new ones: indentation that continues a list item comes before
 * the line's first list marker, and the one space after a `>` belongs to the `>`.
 */
const NO_PREFIX = { markers: 0, indent: 0, content: 0 } as const;

const endsMarker = (line: string, at: number) => at >= line.length || line.charCodeAt(at) === SPACE || line.charCodeAt(at) === TAB;

function containerPrefix(line: string): { markers: number; indent: number; content: number } {
  // Most lines of a letter start with a letter: no container marker, no indentation.
  const first = line.charCodeAt(0);
  if (!(first === SPACE || first === TAB || first === GT || first === 0x2d || first === 0x2a || first === 0x2b || isDigit(first))) return NO_PREFIX;
  let markers = 0;
  let indent = 0;
  let column = 0;
  let i = 0;
  let listSeen = false;
  let afterQuote = false;
  let tb: ReturnType<typeof thematicBreakFrom> | undefined;
  let tbSeen = 0;
  while (i < line.length) {
    const c = line.charCodeAt(i);
    if (c === SPACE || c === TAB) {
      const width = c === TAB ? 4 - (column % 4) : 1;
      column += width;
      // The optional space after `>` is part of it; blanks after a list marker open that item.
      if (!listSeen) indent += afterQuote ? width - 1 : width;
      afterQuote = false;
      i++;
      continue;
    }
    afterQuote = false;
    if (c === GT) {
      markers++;
      column++;
      i++;
      afterQuote = true;
      continue;
    }
    if ((line[i] === '-' || line[i] === '*' || line[i] === '+') && endsMarker(line, i + 1)) {
      if (line[i] !== '+') {
        tb ??= thematicBreakFrom(line);
        // `- - -` is a thematic break, not three lists; `- * * *` is a list holding one.
        if (i >= tb.at && line[i] === tb.char && tb.count - tbSeen >= 3) break;
        if (i >= tb.at) tbSeen++;
      }
      markers++;
      listSeen = true;
      column++;
      i++;
      continue;
    }
    if (isDigit(c)) {
      let j = i;
      while (j < line.length && j - i < 9 && isDigit(line.charCodeAt(j))) j++;
      if ((line[j] === '.' || line[j] === ')') && endsMarker(line, j + 1)) {
        markers++;
        listSeen = true;
        column += j + 1 - i;
        i = j + 1;
        continue;
      }
    }
    break;
  }
  return { markers, indent, content: i };
}

const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const NOT_BLANK = /[^ \t]/;

/** Markup characters of a line that the inline parser matches against each other (see the module comment). */
function markupIn(line: string, from: number): number {
  let n = 0;
  let previous = -1;
  // A quick look first: most lines of a letter hold none of these characters.
  MARKUP.lastIndex = from;
  if (!MARKUP.test(line)) return 0;
  for (let i = from; i < line.length; i++) {
    const c = line.charCodeAt(i);
    switch (c) {
      case 0x5b: // [
      case 0x5d: // ]
        n++;
        break;
      case 0x2a: // *
      case 0x5f: // _
      case 0x7e: // ~
      case 0x60: // `
        if (c !== previous) n++; // a run counts once
        break;
      case 0x3c: // <
        if (opensLink(line, i)) n++;
        break;
    }
    previous = c;
  }
  return n;
}

const MARKUP = /[[\]*_~`<]/g;

/** `<a …>`, `<!--`, an autolink `<scheme:…>` or `<user@host>`: looked at over a bounded stretch. */
function opensLink(line: string, at: number): boolean {
  const head = line.slice(at + 1, at + 65);
  if (/^(?:a[\s>]|!--)/i.test(head)) return true;
  const end = head.search(/[\s<>]/);
  const inside = end === -1 ? head : head.slice(0, end);
  return /^[a-z][a-z0-9+.-]{1,31}:/i.test(inside) || inside.includes('@');
}

/** The block-level HTML tag names of CommonMark's HTML block start condition 6. */
const HTML_BLOCK_TAG =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[ \t>]|\/>|$)/i;

/**
 * The raw block a top-level line starts (CommonMark): a fenced code block, or an HTML block of
 * start condition 1–6 and the line that ends it (6: a blank line). Condition 7 (any complete tag
 * alone on a line) is left out: treating such a line as text only overestimates the work.
 */
function rawStart(line: string): Raw | undefined {
  const fence = /^(`{3,}|~{3,})(.*)$/.exec(line);
  if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) return { kind: 'fence', char: fence[1][0], length: fence[1].length };
  if (line.charCodeAt(0) !== 0x3c) return undefined;
  if (/^<(?:script|pre|style|textarea)(?:[ \t>]|$)/i.test(line)) return { kind: 'html', end: /<\/(?:script|pre|style|textarea)>/i };
  if (line.startsWith('<!--')) return { kind: 'html', end: /-->/ };
  if (line.startsWith('<?')) return { kind: 'html', end: /\?>/ };
  if (line.startsWith('<![CDATA[')) return { kind: 'html', end: /\]\]>/ };
  if (/^<![A-Za-z]/.test(line)) return { kind: 'html', end: />/ };
  if (HTML_BLOCK_TAG.test(line)) return { kind: 'html' };
  return undefined;
}

type Raw = { kind: 'fence'; char: string; length: number } | { kind: 'html'; end?: RegExp };

/** Occurrences of `needle` in `text`. */
function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/**
 * Refuse a Markdown letter whose parse could take more than a bounded amount of work (see the
 * module comment): too large, nested too deep, too many nested lines, too many setext headings in
 * a long letter, or a paragraph too long for its markup. Throws LetterReadError
 * (`letter-too-complex`, with the line). Linear in the letter's length.
 *
 * Fenced code blocks and HTML blocks at the top level are raw text to the parser (no inline
 * markup, no containers): their lines do not count as markup. brieflint's own reading of an HTML
 * block costs, per link or unclosed comment, the length of the block, and per `](` the length of
 * its line: that has a budget of its own. A fence or HTML block inside a list or quote ends with
 * it, so there every line counts as text, which can only overestimate.
 */
export function checkMarkdownComplexity(displayPath: string, source: string): void {
  if (source.length > COMPLEXITY_LIMITS.maxChars) throw tooLarge(displayPath, source);
  const L = COMPLEXITY_LIMITS;
  let deepest = 0;
  let lastDepth = 0;
  let nestedLines = 0;
  let setextWork = 0;
  let inlineWork = 0;
  let htmlWork = 0;
  /** The paragraph being read: consecutive lines that are not blank. */
  let paragraph: { line: number; chars: number; markup: number } | undefined;
  /** The raw block (fence, HTML) being read, with the HTML block's links and comments so far. */
  let raw: Raw | undefined;
  let html: { line: number; chars: number; links: number } | undefined;
  const endHtml = () => {
    if (html) htmlWork += html.links * html.chars;
    if (htmlWork > L.maxHtmlWork) throw inlineTooMuch(displayPath, html?.line ?? 1);
    html = undefined;
  };
  let lineNo = 0;
  let offset = 0;
  for (let start = 0; start <= source.length; start = offset) {
    lineNo++;
    if (lineNo > L.maxLines) {
      throw tooComplex(displayPath, lineNo, {
        nl: `de brief heeft meer dan ${fmt(L.maxLines, 'nl')} regels`,
        en: `the letter has more than ${fmt(L.maxLines, 'en')} lines`,
      });
    }
    const newline = source.indexOf('\n', start);
    const end = newline === -1 ? source.length : newline;
    offset = end + 1;
    const line = source.slice(start, end);
    const blank = !NOT_BLANK.test(line);
    if (raw?.kind === 'fence') {
      // Code: up to the closing fence, blank lines included.
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1][0] === raw.char && close[1].length >= raw.length) raw = undefined;
    } else if (raw?.kind === 'html' && !blank) {
      html ??= { line: lineNo, chars: 0, links: 0 };
      html.chars += line.length + 1;
      html.links += count(line, '<a ') + count(line, '<A ') + count(line, '<a>') + count(line, '<!--');
      htmlWork += count(line, '](') * line.length;
      if (raw.end?.test(line)) {
        raw = undefined;
        endHtml();
      }
    } else if (blank) {
      // A blank line ends a paragraph (its work was checked line by line) and an HTML block of
      // condition 6 (one of 1–5 that goes on is counted as text from here: an overestimate);
      // lists stay open across it.
      if (paragraph) inlineWork += paragraph.markup * paragraph.chars;
      paragraph = undefined;
      raw = undefined;
      endHtml();
      nestedLines += lastDepth;
    } else {
      const prefix = containerPrefix(line);
      // List items opened on earlier lines continue only when the line is indented far enough (at
      // least two columns per level), so a line is at most as deep as its markers plus half its
      // indentation, and never deeper than its markers plus the deepest line before it.
      const depth = prefix.markers + Math.min(deepest, Math.ceil(prefix.indent / 2));
      if (depth > L.maxDepth) {
        throw tooComplex(displayPath, lineNo, {
          nl: `lijsten en citaten ${fmt(depth, 'nl')} niveaus diep genest (hoogstens ${L.maxDepth})`,
          en: `lists and quotes nested ${fmt(depth, 'en')} levels deep (at most ${L.maxDepth})`,
        });
      }
      deepest = Math.max(deepest, depth);
      lastDepth = depth;
      nestedLines += depth;
      // In column 0 a line is in no list or quote (a fence or HTML start is never a lazy line).
      const opened = prefix.content === 0 ? rawStart(line) : undefined;
      if (opened) {
        raw = opened;
        if (opened.kind === 'html') {
          html = { line: lineNo, chars: line.length + 1, links: count(line, '<a ') + count(line, '<A ') + count(line, '<a>') + count(line, '<!--') };
          htmlWork += count(line, '](') * line.length;
          if (opened.end?.test(line)) {
            raw = undefined;
            endHtml();
          }
        }
      } else {
        const content = line.slice(prefix.content);
        if (paragraph && SETEXT_UNDERLINE.test(content)) {
          setextWork += start;
          if (setextWork > L.maxSetextWork) {
            throw tooComplex(displayPath, lineNo, {
              nl: 'te veel kopjes onderstreept met === of --- in een lange brief (gebruik # voor kopjes)',
              en: 'too many headings underlined with === or --- in a long letter (use # for headings)',
            });
          }
        }
        paragraph ??= { line: lineNo, chars: 0, markup: 0 };
        paragraph.chars += line.length + 1;
        paragraph.markup += markupIn(line, prefix.content);
        if (inlineWork + paragraph.markup * paragraph.chars > L.maxInlineWork) throw inlineTooMuch(displayPath, paragraph.line);
      }
    }
    if (html && htmlWork + html.links * html.chars > L.maxHtmlWork) throw inlineTooMuch(displayPath, html.line);
    if (nestedLines > L.maxNestedLines) {
      throw tooComplex(displayPath, lineNo, {
        nl: `te veel regels in geneste lijsten en citaten (hoogstens ${fmt(L.maxNestedLines, 'nl')} regels × niveaus)`,
        en: `too many lines inside nested lists and quotes (at most ${fmt(L.maxNestedLines, 'en')} lines × levels)`,
      });
    }
    if (newline === -1) break;
  }
}

function inlineTooMuch(displayPath: string, line: number): LetterReadError {
  return tooComplex(displayPath, line, {
    nl: 'de alinea die hier begint is te lang voor zoveel opmaaktekens ([ ] * _ ~ ` en links)',
    en: 'the paragraph starting here is too long for so much markup ([ ] * _ ~ ` and links)',
  });
}
