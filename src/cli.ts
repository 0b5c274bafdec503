/**
 * The command line: commander wiring only. Each command lives in src/commands/.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { parseReportSpec, FORMATS, type Format } from './report/index.js';
import { isoDate as toIsoDate } from './letters/meta.js';
import { VERSION } from './paths.js';
import { parseShard, type Shard } from './shard.js';
import { EXIT, type Io } from './commands/io.js';
import { runCheck, type CheckFlags } from './commands/check.js';
import { writeBriefing, type BriefingFlags } from './commands/briefing.js';
import { mergeReports, type MergeFlags } from './commands/merge.js';
import { explain } from './commands/explain.js';
import { init, type InitFlags } from './commands/init.js';

export { EXIT } from './commands/io.js';
export { exitCode } from './commands/check.js';

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
export function buildProgram(io: Io, setExit: (code: number) => void): Command {
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
    .command('init')
    .description('start brieflint here: brieflint.config.json, kcc/ with a README for the KCC lead, .gitignore, and optionally a CI workflow')
    .option('-d, --domain <domain>', "the gemeente's domain, e.g. voorbeeldstad.nl (repeatable; asked for on a terminal when not given)", (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
    .option('--letters <folder>', 'the folder with the letters, for the workflow and the next steps (default: brieven/ when it exists, else .)')
    .option('--github', 'also write .github/workflows/brieflint.yml (the brieflint action, pinned to this version)')
    .option('--gitlab', 'also write a GitLab CI job (.gitlab/brieflint.gitlab-ci.yml, included from .gitlab-ci.yml)')
    .option('--force', 'overwrite an existing brieflint.config.json (other files are never overwritten)')
    .addOption(new Option('--lang <lang>', 'language of messages (default nl)').choices(['nl', 'en']))
    .action(async (flags: InitFlags) => setExit(await init(flags, io)));

  program
    .command('merge-reports')
    .description('merge the JSON or SARIF reports of sharded runs (check --shard i/n) into one, on stdout')
    .argument('<files...>', 'report files, all JSON or all SARIF')
    .addOption(new Option('-f, --format <format>', 'output format (default: the format of the input)').choices(['json', 'sarif']))
    .option('--fail-on-errors', 'exit 1 when the merged report holds error-level findings (default: exit 0 whenever the reports were merged)')
    .action(async (files: string[], flags: MergeFlags) => setExit(await mergeReports(files, flags, io)));

  program
    .command('explain')
    .description("print a rule's documentation")
    .argument('<rule>', 'rule id, e.g. pretty-url')
    .action(async (id: string) => setExit(await explain(id, io)));

  return program;
}

/** One question on the terminal (`brieflint init` asks for the domains). */
async function ask(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
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
    ...(process.stdin.isTTY && process.stdout.isTTY ? { ask } : {}),
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
