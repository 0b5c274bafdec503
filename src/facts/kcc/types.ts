/**
 * The KCC knowledge base: briefings that tell the klantcontactcentrum what a mailing
 * says. Adapters (folder, objects-api, kiss) read them into one model; rules read KccFacts.
 */

import type { Message } from '../../types.js';

export type KccSource = 'folder' | 'objects-api' | 'kiss';

/** A form the briefing tells the KCC about: its name, its URL, or both. */
export interface BriefingForm {
  name?: string;
  url?: string;
}

/** Which letters a briefing is about. Entries of `ids` and `kenmerken` match a letter's id or kenmerk. */
export interface BriefingCovers {
  ids: string[];
  kenmerken: string[];
  /** Globs on the letter's path relative to the config root (picomatch; no slash = basename). */
  paths: string[];
}

export interface Briefing {
  source: KccSource;
  /** Folder: the file name without `.md` (or front matter `id`); objects-api: the object uuid; kiss: the bericht id. */
  id: string;
  /** Folder: the file path relative to the config root; HTTP adapters: the URL of the object. */
  location: string;
  title?: string;
  covers: BriefingCovers;
  /** ISO dates YYYY-MM-DD. */
  mailingDate?: string;
  recipients?: number;
  validFrom?: string;
  /** Inclusive: the briefing is valid on this date. Undefined = no end. */
  validUntil?: string;
  /** URLs as written in the briefing (front matter / fields, and found in the body). */
  urls: string[];
  forms: BriefingForm[];
  /** Phone numbers as written. */
  phone: string[];
  owner?: string;
  lastUpdated?: string;
  /** Plain text: what to tell callers, when to escalate (Markdown, or HTML converted to text). */
  body: string;
}

/** What the facts phase hands to the kcc-* rules. */
export interface KccFacts {
  source: KccSource;
  /** The folder (relative to the config root) or the base URL (without credentials). */
  location: string;
  briefings: Briefing[];
  /**
   * letter.path → that path relative to the config root, for `files` globs. Filled by loadKcc;
   * when a letter is missing here, globs are matched against letter.path as is.
   */
  letterPaths?: Record<string, string>;
  /**
   * What the knowledge base could not tell this run, for the user (the CLI prints each line):
   * e.g. KISS answered only its published search, so validity was not checked.
   */
  notes?: Message[];
  /**
   * The folder adapter's folder does not exist (a first run: no knowledge base yet). No letter
   * can be covered; `kcc-briefing-missing` says so once, on the letter `reportOn` (the run's
   * first letter; absent in other shards), instead of once per letter.
   */
  missing?: KccMissing;
  /**
   * Folder adapter: briefing files that could not be read as briefings (bad front matter, an id
   * used twice). Each is reported on its own file (a `files[]` entry with an error); the other
   * briefings and every letter are still checked.
   */
  invalid?: KccInvalid[];
}

export interface KccInvalid {
  /** The file, relative to the config root. */
  location: string;
  /** The file as reports show it: relative to the working directory when inside it, else absolute. */
  shown: string;
  reason: Message;
  line?: number;
  field?: string;
  /** What it names as its letters, as far as its front matter could be read. */
  covers?: BriefingCovers;
  /** Its text, to find a letter's id or kenmerk in. */
  text: string;
}

export interface KccMissing {
  /** The absolute path of the folder brieflint looked for. */
  folder: string;
  /** That folder as messages show it: relative to the working directory when inside it, else absolute. */
  shown: string;
  /** The path of the letter that carries the run's one finding about it. */
  reportOn?: string;
}

/** One letter as the HTTP adapters search for it: its id and kenmerk, and the date its briefing must hold on. */
export interface KccSearch {
  terms: string[];
  /** The mailing date, or today for a letter without one (YYYY-MM-DD). */
  date: string;
}

/** One interface for every adapter. HTTP adapters know their search terms up front. */
export interface KnowledgeBase {
  readonly source: KccSource;
  readonly location: string;
  /** All briefings relevant to this run. Throws KnowledgeBaseError when the source fails. */
  load(): Promise<Briefing[]>;
  /** Filled by load(): what this source could not tell (see KccFacts.notes). */
  readonly notes?: Message[];
  /** Folder adapter, filled by load(): the absolute path of a folder that does not exist (load() then returns no briefings). */
  readonly missing?: string;
  /** Folder adapter, filled by load(): briefing files that could not be read as briefings. */
  readonly invalid?: Array<Omit<KccInvalid, 'shown'>>;
}
