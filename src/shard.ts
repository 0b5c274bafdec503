/**
 * `--shard i/n`: split the letters of a run over n CI jobs the way test runners split suites.
 *
 * How: every file gets a stable hash of its (normalized) path; the files are ordered by that hash
 * and cut into n contiguous, equally long ranges; shard i takes range i. Why this and not the two
 * obvious alternatives:
 * - round-robin over the sorted path list balances perfectly, but adding one file early in the
 *   list moves almost every later file to another shard;
 * - `hash(path) mod n` never moves a file when others are added, but balances only on average
 *   (10 files over 4 shards often leaves a shard empty, and 1,000 files are off by ±5 %).
 * Ranges over the hash order balance exactly (shard sizes differ by at most one file), adding or
 * removing a file moves at most n − 1 other files (those at the range boundaries), and the letters
 * of one folder (say, all heavy .docx templates) are spread over every shard instead of landing
 * together. Every shard must see the same file list: same checkout, same arguments, same cwd.
 */
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based: 1 ≤ index ≤ total. */
  index: number;
  total: number;
}

/** A `--shard` value that is not `i/n` with 1 ≤ i ≤ n. */
export class ShardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardError';
  }
}

/** Parse `i/n` (e.g. `2/4`): shard i of n, 1-based. Throws ShardError with a message for the user. */
export function parseShard(value: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  if (!m) throw new ShardError(`--shard: expected i/n such as 2/4 (shard 2 of 4), got ${JSON.stringify(value)}`);
  const index = Number(m[1]);
  const total = Number(m[2]);
  checkShard({ index, total }, value);
  return { index, total };
}

function checkShard(shard: Shard, shown = `${shard.index}/${shard.total}`): void {
  const { index, total } = shard;
  if (!Number.isSafeInteger(total) || total < 1) {
    throw new ShardError(`--shard ${shown}: the number of shards must be at least 1`);
  }
  if (!Number.isSafeInteger(index) || index < 1 || index > total) {
    throw new ShardError(`--shard ${shown}: the shard number must be between 1 and ${total} (shards count from 1)`);
  }
}

/** The path as every runner writes it: forward slashes, no leading `./`. */
function shardKey(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

function hashOf(path: string): string {
  return createHash('sha256').update(shardKey(path)).digest('hex').slice(0, 16);
}

/**
 * The files of shard `index` of `total` (1-based), in their original order. Deterministic: the
 * same list gives the same split on every machine and OS; over all shards every file appears
 * exactly once. Throws ShardError for an invalid shard. Shards may be empty when there are fewer
 * files than shards.
 */
export function shardFiles<T extends { display: string }>(files: T[], shard: Shard): T[] {
  checkShard(shard);
  if (shard.total === 1) return [...files];
  const keyed = files.map((file, position) => ({ hash: hashOf(file.display), key: shardKey(file.display), position }));
  keyed.sort((a, b) => cmp(a.hash, b.hash) || cmp(a.key, b.key) || a.position - b.position);
  const start = Math.floor(((shard.index - 1) * keyed.length) / shard.total);
  const end = Math.floor((shard.index * keyed.length) / shard.total);
  const chosen = new Set(keyed.slice(start, end).map((k) => k.position));
  return files.filter((_, position) => chosen.has(position));
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
