/**
 * Finding the form behind a landing page, from its URL and its (compacted, possibly cut off) HTML:
 * Open Formulieren SDK embeds, standalone Open Formulieren pages, links and iframes to a forms
 * host, and plain HTML forms with fields. Pure: no I/O. Regular expressions on purpose, as in
 * ../site/html.ts: the body is cut at a limit and need not be well-formed.
 */
import { decodeEntities, fragmentText } from '../../html-text.js';
import { parseUrl, parseWebUrl } from '../../model/url.js';
import type { FormPlatform, FormSource, FormState, HostEntry } from './types.js';

export interface DetectedForm {
  platform: FormPlatform;
  source: FormSource;
  /** Open Formulieren: the slug, or the UUID in `uuid`. */
  slug?: string;
  uuid?: string;
  /** Open Formulieren: the API root, ending in `/` (…/api/v2/). */
  apiBase?: string;
  /** Where the form lives when it is not the landing page (link, iframe, standalone page). */
  formUrl?: string;
  /** Set when detection alone decides the state (html: `open`, link: `unknown` …). */
  state?: FormState;
  reason?: string;
}

export interface DetectHosts {
  openFormsHosts: HostEntry[];
  formHosts: HostEntry[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SLUG = /^[\p{L}\p{N}_-]+$/u;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Paths of an Open Forms host that are no form (admin, API, static files, log-in plugins …). */
const RESERVED = new Set([
  'api',
  'admin',
  'static',
  'media',
  'auth',
  'accounts',
  'oidc',
  'digid',
  'digid-oidc',
  'eherkenning',
  'eherkenning-oidc',
  'eidas',
  'yivi',
  'csp',
  'cosign',
  '_cosign',
  'appointments',
  'afspraak-annuleren',
  'afspraak-maken',
  'submissions',
  'payment',
  'payments',
  'prefill',
  'i18n',
  'jsi18n',
  'tinymce',
  'health',
  'login',
  'logout',
  'mfa',
  '.well-known',
  'robots.txt',
  'favicon.ico',
]);

/** The host entry a URL falls under (same host and port, path under the entry's base path). */
export function matchHost(url: URL, entries: HostEntry[]): HostEntry | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.host.toLowerCase();
  let best: HostEntry | undefined;
  for (const e of entries) {
    if (e.host !== host) continue;
    const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
    if (!path.startsWith(e.basePath)) continue;
    if (!best || e.basePath.length > best.basePath.length) best = e;
  }
  return best;
}

/** The API root of an Open Forms host entry: `<origin><basePath>api/v2/`. */
export function apiBaseOf(entry: HostEntry): string {
  return `${entry.origin}${entry.basePath}api/v2/`;
}

/**
 * A standalone Open Formulieren page: `<host><basePath><slug>/` and its SDK routes
 * (`startpagina`, `stap/<step>`, `overzicht`, `bevestiging` …) on a configured Open Forms host.
 */
export function standaloneForm(url: string | URL, openFormsHosts: HostEntry[]): { slug?: string; uuid?: string; apiBase: string; formUrl: string } | undefined {
  const u = typeof url === 'string' ? parseUrl(url) : url;
  if (!u) return undefined;
  const entry = matchHost(u, openFormsHosts);
  if (!entry) return undefined;
  const rest = u.pathname.slice(entry.basePath.length);
  const first = rest.split('/')[0];
  let id: string;
  try {
    id = decodeURIComponent(first);
  } catch {
    return undefined;
  }
  if (!id || RESERVED.has(id.toLowerCase()) || !SLUG.test(id)) return undefined;
  const formUrl = `${entry.origin}${entry.basePath}${first}/`;
  return { ...(isUuid(id) ? { uuid: id.toLowerCase() } : { slug: id }), apiBase: apiBaseOf(entry), formUrl };
}

/** An API root from `data-base-url` (relative to the page), ending in `/`; undefined when unusable. */
export function normalizeApiBase(value: string, pageUrl: string): string | undefined {
  const u = parseWebUrl(value.trim(), pageUrl);
  if (!u) return undefined;
  u.search = '';
  u.hash = '';
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return u.href;
}

/** Attributes of a start tag's attribute text; names lowercased, values entity-decoded. */
export function parseAttributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s"'=<>/`]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1].toLowerCase();
    if (out.has(name)) continue;
    out.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

const TAG = /<([a-zA-Z][\w:-]*)(\s[^>]*)?>/g;

/** Start tags with their attributes and offsets. */
function* startTags(html: string): Generator<{ name: string; attrs: Map<string, string>; index: number }> {
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    yield { name: m[1].toLowerCase(), attrs: parseAttributes(m[2] ?? ''), index: m.index };
  }
}

/** Ranges of the page chrome (header, navigation, footer): a search form there is not "the form". */
function chromeRanges(html: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /<(header|nav|footer)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) out.push([m.index, m.index + m[0].length]);
  return out;
}

const NOT_THE_FORM_ATTR = /search|zoek|nieuwsbrief|newsletter|feedback|tevreden|rating|poll|cookie|consent|language|taal/i;
const NOT_THE_FORM_TEXT =
  /\b(?:(?:was|is) deze (?:pagina|informatie)|heeft deze (?:pagina|informatie)|wat vindt u van deze (?:pagina|website)|was this (?:page|information)|did this page help)\b/i;
const SEARCH_NAME = /^(?:q|s|query|search|zoek\w*|keywords?|term|trefwoord\w*)$/i;
const NO_FIELD_TYPES = new Set(['hidden', 'submit', 'button', 'image', 'reset']);

