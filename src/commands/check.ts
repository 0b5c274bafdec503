/**
 * `brieflint check`: read → extract → facts → rules, then the baseline, the exit code and the reports.
 */
import { existsSync } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { Lang } from '../types.js';
import { allRules } from '../../rules/index.js';
import { loadConfig, type ResolvedConfig } from '../config/index.js';
import { configSections } from '../config/sections.js';
import { check } from '../check.js';
import { resolveKccConfig } from '../facts/kcc/config.js';
import { minDaysAfterMailing } from '../model/letter-facts.js';
import { toJsonReport } from '../report/json.js';
import { renderParts, type Format, type FormatContext } from '../report/index.js';
import type { JsonReport } from '../report/types.js';
import { applyBaseline, createBaseline, type Baseline } from '../baseline.js';
import { readBaseline, writeBaseline } from '../baseline-file.js';
import { REPOSITORY_URL, VERSION } from '../paths.js';
import { startProgress } from '../progress.js';
import type { Shard } from '../shard.js';
import { tuneHeapFor } from '../heap.js';
import { EXIT, guarded, ReportWriteError, type Io } from './io.js';
import { runNotes } from './notes.js';
import { formatSiteEvent, offlineLine } from './verbose.js';
import type { SiteEvent } from '../facts/site/types.js';
import { closeLetterCache, openLetterCache } from './letter-cache.js';
import { DEFAULT_JOBS } from '../workers/pool.js';

export interface CheckFlags {
  config?: string;
  format: Format;
  report: Array<{ format: Format; path: string }>;
  baseline?: string;
  updateBaseline?: boolean;
  lang?: Lang;
  quiet?: boolean;
  /** -1: no limit. */
  maxWarnings?: number;
  color: boolean;
  offline?: boolean;
  /** Unset: the URL cache only; `--cache`: the letter cache too; `--no-cache`: neither. */
  cache?: boolean;
  /** `--cache-location`: the letter cache file (implies `--cache`). */
  cacheLocation?: string;
  /** `--jobs N`: parse on N threads, the main one and N − 1 workers (default DEFAULT_JOBS, 1). */
  jobs?: number;
  today?: string;
  shard?: Shard;
  /** Each request, redirect chain, connectTo/remap, cache hit and exclusion on stderr. */
  verbose?: boolean;
}

export async function runCheck(paths: string[], flags: CheckFlags, io: Io): Promise<number> {
  return guarded(io, flags.lang ?? 'nl', async () => {
    const config = await loadConfig(io.cwd, allRules, configSections, flags.config);
    const lang: Lang = flags.lang ?? config.lang ?? 'nl';
    return guarded(io, lang, () => checkWith(config, lang, paths, flags, io));
  });
}

async function checkWith(config: ResolvedConfig, lang: Lang, paths: string[], flags: CheckFlags, io: Io): Promise<number> {
  // --verbose writes its lines to stderr, where the progress bar would be drawn over them.
  const progress = io.progress && !flags.verbose ? startProgress(io.progress) : undefined;
  const verbose = flags.verbose ? verboseSink(config, lang, io) : undefined;
  if (verbose && flags.offline) io.stderr(`${offlineLine(lang)}\n`);
  const letterCache = await openLetterCache(config, flags, io);
  const run = await check({
    paths,
    cwd: io.cwd,
    config,
    rules: allRules,
    lang,
    offline: !!flags.offline,
    today: flags.today,
    noCache: flags.cache === false,
    ...(letterCache ? { letterCache } : {}),
    jobs: flags.jobs ?? DEFAULT_JOBS,
    ...(verbose ? { onThreads: (n: number) => io.stderr(threadsLine(n, lang)) } : {}),
    ...(flags.shard ? { shard: flags.shard } : {}),
    onLetters: tuneHeapFor,
    ...(progress ? { onProgress: progress.update } : {}),
    ...(verbose ? { onSiteEvent: verbose } : {}),
  }).finally(() => progress?.stop());
  if (letterCache) await closeLetterCache(letterCache, lang, io, !!flags.verbose);
  for (const note of run.notes ?? []) io.stderr(`brieflint: ${lang === 'nl' ? 'let op' : 'note'}: ${note[lang]}\n`);
  for (const warning of run.facts.site?.stats.cacheWarnings ?? []) io.stderr(`brieflint: ${lang === 'nl' ? 'waarschuwing' : 'warning'}: ${warning[lang]}\n`);
  // What the knowledge base could not tell (e.g. KISS validity not checked): said, not hidden.
  for (const note of run.facts.kcc?.notes ?? []) io.stderr(`brieflint: ${note[lang]}\n`);
  const full = await baseline(toJsonReport(run, VERSION, lang), flags, io, lang);
  const notes = runNotes(run, config, io.env);
  if (notes.length) full.summary.notes = notes.map((n) => ({ id: n.id, message: n.message[lang] }));
  const code = exitCode(full, flags.maxWarnings);
  const tooMany = flags.maxWarnings !== undefined && flags.maxWarnings >= 0 && full.summary.warnings > flags.maxWarnings;
  const report = flags.quiet ? withoutWarnings(full) : full;
  const ctx: FormatContext = {
    lang,
    color: flags.color && io.isTTY && !io.env.NO_COLOR,
    quiet: !!flags.quiet,
    rules: allRules,
    version: VERSION,
    repository: REPOSITORY_URL,
    // Warnings fail the JUnit test cases exactly when they fail the run.
    warningsFail: tooMany,
    now: new Date(),
    today: run.facts.today,
    minDaysAfterMailing: minDaysAfterMailing(config),
    root: config.root,
    cwd: io.cwd,
    ...(resolveKccConfig(config.kcc).linkBase ? { linkBase: resolveKccConfig(config.kcc).linkBase } : {}),
  };
  for (const part of renderParts(flags.format, report, ctx)) io.stdout(part);
  for (const { format, path } of flags.report) {
    const target = resolve(io.cwd, path);
    await writeReport(target, renderParts(format, report, { ...ctx, target }));
  }
  // stylish says them in its summary; a report for a program says them on stderr too.
  if (flags.format !== 'stylish') for (const n of notes) io.stderr(`brieflint: ${n.message[lang]}\n`);
  // Why the exit code is 1 when the findings are only warnings.
  if (tooMany) {
    const n = full.summary.warnings;
    io.stderr(
      lang === 'nl'
        ? `brieflint: te veel waarschuwingen: ${n} (maximum ${flags.maxWarnings}, --max-warnings)\n`
        : `brieflint: too many warnings: ${n} (maximum ${flags.maxWarnings}, --max-warnings)\n`,
    );
  }
  return code;
}

