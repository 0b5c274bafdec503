/**
 * The language of what brieflint says before (or without) reading the config: help, argument
 * errors, unknown commands, `explain`. In order:
 *
 * 1. `--lang nl|en` on the command line;
 * 2. `lang` in the config file (`-c/--config`, else the nearest one up from the current folder),
 *    read best-effort: a config that cannot be read decides nothing here (the command reports it);
 * 3. the locale: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set; English when it starts
 *    with `en`;
 * 4. Dutch.
 *
 * Findings use `--lang`, then config `lang`, then Dutch, never the locale: messages without a URL
 * are part of baseline keys, so a baseline written on a machine with `LANG=en_US.UTF-8` must match
 * one written in CI.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Lang } from '../types.js';
import { findConfigFile } from '../config/index.js';

const isLang = (v: unknown): v is Lang => v === 'nl' || v === 'en';

/** The value of an option in raw arguments: `--name value` or `--name=value` (the last one wins). */
export function optionValue(args: readonly string[], ...names: string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') break;
    for (const name of names) {
      if (arg === name && i + 1 < args.length) value = args[i + 1];
      else if (arg.startsWith(`${name}=`)) value = arg.slice(name.length + 1);
    }
  }
  return value;
}

/** `--lang` given on the command line, when it is nl or en. */
export function langFromArgs(args: readonly string[]): Lang | undefined {
  const value = optionValue(args, '--lang');
  return isLang(value) ? value : undefined;
}

/** The locale's language: English for `en*`, else undefined (brieflint's default is Dutch). */
export function langFromLocale(env: NodeJS.ProcessEnv): Lang | undefined {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  if (locale === undefined) return undefined;
  if (/^en([_.@-]|$)/i.test(locale)) return 'en';
  if (/^nl([_.@-]|$)/i.test(locale)) return 'nl';
  return undefined;
}

/** `lang` of the config file the command would read, or undefined (no file, unreadable, no `lang`). */
export function langFromConfig(args: readonly string[], cwd: string): Lang | undefined {
  try {
    const explicit = optionValue(args, '-c', '--config');
    const file = explicit ? resolve(cwd, explicit) : findConfigFile(cwd);
    if (!file) return undefined;
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    if (file.endsWith('.json')) {
      const lang = (JSON.parse(text) as { lang?: unknown }).lang;
      return isLang(lang) ? lang : undefined;
    }
    // A YAML config: its top-level `lang:` line is enough here (no YAML parser at start-up).
    const m = /^lang:\s*["']?(nl|en)["']?\s*(#.*)?$/m.exec(text);
    return m ? (m[1] as Lang) : undefined;
  } catch {
    return undefined;
  }
}

/** The language of help, argument errors and `explain` for these raw arguments (see above). */
export function cliLang(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Lang {
  return langFromArgs(args) ?? langFromConfig(args, cwd) ?? langFromLocale(env) ?? 'nl';
}
