/**
 * What the command line says about itself, in Dutch and English: command, argument and option
 * descriptions, help titles, examples, and commander's argument errors.
 */
import type { Lang } from '../types.js';

type Texts = { nl: string; en: string };

export interface CommandTexts {
  description: Texts;
  /** By argument name. */
  arguments?: Record<string, Texts>;
  /** By long flag (`--no-color` for a negated option). */
  options?: Record<string, Texts>;
}

const CONFIG = { nl: 'configuratiebestand', en: 'config file' };
const LANG = { nl: 'taal van de meldingen', en: 'language of messages' };
const NO_COLOR = { nl: 'geen kleuren in de uitvoer', en: 'no colours in the output' };

/** By command name; `brieflint` is the program itself. */
export const COMMANDS: Record<string, CommandTexts> = {
  brieflint: {
    description: {
      nl: 'Controleer de uitgaande brieven van een gemeente: korte webadressen die werken zoals ze getypt worden, formulieren die open zijn en een KCC-briefing voor elke verzending.',
      en: 'Lint the outgoing letters of a gemeente: pretty URLs that work as typed, open forms, a KCC briefing for every mailing.',
    },
    options: { '--version': { nl: 'toon het versienummer', en: 'output the version number' } },
  },
  check: {
    description: {
      nl: 'brieven controleren (.docx, .md, .markdown, .txt): bestanden, mappen of globs; standaard de huidige map',
      en: 'check letters (.docx, .md, .markdown, .txt): files, folders or globs; default the current folder',
    },
    arguments: { paths: { nl: 'bestanden, mappen of globs', en: 'files, folders or globs' } },
    options: {
      '--config': {
        nl: 'configuratiebestand (standaard: het dichtstbijzijnde brieflint.config.{json,yaml,yml} vanaf hier omhoog)',
        en: 'config file (default: nearest brieflint.config.{json,yaml,yml} up from here)',
      },
      '--format': { nl: 'uitvoerformaat op stdout', en: 'output format on stdout' },
      '--report': {
        nl: 'schrijf ook een rapport naar een bestand (herhaalbaar), bijv. sarif=brieflint.sarif',
        en: 'also write a report to a file (repeatable), e.g. sarif=brieflint.sarif',
      },
      '--baseline': { nl: 'negeer de bevindingen die in dit baselinebestand staan', en: 'ignore the findings recorded in this baseline file' },
      '--update-baseline': {
        nl: 'schrijf de huidige bevindingen naar het --baseline-bestand (standaard .brieflint-baseline.json)',
        en: 'write the current findings to the --baseline file (default .brieflint-baseline.json)',
      },
      '--lang': {
        nl: 'taal van de meldingen (standaard: lang uit de configuratie, anders nl)',
        en: 'language of messages (default: config lang, else nl)',
      },
      '--quiet': { nl: 'alleen fouten, geen verwijzingen of waarschuwingen', en: 'report errors only, no references or warnings' },
      '--max-warnings': {
        nl: 'exitcode 1 bij meer waarschuwingen dan dit (-1: geen maximum)',
        en: 'exit 1 when there are more warnings than this (-1: no limit)',
      },
      '--no-color': NO_COLOR,
      '--offline': {
        nl: 'sla elke controle over die het netwerk nodig heeft (de samenvatting noemt de overgeslagen regels)',
        en: 'skip every check that needs the network (the summary names the skipped rules)',
      },
      '--cache': {
        nl: 'bewaar ook wat elke brief opleverde in de briefcache: ongewijzigde brieven worden niet opnieuw gelezen (de cache van de live-controle staat sowieso aan)',
        en: 'also keep what each letter gave in the letter cache: unchanged letters are not read again (the live-site cache is on anyway)',
      },
      '--cache-location': {
        nl: 'het bestand van de briefcache (zet --cache aan; standaard .brieflint-letters-cache.json naast de cache van de live-controle)',
        en: 'the letter cache file (implies --cache; default .brieflint-letters-cache.json next to the live-site cache)',
      },
      '--no-cache': {
        nl: 'lees en schrijf het cachebestand van de live-controle niet (en de briefcache ook niet)',
        en: 'neither read nor write the live-site cache file (nor the letter cache)',
      },
      '--today': { nl: 'controleer alsof het vandaag deze datum is (JJJJ-MM-DD)', en: 'check as if today were this date (YYYY-MM-DD)' },
      '--jobs': {
        nl: 'lees de brieven op n threads: de hoofdthread en n−1 workers, hoogstens één per 100 brieven (standaard 1: alleen de hoofdthread)',
        en: 'read the letters on n threads: the main thread and n−1 workers, at most one per 100 letters (default 1: the main thread alone)',
      },
      '--shard': {
        nl: 'controleer alleen het i-de van n delen van de brieven (CI-matrix); voeg de rapporten samen met merge-reports',
        en: 'check only the i-th of n parts of the letters (CI matrix); merge the reports with merge-reports',
      },
      '--verbose': {
        nl: 'toon op stderr elk verzoek, de keten van doorverwijzingen, de connectTo/remap-regel die gold, cachetreffers en uitgesloten adressen',
        en: 'show each request, its redirect chain, the connectTo/remap rule that applied, cache hits and excluded addresses on stderr',
      },
      '--print-config': {
        nl: 'toon de configuratie die voor dit bestand geldt (regels na overrides, site/forms/kcc met standaardwaarden) als JSON, en controleer niets',
        en: 'print the resolved config that applies to this file (rules after overrides, site/forms/kcc with defaults) as JSON, and check nothing',
      },
    },
  },
  briefing: {
    description: {
      nl: 'schrijf een in te vullen KCC-briefing voor een brief in de briefingmap (config kcc.folder, standaard kcc/)',
      en: 'write a ready-to-fill KCC briefing for a letter into the briefing folder (config kcc.folder, default kcc/)',
    },
    arguments: { letter: { nl: 'de brief (.docx, .md, .txt)', en: 'the letter (.docx, .md, .txt)' } },
    options: {
      '--config': CONFIG,
      '--out': { nl: 'map om in te schrijven (standaard: de KCC-map uit de configuratie)', en: 'folder to write to (default: the KCC folder of the config)' },
      '--force': { nl: 'overschrijf een bestaande briefing', en: 'overwrite an existing briefing' },
      '--update': {
        nl: 'werk de feiten van de bestaande briefing bij uit de brief (ids, verzenddatum, ontvangers, adressen, formulieren, telefoon, geldigheid); de tekst en velden van de KCC-teamleider blijven staan',
        en: "refresh the facts of the existing briefing (ids, mailing date, recipients, URLs, forms, phone, validity) from the letter; keep the KCC lead's text and fields",
      },
      '--lang': LANG,
      '--today': {
        nl: 'de datum die als "updated" wordt geschreven, en het begin van de geldigheid als de brief geen verzenddatum heeft (JJJJ-MM-DD)',
        en: 'the date written as "updated", and the start of validity when the letter has no mailing date (YYYY-MM-DD)',
      },
    },
  },
  init: {
    description: {
      nl: 'begin hier met brieflint: brieflint.config.json, kcc/ met een README voor de KCC-teamleider, .gitignore, en desgewenst een CI-workflow',
      en: 'start brieflint here: brieflint.config.json, kcc/ with a README for the KCC lead, .gitignore, and optionally a CI workflow',
    },
    options: {
      '--domain': {
        nl: 'het domein van de gemeente, bijv. voorbeeldstad.nl (herhaalbaar; op een terminal gevraagd als het ontbreekt)',
        en: "the gemeente's domain, e.g. voorbeeldstad.nl (repeatable; asked for on a terminal when not given)",
      },
      '--letters': {
        nl: 'de map met de brieven, voor de workflow en de volgende stappen (standaard: brieven/ als die bestaat, anders .)',
        en: 'the folder with the letters, for the workflow and the next steps (default: brieven/ when it exists, else .)',
      },
      '--github': {
        nl: 'schrijf ook .github/workflows/brieflint.yml (de brieflint-action, vastgezet op deze versie)',
        en: 'also write .github/workflows/brieflint.yml (the brieflint action, pinned to this version)',
      },
      '--gitlab': {
        nl: 'schrijf ook een GitLab CI-job (.gitlab/brieflint.gitlab-ci.yml, ingevoegd vanuit .gitlab-ci.yml)',
        en: 'also write a GitLab CI job (.gitlab/brieflint.gitlab-ci.yml, included from .gitlab-ci.yml)',
      },
      '--force': {
        nl: 'overschrijf een bestaand brieflint.config.json (andere bestanden worden nooit overschreven)',
        en: 'overwrite an existing brieflint.config.json (other files are never overwritten)',
      },
      '--lang': LANG,
    },
  },
  'merge-reports': {
    description: {
      nl: 'voeg de JSON- of SARIF-rapporten van gesplitste runs (check --shard i/n) samen tot één rapport, op stdout',
      en: 'merge the JSON or SARIF reports of sharded runs (check --shard i/n) into one, on stdout',
    },
    arguments: { files: { nl: 'rapportbestanden, allemaal JSON of allemaal SARIF', en: 'report files, all JSON or all SARIF' } },
    options: {
      '--format': { nl: 'uitvoerformaat (standaard: het formaat van de invoer)', en: 'output format (default: the format of the input)' },
      '--fail-on-errors': {
        nl: 'exitcode 1 als het samengevoegde rapport fouten bevat (standaard: exitcode 0 zodra de rapporten zijn samengevoegd)',
        en: 'exit 1 when the merged report holds error-level findings (default: exit 0 whenever the reports were merged)',
      },
      '--lang': LANG,
    },
  },
  serve: {
    description: {
      nl: 'een pagina op deze computer waar een webredacteur brieven neerzet of kiest en ze gemarkeerd ziet, met live resultaten en de KCC-briefing',
      en: 'a page on this computer where a webredacteur drops or picks letters and sees each one marked up, with live results and the KCC briefing',
    },
    arguments: { folder: { nl: 'de map met de brieven die de pagina aanbiedt (standaard: de huidige map)', en: 'the folder whose letters the page offers (default: the current folder)' } },
    options: {
      '--config': CONFIG,
      '--port': { nl: 'poort (0: een vrije poort)', en: 'port (0: any free port)' },
      '--host': {
        nl: 'adres om op te luisteren (standaard 127.0.0.1; een ander adres geeft een waarschuwing)',
        en: 'address to listen on (default 127.0.0.1; anything else prints a warning)',
      },
      '--open': { nl: 'open de pagina in de browser', en: 'open the page in the browser' },
      '--lang': {
        nl: 'taal van de pagina (standaard: lang uit de configuratie, anders nl; ?lang=en in het adres)',
        en: 'language of the page (default: config lang, else nl; ?lang=en in the URL)',
      },
      '--offline': { nl: 'sla elke controle over die het netwerk nodig heeft', en: 'skip every check that needs the network' },
      '--no-cache': { nl: 'lees en schrijf het cachebestand van de live-controle niet', en: 'neither read nor write the live-site cache file' },
      '--today': { nl: 'controleer alsof het vandaag deze datum is (JJJJ-MM-DD)', en: 'check as if today were this date (YYYY-MM-DD)' },
    },
  },
  explain: {
    description: { nl: 'toon de uitleg van een regel', en: "print a rule's documentation" },
    arguments: {
      rule: {
        nl: 'regel-id, bijv. pretty-url (zonder: de lijst van regels, zoals brieflint rules)',
        en: 'rule id, e.g. pretty-url (without it: the list of rules, as brieflint rules)',
      },
    },
    options: {
      '--lang': {
        nl: 'taal van de uitleg (standaard: lang uit de configuratie, anders Engels als de taal van het systeem Engels is, anders nl)',
        en: 'language of the documentation (default: config lang, else English when the system language is English, else nl)',
      },
      '--no-color': NO_COLOR,
    },
  },
  rules: {
    description: {
      nl: 'toon elke regel: de standaardernst, of hij het netwerk nodig heeft, en wat hij controleert',
      en: 'list every rule: its default severity, whether it needs the network, and what it checks',
    },
    options: {
      '--config': { nl: 'configuratiebestand (voor de taal)', en: 'config file (for its lang)' },
      '--format': { nl: 'uitvoerformaat', en: 'output format' },
      '--lang': {
        nl: 'taal van de beschrijvingen (standaard: lang uit de configuratie, anders nl)',
        en: 'language of the descriptions (default: config lang, else nl)',
      },
    },
  },
  help: { description: { nl: 'toon de hulp bij een commando', en: 'display help for command' } },
};

