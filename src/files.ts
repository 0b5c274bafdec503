import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import ignore from 'ignore';
import { LETTER_EXTENSIONS, UNSUPPORTED_LETTER_EXTENSIONS, extensionOf } from './letters/index.js';

export interface FoundFile {
  /** Absolute path. */
  absolute: string;
  /** Relative to cwd, forward slashes: what reports show. */
  display: string;
}

const WALK_EXTENSIONS = [...LETTER_EXTENSIONS, ...UNSUPPORTED_LETTER_EXTENSIONS];
const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**'];
/**
 * A repository's own documents, never letters: README, CHANGELOG, CONTRIBUTING, LICENSE (or
 * LICENCE, as the EUPL spells it), with any extension. Skipped in folders and globs, anywhere.
 */
const REPOSITORY_DOCUMENT = /^(?:readme|changelog|contributing|licen[cs]e)(?:[.\-_].*)?$/i;

/** Whether a walk leaves this file out as one of the repository's own documents (README.md, docs/CHANGELOG.md). */
export function isRepositoryDocument(path: string): boolean {
  return REPOSITORY_DOCUMENT.test(path.split(/[\\/]/).pop() ?? '');
}

export class NoFilesError extends Error {}

/**
 * Files, folders and globs → the letters to check, sorted. Folders are walked for letter-like
 * files; node_modules, .git, what .gitignore (in cwd) and the config's `ignore` exclude are skipped,
 * as are Word lock files (~$…) and the repository's own documents (README*, CHANGELOG*, …).
 * Attachments a walk or glob meets in a format brieflint cannot read (.pdf, .doc, .odt …) are
 * not read but listed in `skipped`; named explicitly, such a file is taken (and gets the "save it as
 * .docx" message). A file named explicitly is taken unless the config's `ignore` or
 * an `exclude` folder (the KCC briefings) covers it: then it is listed in `ignored`, so a
 * pre-commit run on a staged briefing passes instead of linting it as a letter.
 */
export async function findLetters(
  paths: string[],
  cwd: string,
  options: { ignore?: string[]; ignoreRoot?: string; exclude?: string[] } = {},
): Promise<{ files: FoundFile[]; missing: string[]; ignored: string[]; skipped: string[] }> {
  const ig = ignore();
  const gitignore = resolve(cwd, '.gitignore');
  if (existsSync(gitignore)) ig.add(readFileSync(gitignore, 'utf8'));
  const cfgIgnore = ignore().add(options.ignore ?? []);
  const cfgRoot = options.ignoreRoot ?? cwd;
  const excluded = (abs: string) => (options.exclude ?? []).some((dir) => abs === dir || abs.startsWith(dir + sep));
  /** What the project says is no letter: the config's `ignore` and the fact folders (kcc/). */
  const notALetter = (abs: string) => {
    const fromCfg = relative(cfgRoot, abs).split(sep).join('/');
    return (fromCfg && !fromCfg.startsWith('..') && cfgIgnore.ignores(fromCfg)) || excluded(abs);
  };
  const skip = (abs: string) => {
    const fromCwd = relative(cwd, abs).split(sep).join('/');
    return (
      (fromCwd && !fromCwd.startsWith('..') && ig.ignores(fromCwd)) ||
      notALetter(abs) ||
      (abs.split(sep).pop() ?? '').startsWith('~$') ||
      isRepositoryDocument(abs)
    );
  };

  const found = new Map<string, FoundFile>();
  const missing: string[] = [];
  const ignored: string[] = [];
  const skipped = new Set<string>();
  const add = (abs: string) => found.set(abs, { absolute: abs, display: toDisplay(cwd, abs) });
  /** A file a walk or glob met: a letter is added, an attachment brieflint cannot read is listed. */
  const met = (abs: string) => {
    if (skip(abs)) return;
    if ((LETTER_EXTENSIONS as readonly string[]).includes(extensionOf(abs))) add(abs);
    else skipped.add(abs);
  };
  const pattern = `**/*.{${WALK_EXTENSIONS.join(',')}}`;
  for (const p of paths.length ? paths : ['.']) {
    const abs = resolve(cwd, p);
    if (!isDynamicPattern(p) && existsSync(abs)) {
      if (statSync(abs).isDirectory()) {
        const files = await glob(pattern, { cwd: abs, absolute: true, ignore: ALWAYS_SKIPPED, caseSensitiveMatch: false, dot: false });
        for (const f of files) met(resolve(f));
      } else if (notALetter(abs)) {
        ignored.push(toDisplay(cwd, abs)); // named explicitly (pre-commit), but a briefing or ignored
      } else {
        add(abs); // named explicitly: checked even when .gitignore excludes it
      }
      continue;
    }
    if (!isDynamicPattern(p)) {
      missing.push(p);
      continue;
    }
    const files = await glob(p, { cwd, absolute: true, ignore: ALWAYS_SKIPPED, dot: false });
    for (const f of files) {
      const file = resolve(f);
      if (WALK_EXTENSIONS.includes(extensionOf(file) as never)) met(file);
    }
  }
  // A file named explicitly and also met in a folder is checked, not skipped.
  for (const abs of found.keys()) skipped.delete(abs);
  if (found.size === 0 && missing.length === 0 && ignored.length === 0 && skipped.size === 0) throw new NoFilesError(paths.join(' ') || '.');
  const byDisplay = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const files = [...found.values()].sort((a, b) => byDisplay(a.display, b.display));
  return { files, missing, ignored, skipped: [...skipped].map((abs) => toDisplay(cwd, abs)).sort(byDisplay) };
}

function toDisplay(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return (rel.startsWith('..') ? abs : rel).split(sep).join('/');
}
