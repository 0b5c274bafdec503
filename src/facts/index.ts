import { resolve } from 'node:path';
import type { Letter, References } from '../types.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Rule } from '../rule.js';
import type { Facts } from './types.js';
import { resolveKccConfig } from './kcc/config.js';
import { checkableUrls } from '../model/site-results.js';
import type { SiteEvent, SiteOptions, SiteSession, UrlResult } from './site/index.js';
import type { KccFacts } from './kcc/types.js';
import type { FormsFacts } from './forms/types.js';
import { siteOptionsFromConfig } from './site/config.js';
import { formsOptionsFromConfig } from './forms/config.js';
// The network clients (undici) load only when a run needs them: --offline starts faster.
import { ConfigError } from '../config/index.js';
import { redactCredentials } from '../secrets.js';
import { localToday } from '../model/date.js';
import { enabledAnywhere } from '../config/overrides.js';

export interface GatherOptions {
  /** --offline: no network checks. */
  offline: boolean;
  /** YYYY-MM-DD; defaults to the local date. */
  today?: string;
  /** --no-cache: no site cache file is read or written. */
  noCache?: boolean;
  /** Live-site progress (the CLI shows it on a terminal). */
  onProgress?(done: number, total: number, host: string): void;
  /** Each URL's live result as soon as it is known, before the run's facts are complete (`serve`). */
  onUrl?(href: string, result: UrlResult): void;
  /** The knowledge base, as soon as it is read (`serve`). */
  onKcc?(kcc: KccFacts): void;
  /** The forms behind the URLs, as soon as they are checked (`serve`). */
  onForms?(forms: FormsFacts): void;
  /** Each step of the live-site and forms checks (check --verbose). */
  onSiteEvent?(event: SiteEvent): void;
  /**
   * Whether this run reports what holds for the whole run (a missing KCC folder) on its first
   * letter; false in every shard but the first, so merged reports say it once. Default true.
   */
  runLevelFindings?: boolean;
}

/** Folders that hold facts, not letters: never read as letters (the KCC briefing folder). */
export function factFolders(config: ResolvedConfig): string[] {
  const kcc = resolveKccConfig(config.kcc);
  return kcc.adapter === 'folder' ? [resolve(config.root, kcc.folder)] : [];
}

/** Whether a rule that is on for some letter (in `rules` or an override) needs this fact (otherwise it is not gathered). */
export const needed = (rules: Rule[], config: ResolvedConfig, fact: 'site' | 'kcc' | 'forms') =>
  rules.some((r) => r.meta.needs?.includes(fact) && enabledAnywhere(config, r.meta.id));

/** The facts every run has, before any I/O: whether it is offline, and its "today". */
export function baseFacts(options: GatherOptions): Facts {
  return { offline: options.offline, today: options.today ?? localToday() };
}

/** Gathers the facts of a run: `letter()` for each letter as it is read, then `finish()`. */
export interface FactsGatherer {
  /** A letter's references: its URLs are fetched right away, while other letters are still read. */
  letter(refs: References): void;
  /** Wait for the live checks, read the knowledge base and check the forms. */
  finish(letters: Array<{ letter: Letter; refs: References }>): Promise<Facts>;
}

/**
 * All I/O the rules need, once per run and deduplicated across letters: the live site check of
 * every distinct URL (started as soon as a letter names it), the forms behind them, the KCC
 * knowledge base. Rules never do I/O themselves. `finish` throws KnowledgeBaseError when the
 * knowledge base cannot be read (exit code 2).
 */
export async function startFacts(config: ResolvedConfig, rules: Rule[], options: GatherOptions & { cwd: string }): Promise<FactsGatherer> {
  const live = needed(rules, config, 'site') && !options.offline;
  const site = live ? siteOptions(config, options) : undefined;
  const session = site ? await (await import('./site/index.js')).openSiteSession(site) : undefined;

  const checkedSite = async (s: SiteSession, siteOptions: SiteOptions): Promise<Pick<Facts, 'site' | 'forms'>> => {
    const siteFacts = await s.finish();
    if (!needed(rules, config, 'forms')) return { site: siteFacts };
    const { checkForms } = await import('./forms/index.js');
    const formsOptions = configured(config, () => formsOptionsFromConfig(config.forms, siteOptions));
    const onEvent = options.onSiteEvent;
    if (onEvent) formsOptions.onAttempt = (request) => onEvent({ kind: 'request', request });
    const forms = await checkForms(siteFacts, formsOptions);
    options.onForms?.(forms);
    return { site: siteFacts, forms };
  };
  const knowledgeBase = async (letters: Array<{ letter: Letter }>): Promise<Facts['kcc']> => {
    // The folder adapter reads files only: it runs offline too.
    if (resolveKccConfig(config.kcc).adapter !== 'folder' && options.offline) return undefined;
    const { loadKcc } = await import('./kcc/index.js');
    const kcc = await loadKcc(config.kcc, config.root, letters.map((l) => l.letter), { cwd: options.cwd, today: options.today ?? localToday(), ...(config.ca ? { ca: config.ca } : {}) });
    // No knowledge base: said once, on the run's first letter (kcc-briefing-missing).
    if (kcc.missing && options.runLevelFindings !== false && letters[0]) kcc.missing.reportOn = letters[0].letter.path;
    options.onKcc?.(kcc);
    return kcc;
  };
  return {
    letter(refs) {
      if (session) for (const ref of checkableUrls(refs)) session.add(ref.href);
    },
    async finish(letters) {
      const facts = baseFacts(options);
      // The knowledge base is read while the last URLs are still being fetched; both end before
      // an error of either is thrown (no fetch is left running).
      const [live, kcc] = await Promise.allSettled([
        session && site ? checkedSite(session, site) : undefined,
        needed(rules, config, 'kcc') ? knowledgeBase(letters) : undefined,
      ]);
      if (live.status === 'rejected') throw live.reason;
      if (kcc.status === 'rejected') throw kcc.reason;
      if (live.value) Object.assign(facts, live.value);
      if (kcc.value) facts.kcc = kcc.value;
      return facts;
    },
  };
}


/** Options built from a config section; what is wrong with it is a ConfigError naming the file. */
function configured<T>(config: ResolvedConfig, build: () => T): T {
  try {
    return build();
  } catch (error) {
    throw new ConfigError(`${config.file ?? 'config'}: ${redactCredentials((error as Error).message)}`);
  }
}

function siteOptions(config: ResolvedConfig, options: GatherOptions) {
  const site = configured(config, () => siteOptionsFromConfig(config.site, config.root, config.domains, config.ca));
  if (options.noCache) delete site.cache;
  if (options.onProgress) site.onProgress = options.onProgress;
  if (options.onUrl) site.onResult = options.onUrl;
  if (options.onSiteEvent) site.onEvent = options.onSiteEvent;
  return site;
}
