/**
 * The URL cache: a JSON file of successful fetch outcomes, shared by runs (and CI shards) that
 * point at the same file. It cannot lie:
 *
 * - **Versioned and fingerprinted.** The file holds a format version and, per fingerprint of the
 *   settings that change what a fetch gives (brieflint's version, remap, connectTo, CA, allowPrivate,
 *   timeouts, retries, body limits, redirects, the soft-404 probe, the User-Agent), the entries
 *   fetched with those settings. A run uses only the entries of its own fingerprint; another
 *   configuration's entries are kept for it.
 * - **Validated.** Every entry is checked against a JSON Schema when read: an entry of the wrong
 *   shape (or of a kind that is never cached) is dropped and its URL fetched again, with one
 *   warning. A file that is not a brieflint cache is not used and never overwritten: one warning.
 * - **Merged under a lock.** Saving takes a lock on the file (proper-lockfile: a `.lock` folder
 *   next to it, stale after 15 s), reads what other runs wrote meanwhile, merges (the newer entry
 *   of a URL wins), drops expired entries and writes atomically (temp file + rename). Readers need
 *   no lock. Two runs saving at once both keep their entries.
 * - **Never silent.** A file that cannot be read, locked or written is one warning; the run itself
 *   goes on.
 */
import { createHash } from 'node:crypto';
import { readCacheFile, underLock } from '../../cache/locked.js';
import type { Message } from '../../types.js';
import { validatorFor, type Validator } from '../../validators.js';
import type { CheckOutcome } from './types.js';

export const CACHE_VERSION = 2;
const TOOL = 'brieflint';
/** How far another run's clock may be ahead of this one's. */
const CLOCK_SKEW_MS = 10 * 60 * 1000;
/** Entries of other configurations older than this are dropped when the file is saved. */
const FOREIGN_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export interface CacheEntry {
  /** Epoch ms when fetched. */
  at: number;
  outcome: CheckOutcome;
}

export interface CacheFile {
  version: typeof CACHE_VERSION;
  tool: typeof TOOL;
  /** Per fingerprint of the settings (cacheFingerprint): fetched URL (after remap) → entry. */
  configs: Record<string, Record<string, CacheEntry>>;
}

const TEXT = { type: 'string' };
const HOP = {
  type: 'object',
  additionalProperties: false,
  required: ['url', 'status'],
  properties: { url: TEXT, status: { type: 'integer', minimum: 100, maximum: 999 }, location: TEXT },
};

/** JSON Schema of one cache entry: only live outcomes (ok, protected) are ever cached. */
export const cacheEntrySchema: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  required: ['at', 'outcome'],
  properties: {
    at: { type: 'number', minimum: 0 },
    outcome: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'finalUrl', 'chain'],
      properties: {
        kind: { enum: ['ok', 'protected'] },
        reason: TEXT,
        finalUrl: { type: 'string', pattern: '^https?://' },
        status: { type: 'integer', minimum: 100, maximum: 999 },
        chain: { type: 'array', minItems: 1, items: HOP },
        error: TEXT,
        detail: TEXT,
        login: {
          type: 'object',
          additionalProperties: false,
          required: ['provider'],
          properties: { provider: { enum: ['digid', 'eherkenning', 'eidas', 'oidc', 'saml', 'login', 'http-auth'] }, url: TEXT },
        },
        title: TEXT,
        h1: TEXT,
        contentType: TEXT,
        body: TEXT,
      },
    },
  },
};

let validateEntry: Validator | undefined;

/** The fingerprint of the settings that change what fetching a URL gives. */
export function cacheFingerprint(settings: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 32);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const errorCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** The URL cache's file format (version 1 had `entries` and no `tool`), and what brieflint says when the file cannot be used. */
const readSiteCacheFile = (path: string) =>
  readCacheFile(path, {
    version: CACHE_VERSION,
    ours: (data) => data.tool === TOOL || (data.version === 1 && isObject(data.entries)),
    unreadable: (code) => ({
      nl: `kan het cachebestand ${path} niet lezen (${code}); de cache wordt deze keer niet gebruikt of bijgewerkt`,
      en: `cannot read the cache file ${path} (${code}); the cache is not used or updated this run`,
    }),
    foreign: {
      nl: `${path} is geen brieflint-cache (geen geldige JSON met "version" en "tool"); hij wordt niet gebruikt en niet overschreven — verwijder hem of wijs site.cache naar een ander bestand`,
      en: `${path} is not a brieflint cache (no valid JSON with "version" and "tool"); it is not used and not overwritten — delete it or point site.cache at another file`,
    },
    newer: (version) => ({
      nl: `${path} is een cache van een nieuwere brieflint (versie ${String(version)}); hij wordt niet gebruikt en niet overschreven`,
      en: `${path} is a cache of a newer brieflint (version ${String(version)}); it is not used and not overwritten`,
    }),
  });

