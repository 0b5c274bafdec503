/**
 * The KCC knowledge base (issue 4). The facts phase calls `loadKcc` once per run, before the
 * rules: one read of the folder, or one search per distinct letter id/kenmerk against the
 * HTTP service, deduplicated. Failure is a KnowledgeBaseError (exit code 2).
 */
import { relative, resolve, sep } from 'node:path';
import type { Dispatcher } from 'undici';
import type { Letter } from '../../types.js';
import type { KccFacts, KccSearch, KnowledgeBase } from './types.js';
import { resolveKccConfig, type KccConfig } from './config.js';
import { FolderKnowledgeBase } from './folder.js';
import { ObjectsApiKnowledgeBase } from './objects-api.js';
import { KissKnowledgeBase } from './kiss.js';
import { kccAgent } from './http.js';
import { localDate, uniq } from './text.js';

export type { Briefing, BriefingCovers, BriefingForm, KccFacts, KccSearch, KccSource, KnowledgeBase } from './types.js';
export { KnowledgeBaseError } from './errors.js';
export { kccConfigSchema, resolveKccConfig, type KccConfig, type KccFieldMap } from './config.js';
export { FolderKnowledgeBase, parseBriefingFile, FRONT_MATTER_KEYS } from './folder.js';
export { ObjectsApiKnowledgeBase, VAC_FIELDS, MIN_OBJECTS_API_VERSION, dataIcontainsTerm } from './objects-api.js';
export { KissKnowledgeBase, KISS_FIELDS } from './kiss.js';
export * from './match.js';

export interface LoadKccOptions {
  /** Where letter paths are relative to (default process.cwd()). */
  cwd?: string;
  /** Where the env vars named in config are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** undici dispatcher for the HTTP adapters (default: a private Agent with kcc.ca, closed afterwards). */
  dispatcher?: Dispatcher;
  /** The run's today (YYYY-MM-DD): the date asked for letters without a mailing date (default: the local date). */
  today?: string;
}

/** What loadKcc needs of a letter. */
export type KccLetter = Pick<Letter, 'path'> & { meta: Pick<Letter['meta'], 'id' | 'kenmerk'> & Partial<Pick<Letter['meta'], 'mailingDate'>> };

/** The adapter the config asks for. `terms`: the letter ids and kenmerken the HTTP adapters search for. */
export function createKnowledgeBase(
  cfg: KccConfig,
  root: string,
  terms: string[],
  opts: { env?: NodeJS.ProcessEnv; dispatcher?: Dispatcher; searches?: KccSearch[] } = {},
): KnowledgeBase {
  switch (cfg.adapter) {
    case 'folder':
      return new FolderKnowledgeBase(cfg.folder, root);
    case 'objects-api':
      return new ObjectsApiKnowledgeBase(cfg, terms, opts.env ?? process.env, opts.dispatcher, opts.searches);
    case 'kiss':
      return new KissKnowledgeBase(cfg, terms, opts.env ?? process.env, opts.dispatcher);
  }
}

/**
 * Read the knowledge base once for this run. `section` is the raw `kcc` config section, `root`
 * the config root, `letters` every letter of the run. Throws KnowledgeBaseError.
 */
export async function loadKcc(
  section: Record<string, unknown> | undefined,
  root: string,
  letters: KccLetter[],
  opts: LoadKccOptions = {},
): Promise<KccFacts> {
  const cfg = resolveKccConfig(section);
  const termsOf = (l: KccLetter) => uniq([l.meta.id, l.meta.kenmerk ?? ''].map((t) => t.trim()).filter((t) => t !== ''));
  const terms = uniq(letters.flatMap(termsOf));
  const today = opts.today ?? localDate();
  const searches: KccSearch[] = letters.map((l) => ({ terms: termsOf(l), date: l.meta.mailingDate ?? today }));
  const own = !opts.dispatcher && cfg.adapter !== 'folder' ? kccAgent(cfg, root) : undefined;
  const dispatcher = opts.dispatcher ?? own;
  try {
    const kb = createKnowledgeBase(cfg, root, terms, { ...(opts.env ? { env: opts.env } : {}), ...(dispatcher ? { dispatcher } : {}), searches });
    const briefings = await kb.load();
    const cwd = opts.cwd ?? process.cwd();
    const letterPaths: Record<string, string> = {};
    for (const l of letters) {
      const rel = relative(root, resolve(cwd, l.path));
      letterPaths[l.path] = sep === '/' ? rel : rel.split(sep).join('/');
    }
    return { source: kb.source, location: kb.location, briefings, letterPaths, ...(kb.notes?.length ? { notes: kb.notes } : {}) };
  } finally {
    await own?.close().catch(() => undefined);
  }
}

