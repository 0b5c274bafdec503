/**
 * The body, footnotes and endnotes of a .docx, read with mammoth.
 *
 * One mammoth pass: mammoth reads the parts from our own safe zip (its `{file}` input, see
 * mammoth/lib/unzip.js), `transformDocument` hands us its document tree, and we give mammoth an
 * empty document back so that it does no HTML work. The tree is walked into TextBlocks and Links.
 *
 * Two things mammoth would lose are rewritten in the XML text before it parses it (a cheap string
 * pass, only when the part contains them):
 *  - `w:fldSimple` (mammoth drops it with its text) becomes the equivalent complex field;
 *  - `w:txbxContent` gets marker paragraphs, so that text-box paragraphs, which mammoth moves after
 *    the paragraph holding the text box, can be given part 'textbox'.
 */
import mammoth from 'mammoth';
import type { Part } from '../types.js';
import { LetterReadError } from './errors.js';
import type { DocxPackage } from './docx-package.js';
import { hyperlinkFieldHref } from './docx-fields.js';
import type { BlockKind, BlockWriter, LinkTarget } from './docx-writer.js';
import { countTrackedChanges, removeHiddenRuns, type HiddenStyles } from './docx-hidden.js';
import { COMMENT_END, COMMENT_START, markComments, type CommentAnchor } from './docx-comments.js';

/** What the body pass learns besides the text: how many tracked changes the parts hold, where comments are anchored. */
export interface BodyContext {
  hidden: HiddenStyles;
  tracked: { insertions: number; deletions: number };
  /** Comment id → the paragraphs its range and mark are in (filled by the walk; see docx-comments.ts). */
  comments?: Map<string, CommentAnchor>;
  /**
   * Set while the walker asks mammoth which part an image is: mammoth's image element only knows
   * how to read itself (through our zip file below), so asking it to read tells us the part name,
   * and nothing is read.
   */
  naming?: (part: string) => void;
}

// ---------------------------------------------------------------------------------------------
// mammoth's document tree (mammoth/lib/documents.js), as far as a letter needs it.

interface MParagraph {
  type: 'paragraph';
  children: MElement[];
  styleId: string | null;
  styleName: string | null;
  numbering: unknown;
}
interface MContainer {
  type: 'run' | 'table' | 'tableRow' | 'tableCell';
  children: MElement[];
}
interface MHyperlink {
  type: 'hyperlink';
  children: MElement[];
  href?: string;
  anchor?: string;
}
interface MText {
  type: 'text';
  value: string;
}
interface MCheckbox {
  type: 'checkbox';
  checked: boolean;
}
interface MNoteReference {
  type: 'noteReference';
  noteType: 'footnote' | 'endnote';
  noteId: string;
}
interface MBookmarkStart {
  type: 'bookmarkStart';
  name: string;
}
interface MCommentReference {
  type: 'commentReference';
  commentId: string;
}
interface MImage {
  type: 'image';
  altText?: string;
  readAsArrayBuffer(): Promise<unknown>;
}
interface MOther {
  type: 'tab' | 'break';
}
type MElement = MParagraph | MContainer | MHyperlink | MText | MCheckbox | MNoteReference | MBookmarkStart | MCommentReference | MImage | MOther;

interface MNote {
  noteType: 'footnote' | 'endnote';
  body: MElement[];
}
interface MDocument {
  type: 'document';
  children: MElement[];
  notes: { resolve(reference: MNoteReference): MNote | null };
}

/** The zip-file interface mammoth reads parts through (mammoth/lib/zipfile.js). */
interface MammothZipFile {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string | Uint8Array>;
}

const TEXTBOX_START = 'brieflint-textbox-start';
const TEXTBOX_END = 'brieflint-textbox-end';

// ---------------------------------------------------------------------------------------------

/** Read the body, then the footnotes and endnotes it refers to, into `writer`. */
export async function readBodyWithMammoth(displayPath: string, pkg: DocxPackage, writer: BlockWriter, context: BodyContext): Promise<void> {
  const document = await mammothDocument(displayPath, pkg, context);
  const walker = new TreeWalker(writer, document, context, context.comments ?? new Map());
  walker.blocks(document.children, false);
  walker.notes();
}

async function mammothDocument(displayPath: string, pkg: DocxPackage, context: BodyContext): Promise<MDocument> {
  let document: MDocument | undefined;
  const transformDocument = (doc: MDocument): MDocument => {
    document = doc;
    return { ...doc, children: [] };
  };
  // `{file}` is mammoth's own input form for an opened zip; its typings list only path/buffer.
  const input = { file: mammothZipFile(displayPath, pkg, context) } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
  try {
    await mammoth.convertToHtml(input, { transformDocument });
  } catch (cause) {
    if (cause instanceof LetterReadError) throw cause;
    throw new LetterReadError(
      displayPath,
      {
        nl: 'De tekst van het Word-document kon niet worden gelezen; het bestand is beschadigd. Sla het opnieuw op vanuit Word.',
        en: 'The text of the Word document could not be read; the file is damaged. Save it again from Word.',
      },
      { cause },
    );
  }
  if (!document) throw new Error('mammoth did not hand over its document tree');
  return document;
}

