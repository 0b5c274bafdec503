/**
 * Inline disable directives in plain-text letters and templates (.txt): a line that holds only
 *
 *     brieflint-disable-next-line [rule, …] [-- reason]
 *     brieflint-disable [rule, …]      …      brieflint-enable [rule, …]
 *
 * bare, or inside the comment syntax a template language uses, so the line is never mailed:
 * `{# … #}` (Jinja, Django, Twig, Nunjucks), `{{!-- … --}}` and `{{! … }}` (Handlebars, Mustache),
 * `{{/* … *\/}}` (Go templates), `<%# … %>` (ERB), `@* … *@` (Razor), `{* … *}` (Smarty),
 * `<!-- … -->` (HTML), `/* … *\/`, or after `#`, `//`, `--`, `;` or `%` at the start of the line.
 * The directive must be the whole line: a sentence that mentions brieflint-disable disables nothing.
 * Directive lines are left out of the letter's text (they neither join nor split paragraphs).
 */
import type { DisableDirective } from '../types.js';

/** [opening, closing] comment wrappers; checked in order (longest openings first). */
const WRAPPERS: Array<[string, string]> = [
  ['{{!--', '--}}'],
  ['{{/*', '*/}}'],
  ['{{!', '}}'],
  ['{#', '#}'],
  ['<%#', '%>'],
  ['@*', '*@'],
  ['{*', '*}'],
  ['<!--', '-->'],
  ['/*', '*/'],
];
const LINE_COMMENTS = ['//', '--', '#', ';', '%'];
const DIRECTIVE = /^brieflint-(disable-next-line|disable|enable)(?:\s+(.*))?$/;
const RULE_ID = /^[a-z0-9][a-z0-9-]*$/;

/** The directive on this line, or undefined when the line is anything else. */
export function textDirective(line: string, lineNumber: number): DisableDirective | undefined {
  let body = line.trim();
  if (!body.includes('brieflint-')) return undefined;
  const wrapper = WRAPPERS.find(([open, close]) => body.startsWith(open) && body.endsWith(close) && body.length >= open.length + close.length);
  if (wrapper) body = body.slice(wrapper[0].length, body.length - wrapper[1].length).trim();
  else {
    const prefix = LINE_COMMENTS.find((p) => body.startsWith(p));
    if (prefix) body = body.slice(prefix.length).trim();
  }
  // Template trim markers ({#- … -#}, {{- … -}}) and a trailing reason ("-- why") are not rule names.
  body = body.replace(/^-\s*/, '').replace(/\s*-$/, '');
  const m = DIRECTIVE.exec(body);
  if (!m) return undefined;
  const list = (m[2] ?? '').split(/\s+--\s+|^--\s+|\s+--$/)[0] ?? '';
  const rules = list
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter(Boolean);
  if (!rules.every((r) => RULE_ID.test(r))) return undefined;
  return { kind: m[1] as DisableDirective['kind'], rules, line: lineNumber };
}

/** Every directive line of a text (1-based line numbers). */
export function textDirectives(lines: string[]): DisableDirective[] {
  const out: DisableDirective[] = [];
  lines.forEach((line, i) => {
    const d = textDirective(line, i + 1);
    if (d) out.push(d);
  });
  return out;
}
