/**
 * `brieflint init`: start brieflint in a letter-templates repository. Writes
 * brieflint.config.json (with `$schema` and the gemeente's domains), a kcc/ folder with a README
 * for the KCC lead, the cache file in .gitignore, and on request a GitHub workflow or a GitLab
 * job that install brieflint from its pinned source. Never overwrites a file (it says what it
 * skipped); `--force` overwrites brieflint.config.json only.
 */
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import type { Lang } from '../types.js';
import { PACKAGE_ROOT, REPOSITORY_URL, VERSION } from '../paths.js';
import { EXIT, type Io } from './io.js';
import { domainName } from '../model/url.js';
import { DEFAULT_CACHE_FILE } from '../facts/site/config.js';
import { DEFAULT_LETTER_CACHE_FILE } from '../cache/letters.js';

export interface InitFlags {
  /** --domain, repeatable; absent when not given. */
  domain?: string[];
  letters?: string;
  github?: boolean;
  gitlab?: boolean;
  force?: boolean;
  lang?: Lang;
}

/** The config schema's pattern for a domain (src/config/schema.ts). */

/** The caches a run writes next to the config (the live check's and the letter cache): never committed. */
const CACHES = [DEFAULT_CACHE_FILE, DEFAULT_LETTER_CACHE_FILE];
const CONFIG = 'brieflint.config.json';
const OTHER_CONFIGS = ['brieflint.config.yaml', 'brieflint.config.yml'];
const GITLAB_JOB = '.gitlab/brieflint.gitlab-ci.yml';

const T = {
  nl: {
    ask: 'Domeinnaam van de gemeente, zonder https:// (bijv. voorbeeldstad.nl; meer dan één: scheid ze met spaties): ',
    badDomain: (d: string) => `--domain: "${d}" is geen domeinnaam; geef alleen de naam, zonder https:// en /, bijv. "voorbeeldstad.nl"`,
    written: 'geschreven  ',
    appended: 'aangevuld   ',
    skipped: 'overgeslagen',
    exists: 'bestaat al',
    existsForce: 'bestaat al (--force overschrijft het)',
    otherConfig: (f: string) => `${f} bestaat al; init schrijft geen tweede configuratie`,
    domains: (d: string[]) => (d.length ? `domeinen: ${d.join(', ')}` : 'nog geen domeinen'),
    noDomains: 'Zonder domains kan brieflint het eigen domein van de gemeente niet herkennen: zet de domeinnaam in brieflint.config.json ("domains": ["voorbeeldstad.nl"]) of gebruik --domain.',
    cacheLine: (files: string[]) => `${files.join(', ')} (${files.length > 1 ? 'caches' : 'cache'} van brieflint)`,
    cacheComment: '# brieflint: caches van de live-controle en van gelezen brieven',
    cacheThere: `${CACHES.join(', ')} staan er al in`,
    include: (job: string) => `Voeg aan .gitlab-ci.yml toe:\n  include:\n    - local: ${job}`,
    next: 'Volgende stappen:',
    steps: (letters: string) => [
      `Schrijf per brief een KCC-briefing: npx brieflint briefing ${letters}/<brief>.md — en vul elke TODO in (of laat het KCC dat doen; zie kcc/README.md).`,
      `Controleer de brieven: npx brieflint check ${letters}/`,
      'Zet de configuratie, kcc/ en de workflow in git.',
    ],
  },
  en: {
    ask: "The gemeente's domain, without https:// (e.g. voorbeeldstad.nl; more than one: separate them with spaces): ",
    badDomain: (d: string) => `--domain: "${d}" is not a domain name; give only the name, without https:// and /, e.g. "voorbeeldstad.nl"`,
    written: 'written     ',
    appended: 'appended    ',
    skipped: 'skipped     ',
    exists: 'already exists',
    existsForce: 'already exists (--force overwrites it)',
    otherConfig: (f: string) => `${f} already exists; init does not write a second config`,
    domains: (d: string[]) => (d.length ? `domains: ${d.join(', ')}` : 'no domains yet'),
    noDomains: 'Without domains brieflint cannot tell the gemeente\'s own domain: put it in brieflint.config.json ("domains": ["voorbeeldstad.nl"]) or use --domain.',
    cacheLine: (files: string[]) => `${files.join(', ')} (brieflint's ${files.length > 1 ? 'caches' : 'cache'})`,
    cacheComment: "# brieflint: the live-site check's and the letter cache",
    cacheThere: `${CACHES.join(', ')} are already in it`,
    include: (job: string) => `Add to .gitlab-ci.yml:\n  include:\n    - local: ${job}`,
    next: 'Next steps:',
    steps: (letters: string) => [
      `Write a KCC briefing per letter: npx brieflint briefing ${letters}/<letter>.md — and fill in every TODO (or have the KCC do it; see kcc/README.md).`,
      `Check the letters: npx brieflint check ${letters}/`,
      'Commit the config, kcc/ and the workflow.',
    ],
  },
} as const;

