import type { Finding, Lang, Letter, Message, References } from './types.js';
import type { ResolvedConfig } from './config/types.js';
import type { Rule } from './rule.js';
import type { Facts } from './facts/types.js';
import { findLetters, type FoundFile } from './files.js';
import { shardFiles, type Shard } from './shard.js';
import { loadBytes, parseOne, type ReadOutcome } from './read/one.js';
import { readAhead } from './read/ahead.js';
import { baseFacts, factFolders, startFacts, type GatherOptions } from './facts/index.js';
import { runRules, skippedRules } from './engine.js';
import { letterFacts } from './model/letter-facts.js';
import type { LetterFacts } from './facts/types.js';
import { configFor } from './config/overrides.js';
import { ParsePool, parsingLoader, workersFor } from './workers/pool.js';

export interface CheckOptions extends GatherOptions {
  /** --shard i/n: check only this part of the letters. */
  shard?: Shard;
  /** Told how many letters this run (or shard) reads, before it reads them. */
  onLetters?(count: number): void;
  /** `check --cache`: see RunOptions. */
  letterCache?: RunOptions['letterCache'];
  /** `check --jobs N`: parse on up to N worker threads (src/workers/pool.ts); 1 or absent: here. */
  jobs?: number;
  /** Told how many worker threads parse the letters (0: the main thread does). */
  onThreads?(count: number): void;
  paths: string[];
  cwd: string;
  config: ResolvedConfig;
  rules: Rule[];
  lang: Lang;
}

/** One checked file: the letter and what it sends people to, or why it could not be read. */
export interface CheckedFile {
  path: string;
  letter?: Letter;
  refs?: References;
  findings: Finding[];
  error?: Message;
  /** Absent for a letter; `briefing` for a KCC briefing file that could not be read (`error` says why). */
  kind?: 'briefing';
  /** Where in the file the error is: its line and front-matter field, when known. */
  errorAt?: { line?: number; field?: string };
  /** What the facts say about the letter (addresses and their results, the briefing), for rules and reports. */
  about?: LetterFacts;
  /** The file's absolute path (for the config `overrides` that apply to it). */
  absolute?: string;
}

export interface CheckRun {
  files: CheckedFile[];
  facts: Facts;
  /** Enabled rules that did not run (their facts were not gathered, e.g. --offline). */
  skipped: string[];
  /** Files named on the command line that the config's `ignore` or the KCC folder leave out. */
  ignored: string[];
  /** What the letter walk met and the user should know: symlink loops, folders reached twice. */
  notes?: Message[];
  /** Attachments a folder walk met in a format brieflint cannot read (.pdf, .doc …): not checked. */
  skippedFiles?: string[];
}

/** Letter files read ahead of the one being parsed: reads overlap parsing, few wait in memory. */
const READ_AHEAD = 8;

/** A letter's bytes as loaded (from disk, or an upload held in memory), or why they could not be. */
export type LoadedBytes = { data: Buffer } | { error: Message } | { data: Buffer; outcome: Promise<ReadOutcome> };

/** What a run needs besides the letters themselves: `check` without the file search. */
export interface RunOptions extends GatherOptions {
  cwd: string;
  config: ResolvedConfig;
  rules: Rule[];
  lang: Lang;
  /** Keep each letter's text after extraction (`serve` shows it); a large CLI run releases it. */
  keepText?: boolean;
  /** A file was read (its letter and references extracted, or why it could not be), before the facts are gathered. */
  onRead?(file: CheckedFile): void;
  /** `check --cache`: letters whose path and bytes are unchanged come from here instead of being parsed. */
  letterCache?: { outcome(file: FoundFile, data: Buffer, parse: () => Promise<ReadOutcome>): Promise<ReadOutcome> };
}

