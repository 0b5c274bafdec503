import { existsSync } from 'node:fs';
import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Lang } from './types.js';
import { allRules, findRule } from '../rules/index.js';
import { ConfigError, loadConfig, type ResolvedConfig } from './config/index.js';
import { configSections } from './config/sections.js';
import { check } from './check.js';
import { applyManifest, readError } from './read/one.js';
import { KnowledgeBaseError } from './facts/kcc/errors.js';
import { resolveKccConfig } from './facts/kcc/config.js';
import { LetterReadError, readLetter } from './letters/index.js';
import { extractReferences } from './extract/index.js';
import { localToday } from './facts/index.js';
import { isoDate as toIsoDate } from './letters/meta.js';
import { NoFilesError } from './files.js';
import { toJsonReport } from './report/json.js';
import { FORMATS, parseReportSpec, renderParts, type Format, type FormatContext } from './report/index.js';
import type { JsonReport } from './report/types.js';
import { applyBaseline, BaselineError, createBaseline, readBaseline, writeBaseline, type Baseline } from './baseline.js';
import { ruleDocPath, VERSION } from './paths.js';
import { startProgress } from './progress.js';
import { parseShard, type Shard } from './shard.js';
import { tuneHeapFor } from './heap.js';
import { checkReportShape, MergeError, mergeJsonReports, mergeSarif, reportKind } from './merge.js';
import { escapeControls, safeJson } from './report/escape.js';

export const EXIT = { clean: 0, findings: 1, failure: 2 } as const;

interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** A terminal to show live-site progress on (stderr when it is a TTY and not CI). */
  progress?: NodeJS.WriteStream;
}

interface CheckFlags {
  config?: string;
  format: Format;
  report: Array<{ format: Format; path: string }>;
  baseline?: string;
  updateBaseline?: boolean;
  lang?: Lang;
  quiet?: boolean;
  maxWarnings?: number;
  color: boolean;
  offline?: boolean;
  cache: boolean;
  today?: string;
  shard?: Shard;
}

const EXAMPLES = `
Examples:
  $ brieflint check brieven/                  check every letter in brieven/
  $ brieflint check "brieven/**/*.docx" --offline
  $ brieflint check brief.md --format json > report.json
  $ brieflint check brieven/ --report sarif=brieflint.sarif --report html=kcc.html
  $ brieflint check brieven/ --baseline .brieflint-baseline.json --update-baseline
  $ brieflint check --lang en --max-warnings 0
  $ brieflint check brieven/ --shard 2/4 --report json=part-2.json
  $ brieflint merge-reports part-*.json > brieflint.json
  $ brieflint explain pretty-url              what a rule checks and why

Exit codes: 0 clean, 1 error-level findings (or too many warnings), 2 brieflint could not do its job.`;

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return n;
}

