/**
 * Pure helpers over FormsFacts for the rules (no I/O): which form each printed URL leads to,
 * which URL a "fill in the form" mention points at, which log-in a form asks for.
 */
import type { FormMention, Letter, Location, Message, References, UrlRef } from '../types.js';
import type { Facts } from '../facts/types.js';
import { displayUrl, hostnameOf, onDomain, parseUrl } from './url.js';
import { checkableUrls, siteResults, type AddressFact } from './site-results.js';
import type { UrlResult } from '../facts/site/types.js';
import type { FormResult } from '../facts/forms/types.js';

/** Each checked address with its site result and the form found behind it (both sides of a link whose text is another address). */
export function formResults(refs: References, facts: Facts, about?: readonly AddressFact[]): Array<AddressFact & { site: UrlResult; form: FormResult }> {
  const forms = facts.forms;
  if (!forms) return [];
  const out: Array<AddressFact & { site: UrlResult; form: FormResult }> = [];
  for (const a of siteResults(refs, facts, about)) {
    const form = a.form ?? forms.urls[a.href];
    if (form) out.push({ ...a, site: a.result, form });
  }
  return out;
}

/** A form was found (of any platform), whatever its state. */
export function hasForm(form: FormResult | undefined): boolean {
  return form !== undefined && form.platform !== undefined && form.state !== 'none';
}

export type LoginKind = 'digid' | 'eherkenning' | 'eidas' | 'other';

/** The kinds of log-in behind Open Formulieren identifiers (`digid`, `digid_oidc`, `eherkenning_bewindvoering_oidc` …). */
export function loginKinds(options: string[] | undefined): Set<LoginKind> {
  const out = new Set<LoginKind>();
  for (const o of options ?? []) {
    const id = o.toLowerCase();
    if (id.includes('digid')) out.add('digid');
    else if (id.includes('eherkenning')) out.add('eherkenning');
    else if (id.includes('eidas')) out.add('eidas');
    else out.add('other');
  }
  return out;
}

export const LOGIN_NAME: Record<LoginKind, string> = { digid: 'DigiD', eherkenning: 'eHerkenning', eidas: 'eIDAS', other: 'een andere inlog' };

/** "het formulier “aanvraag-kwijtschelding”" / "the form “…”", or just "het formulier". */
export function formLabel(form: FormResult): Message {
  const id = form.name ?? form.slug ?? form.uuid;
  return id ? { nl: `het formulier “${id}”`, en: `the form “${id}”` } : { nl: 'het formulier', en: 'the form' };
}

/** Where the form is, when that is not the printed page: " (formulieren.gemeente.nl/x/)". */
export function formWhere(form: FormResult): Message {
  if (!form.formUrl || form.source === 'embed' || form.source === 'page') return { nl: '', en: '' };
  const shown = displayUrl(form.formUrl);
  return { nl: ` (${shown})`, en: ` (${shown})` };
}

/** The index of the block holding a location, or undefined (e.g. a letter built without blocks). */
export function blockAt(letter: Letter, loc: Location): number | undefined {
  const part = loc.part ?? 'body';
  for (let i = 0; i < letter.blocks.length; i++) {
    const b = letter.blocks[i];
    if (b.part !== part) continue;
    for (let s = 0; s < b.segments.length; s++) {
      const seg = b.segments[s];
      const end = s + 1 < b.segments.length ? b.segments[s + 1].offset : (b.length ?? b.text.length);
      if (seg.line === loc.line && loc.column >= seg.column && loc.column <= seg.column + Math.max(0, end - seg.offset)) return i;
    }
  }
  return undefined;
}

const before = (a: Location, b: Location) => a.line < b.line || (a.line === b.line && a.column < b.column);

function isHomePage(href: string): boolean {
  const u = parseUrl(href);
  return !!u && (u.pathname === '/' || u.pathname === '') && !u.search;
}

/** A mention that asks the reader to fill in a form online. */
export function asksForOnlineForm(mention: FormMention): boolean {
  return mention.kind === 'online-form' || mention.kind === 'online-application';
}

/**
 * The URL a mention ("vul het formulier in op") points at: the nearest URL after it in the same
 * block (paragraph, list item, table cell), else the nearest one before it in that block, else
 * the letter's only own-domain URL in the body (home pages left out). Letters built without
 * blocks fall back to the same line.
 */
export function mentionedFormUrl(letter: Letter, refs: References, mention: FormMention, domains: string[]): UrlRef | undefined {
  const urls = checkableUrls(refs);
  const part = mention.location.part ?? 'body';
  const block = blockAt(letter, mention.location);
  const near = urls.filter((u) => {
    if ((u.location.part ?? 'body') !== part) return false;
    if (block !== undefined) return blockAt(letter, u.location) === block;
    return u.location.line === mention.location.line;
  });
  const after = near.filter((u) => !before(u.location, mention.location));
  const earlier = near.filter((u) => before(u.location, mention.location));
  const byPosition = (a: UrlRef, b: UrlRef) => (before(a.location, b.location) ? -1 : before(b.location, a.location) ? 1 : 0);
  if (after.length > 0) return after.sort(byPosition)[0];
  if (earlier.length > 0) return earlier.sort(byPosition)[earlier.length - 1];
  const ownDomains = domains.map((d) => d.toLowerCase());
  const own = urls.filter((u) => {
    const p = u.location.part ?? 'body';
    const host = hostnameOf(u.href);
    return p !== 'header' && p !== 'footer' && host !== undefined && onDomain(host, ownDomains) && !isHomePage(u.href);
  });
  const distinct = new Set(own.map((u) => u.href));
  return distinct.size === 1 ? own[0] : undefined;
}

/** Each mention that asks the reader to fill in a form online, with the URL it points at (mentions without one left out). */
export function onlineFormUrls(letter: Letter, refs: References, domains: string[]): Array<{ mention: FormMention; url: UrlRef }> {
  const out: Array<{ mention: FormMention; url: UrlRef }> = [];
  for (const mention of refs.forms) {
    if (!asksForOnlineForm(mention)) continue;
    const url = mentionedFormUrl(letter, refs, mention, domains);
    if (url) out.push({ mention, url });
  }
  return out;
}
