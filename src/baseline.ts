/**
 * Baseline: adopt brieflint on a repository with hundreds of existing letters in one step.
 * `--update-baseline` records today's findings; `--baseline FILE` suppresses them afterwards, so
 * only new findings fail.
 *
 * A finding is keyed by rule + file + (URL, or else its normalized message) — never by line or
 * column, so editing a letter above a finding does not resurrect it. Keys are a multiset: a letter
 * that prints the same bad URL twice has count 2, and a third copy is a new finding.
 *
 * Pure: keys, applying and (de)serializing. Reading and writing the file: baseline-file.ts.
 */
import type { JsonFinding, JsonReport } from './report/types.js';
import { safeJson } from './report/escape.js';
import { MONTHS_EN, MONTHS_NL } from './model/date.js';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  /** Letter path as in the report (forward slashes, relative). */
  file: string;
  rule: string;
  /** Set when the finding is about a URL: the key uses the URL, not the message. */
  url?: string;
  /** The normalized message, for findings without a URL. */
  message?: string;
  /** How many findings share this key (omitted when 1). */
  count?: number;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  tool: 'brieflint';
  entries: BaselineEntry[];
}

export interface ApplyBaselineResult {
  /** The report without the suppressed findings; summary.errors/warnings recomputed, summary.suppressed set. */
  report: JsonReport;
  /** How many findings the baseline suppressed. */
  suppressed: number;
  /**
   * Entries for files in this run that no longer occur (or occur fewer times than recorded; then
   * `count` is the number missing). Entries for files not in this run are never stale, so a run on
   * some files (pre-commit, `--shard`) does not flag the rest.
   */
  stale: BaselineEntry[];
}

/** Thrown by readBaseline / writeBaseline with a message meant for the user. */
export class BaselineError extends Error {
  readonly path: string;
  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BaselineError';
    this.path = path;
  }
}

export function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

/**
 * Message text without what moves when a letter is edited: whitespace runs collapsed, and any
 * "line 12" / "regel 12" / "paragraph 3" / "alinea 3" / "12:5" position reference blanked.
 */
const MONTH = [...new Set([...MONTHS_NL, ...MONTHS_EN.map((m) => m.toLowerCase())])].join('|');

export function normalizeMessage(message: string): string {
  return message
    // Dates and day counts move with "today" (a letter without a mailing date is checked against
    // today): they must not make a recorded finding look new tomorrow.
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, '<date>')
    .replace(new RegExp(`\\b\\d{1,2} (?:${MONTH}) \\d{4}\\b`, 'gi'), '<date>')
    .replace(/\b\d+ (dagen|dag|days|day)\b/gi, '# $1')
    .replace(/\b(line|lines|regel|regels|paragraph|alinea|column|kolom)\s+\d+(?::\d+)?/gi, '$1 #')
    .replace(/\b\d+:\d+\b/g, '#:#')
    .replace(/\s+/g, ' ')
    .trim();
}

function entryFor(file: string, finding: Pick<JsonFinding, 'rule' | 'message' | 'url'>): BaselineEntry {
  const entry: BaselineEntry = { file: normalizePath(file), rule: finding.rule };
  if (finding.url) entry.url = finding.url;
  else entry.message = normalizeMessage(finding.message);
  return entry;
}

function keyOf(entry: Pick<BaselineEntry, 'file' | 'rule' | 'url' | 'message'>): string {
  return JSON.stringify([entry.rule, entry.file, entry.url ? 'url' : 'msg', entry.url ?? entry.message ?? '']);
}