function collectReport(value: string, previous: Array<{ format: Format; path: string }>) {
  try {
    return [...previous, parseReportSpec(value)];
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function shardOption(value: string): Shard {
  try {
    return parseShard(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || toIsoDate(value) !== value) throw new InvalidArgumentError('expected a date as YYYY-MM-DD');
  return value;
}

/** Build the commander program; `io` makes it testable in-process. Resolves to the exit code. */
export function buildProgram(untrustedIo: Io, setExit: (code: number) => void): Command {
  // Every note and error on stderr may quote a file name, a letter or a server: its control
  // characters are shown, never sent to the terminal (messages keep their lines).
  const io: Io = { ...untrustedIo, stderr: (s) => untrustedIo.stderr(escapeControls(s, { keep: '\t\n' })) };
  const program = new Command('brieflint')
    .description('Lint the outgoing letters of a gemeente: pretty URLs that work as typed, open forms, a KCC briefing for every mailing.')
    .version(VERSION, '-v, --version')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError()
    .exitOverride();

  program
    .command('check', { isDefault: true })
    .description('check letters (.docx, .md, .markdown, .txt): files, folders or globs; default the current folder')
    .argument('[paths...]', 'files, folders or globs', [])
    .option('-c, --config <file>', 'config file (default: nearest brieflint.config.{json,yaml,yml} up from here)')
    .addOption(new Option('-f, --format <format>', 'output format on stdout').choices([...FORMATS]).default('stylish'))
    .option('-r, --report <format=path>', 'also write a report to a file (repeatable), e.g. sarif=brieflint.sarif', collectReport, [])
    .option('--baseline <file>', 'ignore the findings recorded in this baseline file')
    .option('--update-baseline', 'write the current findings to the --baseline file (default .brieflint-baseline.json)')
    .addOption(new Option('--lang <lang>', 'language of messages (default: config lang, else nl)').choices(['nl', 'en']))
    .option('-q, --quiet', 'report errors only, no references or warnings')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', integer)
    .option('--no-color', 'no colours in the output')
    .option('--offline', 'skip every check that needs the network (the summary names the skipped rules)')
    .option('--no-cache', 'neither read nor write the live-site cache file')
    .option('--today <date>', 'check as if today were this date (YYYY-MM-DD)', isoDate)
    .option('--shard <i/n>', 'check only the i-th of n parts of the letters (CI matrix); merge the reports with merge-reports', shardOption)
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], flags: CheckFlags) => setExit(await runCheck(paths, flags, io)));

  program
    .command('briefing')
    .description('write a ready-to-fill KCC briefing for a letter into the briefing folder (config kcc.folder, default kcc/)')
    .argument('<letter>', 'the letter (.docx, .md, .txt)')
    .option('-c, --config <file>', 'config file')
    .option('-o, --out <dir>', 'folder to write to (default: the KCC folder of the config)')
    .option('--force', 'overwrite an existing briefing')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['nl', 'en']))
    .option('--today <date>', 'the date written as "updated", and the start of validity when the letter has no mailing date (YYYY-MM-DD)', isoDate)
    .action(async (path: string, flags: BriefingFlags) => setExit(await writeBriefing(path, flags, io)));

  program
    .command('merge-reports')
    .description('merge the JSON or SARIF reports of sharded runs (check --shard i/n) into one, on stdout')
    .argument('<files...>', 'report files, all JSON or all SARIF')
    .addOption(new Option('-f, --format <format>', 'output format (default: the format of the input)').choices(['json', 'sarif']))
    .addOption(new Option('--lang <lang>', 'language of messages (default nl)').choices(['nl', 'en']))
    .action(async (files: string[], flags: { format?: 'json' | 'sarif'; lang?: Lang }) => setExit(await mergeReports(files, flags, io)));

  program
    .command('explain')
    .description("print a rule's documentation")
    .argument('<rule>', 'rule id, e.g. pretty-url')
    .action(async (id: string) => setExit(await explain(id, io)));

  return program;
}

/** The message for an error that stops the run (exit code 2), or undefined for a bug. */
function failureMessage(error: unknown, lang: Lang): string | undefined {
  if (error instanceof ConfigError) return error.reason[lang];
  if (error instanceof KnowledgeBaseError) return `${error.location}: ${error.reason[lang]}`;
  if (error instanceof LetterReadError) return `${error.path}: ${error.reason[lang]}`;
  if (error instanceof BaselineError || error instanceof ReportWriteError) return error.message;
  if (error instanceof NoFilesError) {
    return lang === 'nl'
      ? `geen brieven gevonden in ${error.message} (.docx, .md, .markdown, .txt)`
      : `no letters found in ${error.message} (.docx, .md, .markdown, .txt)`;
  }
  return undefined;
}

/** Run `body`; an expected failure is printed and becomes exit code 2. */
async function guarded(io: Io, lang: Lang, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    const message = failureMessage(error, lang);
    if (message === undefined) throw error;
    io.stderr(`brieflint: ${message}\n`);
    return EXIT.failure;
  }
}