export const HELP_OPTION = { nl: 'toon de hulp bij dit commando', en: 'display help for command' };

/** Argument names as help and errors show them. */
export const ARGUMENT_NAMES: Record<Lang, Record<string, string>> = {
  nl: { paths: 'paden', letter: 'brief', files: 'bestanden', rule: 'regel', command: 'commando', folder: 'map' },
  en: {},
};

/** Option values as help shows them (`--config <bestand>`). */
export const OPTION_VALUES: Record<Lang, Record<string, string>> = {
  nl: { domain: 'domein', folder: 'map', file: 'bestand', format: 'formaat', 'format=path': 'formaat=pad', date: 'datum', dir: 'map', lang: 'taal', port: 'poort', address: 'adres' },
  en: {},
};

/** Help titles and usage words (commander writes them in English). */
export const HELP_WORDS: Record<Lang, Record<string, string>> = {
  nl: {
    'Usage:': 'Gebruik:',
    'Options:': 'Opties:',
    'Commands:': 'Commando’s:',
    'Arguments:': 'Argumenten:',
    'Global Options:': 'Algemene opties:',
    '[options]': '[opties]',
    '[command]': '[commando]',
    choices: 'keuze',
    default: 'standaard',
  },
  en: { choices: 'choices', default: 'default' },
};

