/**
 * The URL cache: a JSON file of successful fetch outcomes with their time, written atomically
 * (temp file + rename) and merged with what parallel runs wrote meanwhile.
 */
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CheckOutcome } from './types.js';

export const CACHE_VERSION = 1;

export interface CacheEntry {
  /** Epoch ms when fetched. */
  at: number;
  outcome: CheckOutcome;
}

export interface CacheFile {
  version: number;
  /** Fetched URL (after remap) → outcome. */
  entries: Record<string, CacheEntry>;
}

async function readCacheFile(path: string): Promise<CacheFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { version: CACHE_VERSION, entries: {} };
  }
  try {
    const data = JSON.parse(text) as Partial<CacheFile>;
    if (data && data.version === CACHE_VERSION && data.entries && typeof data.entries === 'object') {
      return { version: CACHE_VERSION, entries: data.entries };
    }
  } catch {
    // A corrupt or foreign file is ignored and replaced on write.
  }
  return { version: CACHE_VERSION, entries: {} };
}

export class SiteCache {
  private entries: Record<string, CacheEntry> = {};
  private readonly added: Record<string, CacheEntry> = {};

  constructor(
    readonly path: string,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  async load(): Promise<void> {
    this.entries = (await readCacheFile(this.path)).entries;
  }

  private fresh(entry: CacheEntry | undefined): entry is CacheEntry {
    if (!entry || typeof entry.at !== 'number' || !entry.outcome) return false;
    const age = this.now() - entry.at;
    return age >= 0 && age < this.ttlMs;
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

  /** Merge with the file as it is now, drop expired entries, write atomically. */
  async save(): Promise<void> {
    if (Object.keys(this.added).length === 0) return;
    const current = await readCacheFile(this.path);
    const merged: Record<string, CacheEntry> = {};
    for (const source of [current.entries, this.added]) {
      for (const [url, entry] of Object.entries(source)) {
        if (!this.fresh(entry)) continue;
        const have = merged[url];
        if (!have || have.at <= entry.at) merged[url] = entry;
      }
    }
    const data: CacheFile = { version: CACHE_VERSION, entries: merged };
    await mkdir(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(tmp, `${JSON.stringify(data)}\n`, 'utf8');
      await rename(tmp, this.path);
    } catch (error) {
      await unlink(tmp).catch(() => undefined);
      throw error;
    }
  }
}
