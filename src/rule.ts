import type { Letter, Message, References, Report, SeveritySetting } from './types.js';
import type { Facts, LetterFacts } from './facts/types.js';
import type { ResolvedConfig } from './config/types.js';

/** What a rule sees: the parsed letter, what was extracted from it, and the facts gathered. */
export interface RuleContext<O = Record<string, unknown>> {
  letter: Letter;
  refs: References;
  facts: Facts;
  options: O;
  config: ResolvedConfig;
  /**
   * The facts about this letter, worked out once before the rules run (the engine fills it in):
   * each checked address with its result and form, and which briefing covers it.
   */
  about?: LetterFacts;
}

export interface RuleMeta<O = Record<string, unknown>> {
  id: string;
  defaultSeverity: SeveritySetting;
  description: Message;
  /** Facts the rule needs; when such facts were not gathered (e.g. --offline) the rule is skipped. */
  needs?: Array<'site' | 'kcc' | 'forms'>;
  defaultOptions: O;
  /** JSON Schema for the options object (validated with the config). */
  optionsSchema?: Record<string, unknown>;
}

/** A rule is pure: no network, no disk. It returns what it found. */
export interface Rule<O = any> {
  meta: RuleMeta<O>;
  check(ctx: RuleContext<O>): Report[];
}

export function defineRule<O>(rule: Rule<O>): Rule<O> {
  return rule;
}
