import type { Rule } from '../src/rule.js';
import prettyUrl from './pretty-url.js';
import linkTextMismatch from './link-text-mismatch.js';
import invalidLinkTarget from './invalid-link-target.js';
import missingUrl from './missing-url.js';
import placeholderUrl from './placeholder-url.js';

/** Every rule, in the order `explain` and the docs list them. */
export const allRules: Rule[] = [prettyUrl, linkTextMismatch, invalidLinkTarget, missingUrl, placeholderUrl];

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
