/**
 * The command line: commander wiring only. Each command lives in src/commands/.
 */
import { Option, type Command } from 'commander';
import { parseReportSpec, FORMATS, type Format } from './report/index.js';
import { isIsoDate } from './model/date.js';
import { VERSION } from './paths.js';
import { parseShard, type Shard } from './shard.js';
import { EXIT, type Io } from './commands/io.js';
import { runCheck, type CheckFlags } from './commands/check.js';
import { writeBriefing, type BriefingFlags } from './commands/briefing.js';
import { mergeReports, type MergeFlags } from './commands/merge.js';
import { explain, type ExplainFlags } from './commands/explain.js';
import { notAPath } from './commands/unknown.js';
import { processIo } from './commands/process-io.js';
import { LOCALIZED_ERROR, LocalizedCommand } from './i18n/commander.js';
import { cliLang } from './i18n/lang.js';
import { ARGUMENT_REASONS, REPORT_REASONS } from './i18n/cli-text.js';
import { didYouMean } from './i18n/suggest.js';
import { escapeControls } from './report/escape.js';
import { runServe, type ServeFlags } from './commands/serve.js';
import { listRules, type RulesFlags } from './commands/rules.js';
import { printConfig } from './commands/print-config.js';
import { init, type InitFlags } from './commands/init.js';

export { EXIT } from './commands/io.js';
export { exitCode } from './commands/check.js';

/**
 * Build the commander program; `io` makes it testable in-process. Descriptions here are the
 * English fallbacks: src/i18n/cli-text.ts holds what help shows, in Dutch and English.
 */
