/**
 * Collects a .docx letter's paragraphs as TextBlocks and its hyperlinks as Links, with the
 * locations the readers promise: `line` = 1-based paragraph number within its part,
 * `column` = 1-based character offset in the paragraph.
 */
import type { LetterImage, Link, Part, TextBlock } from '../types.js';
import { locate } from '../model/locate.js';

export type BlockKind = 'paragraph' | 'heading' | 'table-cell' | 'list-item';

/** Where the text being written links to. */
export interface LinkTarget {
  href: string;
  source: 'hyperlink' | 'field';
}

interface Piece {
  start: number;
  end: number;
  target: LinkTarget;
}

interface OpenParagraph {
  part: Part;
  kind: BlockKind;
  line: number;
  text: string;
  pieces: Piece[];
}

export class BlockWriter {
  readonly blocks: TextBlock[] = [];
  readonly links: Link[] = [];
  /** The images the paragraphs show, where they stand (their bytes are loaded later, see docx.ts). */
  readonly images: LetterImage[] = [];
  private readonly paragraphCounts = new Map<Part, number>();
  private current: OpenParagraph | undefined;

  /** Start a paragraph. It takes the next paragraph number of its part, even if it stays empty. */
  begin(part: Part, kind: BlockKind): void {
    const line = (this.paragraphCounts.get(part) ?? 0) + 1;
    this.paragraphCounts.set(part, line);
    this.current = { part, kind, line, text: '', pieces: [] };
  }

  /** The open paragraph's part and number (a comment anchored here covers it). */
  position(): { part: Part; line: number } | undefined {
    return this.current ? { part: this.current.part, line: this.current.line } : undefined;
  }

  /**
   * Add text to the open paragraph. Consecutive text with the same target forms one link, so a
   * link whose runs are split (formatting, a rendered page break, one field result per run) is
   * reported once with its joined text.
   */
  append(raw: string, target?: LinkTarget): void {
    const p = this.current;
    // As a reader types what Word prints: a soft hyphen is nothing (or a line-end hyphen nobody
    // types), a non-breaking or Unicode hyphen is "-". So `e‑loket` is e-loket, `afval­scheiden` afvalscheiden.
    const text = raw.includes('\u00ad') || /[\u2010\u2011]/.test(raw) ? raw.replace(/\u00ad/g, '').replace(/[\u2010\u2011]/g, '-') : raw;
    if (!p || text === '') return;
    const start = p.text.length;
    p.text += text;
    if (!target) return;
    const last = p.pieces.at(-1);
    if (last && last.end === start && sameTarget(last.target, target)) last.end = p.text.length;
    else p.pieces.push({ start, end: p.text.length, target });
  }

  /**
   * An image at this point of the open paragraph: `name` is its part (`word/media/image1.png`), or
   * undefined for a picture linked to a file outside the document.
   */
  image(name: string | undefined, alt?: string): void {
    const p = this.current;
    if (!p) return;
    const location = { line: p.line, column: p.text.length + 1, part: p.part };
    const text = alt?.trim();
    this.images.push({ name: name ?? '', location, ...(text ? { alt: text } : {}), ...(name === undefined ? { external: true } : {}) });
  }

  /** Close the open paragraph; a paragraph without visible text gives no block. */
  end(): void {
    const p = this.current;
    this.current = undefined;
    if (!p || p.text.trim() === '') return;
    const block: TextBlock = {
      text: p.text,
      part: p.part,
      kind: p.kind,
      segments: [{ offset: 0, line: p.line, column: 1 }],
    };
    const index = this.blocks.push(block) - 1;
    for (const piece of p.pieces) this.addLink(block, index, piece);
  }

  private addLink(block: TextBlock, index: number, piece: Piece): void {
    const raw = block.text.slice(piece.start, piece.end);
    const text = raw.trim();
    if (text === '') return;
    const start = piece.start + (raw.length - raw.trimStart().length);
    const end = start + text.length;
    const { href, source } = piece.target;
    this.links.push({ href, text, location: locate(block, start), block: index, start, end, source });
  }
}

function sameTarget(a: LinkTarget, b: LinkTarget): boolean {
  return a.href === b.href && a.source === b.source;
}