/** read → extract → gather facts (all I/O, once per run; fetching starts while reading) → rules. */
export async function check(options: CheckOptions): Promise<CheckRun> {
  const { config, cwd } = options;
  const all = await findLetters(options.paths, cwd, { ignore: config.ignore, ignoreRoot: config.root, exclude: factFolders(config) });
  const found = options.shard ? shardFiles(all.files, options.shard) : all.files;
  // Missing and ignored paths are said once, by the first shard, so merged reports do not repeat them.
  const firstShard = !options.shard || options.shard.index === 1;
  const missing = firstShard ? all.missing : [];
  const ignored = firstShard ? all.ignored : [];
  const skippedFiles = firstShard ? all.skipped : [];
  if (found.length + missing.length === 0) return { files: [], facts: baseFacts(options), skipped: [], ignored, notes: all.notes, skippedFiles };
  options.onLetters?.(found.length);
  const workers = workersFor(options.jobs ?? 1, found.length);
  const pool = workers > 0 ? new ParsePool(workers, config) : undefined;
  options.onThreads?.(pool?.size ?? 0);
  const load = pool ? parsingLoader(pool, loadBytes, options.letterCache) : loadBytes;
  try {
    return await checkLoaded(readAhead(found, Math.max(READ_AHEAD, 16 * workers), load), options, { missing, ignored, notes: all.notes, skippedFiles, firstShard });
  } finally {
    await pool?.close();
  }
}

/**
 * The engine after the file search, for letters whose bytes are loaded (`check` reads them from
 * disk; `serve` also takes uploads, held in memory): parse → extract → facts → rules.
 */
export async function checkLoaded(
  letters: AsyncIterable<[FoundFile, LoadedBytes]> | Iterable<[FoundFile, LoadedBytes]>,
  options: RunOptions,
  {
    missing = [],
    ignored = [],
    notes = [],
    skippedFiles = [],
    firstShard = true,
  }: {
    missing?: string[];
    ignored?: string[];
    notes?: Message[];
    skippedFiles?: string[];
    /** Whether this run says what holds for the whole run (bad briefings, a missing KCC folder): false in every shard but the first. */
    firstShard?: boolean;
  } = {},
): Promise<CheckRun> {
  const { config } = options;
  // URLs are fetched as soon as a letter names them, while the other letters are still read.
  const gatherer = await startFacts(config, options.rules, { ...options, runLevelFindings: firstShard });
  /** The letter as read: parsed already (by a worker, or from the letter cache), or parsed now. */
  const outcomeOf = async (f: FoundFile, loaded: LoadedBytes): Promise<ReadOutcome> => {
    if ('error' in loaded) return loaded;
    if ('outcome' in loaded) return loaded.outcome;
    const parse = () => parseOne(f, loaded.data, config, { keepText: options.keepText ?? false });
    // A run that keeps the letters' text (serve) does not use the cache: its entries hold no text.
    return options.letterCache && !options.keepText ? options.letterCache.outcome(f, loaded.data, parse) : parse();
  };
  const files: CheckedFile[] = [];
  for await (const [f, loaded] of letters) {
    const { letter, refs, error }: ReadOutcome = await outcomeOf(f, loaded);
    if (refs) gatherer.letter(refs);
    const file: CheckedFile = { path: f.display, absolute: f.absolute, findings: [], ...(letter ? { letter } : {}), ...(refs ? { refs } : {}), ...(error ? { error } : {}) };
    files.push(file);
    options.onRead?.(file);
  }
  for (const path of missing) {
    files.push({ path, findings: [], error: { nl: 'bestand of map bestaat niet', en: 'no such file or folder' } });
  }
  const readable = files.filter((f): f is CheckedFile & { letter: Letter; refs: References } => !!f.letter && !!f.refs);
  const facts = await gatherer.finish(readable);
  for (const f of readable) {
    // The rule settings for this letter: `rules` with the `overrides` its path matches.
    const own = f.absolute ? configFor(config, f.absolute) : config;
    f.about = letterFacts(f.letter, f.refs, facts, own);
    f.findings = runRules(f.letter, f.refs, facts, own, options.rules, options.lang, f.about);
  }
  // A briefing that could not be read is reported on its own file (said once, by the first shard);
  // it counts as unreadable (exit code 2), and every letter was still checked.
  if (firstShard) {
    for (const bad of facts.kcc?.invalid ?? []) {
      const errorAt = { ...(bad.line !== undefined ? { line: bad.line } : {}), ...(bad.field !== undefined ? { field: bad.field } : {}) };
      files.push({ path: bad.shown, findings: [], error: bad.reason, kind: 'briefing', ...(Object.keys(errorAt).length ? { errorAt } : {}) });
    }
  }
  return { files, facts, skipped: skippedRules(options.rules, facts, config), ignored, notes, skippedFiles };
}