export const EXAMPLES: Record<Lang, string> = {
  nl: `
Voorbeelden:
  $ brieflint check brieven/                  controleer elke brief in brieven/
  $ brieflint check "brieven/**/*.docx" --offline
  $ brieflint check brief.md --format json > rapport.json
  $ brieflint check brieven/ --report sarif=brieflint.sarif --report html=kcc.html
  $ brieflint check brieven/ --baseline .brieflint-baseline.json --update-baseline
  $ brieflint check --lang en --max-warnings 0
  $ brieflint check brieven/ --shard 2/4 --report json=deel-2.json
  $ brieflint merge-reports deel-*.json > brieflint.json
  $ brieflint explain pretty-url              wat een regel controleert en waarom
  $ brieflint rules                           elke regel, zijn standaard en of hij het netwerk nodig heeft

Exitcodes: 0 in orde, 1 fouten gevonden (of te veel waarschuwingen), 2 brieflint kon zijn werk niet doen.`,
  en: `
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
  $ brieflint rules                           every rule, its default and whether it needs the network

Exit codes: 0 clean, 1 error-level findings (or too many warnings), 2 brieflint could not do its job.`,
};

/** Reasons our own option parsers give (commander puts them after the value). */
export const ARGUMENT_REASONS = {
  maxWarnings: { nl: 'verwacht een geheel getal ≥ 0, of -1 voor geen maximum', en: 'expected a whole number ≥ 0, or -1 for no limit' },
  date: { nl: 'verwacht een datum als JJJJ-MM-DD, bijv. 2027-03-01', en: 'expected a date as YYYY-MM-DD, e.g. 2027-03-01' },
  port: { nl: 'verwacht een poortnummer van 0 tot en met 65535 (0: een vrije poort)', en: 'expected a port number from 0 to 65535 (0: any free port)' },
  jobs: { nl: 'verwacht een geheel getal van 1 tot en met 64', en: 'expected a whole number from 1 to 64' },
};

