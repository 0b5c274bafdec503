/**
 * What a .docx holds that is not printed as it stands:
 *  - **hidden text** (`w:vanish`, `w:specVanish`): set on a run, or through its character style or
 *    its paragraph's style (with `w:basedOn` inheritance). Word neither prints nor shows it (unless
 *    "show hidden text" is on), so it is not letter text; a long CMS address hidden in a draft must
 *    not get a pretty-url finding. An explicit `w:val="0"` on the run makes it visible again.
 *  - **tracked changes** (`w:ins`, `w:del`, `w:moveFrom`, `w:moveTo`): the reader reads the text as
 *    if they were accepted (insertions in, deletions out, as mammoth does), and counts them, because
 *    what is mailed may differ from what was checked.
 */
import { XMLSerializer } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import type { DocxPackage } from './docx-package.js';
import { attr, childElements, firstChild, parseXml, resolvePartName } from './docx-package.js';

export interface HiddenStyles {
  /** Style ids (character or paragraph) whose run properties hide the text. */
  readonly ids: ReadonlySet<string>;
}

export const NO_HIDDEN_STYLES: HiddenStyles = { ids: new Set() };

/** Whether an on/off property element is on (`<w:vanish/>`, `w:val="true|1|on"`). */
function isOn(el: Element | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = attr(el, 'val');
  return v === undefined || !/^(?:0|false|off)$/i.test(v);
}

function vanishOf(rPr: Element | undefined): boolean | undefined {
  if (!rPr) return undefined;
  return isOn(firstChild(rPr, 'vanish')) ?? isOn(firstChild(rPr, 'specVanish'));
}

/** The styles that hide their text, read from the main document's styles part. */
export async function readHiddenStyles(pkg: DocxPackage): Promise<HiddenStyles> {
  const rels = await pkg.relationships(pkg.mainDocument);
  const rel = rels.find((r) => !r.external && /\/styles$/.test(r.type));
  const part = rel ? resolvePartName(pkg.mainDocument, rel.target) : 'word/styles.xml';
  if (!pkg.zip.has(part)) return NO_HIDDEN_STYLES;
  const raw = (await pkg.zip.read(part)).toString('utf8');
  if (!raw.includes('anish')) return NO_HIDDEN_STYLES;
  const xml = await pkg.readXml(part);
  if (!xml?.documentElement) return NO_HIDDEN_STYLES;
  const own = new Map<string, { vanish?: boolean; basedOn?: string }>();
  for (const style of childElements(xml.documentElement)) {
    if (style.localName !== 'style') continue;
    const id = attr(style, 'styleId');
    if (!id) continue;
    const basedOn = firstChild(style, 'basedOn');
    own.set(id, { vanish: vanishOf(firstChild(style, 'rPr')), basedOn: basedOn ? attr(basedOn, 'val') : undefined });
  }
  const ids = new Set<string>();
  for (const id of own.keys()) {
    let cur: string | undefined = id;
    for (let depth = 0; cur && depth < 32; depth++) {
      const s = own.get(cur);
      if (!s) break;
      if (s.vanish !== undefined) {
        if (s.vanish) ids.add(id);
        break;
      }
      cur = s.basedOn;
    }
  }
  return { ids };
}

/** Whether a run (`w:r`) is hidden, given the style of the paragraph it is in. */
export function runHidden(run: Element, styles: HiddenStyles, paragraphStyle: string | undefined): boolean {
  const rPr = firstChild(run, 'rPr');
  const direct = vanishOf(rPr);
  if (direct !== undefined) return direct;
  const rStyle = rPr ? firstChild(rPr, 'rStyle') : undefined;
  const charStyle = rStyle ? attr(rStyle, 'val') : undefined;
  if (charStyle && styles.ids.has(charStyle)) return true;
  return paragraphStyle !== undefined && styles.ids.has(paragraphStyle);
}

/** The style id of a paragraph (`w:pPr/w:pStyle`). */
export function paragraphStyle(p: Element): string | undefined {
  const pPr = firstChild(p, 'pPr');
  const pStyle = pPr ? firstChild(pPr, 'pStyle') : undefined;
  return pStyle ? attr(pStyle, 'val') : undefined;
}

/** Whether this part's XML may hold hidden text (a cheap test before parsing it). */
export function mayHideText(xml: string, styles: HiddenStyles): boolean {
  if (xml.includes('anish')) return true;
  for (const id of styles.ids) if (xml.includes(`"${id}"`)) return true;
  return false;
}

/** The part's XML with every hidden run taken out (parsed and written again only when there is one). */
export function removeHiddenRuns(displayPath: string, part: string, xml: string, styles: HiddenStyles): string {
  if (!mayHideText(xml, styles)) return xml;
  const doc = parseXml(displayPath, part, xml);
  const hidden: Element[] = [];
  const walk = (el: Element, pStyle: string | undefined) => {
    for (const child of childElements(el)) {
      if (child.localName === 'p') walk(child, paragraphStyle(child));
      else if (child.localName === 'r' && runHidden(child, styles, pStyle)) hidden.push(child);
      else walk(child, pStyle);
    }
  };
  if (doc.documentElement) walk(doc.documentElement, undefined);
  if (hidden.length === 0) return xml;
  for (const run of hidden) run.parentNode?.removeChild(run);
  return new XMLSerializer().serializeToString(doc);
}

const TRACKED_RE = /<(?:[\w.-]+:)?(ins|del|moveFrom|moveTo)[\s/>]/g;

/** Tracked changes in a part's XML: insertions (ins, moveTo) and deletions (del, moveFrom). */
export function countTrackedChanges(xml: string): { insertions: number; deletions: number } {
  let insertions = 0;
  let deletions = 0;
  if (!/<(?:[\w.-]+:)?(?:ins|del|move)/.test(xml)) return { insertions, deletions };
  TRACKED_RE.lastIndex = 0;
  for (let m = TRACKED_RE.exec(xml); m; m = TRACKED_RE.exec(xml)) {
    if (m[1] === 'ins' || m[1] === 'moveTo') insertions++;
    else deletions++;
  }
  return { insertions, deletions };
}
