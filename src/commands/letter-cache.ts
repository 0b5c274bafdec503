/** `check --cache` / `--cache-location`: where the letter cache lives, opening it, saving it and what is said about it. */
import { dirname, resolve } from 'node:path';
import type { Lang } from '../types.js';
import type { ResolvedConfig } from '../config/types.js';
import { DEFAULT_LETTER_CACHE_FILE, LetterCache } from '../cache/letters.js';
import { DEFAULT_CACHE_FILE } from '../facts/site/config.js';
import { VERSION } from '../paths.js';
import type { Io } from './io.js';

/** The letter cache file: --cache-location (relative to the working folder), else next to the URL cache. */
export function letterCachePath(config: ResolvedConfig, cwd: string, location?: string): string {
  if (location !== undefined) return resolve(cwd, location);
  const site = config.site.cache;
  const urlCache = resolve(config.root, typeof site === 'string' ? site : DEFAULT_CACHE_FILE);
  return resolve(dirname(urlCache), DEFAULT_LETTER_CACHE_FILE);
}

/** The letter cache this run uses, if any: with --cache or --cache-location, never with --no-cache. */
export async function openLetterCache(config: ResolvedConfig, flags: { cache?: boolean; cacheLocation?: string }, io: Io): Promise<LetterCache | undefined> {
  if (flags.cache === false || (flags.cache !== true && flags.cacheLocation === undefined)) return undefined;
  return LetterCache.open(letterCachePath(config, io.cwd, flags.cacheLocation), config, VERSION);
}

/** Save what this run read; its warnings on stderr; with --verbose, how many letters came from it. */
export async function closeLetterCache(cache: LetterCache, lang: Lang, io: Io, verbose: boolean): Promise<void> {
  await cache.save();
  for (const warning of cache.warnings) io.stderr(`brieflint: ${lang === 'nl' ? 'waarschuwing' : 'warning'}: ${warning[lang]}\n`);
  if (verbose) {
    io.stderr(
      lang === 'nl'
        ? `briefcache: ${cache.hits} ${cache.hits === 1 ? 'brief' : 'brieven'} uit de cache, ${cache.misses} gelezen (${cache.path})\n`
        : `letter cache: ${cache.hits} ${cache.hits === 1 ? 'letter' : 'letters'} from the cache, ${cache.misses} read (${cache.path})\n`,
    );
  }
}