/**
 * Plain HTML forms a resident fills in: a `<form>` with at least one field (an input that is not
 * hidden or a button, a select, a textarea), outside the page chrome, and not a search box,
 * newsletter sign-up, cookie banner or "was this page useful?" poll.
 */
export function htmlForms(html: string): Array<{ index: number; action?: string }> {
  const chrome = chromeRanges(html);
  const out: Array<{ index: number; action?: string }> = [];
  const re = /<form\b([^>]*)>([\s\S]*?)(?:<\/form\s*>|$)/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const at = m.index;
    if (chrome.some(([s, e]) => at >= s && at < e)) continue;
    const attrs = parseAttributes(m[1]);
    if ((attrs.get('role') ?? '').toLowerCase() === 'search') continue;
    const label = ['action', 'id', 'class', 'name', 'aria-label'].map((k) => attrs.get(k) ?? '').join(' ');
    if (NOT_THE_FORM_ATTR.test(label)) continue;
    const inner = m[2];
    if (NOT_THE_FORM_TEXT.test(fragmentText(inner))) continue;
    let fields = 0;
    let searchOnly = true;
    for (const f of inner.matchAll(/<(input|select|textarea)\b([^>]*)>/gi)) {
      const fa = parseAttributes(f[2] ?? '');
      const type = (fa.get('type') ?? 'text').toLowerCase();
      if (f[1].toLowerCase() === 'input' && NO_FIELD_TYPES.has(type)) continue;
      fields++;
      if (!(type === 'search' || SEARCH_NAME.test(fa.get('name') ?? ''))) searchOnly = false;
    }
    if (fields === 0 || searchOnly) continue;
    const action = attrs.get('action');
    out.push(action ? { index: at, action } : { index: at });
  }
  return out;
}

const RANK: Record<string, number> = {
  'open-formulieren embed': 0,
  'open-formulieren page': 1,
  'open-formulieren iframe': 2,
  'open-formulieren link': 3,
  'html form': 4,
  'html page': 5,
  'link iframe': 6,
  'link link': 7,
};
const rank = (d: DetectedForm) => RANK[`${d.platform} ${d.source}`] ?? 9;

/**
 * Every form found behind a landing page, best first: an Open Formulieren embed, a standalone
 * Open Formulieren page (the landing page itself), an iframe or link to one, a plain HTML form, a
 * page on a forms host, an iframe or link to a forms host. `pageUrl` is where the page landed
 * (relative URLs resolve against it); `html` its body (undefined: only the URL is looked at).
 */
export function detectForms(html: string | undefined, pageUrl: string, hosts: DetectHosts): DetectedForm[] {
  const found: DetectedForm[] = [];
  const seen = new Set<string>();
  const add = (d: DetectedForm) => {
    const key = d.platform === 'open-formulieren' ? `of ${d.apiBase ?? ''} ${d.uuid ?? d.slug ?? ''}` : `${d.platform} ${d.source} ${d.formUrl ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push(d);
  };
  const page = parseUrl(pageUrl);

  const self = page ? standaloneForm(page, hosts.openFormsHosts) : undefined;
  if (self) add({ platform: 'open-formulieren', source: 'page', ...self });
  const onFormHost = page ? matchHost(page, hosts.formHosts) : undefined;

  if (html) {
    for (const tag of startTags(html)) {
      const formId = tag.attrs.get('data-form-id')?.trim();
      if (formId !== undefined) {
        if (!formId) continue;
        const id = isUuid(formId) ? { uuid: formId.toLowerCase() } : { slug: formId };
        const base = tag.attrs.get('data-base-url');
        let apiBase = base ? normalizeApiBase(base, pageUrl) : undefined;
        if (!base && hosts.openFormsHosts.length === 1) apiBase = apiBaseOf(hosts.openFormsHosts[0]);
        if (apiBase) add({ platform: 'open-formulieren', source: 'embed', ...id, apiBase });
        else {
          add({
            platform: 'open-formulieren',
            source: 'embed',
            ...id,
            state: 'unknown',
            reason: base ? `unusable data-base-url ${JSON.stringify(base)}` : 'an embed without data-base-url (set forms.openFormsHosts to one host to use its API)',
          });
        }
        continue;
      }
      const attr = tag.name === 'a' || tag.name === 'area' ? 'href' : tag.name === 'iframe' ? 'src' : undefined;
      if (!attr) continue;
      const value = tag.attrs.get(attr)?.trim();
      if (!value || value.startsWith('#') || /^(?:mailto|tel|javascript):/i.test(value)) continue;
      const target = parseUrl(value, pageUrl);
      if (!target) continue;
      target.hash = '';
      const source: FormSource = tag.name === 'iframe' ? 'iframe' : 'link';
      const of = standaloneForm(target, hosts.openFormsHosts);
      if (of) {
        if (!self || of.formUrl !== self.formUrl) add({ platform: 'open-formulieren', source, ...of });
        continue;
      }
      const fh = matchHost(target, hosts.formHosts);
      // A link from a forms-host page to another page of the same host is navigation, not a form.
      if (fh && !(onFormHost && fh === onFormHost)) {
        add({ platform: 'link', source, formUrl: target.href, state: 'unknown', reason: `a ${source === 'iframe' ? 'frame' : 'link'} to the forms host ${target.host}; the form itself was not checked` });
      }
    }
    if (htmlForms(html).length > 0) add({ platform: 'html', source: 'form', state: 'open' });
  }
  if (onFormHost && !found.some((d) => d.platform === 'html')) {
    add({ platform: 'html', source: 'page', state: 'unknown', reason: `a page on the forms host ${onFormHost.host} without a form in its HTML (it may be built by script)` });
  }
  return found.sort((a, b) => rank(a) - rank(b));
}