export async function init(flags: InitFlags, io: Io): Promise<number> {
  const lang: Lang = flags.lang ?? 'nl';
  const t = T[lang];
  const cwd = io.cwd;
  const lines: string[] = [];
  const say = (what: string, file: string, note?: string) => lines.push(`  ${what}  ${file}${note ? ` — ${note}` : ''}`);

  // The domains: --domain (repeatable, comma-separated too), else asked on a terminal.
  let given = (flags.domain ?? []).flatMap((d) => d.split(/[\s,]+/)).filter(Boolean);
  if (given.length === 0 && io.ask) given = (await io.ask(t.ask)).split(/[\s,]+/).filter(Boolean);
  const domains: string[] = [];
  for (const d of given) {
    const name = domainName(d);
    if (!name) {
      io.stderr(`brieflint: ${t.badDomain(d)}\n`);
      return EXIT.failure;
    }
    if (!domains.includes(name)) domains.push(name);
  }
  const letters = (flags.letters ?? (existsSync(join(cwd, 'brieven')) ? 'brieven' : '.')).replace(/\/+$/, '') || '.';

  // brieflint.config.json
  const other = OTHER_CONFIGS.find((f) => existsSync(join(cwd, f)));
  let wroteConfig = false;
  if (other) say(t.skipped, CONFIG, t.otherConfig(other));
  else if (existsSync(join(cwd, CONFIG)) && !flags.force) say(t.skipped, CONFIG, t.existsForce);
  else {
    const config = { $schema: schemaRef(cwd), domains };
    await writeFile(join(cwd, CONFIG), `${JSON.stringify(config, null, 2)}\n`);
    say(t.written, CONFIG, t.domains(domains));
    wroteConfig = true;
  }

  // kcc/README.md for the KCC lead (the folder adapter never reads a README as a briefing).
  await writeNew(cwd, 'kcc/README.md', KCC_README, t, say);

  // .gitignore: the caches, those it does not name yet.
  const gitignore = join(cwd, '.gitignore');
  const ignored = existsSync(gitignore) ? await readFile(gitignore, 'utf8') : undefined;
  const listed = new Set((ignored ?? '').split(/\r?\n/).map((l) => l.trim().replace(/^\//, '')));
  const missing = CACHES.filter((f) => !listed.has(f));
  if (missing.length === 0) say(t.skipped, '.gitignore', t.cacheThere);
  else {
    const before = ignored === undefined || ignored === '' || ignored.endsWith('\n') ? '' : '\n';
    await appendFile(gitignore, `${before}${t.cacheComment}\n${missing.map((f) => `${f}\n`).join('')}`);
    say(ignored === undefined ? t.written : t.appended, '.gitignore', t.cacheLine(missing));
  }

  if (flags.github) await writeNew(cwd, '.github/workflows/brieflint.yml', githubWorkflow(letters), t, say);
  if (flags.gitlab) {
    const usesNpm = await hasBrieflintDependency(cwd);
    await writeNew(cwd, GITLAB_JOB, gitlabJob(letters, usesNpm), t, say);
    if (!existsSync(join(cwd, '.gitlab-ci.yml'))) await writeNew(cwd, '.gitlab-ci.yml', `include:\n  - local: ${GITLAB_JOB}\n`, t, say);
    else if (!(await readFile(join(cwd, '.gitlab-ci.yml'), 'utf8')).includes(GITLAB_JOB)) lines.push(`  ${t.include(GITLAB_JOB).replace(/\n/g, '\n  ')}`);
  }

  io.stdout(`brieflint init\n${lines.join('\n')}\n`);
  if (wroteConfig && domains.length === 0) io.stdout(`\n${t.noDomains}\n`);
  io.stdout(`\n${t.next}\n${t.steps(letters).map((s, i) => `  ${i + 1}. ${s}`).join('\n')}\n`);
  return EXIT.clean;
}

async function writeNew(cwd: string, file: string, text: string, t: (typeof T)[Lang], say: (what: string, file: string, note?: string) => void): Promise<void> {
  const target = join(cwd, file);
  if (existsSync(target)) {
    say(t.skipped, file, t.exists);
    return;
  }
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text, { flag: 'wx' });
  say(t.written, file);
}

/** `$schema`: the installed schema, relative to the config when brieflint is installed in this project; else the schema in the repository at this version's tag. */
function schemaRef(cwd: string): string {
  const schema = join(PACKAGE_ROOT, 'schema', 'brieflint.config.schema.json');
  const rel = relative(cwd, schema);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return `./${rel.split('\\').join('/')}`;
  return `${REPOSITORY_URL}/raw/v${VERSION}/schema/brieflint.config.schema.json`;
}

/** Whether the project's package.json installs brieflint (the README's install): then CI runs `npm ci`. */
async function hasBrieflintDependency(cwd: string): Promise<boolean> {
  try {
    const pkg = JSON.parse(await readFile(join(cwd, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    return !!(pkg.dependencies?.brieflint ?? pkg.devDependencies?.brieflint);
  } catch {
    return false;
  }
}

/** `owner/name` of the repository, for `uses:`. */
function actionRef(): string {
  const path = REPOSITORY_URL.replace(/^[a-z]+:\/\/[^/]+\//i, '');
  return `${path}@v${VERSION}`;
}

/** The pinned source of this brieflint: the repository at this version's tag (npm builds it on install). */
export function pinnedSource(): string {
  return `git+${REPOSITORY_URL}.git#v${VERSION}`;
}

function githubWorkflow(letters: string): string {
  return `# brieflint: checks the letters on every pull request (written by brieflint init).
# The action runs the brieflint of its own checkout: the ref after @ pins the version.
name: brieflint
on:
  pull_request:
  push:
    branches: [main]

permissions:
  contents: read
  security-events: write   # upload SARIF to code scanning (set upload-sarif: false without GitHub Advanced Security)

jobs:
  letters:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ${actionRef()}
        with:
          paths: ${letters}/
          args: --report html=brieflint-report.html
      - uses: actions/upload-artifact@v4
        if: always()
        with:
          name: kcc-report
          path: brieflint-report.html
`;
}

function gitlabJob(letters: string, usesNpm: boolean): string {
  const install = usesNpm
    ? ['    # brieflint is a devDependency of this project (package.json): npm ci installs that version.', '    - npm ci --no-audit --no-fund']
    : ['    # brieflint from its pinned source: the repository at a version tag (npm builds it on install).', `    - npm install --no-save --no-audit --no-fund "${pinnedSource()}"`];
  return `# brieflint: checks the letters in merge requests (written by brieflint init).
brieflint:
  stage: test
  image: node:20
  script:
${install.join('\n')}
    - >
      npx brieflint check ${letters}/
      --report junit=brieflint-junit.xml
      --report markdown=brieflint-summary.md
      --report html=brieflint-report.html
  artifacts:
    when: always
    expire_in: 30 days
    reports:
      junit: brieflint-junit.xml
    paths:
      - brieflint-report.html
      - brieflint-summary.md
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
`;
}

const KCC_README = `# KCC-briefings

Deze map is de kennisbank van het Klant Contact Centrum (KCC) voor de brieven van de gemeente.
Voor elke brief staat hier een **briefing**: een kort bestand dat het KCC vertelt wat inwoners in
de brief lezen. Belt een inwoner over de brief, dan weet de medewerker waar het over gaat, welk
webadres of formulier de brief noemt, en wat hij moet zeggen.

brieflint keurt een brief af als er geen briefing voor is, als de briefing niet geldig is op de
verzenddatum of te vroeg afloopt (inwoners bellen nog weken na de verzending), of als de brief een
webadres, formulier of telefoonnummer noemt dat niet in de briefing staat.

## Wat staat er in een briefing

Een briefing is een Markdown-bestand (\`.md\`) in deze map. Bovenaan staan de gegevens, tussen twee
regels \`---\`; daaronder gewone tekst:

\`\`\`markdown
---
letters: [kwijtschelding-2027]          # het id of kenmerk van de brief
mailingDate: 2027-02-01                 # verzenddatum
recipients: 1200                        # aantal ontvangers
validFrom: 2027-02-01                   # geldig vanaf …
validUntil: 30-04-2027                  # … tot en met (ook: 30 april 2027)
urls: [voorbeeldstad.nl/kwijtschelding]  # de webadressen in de brief
phone: 14 0123
owner: Team Belastingen
---
## Wat vertellen we bellers
…
## Wanneer escaleren
…
\`\`\`

## Een briefing maken

Laat brieflint er een schrijven voor een brief:

\`\`\`sh
npx brieflint briefing brieven/kwijtschelding-2027.md
\`\`\`

brieflint vult in wat het uit de brief haalt: het id en kenmerk, de verzenddatum en het aantal
ontvangers, de webadressen, formulieren en telefoonnummers, en een geldigheid van acht weken vanaf
de verzenddatum. Waar het KCC iets moet aanvullen staat **TODO**: wat vertellen we bellers, en
wanneer verbinden we door. Vul elke TODO in en haal de TODO-regels weg. Zolang er een TODO in
staat, is de briefing een concept en keurt brieflint de brief af.

Een briefing die brieflint niet kan lezen (bijvoorbeeld \`validUntil: eind april\`) wordt gemeld
met het bestand, de regel en het veld; de andere brieven worden gewoon gecontroleerd.

Dit bestand (README.md) is zelf geen briefing.
`;
