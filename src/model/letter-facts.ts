/**
 * The facts about one letter, worked out once after the run's I/O and before the rules: each
 * address the letter prints or links to with its live result and form, and which KCC briefing
 * covers it — current, a draft, not (yet) valid, ending too soon, or none — with what the letter
 * prints that the briefing does not name. Rules turn these facts into findings; the reports show
 * the facts themselves, so a baseline, `--quiet` or a rule switched off changes which findings are
 * shown, never what the KCC page says about a briefing or an address. Pure: no I/O.
 */
import type { Letter, References } from '../types.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Facts, LetterFacts } from '../facts/types.js';
import type { KccFacts } from '../facts/kcc/types.js';
import { addressFacts } from './site-results.js';
import { coveringBriefings, isValidOn, referenceDate, selectBriefing, type Covering, type LetterLike } from './briefing-match.js';
import { briefingMismatches, type Mismatch } from './briefing-mismatch.js';
import { addDays } from './date.js';

/**
 * - `current`: a briefing covers the letter and is valid from the mailing date to `mustRunUntil`;
 * - `draft`: the covering briefing still holds TODOs (as `brieflint briefing` writes it);
 * - `not-yet-valid`: it starts after the mailing date;
 * - `expired`: it ended before the mailing date;
 * - `ends-too-soon`: it ends before `mustRunUntil` (residents call for weeks after a mailing);
 * - `missing`: no briefing covers the letter.
 */
export type BriefingState = 'current' | 'draft' | 'not-yet-valid' | 'expired' | 'ends-too-soon' | 'missing';

export interface BriefingFacts {
  state: BriefingState;
  /** Every briefing that covers the letter, and the one that counts. */
  covering: Covering[];
  chosen?: Covering;
  /** The date the briefing must hold on: the mailing date, or today when the letter has none. */
  date: string;
  fromToday: boolean;
  /** The last day the briefing must still be valid: `date` + `minDays`. */
  mustRunUntil: string;
  minDays: number;
  /** What the letter prints that the chosen briefing does not name. */
  mismatches: Mismatch[];
}

/** Days after the mailing date a briefing must stay valid, unless `kcc-briefing-outdated` says otherwise. */
export const DEFAULT_MIN_DAYS = 42;

/** A briefing written by `brieflint briefing` and never completed tells the KCC nothing yet. */
const DRAFT = /\bTODO\b/;

export function isDraft(covering: Covering | undefined): boolean {
  return !!covering && DRAFT.test(covering.briefing.body);
}

/** Which briefing covers the letter and what state it is in (see BriefingState). */
export function briefingFacts(letter: LetterLike, refs: References, kcc: KccFacts, today: string, minDays = DEFAULT_MIN_DAYS): BriefingFacts {
  const covering = coveringBriefings(letter, kcc);
  const { date, fromToday } = referenceDate(letter, today);
  const chosen = selectBriefing(covering, date);
  const mustRunUntil = addDays(date, minDays);
  const base = { covering, date, fromToday, mustRunUntil, minDays };
  if (!chosen) return { ...base, state: 'missing', mismatches: [] };
  const b = chosen.briefing;
  let state: BriefingState = 'current';
  if (isDraft(chosen)) state = 'draft';
  else if (b.validFrom && b.validFrom > date) state = 'not-yet-valid';
  else if (!isValidOn(b, date)) state = 'expired';
  else if (b.validUntil && b.validUntil < mustRunUntil) state = 'ends-too-soon';
  return { ...base, chosen, state, mismatches: briefingMismatches(refs, b) };
}

/** The days `kcc-briefing-outdated` asks for in this config (its option), whether the rule is on or not. */
export function minDaysAfterMailing(config: Pick<ResolvedConfig, 'rules'>): number {
  const n = config.rules['kcc-briefing-outdated']?.options?.minDaysAfterMailing;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : DEFAULT_MIN_DAYS;
}

/** Everything the run's facts say about one letter. */
export function letterFacts(letter: Letter, refs: References, facts: Facts, config: Pick<ResolvedConfig, 'rules'>): LetterFacts {
  return {
    addresses: addressFacts(refs, facts),
    ...(facts.kcc ? { briefing: briefingFacts(letter, refs, facts.kcc, facts.today, minDaysAfterMailing(config)) } : {}),
  };
}
