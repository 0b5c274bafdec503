import type { Rule } from '../src/rule.js';
import prettyUrl from './pretty-url.js';
import linkTextMismatch from './link-text-mismatch.js';
import invalidLinkTarget from './invalid-link-target.js';
import missingUrl from './missing-url.js';
import placeholderUrl from './placeholder-url.js';
import invalidMetadata from './invalid-metadata.js';
import trackedChanges from './tracked-changes.js';
import deadUrl from './dead-url.js';
import unreachableUrl from './unreachable-url.js';
import typedUrlVariant from './typed-url-variant.js';
import offsiteRedirect from './offsite-redirect.js';
import unverifiableUrl from './unverifiable-url.js';
import formUnavailable from './form-unavailable.js';
import formNotFoundOnPage from './form-not-found-on-page.js';
import formLoginMismatch from './form-login-mismatch.js';
import kccBriefingMissing from './kcc-briefing-missing.js';
import kccBriefingOutdated from './kcc-briefing-outdated.js';
import kccBriefingMismatch from './kcc-briefing-mismatch.js';
import qrMismatch from './qr-mismatch.js';

/** Every rule, in the order `explain` and the docs list them. */
export const allRules: Rule[] = [
  prettyUrl,
  linkTextMismatch,
  invalidLinkTarget,
  missingUrl,
  placeholderUrl,
  qrMismatch,
  invalidMetadata,
  trackedChanges,
  deadUrl,
  unreachableUrl,
  typedUrlVariant,
  offsiteRedirect,
  unverifiableUrl,
  formUnavailable,
  formNotFoundOnPage,
  formLoginMismatch,
  kccBriefingMissing,
  kccBriefingOutdated,
  kccBriefingMismatch,
];

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
