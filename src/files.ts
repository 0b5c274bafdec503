import { existsSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import ignore from 'ignore';
import { LETTER_EXTENSIONS, UNSUPPORTED_LETTER_EXTENSIONS, extensionOf } from './letters/index.js';
import type { Message } from './types.js';

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
): Promise<{ files: FoundFile[]; missing: string[]; ignored: string[]; skipped: string[]; notes: Message[] }> {
  const ig = ignore();
  const gitignore = resolve(cwd, '.gitignore');
  if (existsSync(gitignore)) ig.add(readFileSync(gitignore, 'utf8'));
  const cfgIgnore = ignore().add(options.ignore ?? []);
  const cfgRoot = options.ignoreRoot ?? cwd;
  const excludedDirs = options.exclude ?? [];
  // The fact folders by their real paths too: a symlink into kcc/ does not make briefings letters.
  const excludedReal = await Promise.all(excludedDirs.map(realOf));
  const excluded = (abs: string) => excludedDirs.some((dir) => isInside(abs, dir));
  const excludedByReal = (real: string) => excludedReal.some((dir) => isInside(real, dir));
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

  const realCwd = await realOf(cwd);
  /** Whether a path reaches its file through a symlink (below the current folder, whose own path may hold one). */
  const throughLink = (abs: string, real: string) => {
    const rel = relative(cwd, abs);
    return rel.startsWith('..') || isAbsolute(rel) ? abs !== real : join(realCwd, rel) !== real;
  };
  const candidates: Candidate[] = [];
  const notes: Message[] = [];
  const missing: string[] = [];
  const ignored: string[] = [];
  for (const p of paths.length ? paths : ['.']) {
    const abs = resolve(cwd, p);
    if (!isDynamicPattern(p) && existsSync(abs)) {
      if (statSync(abs).isDirectory()) {
        await walkFolder(abs, cwd, candidates, notes);
      } else if (notALetter(abs) || excludedByReal(await realOf(abs))) {
        ignored.push(toDisplay(cwd, abs)); // named explicitly (pre-commit), but a briefing or ignored
      } else {
        const real = await realOf(abs);
        candidates.push({ absolute: abs, real, viaLink: throughLink(abs, real), named: true }); // named explicitly: checked even when .gitignore excludes it
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
      if (WALK_EXTENSIONS.includes(extensionOf(file) as never)) {
        const real = await realOf(file);
        candidates.push({ absolute: file, real, viaLink: throughLink(file, real), named: false });
      }
    }
  }
  // Each real file once: reached directly rather than through a link, else by its shortest path.
  // An attachment a walk or glob met (.pdf, .doc …) is listed as skipped, not read.
  const found = new Map<string, Candidate>();
  const skipped = new Map<string, Candidate>();
  for (const c of candidates) {
    if (!c.named && (skip(c.absolute) || excludedByReal(c.real))) continue;
    const into = c.named || (LETTER_EXTENSIONS as readonly string[]).includes(extensionOf(c.absolute)) ? found : skipped;
    const have = into.get(c.real);
    if (!have || better(c, have, cwd)) into.set(c.real, c);
  }
  // A file named explicitly and also met in a folder is checked, not skipped.
  for (const real of found.keys()) skipped.delete(real);
  if (found.size === 0 && missing.length === 0 && ignored.length === 0 && skipped.size === 0) throw new NoFilesError(paths.join(' ') || '.');
  const byDisplay = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const files = [...found.values()]
    .map((c) => ({ absolute: c.absolute, display: toDisplay(cwd, c.absolute) }))
    .sort((a, b) => byDisplay(a.display, b.display));
  const skippedShown = [...skipped.values()].map((c) => toDisplay(cwd, c.absolute)).sort(byDisplay);
  return { files, missing, ignored, skipped: skippedShown, notes };
}

/** A letter file found by the walk, a glob or by name, with its real path (symlinks resolved). */
interface Candidate {
  absolute: string;
  real: string;
  /** Reached through a symlink (to it, or to a folder on its path). */
  viaLink: boolean;
  /** Named on the command line: checked even when .gitignore excludes it. */
  named: boolean;
}

function better(a: Candidate, b: Candidate, cwd: string): boolean {
  if (a.named !== b.named) return a.named;
  if (a.viaLink !== b.viaLink) return !a.viaLink;
  const da = toDisplay(cwd, a.absolute);
  const db = toDisplay(cwd, b.absolute);
  return da.length !== db.length ? da.length < db.length : da < db;
}

async function realOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

const isInside = (path: string, dir: string) => path === dir || path.startsWith(dir.endsWith(sep) ? dir : dir + sep);

/**
 * Walk a folder for letter-like files, following symlinks but each real folder once: every real
 * subfolder first, then the folders that symlinks point to. A link to a folder that holds it (a
 * loop) or to a folder that is walked already is not followed, and a note says so; a link to a
 * folder elsewhere is walked, its letters shown under the link's path. Dot files and folders and
 * node_modules are skipped, like the glob they replace.
 */
async function walkFolder(root: string, cwd: string, out: Candidate[], notes: Message[]): Promise<void> {
  const realCwd = await realOf(cwd);
  const shown = (real: string) => toDisplay(realCwd, real) || '.';
  const walked = new Set<string>();
  const walkedAlready = (real: string) => {
    for (let d = real; ; d = dirname(d)) {
      if (walked.has(d)) return true;
      if (dirname(d) === d) return false;
    }
  };
  let queue: Array<{ abs: string; real: string; link?: string }> = [{ abs: root, real: await realOf(root) }];
  const found: Message[] = [];
  while (queue.length > 0) {
    const links: Array<{ abs: string; real: string; parent: string }> = [];
    // Level by level, the folders of a level read at once.
    for (let level = queue; level.length > 0; ) {
      const todo = level.filter(({ abs, real, link }) => {
        // A real subfolder is walked unless it was; a link's folder unless it lies in one walked.
        if (link ? walkedAlready(real) : walked.has(real)) {
          if (link) found.push(duplicate(toDisplay(cwd, abs), shown(real)));
          return false;
        }
        walked.add(real);
        return true;
      });
      const listings = await Promise.all(todo.map(({ abs }) => readdir(abs, { withFileTypes: true }).catch(() => [] as Dirent[])));
      const next: typeof queue = [];
      for (let t = 0; t < todo.length; t++) {
        const { abs, real, link } = todo[t];
        for (const e of listings[t]) {
          if (e.name.startsWith('.') || e.name === 'node_modules') continue;
          // Both folders are absolute and normalized: a plain join (path.join would normalize again).
          const path = abs.endsWith(sep) ? abs + e.name : abs + sep + e.name;
          const realPath = real.endsWith(sep) ? real + e.name : real + sep + e.name;
          const isLetter = WALK_EXTENSIONS.includes(extensionOf(e.name) as never);
          if (e.isDirectory()) next.push({ abs: path, real: realPath });
          else if (e.isFile()) {
            if (isLetter) out.push({ absolute: path, real: realPath, viaLink: !!link || abs !== real, named: false });
          } else if (e.isSymbolicLink()) {
            let target: string;
            let info: Stats;
            try {
              target = await realpath(path);
              info = await stat(path);
            } catch (error) {
              const code = (error as NodeJS.ErrnoException).code;
              if (code === 'ELOOP') found.push(chainLoop(toDisplay(cwd, path)));
              continue; // a dangling link: nothing to read
            }
            if (info.isDirectory()) links.push({ abs: path, real: target, parent: real });
            else if (info.isFile() && isLetter) out.push({ absolute: path, real: target, viaLink: true, named: false });
          }
        }
      }
      level = next;
    }
    queue = [];
    for (const l of links) {
      if (isInside(l.parent, l.real)) found.push(folderLoop(toDisplay(cwd, l.abs), shown(l.real)));
      else if (walkedAlready(l.real)) found.push(duplicate(toDisplay(cwd, l.abs), shown(l.real)));
      else queue.push({ abs: l.abs, real: l.real, link: l.abs });
    }
  }
  notes.push(...found.sort((a, b) => (a.en < b.en ? -1 : a.en > b.en ? 1 : 0)));
}

function chainLoop(path: string): Message {
  return { nl: `${path} is een symlink-lus (ELOOP); overgeslagen`, en: `${path} is a symlink loop (ELOOP); skipped` };
}

function folderLoop(path: string, target: string): Message {
  return {
    nl: `${path} is een symlink-lus: hij verwijst naar een map waar hij zelf in staat (${target}); niet gevolgd`,
    en: `${path} is a symlink loop: it points to a folder that holds it (${target}); not followed`,
  };
}

function duplicate(path: string, target: string): Message {
  return {
    nl: `${path} verwijst naar ${target}, die al wordt doorzocht; elke brief daarin telt één keer`,
    en: `${path} points to ${target}, which is searched already; each letter in it counts once`,
  };
}

function toDisplay(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return (rel.startsWith('..') ? abs : rel).split(sep).join('/');
}
