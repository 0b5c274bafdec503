/**
 * The letter cache (`check --cache`, like ESLint's): what reading a letter gave (the letter with its
 * text released, and its references), keyed by the letter's path and the SHA-256 of its bytes, so
 * that a CI run over unchanged letters parses only the ones that changed. It cannot lie:
 *
 * - **Fingerprinted.** Entries are stored per fingerprint of brieflint's version, this file's
 *   format and the effective configuration (every key, rule options and overrides included). A
 *   run uses only its own fingerprint's entries: another version or configuration never serves it.
 * - **Per content.** An entry is used only for the same path (as shown and on disk) and the same
 *   bytes. A Markdown letter whose pictures are files of their own is never cached (a changed
 *   picture would not change the letter's bytes); a .docx carries its pictures inside.
 * - **Validated.** An entry of the wrong shape is ignored and the letter read again; a file that
 *   is not a letter cache is neither used nor overwritten (one warning).
 * - **Merged under a lock** (src/cache/locked.ts, as the URL cache): parallel runs keep each
 *   other's entries. Entries are serialized when the letter is read, before the run's facts and
 *   rules add anything to the objects.
 */
import { createHash } from 'node:crypto';
import type { Letter, Message, References } from '../types.js';
import type { ResolvedConfig } from '../config/types.js';
import type { FoundFile } from '../files.js';
import type { ReadOutcome } from '../read/one.js';
import { readCacheFile, underLock } from './locked.js';

export const LETTER_CACHE_VERSION = 1;
const TOOL = 'brieflint-letters';
/** Where the letter cache lives unless --cache-location says otherwise: next to the URL cache. */
export const DEFAULT_LETTER_CACHE_FILE = '.brieflint-letters-cache.json';
/** Entries not read again for this long are dropped when the file is saved; so are other configurations' after this. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;
const FOREIGN_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

interface Entry {
  /** SHA-256 of the letter's bytes, hex. */
  hash: string;
  /** The path as reports show it (relative to the working folder): part of the parsed letter. */
  display: string;
  /** Epoch ms when written. */
  at: number;
  letter: Letter;
  refs: References;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const arrayOf = (v: unknown, item: (x: Record<string, unknown>) => boolean): boolean => Array.isArray(v) && v.every((x) => isObject(x) && item(x));
const located = (x: Record<string, unknown>) => isObject(x.location);

/** JSON with object keys sorted, so that the same configuration always gives the same fingerprint. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v ?? null)).join(',')}]`;
  if (isObject(value)) {
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return JSON.stringify(String(value));
    return `{${Object.keys(value)
      .sort()
      .filter((k) => value[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  if (typeof value === 'function' || typeof value === 'symbol') return JSON.stringify(String(value));
  return JSON.stringify(value) ?? 'null';
}

/** The fingerprint of what reading a letter depends on besides its bytes and path. */
export function letterCacheFingerprint(config: ResolvedConfig, version: string): string {
  return createHash('sha256').update(canonical({ format: LETTER_CACHE_VERSION, version, config })).digest('hex').slice(0, 32);
}

/**
 * Whether a stored entry has the shape a parsed letter and its references have, as far as the
 * engine and the rules rely on it. Anything else is read again.
 */
export function validEntry(e: unknown): e is Entry {
  if (!isObject(e) || !isString(e.hash) || !/^[0-9a-f]{64}$/.test(e.hash) || !isString(e.display) || typeof e.at !== 'number') return false;
  const l = e.letter;
  const r = e.refs;
  if (!isObject(l) || !isObject(r)) return false;
  if (l.path !== e.display || !isString(l.format) || !isObject(l.meta)) return false;
  if (!arrayOf(l.blocks, (b) => isString(b.text) && isString(b.part) && Array.isArray(b.segments))) return false;
  if (!Array.isArray(l.links) || !arrayOf(l.directives, () => true)) return false;
  if (l.images !== undefined && !arrayOf(l.images, () => true)) return false;
  return (
    arrayOf(r.urls, (u) => located(u) && isString(u.printed) && isString(u.href)) &&
    arrayOf(r.forms, (f) => located(f) && isString(f.kind) && isString(f.text)) &&
    arrayOf(r.phones, (p) => located(p) && isString(p.printed) && isString(p.normalized)) &&
    arrayOf(r.emails, (m) => located(m) && isString(m.printed) && isString(m.address)) &&
    arrayOf(r.logins, (m) => located(m) && isString(m.kind) && isString(m.text)) &&
    arrayOf(r.placeholders, (p) => located(p) && isString(p.printed)) &&
    (r.qr === undefined || arrayOf(r.qr, (q) => located(q) && isString(q.payload) && isString(q.kind))) &&
    (r.images === undefined || arrayOf(r.images, (i) => located(i) && isString(i.image) && isString(i.reason)))
  );
}

