/**
 * "Bedoelt u …?": the nearest of a list of known names to a mistyped one (unknown config keys,
 * rules, commands), by Levenshtein distance (the `leven` package).
 */
import leven from 'leven';
import type { Message } from '../types.js';

/** Two neighbouring letters swapped (`erorr` → `error`): one typo, where Levenshtein counts two. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

/**
 * The known name closest to `input`, when it is close enough to be a typo: at most a third of the
 * longer name's length apart (at least 1, at most 3 edits), compared case-insensitively. A name
 * that starts with the input or the other way round (`pretty` → `pretty-url`) counts as close too.
 */
export function closest(input: string, known: Iterable<string>): string | undefined {
  const typed = input.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const candidate = name.toLowerCase();
    if (candidate === typed) return name;
    const distance = swapped(typed, candidate) ? 1 : leven(typed, candidate);
    const limit = Math.min(3, Math.max(1, Math.floor(Math.max(typed.length, candidate.length) / 3)));
    const prefix = typed.length >= 3 && (candidate.startsWith(typed) || typed.startsWith(candidate));
    if (distance > limit && !prefix) continue;
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best?.name;
}

/**
 * `; bedoelt u “x”?` / `; did you mean “x”?`, or empty when nothing is close. `quotes` are the
 * opening and closing quote (config messages quote keys as JSON does: `"x"`).
 */
export function didYouMean(input: string, known: Iterable<string>, quotes = '“”', prefix = ''): Message {
  const name = closest(input, known);
  if (name === undefined) return { nl: '', en: '' };
  const q = `${quotes[0]}${prefix}${name}${quotes[1]}`;
  return { nl: `; bedoelt u ${q}?`, en: `; did you mean ${q}?` };
}
