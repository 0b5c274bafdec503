/**
 * Where the report's references and findings sit in the letter's text, for `serve`: each has a
 * location (line:column, and its part in a .docx), and each text block maps its offsets to
 * locations through its segments (see TextBlock.segments). This is the reverse: a location → the
 * block and offset, and the passage's length from what the report says was printed there.
 *
 * Pure: no I/O. The letter's text must be kept (parseOne's `keepText`).
 */
import type { Part, TextBlock } from '../types.js';
import type { JsonFile } from '../report/types.js';

/** What a marked passage is: a web address, a call to action, a phone number, an e-mail address, a placeholder. */
export type MarkKind = 'url' | 'call' | 'phone' | 'email' | 'placeholder';

export interface Mark {
  kind: MarkKind;
  /** Offsets in the block's text, end exclusive. */
  start: number;
  end: number;
  /** Index into the JSON list of its kind (references.urls, .forms, .phones, .emails, .placeholders). */
  ref: number;
}

export interface PlacedFinding {
  /** Index into JsonFile.findings. */
  finding: number;
  block: number;
  offset: number;
}

export interface Passages {
  /** Per block (same index as the letter's blocks), its marks, sorted by start (longest first). */
  marks: Mark[][];
  /** Findings with a location in the text. */
  placed: PlacedFinding[];
  /** Findings about the whole letter (line 0), or whose place is not in the text: indexes into JsonFile.findings. */
  whole: number[];
}

export type BlockText = Pick<TextBlock, 'text' | 'part' | 'segments'>;

interface At {
  line: number;
  column: number;
  part?: string;
}

/** The block and offset of a location, or undefined when no block holds it. */
export function locateOffset(blocks: readonly BlockText[], at: At): { block: number; offset: number } | undefined {
  if (!(at.line >= 1) || !(at.column >= 1)) return undefined;
  const part = (at.part ?? 'body') as Part;
  let nearest: { block: number; offset: number } | undefined;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.part !== part) continue;
    const segs = block.segments;
    for (let s = 0; s < segs.length; s++) {
      const seg = segs[s];
      if (seg.line !== at.line || at.column < seg.column) continue;
      const end = s + 1 < segs.length ? segs[s + 1].offset : block.text.length;
      const offset = seg.offset + (at.column - seg.column);
      if (offset < end || (offset === end && s + 1 === segs.length)) return { block: b, offset };
      // Past this segment's text (Markdown syntax between two runs of text): the nearest run before it.
      nearest = { block: b, offset: Math.max(seg.offset, end - 1) };
    }
  }
  return nearest;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The length of `needle` as it stands in `text` at `offset`: exactly, or with other whitespace
 * (a call's words are quoted with single spaces, the letter may break the line) or case. 0 when
 * it is not there.
 */
export function lengthAt(text: string, offset: number, needle: string): number {
  const wanted = needle.trim();
  if (!wanted) return 0;
  if (text.startsWith(wanted, offset)) return wanted.length;
  const re = new RegExp(
    wanted
      .split(/\s+/)
      .map(escapeRegExp)
      .join('\\s+'),
    'iuy',
  );
  re.lastIndex = offset;
  const m = re.exec(text);
  return m ? m[0].length : 0;
}

/** The word (up to whitespace) at an offset: the passage when what was printed is not in the text itself. */
function wordAt(text: string, offset: number): number {
  const m = /\S+/y;
  m.lastIndex = offset;
  const found = m.exec(text);
  return found ? found[0].replace(/[.,;:!?)]+$/, '').length || found[0].length : 0;
}

/** Marks for a call's words: "Vraag … aan via" is marked word group by word group. */
function callMarks(text: string, offset: number, words: string, ref: number): Mark[] {
  const pieces = words.split(/\s*…\s*/).filter((p) => p.trim() !== '');
  const out: Mark[] = [];
  let from = offset;
  for (let i = 0; i < pieces.length; i++) {
    let at = -1;
    let length = 0;
    if (i === 0) {
      length = lengthAt(text, from, pieces[i]);
      at = length ? from : -1;
    } else {
      // A later word group: the first place after the previous one where it stands.
      for (let j = from; j < text.length && at === -1; j++) {
        const n = lengthAt(text, j, pieces[i]);
        if (n && (j === 0 || !/[\p{L}\p{N}]/u.test(text[j - 1]))) {
          at = j;
          length = n;
        }
      }
    }
    if (at === -1) {
      if (i === 0) {
        const n = wordAt(text, from);
        if (n) out.push({ kind: 'call', start: from, end: from + n, ref });
      }
      break;
    }
    out.push({ kind: 'call', start: at, end: at + length, ref });
    from = at + length;
  }
  return out;
}

/** Every reference and finding of the report, placed in the letter's blocks. */
export function findPassages(blocks: readonly BlockText[], file: JsonFile): Passages {
  const marks: Mark[][] = blocks.map(() => []);
  const refs = file.references;
  const place = (kind: MarkKind, ref: number, at: At, printed: string | undefined) => {
    const where = locateOffset(blocks, at);
    if (!where) return;
    const text = blocks[where.block].text;
    const length = (printed ? lengthAt(text, where.offset, printed) : 0) || wordAt(text, where.offset);
    if (length > 0) marks[where.block].push({ kind, start: where.offset, end: where.offset + length, ref });
  };
  refs.urls.forEach((u, i) => place('url', i, u, u.printed ?? u.linkText));
  refs.phones.forEach((p, i) => place('phone', i, p, p.printed));
  refs.emails.forEach((e, i) => place('email', i, e, e.printed));
  (refs.placeholders ?? []).forEach((p, i) => place('placeholder', i, p, p.printed));
  refs.forms.forEach((f, i) => {
    const where = locateOffset(blocks, f);
    if (where) marks[where.block].push(...callMarks(blocks[where.block].text, where.offset, f.text, i));
  });
  for (const list of marks) list.sort((a, b) => a.start - b.start || b.end - a.end);

  const placed: PlacedFinding[] = [];
  const whole: number[] = [];
  file.findings.forEach((f, i) => {
    const where = f.line >= 1 ? locateOffset(blocks, f) : undefined;
    if (where) placed.push({ finding: i, block: where.block, offset: where.offset });
    else whole.push(i);
  });
  return { marks, placed, whole };
}