/** --verbose: how many threads parse the letters (--jobs): the main thread and `n` workers. */
function threadsLine(n: number, lang: Lang): string {
  if (lang === 'nl') return n === 0 ? 'brieven gelezen in de hoofdthread\n' : `brieven gelezen op ${n + 1} threads (de hoofdthread en ${n} worker${n === 1 ? '' : 's'})\n`;
  return n === 0 ? 'letters read in the main thread\n' : `letters read on ${n + 1} threads (the main thread and ${n} worker${n === 1 ? '' : 's'})\n`;
}

/** --verbose: each step of the live-site check as a line on stderr. */
function verboseSink(config: ResolvedConfig, lang: Lang, io: Io): (event: SiteEvent) => void {
  const remap = Array.isArray(config.site.remap) ? (config.site.remap as Array<{ pattern: string }>) : [];
  return (event) => io.stderr(`${formatSiteEvent(event, lang, remap)}\n`);
}

async function writeReport(target: string, parts: Iterable<string>): Promise<void> {
  try {
    await mkdir(dirname(target), { recursive: true });
    const file = await open(target, 'w');
    try {
      for (const part of parts) await file.write(part);
    } finally {
      await file.close();
    }
  } catch (error) {
    throw new ReportWriteError(`${target}: cannot write the report: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** --quiet: errors only, in every format; the summary says how many warnings were left out. */
function withoutWarnings(report: JsonReport): JsonReport {
  const files = report.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') }));
  const hidden = report.summary.warnings;
  return { ...report, files, summary: { ...report.summary, warnings: 0, ...(hidden ? { hiddenWarnings: hidden } : {}) } };
}

const DEFAULT_BASELINE = '.brieflint-baseline.json';

/** --baseline / --update-baseline: record today's findings, or drop the recorded ones. */
async function baseline(report: JsonReport, flags: CheckFlags, io: Io, lang: Lang): Promise<JsonReport> {
  if (!flags.baseline && !flags.updateBaseline) return report;
  const path = resolve(io.cwd, flags.baseline ?? DEFAULT_BASELINE);
  if (flags.updateBaseline) {
    const previous: Baseline | undefined = existsSync(path) ? await readBaseline(path) : undefined;
    const next = createBaseline(report, previous);
    await writeBaseline(path, next);
    io.stderr(
      lang === 'nl'
        ? `brieflint: baseline geschreven naar ${relative(io.cwd, path)} (${next.entries.length} bevindingen)\n`
        : `brieflint: baseline written to ${relative(io.cwd, path)} (${next.entries.length} findings)\n`,
    );
    return applyBaseline(report, next).report;
  }
  const applied = applyBaseline(report, await readBaseline(path));
  if (applied.stale.length) {
    const list = applied.stale.map((e) => `  ${e.file}: ${e.rule}${e.url ? ` ${e.url}` : ''}`).join('\n');
    io.stderr(
      lang === 'nl'
        ? `brieflint: ${applied.stale.length} baseline-regel(s) komen niet meer voor; werk de baseline bij met --update-baseline:\n${list}\n`
        : `brieflint: ${applied.stale.length} baseline entr(y/ies) no longer occur; refresh the baseline with --update-baseline:\n${list}\n`,
    );
  }
  return applied.report;
}

export function exitCode(report: JsonReport, maxWarnings?: number): number {
  const s = report.summary;
  if (s.unreadable > 0 || (s.internalErrors ?? 0) > 0) return EXIT.failure;
  if (s.errors > 0) return EXIT.findings;
  // -1 (ESLint's convention): no limit.
  if (maxWarnings !== undefined && maxWarnings >= 0 && s.warnings > maxWarnings) return EXIT.findings;
  return EXIT.clean;
}

