/**
 * Updating a JSON file that several runs (CI shards, parallel jobs on a shared disk) may write at
 * once: under a lock (proper-lockfile: a `.lock` folder next to the file, stale after 15 s),
 * written atomically (a temporary file, then a rename). Readers need no lock. Used by the URL
 * cache and the letter cache alike.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Message } from '../types.js';

/**
 * Run `update` holding the file's lock. `update` reads the file as it is now, merges, and calls
 * `write` with the new text; `write` refuses (throws) when the lock was lost meanwhile. Throws
 * when the lock cannot be taken or the file cannot be written: the caller turns that into a warning.
 */
export async function underLock(path: string, update: (write: (text: string) => Promise<void>) => Promise<void>): Promise<void> {
  let compromised: Error | undefined;
  await mkdir(dirname(path), { recursive: true });
  // Loaded when a run saves a cache (about 25 ms), not by every run that reads one.
  const { default: lockfile } = await import('proper-lockfile');
  const release = await lockfile.lock(path, {
    realpath: false,
    stale: 15_000,
    update: 5_000,
    retries: { retries: 60, factor: 1.3, minTimeout: 20, maxTimeout: 500, randomize: true },
    onCompromised: (e) => (compromised = e),
  });
  try {
    await update(async (text) => {
      if (compromised) throw compromised;
      await writeAtomically(path, text);
    });
  } finally {
    await release().catch(() => undefined);
  }
}

/** Write to a temporary file next to `path`, then rename it over `path`. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/**
 * Create `path` with `text`, atomically: never over an existing file (EEXIST, as `flag: 'wx'`),
 * and never seen half-written by a reader (a temporary file, then a hard link to `path`). On a
 * file system without hard links, an exclusive write.
 */
export async function createAtomically(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, text, { encoding: 'utf8', flag: 'wx' });
  try {
    await link(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw e;
    await writeFile(path, text, { encoding: 'utf8', flag: 'wx' });
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
}

/** What reading a cache file gave: its configurations' entries (by fingerprint), or why it is not to be used nor overwritten. */
export type CacheFileRead = { ok: true; configs: Record<string, Record<string, unknown>> } | { ok: false; warning: Message };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Read a cache file of the shape `{ version, tool, configs: { <fingerprint>: { <key>: entry } } }`,
 * as the URL cache and the letter cache store theirs. No file (or no folder for it) and an empty
 * file are an empty cache, and so is an older format (replaced on save). A file that cannot be
 * read, is not `ours`, or is of a newer format is neither used nor overwritten: `warning` says why.
 * Entries are returned as stored; each cache checks their shape itself.
 */
export async function readCacheFile(
  path: string,
  format: {
    version: number;
    ours: (data: Record<string, unknown>) => boolean;
    unreadable: (code: string) => Message;
    foreign: Message;
    newer: (version: unknown) => Message;
  },
): Promise<CacheFileRead> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: true, configs: {} };
    return { ok: false, warning: format.unreadable(code ?? (e as Error).message) };
  }
  if (text.trim() === '') return { ok: true, configs: {} };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  if (!isObject(data) || typeof data.version !== 'number' || !format.ours(data)) return { ok: false, warning: format.foreign };
  if (data.version < format.version) return { ok: true, configs: {} };
  if (data.version !== format.version || !isObject(data.configs)) return { ok: false, warning: format.newer(data.version) };
  const configs: Record<string, Record<string, unknown>> = Object.create(null);
  for (const [fingerprint, entries] of Object.entries(data.configs)) if (isObject(entries)) configs[fingerprint] = entries;
  return { ok: true, configs };
}