async function runCheck(paths: string[], flags: CheckFlags, io: Io): Promise<number> {
  return guarded(io, flags.lang ?? 'nl', async () => {
    const config = await loadConfig(io.cwd, allRules, configSections, flags.config);
    const lang: Lang = flags.lang ?? config.lang ?? 'nl';
    return guarded(io, lang, () => checkWith(config, lang, paths, flags, io));
  });
}

async function checkWith(config: ResolvedConfig, lang: Lang, paths: string[], flags: CheckFlags, io: Io): Promise<number> {
  const progress = io.progress ? startProgress(io.progress) : undefined;
  const run = await check({
    paths,
    cwd: io.cwd,
    config,
    rules: allRules,
    lang,
    offline: !!flags.offline,
    today: flags.today,
    noCache: !flags.cache,
    ...(flags.shard ? { shard: flags.shard } : {}),
    onLetters: tuneHeapFor,
    ...(progress ? { onProgress: progress.update } : {}),
  }).finally(() => progress?.stop());
  for (const note of run.notes) io.stderr(`brieflint: ${lang === 'nl' ? 'let op' : 'note'}: ${note[lang]}\n`);
  for (const warning of run.facts.site?.stats.cacheWarnings ?? []) io.stderr(`brieflint: ${lang === 'nl' ? 'waarschuwing' : 'warning'}: ${warning[lang]}\n`);
  const full = await baseline(toJsonReport(run, VERSION, lang), flags, io, lang);
  const code = exitCode(full, flags.maxWarnings);
  const report = flags.quiet ? withoutWarnings(full) : full;
  const ctx: FormatContext = {
    lang,
    color: flags.color && io.isTTY && !io.env.NO_COLOR,
    quiet: !!flags.quiet,
    rules: allRules,
    version: VERSION,
    // Warnings fail the JUnit test cases exactly when they fail the run.
    warningsFail: flags.maxWarnings !== undefined && full.summary.warnings > flags.maxWarnings,
    now: new Date(),
  };
  for (const part of renderParts(flags.format, report, ctx)) io.stdout(part);
  for (const { format, path } of flags.report) await writeReport(resolve(io.cwd, path), renderParts(format, report, ctx));
  return code;
}

/** A report file that cannot be written stops the run with exit code 2 and names the file. */
export class ReportWriteError extends Error {}

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
  if (s.unreadable > 0) return EXIT.failure;
  if (s.errors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && s.warnings > maxWarnings) return EXIT.findings;
  return EXIT.clean;
}

interface BriefingFlags {
  config?: string;
  out?: string;
  force?: boolean;
  lang?: Lang;
  today?: string;
}

async function writeBriefing(path: string, flags: BriefingFlags, io: Io): Promise<number> {
  return guarded(io, flags.lang ?? 'nl', async () => {
    const config = await loadConfig(io.cwd, allRules, configSections, flags.config);
    const lang: Lang = flags.lang ?? config.lang ?? 'nl';
    const absolute = resolve(io.cwd, path);
    if (!existsSync(absolute)) throw new LetterReadError(path, { nl: 'bestand bestaat niet', en: 'no such file' });
    const display = relative(io.cwd, absolute).split('\\').join('/');
    // A bug inside a reader is reported as "onverwachte fout" with the file, never as a stack trace.
    const letter = await readLetter(absolute, display).catch((error: unknown) => {
      throw error instanceof LetterReadError ? error : new LetterReadError(display, readError(error), { cause: error });
    });
    applyManifest(letter, absolute, config);
    // Loaded for this command only (it brings the yaml package): check starts faster.
    const { briefingFileName, renderBriefing } = await import('./briefing.js');
    const dir = flags.out ? resolve(io.cwd, flags.out) : resolve(config.root, resolveKccConfig(config.kcc).folder);
    const target = join(dir, briefingFileName(letter));
    const shown = relative(io.cwd, target) || target;
    if (existsSync(target) && !flags.force) {
      io.stderr(
        lang === 'nl'
          ? `brieflint: ${shown} bestaat al; gebruik --force om het te overschrijven\n`
          : `brieflint: ${shown} already exists; use --force to overwrite it\n`,
      );
      return EXIT.failure;
    }
    await mkdir(dir, { recursive: true });
    await writeFile(target, renderBriefing(letter, extractReferences(letter), flags.today ?? localToday()));
    io.stdout(lang === 'nl' ? `Briefing geschreven: ${escapeControls(shown)}\n` : `Briefing written: ${escapeControls(shown)}\n`);
    return EXIT.clean;
  });
}

