/**
 * Asking Open Formulieren about a form: `GET {apiBase}forms/{uuid-or-slug}` anonymously (what a
 * resident gets), and on a 404, when a token is configured for that API's origin,
 * `GET {apiBase}public/forms` to tell a switched-off form from a deleted one. One request per
 * distinct form (and one list per API) per run, through the one HTTP client (src/http/: timeouts,
 * bounded retries, redirects, the live-site check's connectTo, CA and private-address guard, the proxy).
 */
import { textOf, type HttpClient } from '../../http/index.js';
import { isUuid } from './detect.js';
import type { FormResult, SubmissionAllowed } from './types.js';

export interface ApiClientOptions {
  /** The HTTP client (see openConnection in ../site/index.ts). */
  client: HttpClient;
  /** Bytes of an answer read at most (the client's maxBodyBytes), for the message. */
  maxBodyBytes: number;
  /** The token, and the origins it may be sent to (never anywhere else). */
  token?: string;
  tokenOrigins: Set<string>;
  tokenEnv?: string;
}

export interface ApiResponse {
  url: string;
  status?: number;
  contentType?: string;
  text?: string;
  truncated?: boolean;
  /** For an error: the classified code and detail (see src/http/errors.ts classifyError). */
  error?: string;
  detail?: string;
}

/** What the API says about a form (merged into a FormResult). */
export type FormAnswer = Pick<FormResult, 'state' | 'slug' | 'uuid' | 'name' | 'apiUrl' | 'submissionAllowed' | 'loginRequired' | 'loginOptions' | 'listChecked' | 'reason'>;

const SUBMISSION_ALLOWED: readonly SubmissionAllowed[] = ['yes', 'no_with_overview', 'no_without_overview'];

/** `{apiBase}forms/{id}`: the base always ends in one `/`, the id is escaped, no trailing slash. */
export function formDetailUrl(apiBase: string, id: string): string {
  return `${apiBase.replace(/\/+$/, '')}/forms/${encodeURIComponent(id)}`;
}

/** `{apiBase}public/forms` */
export function publicFormsUrl(apiBase: string): string {
  return `${apiBase.replace(/\/+$/, '')}/public/forms`;
}

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);

/**
 * The state of a form from the JSON of a 200 answer. Anything malformed gives `unknown` with the
 * reason, never an exception.
 */
export function formAnswerFromJson(data: unknown): FormAnswer {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { state: 'unknown', reason: `malformed answer: expected a JSON object, got ${typeName(data)}` };
  }
  const d = data as Record<string, unknown>;
  const out: FormAnswer = { state: 'open' };
  if (typeof d.uuid === 'string' && d.uuid) out.uuid = d.uuid.toLowerCase();
  if (typeof d.slug === 'string' && d.slug) out.slug = d.slug;
  if (typeof d.name === 'string' && d.name.trim()) out.name = d.name.trim();
  for (const key of ['active', 'maintenanceMode'] as const) {
    if (typeof d[key] !== 'boolean') return { ...out, state: 'unknown', reason: `malformed answer: "${key}" is ${d[key] === undefined ? 'missing' : typeName(d[key])}, not a boolean` };
  }
  for (const key of ['submissionLimitReached', 'loginRequired'] as const) {
    if (d[key] !== undefined && d[key] !== null && typeof d[key] !== 'boolean') {
      return { ...out, state: 'unknown', reason: `malformed answer: "${key}" is ${typeName(d[key])}, not a boolean` };
    }
  }
  if (d.submissionAllowed !== undefined) {
    if (typeof d.submissionAllowed !== 'string' || !SUBMISSION_ALLOWED.includes(d.submissionAllowed as SubmissionAllowed)) {
      return { ...out, state: 'unknown', reason: `malformed answer: "submissionAllowed" is ${JSON.stringify(d.submissionAllowed)}` };
    }
    out.submissionAllowed = d.submissionAllowed as SubmissionAllowed;
  }
  if (d.loginOptions !== undefined && d.loginOptions !== null) {
    if (!Array.isArray(d.loginOptions)) return { ...out, state: 'unknown', reason: `malformed answer: "loginOptions" is ${typeName(d.loginOptions)}, not a list` };
    const ids: string[] = [];
    for (const o of d.loginOptions) {
      const id = typeof o === 'string' ? o : typeof o === 'object' && o !== null ? (o as { identifier?: unknown }).identifier : undefined;
      if (typeof id === 'string' && id) ids.push(id);
    }
    out.loginOptions = ids;
  }
  if (typeof d.loginRequired === 'boolean') out.loginRequired = d.loginRequired;

  if (d.active === false) return { ...out, state: 'inactive', reason: '"active": false' };
  if (d.maintenanceMode === true) return { ...out, state: 'maintenance', reason: '"maintenanceMode": true' };
  if (d.submissionLimitReached === true) return { ...out, state: 'limit-reached', reason: '"submissionLimitReached": true' };
  if (out.submissionAllowed && out.submissionAllowed !== 'yes') return { ...out, state: 'closed', reason: `"submissionAllowed": "${out.submissionAllowed}"` };
  return out;
}

/** `404 not_found: Niet gevonden.` from an NL API problem body (type, code, title, status, detail), or just the status. */
export function problemSummary(status: number, text: string | undefined): string {
  let what = '';
  if (text) {
    try {
      const p = JSON.parse(text) as Record<string, unknown>;
      if (p && typeof p === 'object') {
        const code = typeof p.code === 'string' ? p.code : '';
        const said = typeof p.detail === 'string' && p.detail ? p.detail : typeof p.title === 'string' ? p.title : '';
        what = [code, said].filter(Boolean).join(': ');
      }
    } catch {
      what = '';
    }
  }
  return what ? `${status} ${what}` : `status ${status}`;
}

