/**
 * The KCC knowledge base. The facts phase calls `loadKcc` once per run, before the
 * rules: one read of the folder, or one search per distinct letter id/kenmerk against the
 * HTTP service, deduplicated. Failure is a KnowledgeBaseError (exit code 2).
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Dispatcher } from 'undici';
import type { Letter } from '../../types.js';
import type { KccFacts, KccSearch, KnowledgeBase } from './types.js';
import { resolveKccConfig, type KccConfig } from './config.js';
import { FolderKnowledgeBase } from './folder.js';
// The HTTP adapters (and with them undici, about 140 ms to load) are imported only when the config
// names one: a run with the folder adapter, offline or not, does not load them.
import type { HttpClient } from '../../http/index.js';
import { localToday } from '../../model/date.js';
import { uniq } from './uniq.js';

export type { Briefing, BriefingCovers, BriefingForm, KccFacts, KccInvalid, KccMissing, KccSearch, KccSource, KnowledgeBase } from './types.js';
export { KnowledgeBaseError } from './errors.js';
export { kccConfigSchema, resolveKccConfig, type KccConfig, type KccFieldMap } from './config.js';
export { FolderKnowledgeBase, type InvalidBriefing } from './folder.js';
export { parseBriefingFile, FRONT_MATTER_KEYS } from './front-matter.js';
export * from '../../model/briefing-match.js';

export interface LoadKccOptions {
  /** Where letter paths are relative to (default process.cwd()). */
  cwd?: string;
  /** Where the env vars named in config are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /**
   * undici dispatcher for every request of the HTTP adapters (embedding; default: brieflint's
   * client with the top-level `ca`, `kcc.ca` and the proxy from the environment).
   */
  dispatcher?: Dispatcher;
  /** The top-level `ca` entries of the config (PEM files relative to `root`, or PEM text), trusted with `kcc.ca`. */
  ca?: string[];
  /** The run's today (YYYY-MM-DD): the date asked for letters without a mailing date (default: the local date). */
  today?: string;
}

/** What loadKcc needs of a letter. */
export type KccLetter = Pick<Letter, 'path'> & { meta: Pick<Letter['meta'], 'id' | 'kenmerk'> & Partial<Pick<Letter['meta'], 'mailingDate'>> };

/** A path as messages show it: relative to `cwd` when inside it, else absolute (forward slashes). */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  return sep === '/' ? shown : shown.split(sep).join('/');
}

/** The adapter the config asks for. `terms`: the letter ids and kenmerken the HTTP adapters search for. */
export async function createKnowledgeBase(
  cfg: KccConfig,
  root: string,
  terms: string[],
  opts: { env?: NodeJS.ProcessEnv; client?: HttpClient; searches?: KccSearch[] } = {},
): Promise<KnowledgeBase> {
  const env = opts.env ?? process.env;
  switch (cfg.adapter) {
    case 'folder':
      return new FolderKnowledgeBase(cfg.folder, root);
    case 'objects-api': {
      const [{ ObjectsApiKnowledgeBase }, { kccClient }] = await Promise.all([import('./objects-api.js'), import('./http.js')]);
      return new ObjectsApiKnowledgeBase(cfg, terms, env, opts.client ?? kccClient(cfg, root, { env }), opts.searches);
    }
    case 'kiss': {
      const [{ KissKnowledgeBase }, { kccClient }] = await Promise.all([import('./kiss.js'), import('./http.js')]);
      return new KissKnowledgeBase(cfg, terms, env, opts.client ?? kccClient(cfg, root, { env }));
    }
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
  const today = opts.today ?? localToday();
  const searches: KccSearch[] = letters.map((l) => ({ terms: termsOf(l), date: l.meta.mailingDate ?? today }));
  const env = opts.env ?? process.env;
  const client =
    cfg.adapter !== 'folder'
      ? (await import('./http.js')).kccClient(cfg, root, { env, ...(opts.ca ? { ca: opts.ca } : {}), ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}) })
      : undefined;
  try {
    const kb = await createKnowledgeBase(cfg, root, terms, { env, ...(client ? { client } : {}), searches });
    const briefings = await kb.load();
    const cwd = opts.cwd ?? process.cwd();
    const letterPaths: Record<string, string> = {};
    for (const l of letters) {
      const rel = relative(root, resolve(cwd, l.path));
      letterPaths[l.path] = sep === '/' ? rel : rel.split(sep).join('/');
    }
    return {
      source: kb.source,
      location: kb.location,
      briefings,
      letterPaths,
      ...(kb.notes?.length ? { notes: kb.notes } : {}),
      ...(kb.missing ? { missing: { folder: kb.missing, shown: shownPath(kb.missing, cwd) } } : {}),
      ...(kb.invalid?.length ? { invalid: kb.invalid.map((b) => ({ ...b, shown: shownPath(resolve(root, b.location), cwd) })) } : {}),
    };
  } finally {
    await client?.close().catch(() => undefined);
  }
}

