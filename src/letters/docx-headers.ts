/**
 * Headers and footers of a .docx, which mammoth does not read: their XML is walked here, with
 * each part's own relationships for its hyperlinks. The walk follows what a reader sees:
 * text runs, `w:hyperlink`, HYPERLINK fields (simple and complex, nested), tables, content
 * controls, one branch of `mc:AlternateContent`, text-box paragraphs after their host paragraph.
 * Field instructions, deleted and moved-away text are not letter text.
 */
import type { Element } from '@xmldom/xmldom';
import type { Part } from '../types.js';
import { attr, childElements, firstChild, resolvePartName } from './docx-package.js';
import type { DocxPackage } from './docx-package.js';
import { hyperlinkFieldHref, withFragment } from './docx-fields.js';
import type { BlockWriter, LinkTarget } from './docx-writer.js';
import { countTrackedChanges, paragraphStyle, runHidden, type HiddenStyles } from './docx-hidden.js';
import type { BodyContext } from './docx-mammoth.js';

const WORDPROCESSINGML = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);

/** Word elements whose content is never letter text. */
const HIDDEN = new Set(['del', 'moveFrom', 'instrText', 'delText', 'delInstrText', 'pPr', 'rPr', 'sectPr', 'fldData']);

type HeaderFooter = Extract<Part, 'header' | 'footer'>;

/** Read every header (or footer) part of the main document, in part-name order. */
export async function readHeadersOrFooters(pkg: DocxPackage, kind: HeaderFooter, writer: BlockWriter, context: BodyContext): Promise<void> {
  const rels = await pkg.relationships(pkg.mainDocument);
  const names = rels
    .filter((r) => !r.external && r.type.endsWith(`/${kind}`))
    .map((r) => resolvePartName(pkg.mainDocument, r.target));
  const unique = [...new Set(names)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const name of unique) {
    const xml = await pkg.readXml(name);
    if (!xml?.documentElement) continue;
    if (pkg.zip.has(name)) {
      const changes = countTrackedChanges((await pkg.zip.read(name)).toString('utf8'));
      context.tracked.insertions += changes.insertions;
      context.tracked.deletions += changes.deletions;
    }
    const relationships = await pkg.relationships(name);
    const partRels = new Map(relationships.map((r) => [r.id, r.target]));
    // A picture's relationship: its part name, or undefined for one linked to a file outside.
    const images = new Map(relationships.map((r) => [r.id, r.external ? undefined : resolvePartName(name, r.target)]));
    new PartWalker(writer, kind, partRels, context.hidden, images).blocks(childElements(xml.documentElement), false);
  }
}

interface OpenField {
  instruction: string;
  inResult: boolean;
  target?: LinkTarget;
}

class PartWalker {
  /** Complex fields open at this point of the part; they may span paragraphs. */
  private readonly fields: OpenField[] = [];
  /** The style of the paragraph being read (its run properties may hide text). */
  private pStyle: string | undefined;
  /** The alternative text of the drawing being read. */
  private alt: string | undefined;

  constructor(
    private readonly writer: BlockWriter,
    private readonly part: HeaderFooter,
    private readonly rels: Map<string, string>,
    private readonly hidden: HiddenStyles,
    private readonly images: Map<string, string | undefined>,
  ) {}

  blocks(elements: Element[], inCell: boolean): void {
    for (const el of elements) {
      if (el.localName === 'AlternateContent') this.blocks(alternative(el), inCell);
      else if (!isWord(el)) continue;
      else if (el.localName === 'p') this.paragraph(el, inCell);
      else if (el.localName === 'tc') this.blocks(childElements(el), true);
      else if (!HIDDEN.has(el.localName ?? '')) this.blocks(childElements(el), inCell);
    }
  }

  private paragraph(p: Element, inCell: boolean): void {
    const textboxes: Element[] = [];
    this.pStyle = paragraphStyle(p);
    this.writer.begin(this.part, inCell ? 'table-cell' : 'paragraph');
    this.inline(childElements(p), undefined, textboxes);
    this.writer.end();
    for (const textbox of textboxes) this.blocks(childElements(textbox), inCell);
  }