/** Parts whose text is letter text: the main document, footnotes and endnotes. */
const TEXT_PART = /(?:^|\/)(?:document|footnotes|endnotes)\d*\.xml$/;

function mammothZipFile(displayPath: string, pkg: DocxPackage, context: BodyContext): MammothZipFile {
  return {
    exists: (name) => pkg.zip.has(name),
    read: async (name, encoding) => {
      if (context.naming && !encoding) {
        context.naming(name);
        return new Uint8Array();
      }
      const bytes = await pkg.zip.read(name);
      if (!encoding) return bytes;
      let xml = new TextDecoder(encoding).decode(bytes);
      if (name === pkg.mainDocument || TEXT_PART.test(name)) {
        const changes = countTrackedChanges(xml);
        context.tracked.insertions += changes.insertions;
        context.tracked.deletions += changes.deletions;
        xml = removeHiddenRuns(displayPath, name, xml, context.hidden);
      }
      return prepareXml(xml);
    },
  };
}

/** Rewrite what mammoth would drop or flatten; see the file comment. */
export function prepareXml(xml: string): string {
  let out = xml;
  if (out.includes('fldSimple')) out = expandSimpleFields(out);
  if (out.includes('txbxContent')) out = markTextboxes(out);
  if (out.includes('commentRange')) out = markComments(out);
  return out;
}

const ATTRIBUTES = String.raw`((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)`;
const FLD_SIMPLE_OPEN = new RegExp(String.raw`<([\w.-]+):fldSimple${ATTRIBUTES}\s*(/?)>`, 'g');
const FLD_SIMPLE_CLOSE = /<\/([\w.-]+):fldSimple\s*>/g;
const INSTR_ATTRIBUTE = /(?:^|\s)[\w.-]+:instr\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** `<w:fldSimple w:instr="X">result</w:fldSimple>` → begin, instrText X, separate, result, end. */
function expandSimpleFields(xml: string): string {
  return xml
    .replace(FLD_SIMPLE_OPEN, (_m, p: string, attributes: string, selfClosing: string) => {
      const instr = INSTR_ATTRIBUTE.exec(attributes);
      const begin =
        fldChar(p, 'begin') +
        `<${p}:r><${p}:instrText xml:space="preserve">${instr?.[1] ?? instr?.[2] ?? ''}</${p}:instrText></${p}:r>` +
        fldChar(p, 'separate');
      return selfClosing ? begin + fldChar(p, 'end') : begin;
    })
    .replace(FLD_SIMPLE_CLOSE, (_m, p: string) => fldChar(p, 'end'));
}

function fldChar(p: string, type: string): string {
  return `<${p}:r><${p}:fldChar ${p}:fldCharType="${type}"/></${p}:r>`;
}

const TXBX_OPEN = new RegExp(String.raw`<([\w.-]+):txbxContent${ATTRIBUTES}\s*(/?)>`, 'g');
const TXBX_CLOSE = /<\/([\w.-]+):txbxContent\s*>/g;

function markTextboxes(xml: string): string {
  return xml
    .replace(TXBX_OPEN, (m, p: string, _a: string, selfClosing: string) => (selfClosing ? m : m + marker(p, TEXTBOX_START)))
    .replace(TXBX_CLOSE, (m, p: string) => marker(p, TEXTBOX_END) + m);
}

function marker(p: string, name: string): string {
  return `<${p}:p><${p}:bookmarkStart ${p}:id="0" ${p}:name="${name}"/></${p}:p>`;
}

// ---------------------------------------------------------------------------------------------

class TreeWalker {
  /** The part paragraphs go to: body, footnote, endnote, or textbox while inside a text box. */
  private readonly parts: Part[] = ['body'];
  private readonly noteReferences: MNoteReference[] = [];
  /** The last paragraph begun, and comment ranges that start before the next one (between paragraphs). */
  private lastParagraph: { part: Part; line: number } | undefined;
  private pendingStarts: string[] = [];

  constructor(
    private readonly writer: BlockWriter,
    private readonly document: MDocument,
    private readonly context: BodyContext,
    private readonly comments: Map<string, CommentAnchor>,
  ) {}

  blocks(elements: MElement[], inCell: boolean): void {
    for (const el of elements) {
      if (el.type === 'paragraph') this.paragraph(el, inCell);
      else if (el.type === 'table' || el.type === 'tableRow') this.blocks(el.children, inCell);
      else if (el.type === 'tableCell') this.blocks(el.children, true);
      else if (el.type === 'bookmarkStart') this.commentMark(el.name, false);
    }
  }

