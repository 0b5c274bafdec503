/**
 * `check` is the default command, so `brieflint brieven/` checks brieven/. A mistyped command
 * (`brieflint chek brieven/`) would then be read as a path: this tells the two apart. A first
 * word that is an existing file or folder, or looks like a path or a glob, is a path; an unknown
 * word that resembles a command is an error.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Lang } from '../types.js';
import { closest, didYouMean } from '../i18n/suggest.js';
import { ERRORS } from '../i18n/cli-text.js';

/** Why `word`, the first argument of the default command, is no path; undefined when it is one. */
export function notAPath(word: string, cwd: string, commands: readonly string[], lang: Lang): string | undefined {
  if (/[/\\.*?[\]{}]/.test(word) || word.startsWith('-') || existsSync(resolve(cwd, word))) return undefined;
  if (commands.includes(word)) return ERRORS[lang].commandFirst(word);
  if (closest(word, commands) === undefined) return undefined;
  return ERRORS[lang].unknownCommand(word) + didYouMean(word, commands)[lang];
}