  private inline(elements: Element[], target: LinkTarget | undefined, textboxes: Element[]): void {
    for (const el of elements) {
      if (el.localName === 'AlternateContent') this.inline(alternative(el), target, textboxes);
      else if (!isWord(el)) {
        this.picture(el);
        this.inline(childElements(el), target, textboxes);
      }
      else this.wordInline(el, target, textboxes);
    }
  }

  private wordInline(el: Element, target: LinkTarget | undefined, textboxes: Element[]): void {
    switch (el.localName) {
      case 'r':
        if (runHidden(el, this.hidden, this.pStyle)) return; // hidden text is not printed
        return this.inline(childElements(el), target, textboxes);
      case 't':
        return this.text(el.textContent ?? '', target);
      case 'tab':
        return this.text('\t', target);
      case 'br':
      case 'cr':
        return this.text('\n', target);
      case 'noBreakHyphen':
        return this.text('\u2011', target);
      case 'softHyphen':
        return this.text('\u00AD', target);
      case 'hyperlink':
        return this.inline(childElements(el), this.hyperlinkTarget(el) ?? target, textboxes);
      case 'fldSimple':
        return this.inline(childElements(el), fieldTarget(attr(el, 'instr') ?? '') ?? target, textboxes);
      case 'fldChar':
        return this.fieldChar(attr(el, 'fldCharType'));
      case 'instrText':
        return this.instruction(el.textContent ?? '');
      case 'txbxContent':
        textboxes.push(el);
        return;
      default:
        if (!HIDDEN.has(el.localName ?? '')) this.inline(childElements(el), target, textboxes);
    }
  }

  /**
   * A picture met on the way through a drawing: DrawingML `a:blip r:embed` (or `r:link` to a file
   * outside), VML `v:imagedata r:id`; its alternative text comes from the drawing's `wp:docPr`
   * just before it. A text box in the drawing is read as text as before.
   */
  private picture(el: Element): void {
    switch (el.localName) {
      case 'docPr':
        this.alt = attr(el, 'descr') || attr(el, 'title') || undefined;
        return;
      case 'blip': {
        const embed = attr(el, 'embed');
        if (embed !== undefined) this.writer.image(this.images.get(embed), this.alt);
        else if (attr(el, 'link') !== undefined) this.writer.image(undefined, this.alt);
        return;
      }
      case 'imagedata': {
        const id = attr(el, 'id');
        if (id !== undefined) this.writer.image(this.images.get(id), attr(el, 'title') || this.alt);
        return;
      }
      default:
        return;
    }
  }

  /** Visible text: not inside a field instruction. A HYPERLINK field's result links to its target. */
  private text(text: string, target: LinkTarget | undefined): void {
    if (this.fields.some((f) => !f.inResult)) return;
    this.writer.append(text, target ?? this.fields.findLast((f) => f.target)?.target);
  }

  private fieldChar(type: string | undefined): void {
    if (type === 'begin') this.fields.push({ instruction: '', inResult: false });
    else if (type === 'end') this.fields.pop();
    else if (type === 'separate') {
      const field = this.fields.at(-1);
      if (!field) return;
      field.inResult = true;
      field.target = fieldTarget(field.instruction);
    }
  }

  private instruction(text: string): void {
    const field = this.fields.at(-1);
    if (field && !field.inResult) field.instruction += text;
  }

  private hyperlinkTarget(el: Element): LinkTarget | undefined {
    const id = attr(el, 'id');
    const target = id === undefined ? undefined : this.rels.get(id);
    if (target === undefined) return undefined; // anchor-only: a bookmark in this document
    const anchor = attr(el, 'anchor');
    return { href: anchor ? withFragment(target, anchor) : target, source: 'hyperlink' };
  }
}

function fieldTarget(instruction: string): LinkTarget | undefined {
  const href = hyperlinkFieldHref(instruction);
  return href ? { href, source: 'field' } : undefined;
}

function isWord(el: Element): boolean {
  return WORDPROCESSINGML.has(el.namespaceURI ?? '');
}

/** One branch of `mc:AlternateContent`: the fallback, as mammoth reads it, else the first choice. */
function alternative(el: Element): Element[] {
  const branch = firstChild(el, 'Fallback') ?? firstChild(el, 'Choice');
  return branch ? childElements(branch) : [];
}