/** Identifiers (uuid and slug) of the forms in a `/public/forms` answer; undefined when malformed. */
export function listedForms(data: unknown): Set<string> | undefined {
  const list = Array.isArray(data) ? data : typeof data === 'object' && data !== null && Array.isArray((data as { results?: unknown }).results) ? (data as { results: unknown[] }).results : undefined;
  if (!list) return undefined;
  const ids = new Set<string>();
  for (const item of list) {
    if (typeof item !== 'object' || item === null) continue;
    const { uuid, slug } = item as { uuid?: unknown; slug?: unknown };
    if (typeof uuid === 'string') ids.add(uuid.toLowerCase());
    if (typeof slug === 'string') ids.add(slug);
  }
  return ids;
}

const isJson = (contentType: string | undefined) => /[/+]json\b/i.test(contentType ?? '');

export class OpenFormsClient {
  private readonly forms = new Map<string, Promise<FormAnswer>>();
  private readonly lists = new Map<string, Promise<{ ids?: Set<string>; problem?: string }>>();

  constructor(private readonly o: ApiClientOptions) {}

  /** HTTP requests made (every attempt). */
  get requests(): number {
    return this.o.client.requests;
  }

  /** How many distinct forms were asked about. */
  get formsAsked(): number {
    return this.forms.size;
  }

  /** The state of one form, asked once per run however many pages show it. */
  form(apiBase: string, id: string): Promise<FormAnswer> {
    const url = formDetailUrl(apiBase, id);
    let p = this.forms.get(url);
    if (!p) {
      p = this.askForm(apiBase, id, url);
      this.forms.set(url, p);
    }
    return p;
  }

  private async askForm(apiBase: string, id: string, url: string): Promise<FormAnswer> {
    const res = await this.get(url, false);
    const apiUrl = url;
    if (res.error) return { state: 'unknown', apiUrl, reason: `no answer from the API: ${res.error}${res.detail ? ` (${res.detail})` : ''}` };
    const status = res.status as number;
    if (status === 404 || status === 410) {
      const said = problemSummary(status, res.text) + (isJson(res.contentType) ? '' : ' (not an API answer: is the API root right?)');
      const origin = new URL(url).origin;
      if (!this.o.token || !this.o.tokenOrigins.has(origin)) {
        const why = this.o.token ? `no token is sent to ${origin}` : this.o.tokenEnv ? `${this.o.tokenEnv} is not set` : 'no forms.tokenEnv';
        return { state: 'missing', apiUrl, reason: `${said}: switched off or deleted (${why}, so the two cannot be told apart)` };
      }
      const list = await this.list(apiBase);
      if (!list.ids) return { state: 'missing', apiUrl, reason: `${said}; the form list could not be read (${list.problem})` };
      const listed = list.ids.has(isUuid(id) ? id.toLowerCase() : id);
      return listed
        ? { state: 'inactive', apiUrl, listChecked: true, reason: `${said}, but listed in ${publicFormsUrl(apiBase)}: switched off` }
        : { state: 'missing', apiUrl, listChecked: true, reason: `${said}, and not in ${publicFormsUrl(apiBase)}: deleted or never there` };
    }
    if (status < 200 || status >= 300) {
      const kind = status === 401 || status === 403 ? 'the API refuses anonymous callers' : 'the API answers with an error';
      return { state: 'unknown', apiUrl, reason: `${kind} (${problemSummary(status, res.text)})` };
    }
    if (!isJson(res.contentType)) return { state: 'unknown', apiUrl, reason: `the API answer is not JSON (${res.contentType || 'no content type'})` };
    if (res.truncated) return { state: 'unknown', apiUrl, reason: `the API answer is longer than ${this.o.maxBodyBytes} bytes` };
    let data: unknown;
    try {
      data = JSON.parse(res.text ?? '');
    } catch (error) {
      return { state: 'unknown', apiUrl, reason: `malformed JSON: ${(error as Error).message}` };
    }
    return { ...formAnswerFromJson(data), apiUrl };
  }

  private list(apiBase: string): Promise<{ ids?: Set<string>; problem?: string }> {
    const url = publicFormsUrl(apiBase);
    let p = this.lists.get(url);
    if (!p) {
      p = (async () => {
        const res = await this.get(url, true);
        if (res.error) return { problem: `${res.error}${res.detail ? `: ${res.detail}` : ''}` };
        if (res.status !== 200) return { problem: problemSummary(res.status as number, res.text) };
        try {
          const ids = listedForms(JSON.parse(res.text ?? ''));
          return ids ? { ids } : { problem: 'malformed list: no "results"' };
        } catch (error) {
          return { problem: `malformed JSON: ${(error as Error).message}` };
        }
      })();
      this.lists.set(url, p);
    }
    return p;
  }

  /** GET through the client: the token only ever goes to an allowed origin, never after a redirect elsewhere. */
  async get(url: string, withToken: boolean): Promise<ApiResponse> {
    const credentials = withToken && this.o.token ? { origins: this.o.tokenOrigins, headers: { authorization: `Token ${this.o.token}` } } : undefined;
    const res = await this.o.client.get(url, credentials ? { credentials } : {});
    if (res.error || res.status === undefined) return { url: res.url, error: res.error ?? 'network', ...(res.detail ? { detail: res.detail } : {}) };
    const contentType = res.headers['content-type'];
    return { url: res.url, status: res.status, contentType, text: textOf(res), ...(res.truncated ? { truncated: true } : {}) };
  }
}