  /** A comment's range mark (a bookmark, see markComments): inside a paragraph, or between paragraphs. */
  private commentMark(name: string, inParagraph: boolean): void {
    const start = name.startsWith(COMMENT_START);
    if (!start && !name.startsWith(COMMENT_END)) return;
    const id = name.slice(start ? COMMENT_START.length : COMMENT_END.length);
    const here = inParagraph ? this.writer.position() : undefined;
    if (start) {
      if (here) this.anchor(id).start = here;
      else this.pendingStarts.push(id); // the range starts with the next paragraph
    } else {
      const at = here ?? this.lastParagraph; // between paragraphs: it ended with the last one
      if (at) this.anchor(id).end = at;
    }
  }

  private anchor(id: string): CommentAnchor {
    let a = this.comments.get(id);
    if (!a) this.comments.set(id, (a = {}));
    return a;
  }

  /** The notes the text refers to, in order of first reference. */
  notes(): void {
    const seen = new Set<string>();
    for (let i = 0; i < this.noteReferences.length; i++) {
      const ref = this.noteReferences[i];
      const key = `${ref.noteType}-${ref.noteId}`;
      const note = this.document.notes.resolve(ref);
      if (seen.has(key) || !note) continue;
      seen.add(key);
      this.parts.push(note.noteType);
      this.blocks(note.body, false);
      this.parts.pop();
    }
  }

  /** The part an embedded image is (see BodyContext.naming); undefined for a picture linked to a file outside. */
  private imagePart(image: MImage): string | undefined {
    let part: string | undefined;
    this.context.naming = (name) => (part = name);
    try {
      // mammoth calls our zip file's read() synchronously; a linked picture rejects (external files are off).
      image.readAsArrayBuffer().catch(() => undefined);
    } finally {
      this.context.naming = undefined;
    }
    return part;
  }

  private paragraph(p: MParagraph, inCell: boolean): void {
    const marker = textboxMarker(p);
    if (marker === TEXTBOX_START) this.parts.push('textbox');
    else if (marker === TEXTBOX_END) this.parts.pop();
    if (marker) return;
    const nested: MElement[] = [];
    this.writer.begin(this.parts.at(-1) ?? 'body', paragraphKind(p, inCell));
    this.lastParagraph = this.writer.position();
    for (const id of this.pendingStarts.splice(0)) if (this.lastParagraph) this.anchor(id).start = this.lastParagraph;
    this.inline(p.children, undefined, false, nested);
    this.writer.end();
    this.blocks(nested, inCell);
  }

  /** Walk a paragraph's content; paragraphs nested in it (text boxes) are collected in `nested`. */
  private inline(elements: MElement[], target: LinkTarget | undefined, inRun: boolean, nested: MElement[]): void {
    for (const el of elements) {
      switch (el.type) {
        case 'text':
          this.writer.append(el.value, target);
          break;
        case 'tab':
          this.writer.append('\t', target);
          break;
        case 'break':
          this.writer.append('\n', target);
          break;
        case 'checkbox':
          this.writer.append(el.checked ? '☒' : '☐', target);
          break;
        case 'run':
          this.inline(el.children, target, true, nested);
          break;
        case 'hyperlink':
          this.inline(el.children, linkTarget(el, inRun) ?? target, inRun, nested);
          break;
        case 'noteReference':
          this.noteReferences.push(el);
          break;
        case 'bookmarkStart':
          this.commentMark(el.name, true);
          break;
        case 'commentReference': {
          const here = this.writer.position();
          if (here) this.anchor(el.commentId).reference = here;
          break;
        }
        case 'image':
          this.writer.image(this.imagePart(el), el.altText);
          break;
        case 'paragraph':
        case 'table':
          nested.push(el);
          break;
        default:
          break;
      }
    }
  }
}

function textboxMarker(p: MParagraph): string | undefined {
  const [only] = p.children;
  return p.children.length === 1 && only.type === 'bookmarkStart' && (only.name === TEXTBOX_START || only.name === TEXTBOX_END)
    ? only.name
    : undefined;
}

const HEADING_STYLE = /^(heading ?[1-9]|title)$/i;

function paragraphKind(p: MParagraph, inCell: boolean): BlockKind {
  if (inCell) return 'table-cell';
  if (HEADING_STYLE.test(p.styleName ?? '') || HEADING_STYLE.test(p.styleId ?? '')) return 'heading';
  return p.numbering ? 'list-item' : 'paragraph';
}

/**
 * Mammoth puts a `w:hyperlink` around its runs, and a HYPERLINK field's hyperlink inside each run
 * of the field result. Anchor-only links (bookmarks) have no href: not a URL, no link.
 * Mammoth reads a field's quoted target greedily (`url" \l "frag`), so the instruction is parsed
 * again here to get `url#frag`.
 */
function linkTarget(link: MHyperlink, inRun: boolean): LinkTarget | undefined {
  if (link.href === undefined) return undefined;
  if (!inRun) return { href: link.href, source: 'hyperlink' };
  const href = hyperlinkFieldHref(`HYPERLINK "${link.href}"`);
  return href ? { href, source: 'field' } : undefined;
}