async function mergeReports(files: string[], flags: { format?: 'json' | 'sarif'; lang?: Lang }, io: Io): Promise<number> {
  const lang = flags.lang ?? 'nl';
  const inputs: unknown[] = [];
  for (const file of files) {
    try {
      inputs.push(JSON.parse(await readFile(resolve(io.cwd, file), 'utf8')));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.stderr(`brieflint: ${file}: ${code ?? (lang === 'nl' ? 'geen geldige JSON' : 'not valid JSON')}\n`);
      return EXIT.failure;
    }
  }
  const kinds = new Set(inputs.map(reportKind));
  const kind = kinds.size === 1 ? [...kinds][0] : undefined;
  if (!kind || (flags.format && flags.format !== kind)) {
    const asked = flags.format ? (lang === 'nl' ? ` (gevraagd: ${flags.format})` : ` (asked for ${flags.format})`) : '';
    io.stderr(
      lang === 'nl'
        ? `brieflint: merge-reports voegt bestanden van één soort samen: alle brieflint-JSON of alle SARIF${asked}\n`
        : `brieflint: merge-reports needs files of one kind, all brieflint JSON or all SARIF${asked}\n`,
    );
    return EXIT.failure;
  }
  // Valid JSON of the wrong shape is named by file and field (exit 2), never a TypeError.
  let wrong = false;
  inputs.forEach((input, i) => {
    const problem = checkReportShape(input, kind);
    if (!problem) return;
    wrong = true;
    io.stderr(`brieflint: ${files[i]}: ${problem[lang]}\n`);
  });
  if (wrong) return EXIT.failure;
  const onNote = (note: string) => io.stderr(`brieflint: ${note}\n`);
  try {
    if (kind === 'sarif') {
      io.stdout(`${safeJson(mergeSarif(inputs as object[], { onNote }), 2)}\n`);
      return EXIT.clean;
    }
    const merged = mergeJsonReports(inputs as JsonReport[], { onNote });
    io.stdout(`${safeJson(merged, 2)}\n`);
    return exitCode(merged);
  } catch (error) {
    if (error instanceof MergeError) {
      io.stderr(`brieflint: ${error.message}\n`);
      return EXIT.failure;
    }
    throw error;
  }
}

async function explain(id: string, io: Io): Promise<number> {
  const rule = findRule(id);
  if (!rule) {
    io.stderr(`brieflint: unknown rule "${id}". Rules: ${allRules.map((r) => r.meta.id).join(', ')}\n`);
    return EXIT.failure;
  }
  io.stdout(await readFile(ruleDocPath(id), 'utf8'));
  return EXIT.clean;
}

/** Entry point for bin/brieflint.js. */
export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.clean;
  const io: Io = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    isTTY: !!process.stdout.isTTY,
    env: process.env,
    ...(process.stderr.isTTY && !process.env.CI ? { progress: process.stderr } : {}),
  };
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv);
  } catch (error) {
    const e = error as { code?: string; exitCode?: number };
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.clean;
    if (typeof e.exitCode === 'number') return EXIT.failure;
    io.stderr(`brieflint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.failure;
  }
  return code;
}
