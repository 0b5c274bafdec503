/**
 * Inline disabling in Word letters: a **comment** whose text is a brieflint directive.
 *
 *   brieflint-disable [rule, …]             the commented paragraphs (from the paragraph where the
 *   brieflint-disable-line [rule, …]        comment's range starts to the one where it ends; a
 *                                           comment without a range: the paragraph of its mark)
 *   brieflint-disable-next-line [rule, …]   the next paragraph with text after the commented ones
 *
 * The first paragraph of the comment is the directive (a reason may follow two dashes or go in the
 * comment's next paragraphs); no rules named = every rule. Comments are no letter text, so a
 * directive is never mailed. Word anchors a comment with `w:commentRangeStart`/`w:commentRangeEnd`
 * around the text and a `w:commentReference` run after it; mammoth drops the range marks, so they
 * are turned into bookmarks before mammoth parses the part (see markComments) and the tree walker
 * records the paragraph of each (see docx-mammoth.ts).
 */
import type { DisableDirective, Part, TextBlock } from '../types.js';
import type { DocxPackage } from './docx-package.js';
import { childElements, attr, resolvePartName } from './docx-package.js';
import type { Element } from '@xmldom/xmldom';

export const COMMENT_START = 'brieflint-comment-start-';
export const COMMENT_END = 'brieflint-comment-end-';

/** Where a comment is anchored: paragraph numbers in their part, as Location.line. */
export interface CommentAnchor {
  start?: { part: Part; line: number };
  end?: { part: Part; line: number };
  reference?: { part: Part; line: number };
}

const ATTRIBUTES = String.raw`((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)`;
const RANGE_MARK = new RegExp(String.raw`<([\w.-]+):commentRange(Start|End)${ATTRIBUTES}\s*/?>(?:\s*</\1:commentRange\2\s*>)?`, 'g');
const ID_ATTRIBUTE = /(?:^|\s)[\w.-]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** `<w:commentRangeStart w:id="3"/>` → a bookmark mammoth keeps, named for the comment (End likewise). */
export function markComments(xml: string): string {
  return xml.replace(RANGE_MARK, (_m, p: string, which: string, attributes: string) => {
    const id = ID_ATTRIBUTE.exec(attributes);
    const name = `${which === 'Start' ? COMMENT_START : COMMENT_END}${id?.[1] ?? id?.[2] ?? ''}`;
    return `<${p}:bookmarkStart ${p}:id="0" ${p}:name="${name.replace(/[<>&"']/g, '')}"/>`;
  });
}

/** The text of every comment in the package, by id (paragraphs joined by newlines). */
export async function readComments(pkg: DocxPackage): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const rels = await pkg.relationships(pkg.mainDocument);
  const rel = rels.find((r) => !r.external && /\/comments$/.test(r.type));
  if (!rel) return out;
  const xml = await pkg.readXml(resolvePartName(pkg.mainDocument, rel.target));
  if (!xml?.documentElement) return out;
  for (const comment of childElements(xml.documentElement)) {
    if (comment.localName !== 'comment') continue;
    const id = attr(comment, 'id');
    if (id === undefined) continue;
    const paragraphs: string[] = [];
    const walk = (el: Element, into: string[]) => {
      for (const child of childElements(el)) {
        if (child.localName === 'p') {
          const text: string[] = [];
          walk(child, text);
          paragraphs.push(text.join(''));
        } else if (child.localName === 't') into.push(child.textContent ?? '');
        else if (child.localName === 'tab') into.push(' ');
        else walk(child, into);
      }
    };
    walk(comment, paragraphs);
    out.set(id, paragraphs.join('\n'));
  }
  return out;
}

const DIRECTIVE = /^brieflint-(disable-next-line|disable-line|disable)(?:\s+(.*))?$/;
const RULE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** The directive a comment's text holds (its first paragraph), or undefined. */
export function commentDirective(text: string): { kind: 'disable-next-line' | 'disable-line' | 'disable'; rules: string[] } | undefined {
  const first = (text.split('\n').find((l) => l.trim() !== '') ?? '').trim();
  const m = DIRECTIVE.exec(first);
  if (!m) return undefined;
  const rules = (m[2] ?? '')
    .split(/(?:^|\s)--(?:\s|$)/)[0]
    .split(/[\s,]+/)
    .filter(Boolean);
  if (!rules.every((r) => RULE_ID.test(r))) return undefined;
  return { kind: m[1] as 'disable-next-line' | 'disable-line' | 'disable', rules };
}

/**
 * The disable directives of a Word letter: one paragraph range per directive comment (with its
 * part). `blocks` are the letter's paragraphs with text, for "the next paragraph with text".
 */
export function commentDirectives(comments: Map<string, string>, anchors: Map<string, CommentAnchor>, blocks: TextBlock[]): DisableDirective[] {
  const out: DisableDirective[] = [];
  for (const [id, text] of comments) {
    const directive = commentDirective(text);
    const anchor = anchors.get(id);
    if (!directive || !anchor) continue;
    const first = anchor.start ?? anchor.reference ?? anchor.end;
    if (!first) continue;
    // The range ends where it ends in the same part; else at the reference mark, else where it starts.
    const last = [anchor.end, anchor.reference].find((a) => a && a.part === first.part && a.line >= first.line) ?? first;
    if (directive.kind === 'disable-next-line') {
      const next = blocks.find((b) => b.part === first.part && b.segments[0].line > last.line);
      if (next) out.push({ kind: 'disable', rules: directive.rules, line: next.segments[0].line, endLine: next.segments[0].line, part: first.part });
      continue;
    }
    out.push({ kind: 'disable', rules: directive.rules, line: first.line, endLine: last.line, part: first.part });
  }
  return out.sort((a, b) => (a.part ?? '').localeCompare(b.part ?? '') || a.line - b.line);
}