export const ERRORS = {
  nl: {
    unknownOption: (flag: string) => `onbekende optie “${flag}”`,
    unknownCommand: (name: string) => `onbekend commando “${name}”`,
    commandFirst: (name: string) => `“${name}” is een commando: zet het vooraan, vóór de opties (brieflint ${name} …)`,
    missingArgument: (name: string) => `ontbrekend argument <${name}>`,
    optionMissingArgument: (flag: string) => `optie ${flag} mist een waarde`,
    invalidValue: (value: string, flag: string, reason: string) => `ongeldige waarde “${value}” voor ${flag}: ${reason}`,
    choices: (list: string) => `kies uit ${list}`,
    excessArguments: (command: string, expected: number, got: number) =>
      `te veel argumenten voor “${command}”: ${expected} verwacht, ${got} gegeven`,
    seeHelp: (command: string) => `Zie “${command} --help”.`,
  },
  en: {
    unknownOption: (flag: string) => `unknown option “${flag}”`,
    unknownCommand: (name: string) => `unknown command “${name}”`,
    commandFirst: (name: string) => `“${name}” is a command: put it first, before the options (brieflint ${name} …)`,
    missingArgument: (name: string) => `missing argument <${name}>`,
    optionMissingArgument: (flag: string) => `option ${flag} needs a value`,
    invalidValue: (value: string, flag: string, reason: string) => `invalid value “${value}” for ${flag}: ${reason}`,
    choices: (list: string) => `choose one of ${list}`,
    excessArguments: (command: string, expected: number, got: number) =>
      `too many arguments for “${command}”: expected ${expected}, got ${got}`,
    seeHelp: (command: string) => `See “${command} --help”.`,
  },
} as const;

export const REPORT_REASONS = {
  shape: { nl: 'verwacht FORMAAT=PAD, bijv. sarif=brieflint.sarif', en: 'expected FORMAT=PATH, e.g. sarif=brieflint.sarif' },
  format: {
    nl: (format: string, list: string) => `onbekend formaat “${format}”; kies uit ${list}`,
    en: (format: string, list: string) => `unknown format “${format}”; choose one of ${list}`,
  },
  shard: { nl: 'verwacht i/n met 1 ≤ i ≤ n, bijv. 2/4 (deel 2 van 4)', en: 'expected i/n with 1 ≤ i ≤ n, e.g. 2/4 (shard 2 of 4)' },
};