/** The identity of a finding in a baseline: rule + file + (URL or normalized message). No positions. */
export function baselineKey(file: string, finding: JsonFinding): string {
  return keyOf(entryFor(file, finding));
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return (
    cmp(a.file, b.file) ||
    cmp(a.rule, b.rule) ||
    cmp(a.url ?? '', b.url ?? '') ||
    cmp(a.message ?? '', b.message ?? '')
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A baseline of every finding in the report (all severities), sorted, without positions or dates so
 * that it diffs well. With `previous`, entries for files that are not part of this report are kept
 * (updating the baseline from a partial run does not forget the other letters).
 */
export function createBaseline(report: JsonReport, previous?: Baseline): Baseline {
  const counts = new Map<string, BaselineEntry>();
  const add = (entry: BaselineEntry, n: number) => {
    const key = keyOf(entry);
    const existing = counts.get(key);
    if (existing) existing.count = (existing.count ?? 1) + n;
    else counts.set(key, { ...entry, count: n });
  };
  for (const file of report.files) {
    // A rule that failed is a bug to fix, never a known finding.
    for (const finding of file.findings) if (finding.rule !== 'internal-error') add(entryFor(file.path, finding), 1);
  }
  if (previous) {
    const inRun = new Set(report.files.map((f) => normalizePath(f.path)));
    for (const entry of previous.entries) {
      if (!inRun.has(normalizePath(entry.file))) add({ ...entry, file: normalizePath(entry.file), count: undefined }, entry.count ?? 1);
    }
  }
  const entries = [...counts.values()]
    .map((e) => {
      const out: BaselineEntry = { file: e.file, rule: e.rule };
      if (e.url !== undefined) out.url = e.url;
      else out.message = e.message;
      if ((e.count ?? 1) > 1) out.count = e.count;
      return out;
    })
    .sort(compareEntries);
  return { version: BASELINE_VERSION, tool: 'brieflint', entries };
}

/** Remove the findings recorded in the baseline from the report. Pure: the input is not modified. */
export function applyBaseline(report: JsonReport, baseline: Baseline): ApplyBaselineResult {
  const remaining = new Map<string, { entry: BaselineEntry; left: number }>();
  for (const entry of baseline.entries) {
    const normalized = { ...entry, file: normalizePath(entry.file) };
    const key = keyOf(normalized);
    const existing = remaining.get(key);
    if (existing) existing.left += entry.count ?? 1;
    else remaining.set(key, { entry: normalized, left: entry.count ?? 1 });
  }

  let suppressed = 0;
  let errors = 0;
  let warnings = 0;
  const files = report.files.map((file) => {
    const findings = file.findings.filter((finding) => {
      const slot = finding.rule === 'internal-error' ? undefined : remaining.get(baselineKey(file.path, finding));
      if (slot && slot.left > 0) {
        slot.left -= 1;
        suppressed += 1;
        return false;
      }
      if (finding.severity === 'error') errors += 1;
      else if (finding.severity === 'warning') warnings += 1;
      return true;
    });
    return { ...file, findings };
  });

  const inRun = new Set(report.files.map((f) => normalizePath(f.path)));
  const stale: BaselineEntry[] = [];
  for (const { entry, left } of remaining.values()) {
    if (left <= 0 || !inRun.has(entry.file)) continue;
    const out: BaselineEntry = { file: entry.file, rule: entry.rule };
    if (entry.url !== undefined) out.url = entry.url;
    else out.message = entry.message;
    if (left > 1) out.count = left;
    stale.push(out);
  }
  stale.sort(compareEntries);

  return {
    report: {
      ...report,
      files,
      summary: { ...report.summary, errors, warnings, suppressed: (report.summary.suppressed ?? 0) + suppressed },
    },
    suppressed,
    stale,
  };
}

/** Check the shape of parsed JSON; the error names the offending field. */
export function parseBaseline(data: unknown, path = 'baseline'): Baseline {
  const fail = (what: string): never => {
    throw new BaselineError(path, `${path}: invalid baseline: ${what}. Recreate it with --update-baseline.`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('expected a JSON object');
  const obj = data as Record<string, unknown>;
  if (obj.version !== BASELINE_VERSION) {
    fail(`"version" is ${JSON.stringify(obj.version)}, this brieflint reads version ${BASELINE_VERSION}`);
  }
  if (!Array.isArray(obj.entries)) fail('"entries" must be an array');
  const entries = (obj.entries as unknown[]).map((raw, i): BaselineEntry => {
    const at = `entries[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail(`${at} must be an object`);
    const e = raw as Record<string, unknown>;
    if (typeof e.file !== 'string' || !e.file) fail(`${at}.file must be a non-empty string`);
    if (typeof e.rule !== 'string' || !e.rule) fail(`${at}.rule must be a non-empty string`);
    if (e.url !== undefined && typeof e.url !== 'string') fail(`${at}.url must be a string`);
    if (e.message !== undefined && typeof e.message !== 'string') fail(`${at}.message must be a string`);
    if (e.url === undefined && e.message === undefined) fail(`${at} needs "url" or "message"`);
    if (e.count !== undefined && !(Number.isInteger(e.count) && (e.count as number) >= 1)) {
      fail(`${at}.count must be a whole number ≥ 1`);
    }
    const entry: BaselineEntry = { file: e.file as string, rule: e.rule as string };
    if (typeof e.url === 'string') entry.url = e.url;
    else entry.message = normalizeMessage(e.message as string);
    if (typeof e.count === 'number' && e.count > 1) entry.count = e.count;
    return entry;
  });
  return { version: BASELINE_VERSION, tool: 'brieflint', entries };
}

/** The file's text: stable, 2-space JSON with a trailing newline. */
export function serializeBaseline(baseline: Baseline): string {
  const entries = [...baseline.entries].sort(compareEntries).map((e) => {
    const out: BaselineEntry = { file: e.file, rule: e.rule };
    if (e.url !== undefined) out.url = e.url;
    else out.message = e.message;
    if (e.count !== undefined && e.count > 1) out.count = e.count;
    return out;
  });
  return `${safeJson({ version: BASELINE_VERSION, tool: 'brieflint', entries }, 2)}\n`;
}
