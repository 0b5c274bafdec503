/**
 * commander in Dutch and English. The language is chosen when parsing starts (src/i18n/lang.ts:
 * `--lang`, the config's `lang`, the locale, else Dutch); then every description, help title and
 * example is set in that language, and commander's argument errors become one line in it plus a
 * pointer to `--help` (never the whole help).
 */
import { Command, Help, InvalidArgumentError, type Argument, type Option, type ParseOptions } from 'commander';
import type { Lang } from '../types.js';
import { didYouMean } from './suggest.js';
import { ARGUMENT_NAMES, COMMANDS, ERRORS, EXAMPLES, HELP_OPTION, HELP_WORDS, OPTION_VALUES } from './cli-text.js';

interface Shared {
  lang: Lang;
  /** Decides the language from the raw arguments (without node and the script). */
  choose: (args: readonly string[]) => Lang;
}

/** An argument error that is already in the user's language (it gets only the pointer to --help). */
export const LOCALIZED_ERROR = 'brieflint.localized';

/** A `Command` whose texts follow the chosen language. Subcommands are made by `createCommand`. */
export class LocalizedCommand extends Command {
  readonly shared: Shared;

  constructor(name: string | undefined, shared: Shared) {
    super(name);
    this.shared = shared;
    this.showSuggestionAfterError(false);
    this.configureHelp(localizedHelp(shared));
    // The examples: under the program's help and check's (the default command).
    this.addHelpText('after', () => (!this.parent || this.name() === 'check' ? EXAMPLES[shared.lang] : ''));
  }

  override createCommand(name?: string): LocalizedCommand {
    return new LocalizedCommand(name, this.shared);
  }

  get lang(): Lang {
    return this.shared.lang;
  }

  override async parseAsync(argv?: readonly string[], options?: ParseOptions): Promise<this> {
    const all = argv ?? process.argv;
    this.shared.lang = this.shared.choose(options?.from === 'user' ? all : all.slice(2));
    localize(this, this.shared.lang);
    return super.parseAsync(argv, options);
  }

  /** commander's errors, in the chosen language: one line, then where the help is. */
  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    const line = errorOptions?.code === LOCALIZED_ERROR ? message : this.translate(message, errorOptions?.code);
    return super.error(`brieflint: ${line}\n${ERRORS[this.lang].seeHelp(commandPath(this))}`, errorOptions);
  }

  /** A lang-aware InvalidArgumentError for option parsers. */
  invalid(reason: { nl: string; en: string }): InvalidArgumentError {
    return new InvalidArgumentError(reason[this.lang]);
  }

  private translate(message: string, code: string | undefined): string {
    const t = ERRORS[this.lang];
    const plain = message.replace(/^error: /, '');
    switch (code) {
      case 'commander.unknownOption': {
        const flag = /unknown option '([^']*)'/.exec(plain)?.[1] ?? plain;
        const known = this.options.flatMap((o) => (o.long ? [o.long] : [])).concat('--help');
        return t.unknownOption(flag) + (flag.startsWith('--') ? didYouMean(flag.split('=')[0], known)[this.lang] : '');
      }
      case 'commander.unknownCommand': {
        const name = /unknown command '([^']*)'/.exec(plain)?.[1] ?? plain;
        return t.unknownCommand(name) + didYouMean(name, this.commands.map((c) => c.name()))[this.lang];
      }
      case 'commander.missingArgument': {
        const name = /argument '([^']*)'/.exec(plain)?.[1] ?? '';
        return t.missingArgument(ARGUMENT_NAMES[this.lang][name] ?? name);
      }
      case 'commander.optionMissingArgument': {
        const flags = /option '([^']*)'/.exec(plain)?.[1] ?? '';
        return t.optionMissingArgument(this.options.find((o) => o.flags === flags)?.long ?? flags);
      }
      case 'commander.invalidArgument': {
        const m = /^option '([^']*)' argument '(.*)' is invalid\. ?([\s\S]*)$/.exec(plain);
        if (!m) return plain;
        const option = this.options.find((o) => o.flags === m[1]);
        const flag = option?.long ?? m[1];
        const reason = option?.argChoices
          ? t.choices(option.argChoices.join(', ')) + didYouMean(m[2], option.argChoices)[this.lang]
          : m[3].replace(/\.$/, '');
        return t.invalidValue(m[2], flag, reason);
      }
      case 'commander.excessArguments': {
        const m = /Expected (\d+) arguments? but got (\d+)/.exec(plain);
        return m ? t.excessArguments(this.name(), Number(m[1]), Number(m[2])) : plain;
      }
      default:
        return plain;
    }
  }
}

/** "brieflint check": the command's path from the program. */
function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Descriptions of the program, its commands, arguments and options, in `lang`. */
function localize(program: Command, lang: Lang): void {
  program.helpCommand('help [command]', COMMANDS.help.description[lang]);
  const visit = (cmd: Command) => {
    const texts = COMMANDS[cmd.parent ? cmd.name() : 'brieflint'];
    if (texts) cmd.description(texts.description[lang]);
    cmd.helpOption('-h, --help', HELP_OPTION[lang]);
    for (const option of cmd.options as Option[]) {
      const text = option.long ? texts?.options?.[option.long] : undefined;
      if (text) option.description = text[lang];
    }
    for (const argument of cmd.registeredArguments as Argument[]) {
      const text = texts?.arguments?.[argument.name()];
      if (text) argument.description = text[lang];
    }
    cmd.commands.forEach(visit);
  };
  visit(program);
}

/** Help titles, usage words, argument names and "(choices …, default …)" in the chosen language. */
function localizedHelp(shared: Shared): Partial<Help> {
  const word = (w: string) => HELP_WORDS[shared.lang][w] ?? w;
  const argumentName = (name: string) => ARGUMENT_NAMES[shared.lang][name] ?? name;
  // `[options] [paths...]` → `[opties] [paden...]`
  const usageWords = (usage: string) =>
    usage
      .split(' ')
      .map((w) => {
        const arg = /^([<[])([\w-]+)(\.\.\.)?([>\]])$/.exec(w);
        return arg && w !== '[options]' && w !== '[command]' ? `${arg[1]}${argumentName(arg[2])}${arg[3] ?? ''}${arg[4]}` : word(w);
      })
      .join(' ');
  return {
    styleTitle: (title: string) => word(title),
    styleUsage: usageWords,
    subcommandTerm: (cmd: Command) => usageWords(Help.prototype.subcommandTerm.call(new Help(), cmd)),
    // `--config <file>` → `--config <bestand>`
    optionTerm: (option: Option) => option.flags.replace(/<([^>]+)>/, (_, value: string) => `<${OPTION_VALUES[shared.lang][value] ?? value}>`),
    argumentTerm: (argument: Argument) => `${argumentName(argument.name())}${argument.variadic ? '...' : ''}`,
    argumentDescription: (argument: Argument) => argument.description,
    optionDescription: (option: Option) => {
      const extra: string[] = [];
      if (option.argChoices) extra.push(`${word('choices')}: ${option.argChoices.map((c) => JSON.stringify(c)).join(', ')}`);
      const shown = option.defaultValue !== undefined && !Array.isArray(option.defaultValue) && (option.required || option.optional);
      if (shown) extra.push(`${word('default')}: ${option.defaultValueDescription ?? JSON.stringify(option.defaultValue)}`);
      return extra.length ? `${option.description} (${extra.join('; ')})` : option.description;
    },
  };
}