export class SiteCache {
  private entries: Record<string, CacheEntry> = Object.create(null);
  private readonly added: Record<string, CacheEntry> = Object.create(null);
  /** The file cannot be used or written this run (said in a warning). */
  private unusable = false;
  /** What the user should know about the cache file, one line each (read, lock, write). */
  readonly warnings: Message[] = [];

  constructor(
    readonly path: string,
    private readonly ttlMs: number,
    private readonly now: () => number,
    /** cacheFingerprint of this run's settings: only entries stored under it are used. */
    private readonly fingerprint: string,
  ) {}

  async load(): Promise<void> {
    const read = await readSiteCacheFile(this.path);
    if (!read.ok) {
      this.unusable = true;
      this.warnings.push(read.warning);
      return;
    }
    const { valid, invalid } = validEntries(read.configs[this.fingerprint] ?? {});
    this.entries = valid;
    if (invalid > 0) {
      this.warnings.push({
        nl: `${invalid} ${invalid === 1 ? 'vermelding' : 'vermeldingen'} in het cachebestand ${this.path} ${invalid === 1 ? 'had' : 'hadden'} een ongeldige vorm; die URL's worden opnieuw opgehaald`,
        en: `${invalid} ${invalid === 1 ? 'entry' : 'entries'} in the cache file ${this.path} had an invalid shape; those URLs are fetched again`,
      });
    }
  }

  /**
   * Within the TTL. Another run (or machine sharing the file) may have fetched a moment after this
   * run's clock reading: a little into the future is fine, far into it is a bogus entry.
   */
  private fresh(entry: CacheEntry | undefined): entry is CacheEntry {
    if (!entry) return false;
    const age = this.now() - entry.at;
    return age > -CLOCK_SKEW_MS && age < this.ttlMs;
  }

  get(url: string): CacheEntry | undefined {
    const entry = this.entries[url];
    return this.fresh(entry) ? entry : undefined;
  }

  set(url: string, outcome: CheckOutcome, at: number): void {
    const entry = { at, outcome };
    this.entries[url] = entry;
    this.added[url] = entry;
  }

  /**
   * Under the file's lock: read it as it is now, merge this run's entries into this
   * configuration's (the newer of two wins), drop expired entries, write atomically. Never
   * throws: what goes wrong is a warning.
   */
  async save(): Promise<void> {
    if (this.unusable || Object.keys(this.added).length === 0) return;
    try {
      await underLock(this.path, async (write) => {
        const read = await readSiteCacheFile(this.path);
        if (!read.ok) {
          this.warnings.push(read.warning);
          return;
        }
        const now = this.now();
        const configs: Record<string, Record<string, CacheEntry>> = Object.create(null);
        for (const [fingerprint, raw] of Object.entries(read.configs)) {
          if (fingerprint === this.fingerprint) continue;
          // Another configuration's entries: kept as they are (that run validates them), within a bound.
          const kept = Object.assign(Object.create(null), Object.fromEntries(
            Object.entries(raw).filter(([, e]) => isObject(e) && typeof e.at === 'number' && now - e.at < FOREIGN_MAX_AGE_MS),
          )) as Record<string, CacheEntry>;
          if (Object.keys(kept).length) configs[fingerprint] = kept;
        }
        const merged: Record<string, CacheEntry> = Object.create(null);
        for (const source of [validEntries(read.configs[this.fingerprint] ?? {}).valid, this.added]) {
          for (const [url, entry] of Object.entries(source)) {
            if (!this.fresh(entry)) continue;
            const have = merged[url];
            if (!have || have.at <= entry.at) merged[url] = entry;
          }
        }
        configs[this.fingerprint] = merged;
        const data: CacheFile = { version: CACHE_VERSION, tool: TOOL, configs };
        await write(`${JSON.stringify(data)}\n`);
      });
    } catch (e) {
      this.warnings.push(cannotWrite(this.path, e));
    }
  }
}

function cannotWrite(path: string, e: unknown): Message {
  return {
    nl: `kan het cachebestand ${path} niet bijwerken (${errorCode(e)}); de resultaten van deze run worden niet bewaard`,
    en: `cannot update the cache file ${path} (${errorCode(e)}); the results of this run are not kept`,
  };
}

/** The entries that match the schema, and how many did not. */
function validEntries(raw: Record<string, unknown>): { valid: Record<string, CacheEntry>; invalid: number } {
  validateEntry ??= validatorFor('siteCacheEntry', cacheEntrySchema);
  // No prototype: a key such as "__proto__" in the file is just a key.
  const valid: Record<string, CacheEntry> = Object.create(null);
  let invalid = 0;
  for (const [url, entry] of Object.entries(raw)) {
    if (validateEntry(entry)) valid[url] = entry as CacheEntry;
    else invalid++;
  }
  return { valid, invalid };
}