export function buildProgram(untrustedIo: Io, setExit: (code: number) => void): Command {
  // Every note and error on stderr may quote a file name, a letter or a server: its control
  // characters are shown, never sent to the terminal (messages keep their lines).
  const io: Io = { ...untrustedIo, stderr: (s) => untrustedIo.stderr(escapeControls(s, { keep: '\t\n' })) };
  const program = new LocalizedCommand('brieflint', { lang: 'nl', choose: (args) => cliLang(args, io.cwd, io.env) })
    .description('Lint the outgoing letters of a gemeente: pretty URLs that work as typed, open forms, a KCC briefing for every mailing.')
    .version(VERSION, '-v, --version')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  // Option parsers: their reasons are in the language chosen when parsing started.
  // ESLint's convention: -1 means no limit.
  const maxWarnings = (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < -1) throw program.invalid(ARGUMENT_REASONS.maxWarnings);
    return n;
  };
  const collectReport = (value: string, previous: Array<{ format: Format; path: string }>) => {
    const format = value.slice(0, Math.max(0, value.indexOf('=')));
    if (format && value.length > format.length + 1 && !(FORMATS as readonly string[]).includes(format)) {
      const list = FORMATS.join(', ');
      throw program.invalid({ nl: REPORT_REASONS.format.nl(format, list) + didYouMean(format, FORMATS).nl, en: REPORT_REASONS.format.en(format, list) + didYouMean(format, FORMATS).en });
    }
    try {
      return [...previous, parseReportSpec(value)];
    } catch {
      throw program.invalid(REPORT_REASONS.shape);
    }
  };
  const shardOption = (value: string): Shard => {
    try {
      return parseShard(value);
    } catch {
      throw program.invalid(REPORT_REASONS.shard);
    }
  };
  const port = (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw program.invalid(ARGUMENT_REASONS.port);
    return n;
  };
  const jobs = (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw program.invalid(ARGUMENT_REASONS.jobs);
    return n;
  };
  const isoDate = (value: string): string => {
    if (!isIsoDate(value)) throw program.invalid(ARGUMENT_REASONS.date);
    return value;
  };

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
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this (-1: no limit)', maxWarnings)
    .option('--no-color', 'no colours in the output')
    .option('--offline', 'skip every check that needs the network (the summary names the skipped rules)')
    .option('--cache', 'also keep what each letter gave in the letter cache: unchanged letters are not read again (the live-site cache is on anyway)')
    .option('--cache-location <file>', 'the letter cache file (implies --cache; default .brieflint-letters-cache.json next to the live-site cache)')
    .option('--no-cache', 'neither read nor write the live-site cache file (nor the letter cache)')
    .option('--today <date>', 'check as if today were this date (YYYY-MM-DD)', isoDate)
    .option('--jobs <n>', 'read the letters on n threads: the main thread and n−1 workers, at most one per 100 letters (default 1: the main thread alone)', jobs)
    .option('--shard <i/n>', 'check only the i-th of n parts of the letters (CI matrix); merge the reports with merge-reports', shardOption)
    .option('--verbose', 'show each request, its redirect chain, the connectTo/remap rule that applied, cache hits and excluded addresses on stderr')
    .option('--print-config <file>', 'print the resolved config that applies to this file (rules after overrides, site/forms/kcc with defaults) as JSON, and check nothing')
    .action(async (paths: string[], flags: CheckFlags & { printConfig?: string }, cmd: Command) => {
      // The default command: a mistyped command is not a path (`brieflint chek brieven/`).
      const root = cmd.parent!;
      if (root.args[0] !== 'check' && paths.length > 0) {
        const commands = [...root.commands.map((c) => c.name()), 'help'];
        const why = notAPath(paths[0], io.cwd, commands, program.lang);
        if (why) root.error(why, { code: LOCALIZED_ERROR, exitCode: EXIT.failure });
      }
      setExit(flags.printConfig !== undefined ? await printConfig(flags.printConfig, flags, io) : await runCheck(paths, flags, io));
    });

  program
    .command('briefing')
    .description('write a ready-to-fill KCC briefing for a letter into the briefing folder (config kcc.folder, default kcc/)')
    .argument('<letter>', 'the letter (.docx, .md, .txt)')
    .option('-c, --config <file>', 'config file')
    .option('-o, --out <dir>', 'folder to write to (default: the KCC folder of the config)')
    .option('--force', 'overwrite an existing briefing')
    .option('--update', "refresh the facts of the existing briefing (ids, mailing date, recipients, URLs, forms, phone, validity) from the letter; keep the KCC lead's text and fields")
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
    .action(async (flags: InitFlags) => setExit(await init({ ...flags, lang: flags.lang ?? program.lang }, io)));

  program
    .command('merge-reports')
    .description('merge the JSON or SARIF reports of sharded runs (check --shard i/n) into one, on stdout')
    .argument('<files...>', 'report files, all JSON or all SARIF')
    .addOption(new Option('-f, --format <format>', 'output format (default: the format of the input)').choices(['json', 'sarif']))
    .option('--fail-on-errors', 'exit 1 when the merged report holds error-level findings (default: exit 0 whenever the reports were merged)')
    .addOption(new Option('--lang <lang>', 'language of messages (default nl)').choices(['nl', 'en']))
    .action(async (files: string[], flags: MergeFlags) => setExit(await mergeReports(files, flags, io)));

  program
    .command('serve')
    .description('a page on this computer where a webredacteur drops or picks letters and sees each one marked up, with live results and the KCC briefing')
    .argument('[folder]', 'the folder whose letters the page offers (default: the current folder)')
    .option('-c, --config <file>', 'config file (default: nearest brieflint.config.{json,yaml,yml} up from here)')
    .option('-p, --port <port>', 'port (0: any free port)', port, 4477)
    .option('--host <address>', 'address to listen on (default 127.0.0.1; anything else prints a warning)')
    .option('--open', 'open the page in the browser')
    .addOption(new Option('--lang <lang>', 'language of the page (default: config lang, else nl; ?lang=en in the URL)').choices(['nl', 'en']))
    .option('--offline', 'skip every check that needs the network')
    .option('--no-cache', 'neither read nor write the live-site cache file')
    .option('--today <date>', 'check as if today were this date (YYYY-MM-DD)', isoDate)
    .action(async (folder: string | undefined, flags: ServeFlags) => setExit(await runServe(folder, flags, io)));

  program
    .command('explain')
    .description("print a rule's documentation")
    .argument('[rule]', 'rule id, e.g. pretty-url (without it: the list of rules, as brieflint rules)')
    .addOption(new Option('--lang <lang>', 'language of the documentation').choices(['nl', 'en']))
    .option('--no-color', 'no colours in the output')
    .action(async (id: string | undefined, flags: ExplainFlags) =>
      setExit(
        id === undefined
          ? await listRules({ format: 'stylish', lang: flags.lang ?? program.lang }, io)
          : await explain(id, { ...flags, lang: flags.lang ?? program.lang }, io),
      ),
    );

  program
    .command('rules')
    .description('list every rule: its default severity, whether it needs the network, and what it checks')
    .option('-c, --config <file>', 'config file (for its lang)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json']).default('stylish'))
    .addOption(new Option('--lang <lang>', 'language of the descriptions (default: config lang, else nl)').choices(['nl', 'en']))
    .action(async (flags: RulesFlags) => setExit(await listRules(flags, io)));

  return program;
}

/** Entry point for bin/brieflint.js. */
export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.clean;
  const io = processIo();
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
