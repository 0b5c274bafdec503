import type { SiteFacts } from './site/types.js';
import type { AddressFact } from '../model/site-results.js';
import type { BriefingFacts } from '../model/letter-facts.js';
import type { KccFacts } from './kcc/types.js';

/**
 * Everything gathered by I/O before the rules run (src/facts). Rules read this and never do I/O.
 * A field that is undefined was not gathered (e.g. --offline): rules that need it stay silent and
 * the engine reports them as skipped.
 */
export interface Facts {
  /** --offline: no network checks were made. */
  offline: boolean;
  /** The run's "today" as YYYY-MM-DD (injectable for tests). */
  today: string;
  site?: SiteFacts;
  kcc?: KccFacts;
  forms?: import('./forms/types.js').FormsFacts;
}

/** What the run's facts say about one letter, worked out once for the rules and the reports. */
export interface LetterFacts {
  /** Each checked address (both sides of a link whose text is another address), with its result and form. */
  addresses: AddressFact[];
  /** Which KCC briefing covers the letter, and its state; absent when the knowledge base was not read. */
  briefing?: BriefingFacts;
}
