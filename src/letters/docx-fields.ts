/**
 * Word field instructions (`w:instrText`, `w:fldSimple/@w:instr`). Only `HYPERLINK` matters to a
 * letter: its target is a link; every other field (PAGE, TOC, Zotero's ADDIN …) shows only its
 * result, and its instruction text is never letter text.
 */

/** Switches of HYPERLINK that take an argument (ECMA-376 §17.16.5.25). */
const SWITCHES_WITH_ARGUMENT = new Set(['\\l', '\\o', '\\t']);

/**
 * The href of a `HYPERLINK` field: its target, with the `\l` location as fragment. Undefined for
 * other fields and for bookmark-only links (`HYPERLINK \l "bookmark"`), which are not URLs.
 */
export function hyperlinkFieldHref(instruction: string): string | undefined {
  const tokens = [...instruction.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
  if (tokens[0]?.toUpperCase() !== 'HYPERLINK') return undefined;
  let target: string | undefined;
  let location: string | undefined;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (SWITCHES_WITH_ARGUMENT.has(token.toLowerCase())) {
      if (token.toLowerCase() === '\\l') location = tokens[i + 1];
      i++;
    } else if (!token.startsWith('\\') && target === undefined) {
      target = token;
    }
  }
  if (!target) return undefined;
  return location ? withFragment(target, location) : target;
}

/** `target` with its fragment replaced by `fragment` (how Word joins a link and its anchor). */
export function withFragment(target: string, fragment: string): string {
  const hash = target.indexOf('#');
  return `${hash === -1 ? target : target.slice(0, hash)}#${fragment}`;
}