/** The letter cache's file format, and what brieflint says when the file cannot be used. */
const readLetterCacheFile = (path: string) =>
  readCacheFile(path, {
    version: LETTER_CACHE_VERSION,
    ours: (data) => data.tool === TOOL,
    unreadable: (code) => ({
      nl: `kan de briefcache ${path} niet lezen (${code}); alle brieven worden gelezen en de cache wordt niet bijgewerkt`,
      en: `cannot read the letter cache ${path} (${code}); every letter is read and the cache is not updated`,
    }),
    foreign: {
      nl: `${path} is geen briefcache van brieflint; hij wordt niet gebruikt en niet overschreven — verwijder hem of kies een ander bestand met --cache-location`,
      en: `${path} is not a brieflint letter cache; it is not used and not overwritten — delete it or choose another file with --cache-location`,
    },
    newer: () => ({
      nl: `${path} is een briefcache van een nieuwere brieflint; hij wordt niet gebruikt en niet overschreven`,
      en: `${path} is a letter cache of a newer brieflint; it is not used and not overwritten`,
    }),
  });

export class LetterCache {
  private entries: Record<string, unknown> = Object.create(null);
  /** This run's new entries, serialized when read (absolute path → JSON of the entry). */
  private readonly added = new Map<string, string>();
  private unusable = false;
  /** What the user should know about the cache file, one line each. */
  readonly warnings: Message[] = [];
  /** Letters served from the cache, and letters read (and stored). */
  hits = 0;
  misses = 0;

  private constructor(
    readonly path: string,
    private readonly fingerprint: string,
    private readonly now: () => number,
  ) {}

  /** Open the cache file at `path` for this configuration and version. Never throws. */
  static async open(path: string, config: ResolvedConfig, version: string, now: () => number = Date.now): Promise<LetterCache> {
    const cache = new LetterCache(path, letterCacheFingerprint(config, version), now);
    const read = await readLetterCacheFile(path);
    if (read.ok) cache.entries = read.configs[cache.fingerprint] ?? Object.create(null);
    else {
      cache.unusable = true;
      cache.warnings.push(read.warning);
    }
    return cache;
  }

  /** What reading the file gives: from the cache when its path and bytes are unchanged, else `parse()` (and stored). */
  async outcome(file: FoundFile, data: Buffer, parse: () => Promise<ReadOutcome>): Promise<ReadOutcome> {
    const hash = createHash('sha256').update(data).digest('hex');
    const entry = this.entries[file.absolute];
    if (validEntry(entry) && entry.hash === hash && entry.display === file.display) {
      this.hits++;
      // Used once: the objects belong to this run from here on (facts and rules add to them).
      delete this.entries[file.absolute];
      return { letter: entry.letter, refs: entry.refs };
    }
    this.misses++;
    const outcome = await parse();
    const { letter, refs } = outcome;
    // Unreadable letters are read again next time (their reason may be the disk's, not the bytes').
    // A Markdown letter's pictures are separate files: a changed picture leaves the bytes as they are.
    if (letter && refs && !(letter.format !== 'docx' && letter.images?.length)) {
      const stored: Entry = { hash, display: file.display, at: this.now(), letter, refs };
      this.added.set(file.absolute, JSON.stringify(stored));
    }
    return outcome;
  }

  /**
   * Under the file's lock: read it as it is now, keep other configurations' recent entries and
   * this configuration's valid ones, add this run's, write atomically. Never throws.
   */
  async save(): Promise<void> {
    if (this.unusable || this.added.size === 0) return;
    try {
      await underLock(this.path, async (write) => {
        const read = await readLetterCacheFile(this.path);
        if (!read.ok) {
          this.warnings.push(read.warning);
          return;
        }
        const now = this.now();
        const young = (e: unknown, age: number) => isObject(e) && typeof e.at === 'number' && now - e.at < age;
        const parts: string[] = [];
        for (const [fingerprint, raw] of Object.entries(read.configs)) {
          if (fingerprint === this.fingerprint) continue;
          const kept = Object.entries(raw).filter(([, e]) => young(e, FOREIGN_MAX_AGE_MS));
          if (kept.length) parts.push(`${JSON.stringify(fingerprint)}:${JSON.stringify(Object.fromEntries(kept))}`);
        }
        const own: string[] = [];
        for (const [path, e] of Object.entries(read.configs[this.fingerprint] ?? {})) {
          if (!this.added.has(path) && validEntry(e) && young(e, MAX_AGE_MS)) own.push(`${JSON.stringify(path)}:${JSON.stringify(e)}`);
        }
        for (const [path, json] of this.added) own.push(`${JSON.stringify(path)}:${json}`);
        parts.push(`${JSON.stringify(this.fingerprint)}:{${own.join(',')}}`);
        await write(`{"version":${LETTER_CACHE_VERSION},"tool":${JSON.stringify(TOOL)},"configs":{${parts.join(',')}}}\n`);
      });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      this.warnings.push({
        nl: `kan de briefcache ${this.path} niet bijwerken (${code}); de brieven van deze run worden niet bewaard`,
        en: `cannot update the letter cache ${this.path} (${code}); the letters of this run are not kept`,
      });
    }
  }
}
