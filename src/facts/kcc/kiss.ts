import { mapLimit, type HttpClient } from '../../http/index.js';
import type { Message } from '../../types.js';
import type { KccConfig, KccFieldMap } from './config.js';
import type { Briefing, KnowledgeBase } from './types.js';
import { KnowledgeBaseError, tooManyPages, unexpectedAnswer } from './errors.js';
import { header, httpGet, httpOptions, parseJson, searchEach, type HttpOptions } from './http.js';
import { briefingFromFields, fieldMap, termsNamedIn } from './fields.js';
import { htmlToText } from './html.js';
import { addDays } from '../../model/date.js';
import { redactUrl } from '../../model/url.js';
import { uniq } from './uniq.js';

/**
 * KISS bericht fields as briefing properties: the detail of the editors' endpoint
 * (`BerichtViewModel`: titel, inhoud, publicatieDatum, publicatieEinddatum, dateCreated,
 * dateUpdated) and the published search (`SearchBerichtenResponseModel`: the same without
 * publicatieEinddatum and dateCreated, with wijzigingsDatum).
 */
export const KISS_FIELDS: KccFieldMap = {
  title: 'titel',
  text: 'inhoud',
  validFrom: 'publicatieDatum',
  validUntil: 'publicatieEinddatum',
  updated: ['wijzigingsDatum', 'dateUpdated', 'dateCreated'],
};

/**
 * KISS sends a logged-out API call a 401 instead of a redirect to the login page when it carries
 * this header, as KISS's own frontend does (KISS-frontend Kiss.Bff/Config/AuthenticationSetup.cs
 * `HandleLoggedOut`; src/services/fetch-logged-in.ts).
 */
const KISS_HEADERS = { 'is-api': 'true' };

/**
 * KISS werkinstructies (Klantinteractie-Servicesysteem/KISS-frontend, Kiss.Bff), read two ways:
 *
 * - **The editors' endpoints** (`Kiss.Bff/Intern/NieuwsEnWerkinstructies/Features/BerichtenController.cs`),
 *   permission `berichtenread` (KISS 3.0 and later: roles redacteur and kcm,
 *   Kiss.Bff/Config/Permissions/PermissionConfiguration.cs; before 3.0 `RedactiePolicy`, redacteur only):
 *   `GET {url}/api/berichten` lists every bericht — scheduled and ended ones too — as
 *   `[{id, titel, type, publicatiedatum, dateCreated, dateUpdated}]` (one list, no paging, no
 *   search, no text), then `GET {url}/api/berichten/{id}` per werkinstructie (`kcc.concurrency`
 *   at a time) gives `{id, titel, inhoud, type, publicatieDatum, publicatieEinddatum, …}`: the
 *   publication window is the briefing's validity.
 * - **The published search** (policy KcmOrRedactiePolicy), when the credentials do not allow the list (401/403)
 *   (`…/Features/SearchBerichtenController.cs`): `GET {url}/api/berichten/published?type=Werkinstructie&search=<term>&page=N`,
 *   pages in `X-Current-Page` / `X-Total-Pages`. It only returns berichten inside their
 *   publication window by the server's clock and has no `publicatieEinddatum`: then a
 *   werkinstructie scheduled for the mailing date is not seen and validity is not checked, which
 *   `notes` says.
 *
 * A werkinstructie covers a letter when its title or text names the letter's id or kenmerk.
 * KISS has no API-key access to these endpoints: the header value (a session cookie) comes from
 * the environment variable named in `kcc.authEnv`.
 */
export class KissKnowledgeBase implements KnowledgeBase {
  readonly source = 'kiss' as const;
  readonly location: string;
  notes?: Message[];
  private readonly endpoint: string;
  private readonly base: string;

  constructor(
    private readonly cfg: KccConfig,
    /** The run's letter ids and kenmerken: searched for, and looked for in each werkinstructie. */
    private readonly terms: string[],
    private readonly env: NodeJS.ProcessEnv = process.env,
    /** The knowledge base's HTTP client (see kccClient in ./http.ts). */
    private readonly client: HttpClient,
  ) {
    if (!cfg.url) {
      throw new KnowledgeBaseError('kcc', { nl: 'adapter kiss heeft kcc.url nodig', en: 'adapter kiss needs kcc.url' });
    }
    this.endpoint = kissEndpoint(cfg.url);
    this.base = this.endpoint.replace(/\/api\/berichten\/published$/, '');
    this.location = redactUrl(this.endpoint);
  }

  async load(): Promise<Briefing[]> {
    const http = httpOptions(this.cfg, this.env, this.endpoint, this.client, KISS_HEADERS);
    const listUrl = `${this.base}/api/berichten`;
    let items: Array<Record<string, unknown>>;
    try {
      items = await this.editorsList(listUrl, http);
    } catch (e) {
      if (!(e instanceof KnowledgeBaseError) || (e.status !== 401 && e.status !== 403)) throw e;
      const found = await searchEach(this.cfg, this.terms, this.env, this.endpoint, this.client, (term, h) => this.search(term, h), KISS_HEADERS);
      this.notes = [publishedOnly(listUrl, e.status)];
      return this.briefings(found);
    }
    return this.briefings(items);
  }

  /** Every werkinstructie the editors see, with its text and publication window (list, then details). */
  private async editorsList(listUrl: string, http: HttpOptions): Promise<Array<Record<string, unknown>>> {
    const res = await httpGet(listUrl, http);
    const body = parseJson(res);
    const shown = redactUrl(res.url);
    if (!Array.isArray(body)) throw malformed(shown, { nl: 'verwacht een lijst berichten', en: 'expected a list of berichten' });
    const ids: string[] = [];
    for (const [i, item] of body.entries()) {
      const o = checkItem(item, i, shown);
      if (typeof o.type === 'string' && o.type.toLowerCase() !== 'werkinstructie') continue;
      ids.push(String(o.id));
    }
    const details = await mapLimit(uniq(ids), this.cfg.concurrency, async (id) => {
      const url = `${this.base}/api/berichten/${encodeURIComponent(id)}`;
      try {
        const detail = await httpGet(url, http);
        return checkItem(parseJson(detail), 0, redactUrl(detail.url));
      } catch (e) {
        // Deleted between the list and the detail.
        if (e instanceof KnowledgeBaseError && e.status === 404) return undefined;
        throw e;
      }
    });
    const searched = uniq(this.cfg.search ?? this.terms).map((t) => t.toLowerCase());
    // Like the published search (ILIKE on titel and inhoud): werkinstructies that mention a term.
    return details.filter((d): d is Record<string, unknown> => {
      if (!d) return false;
      const text = `${String(d.titel ?? '')}\n${String(d.inhoud ?? '')}`.toLowerCase();
      return searched.some((t) => t === '' || text.includes(t));
    });
  }

  private briefings(items: Array<Record<string, unknown>>): Briefing[] {
    const map = fieldMap(KISS_FIELDS, this.cfg.fields);
    const byId = new Map<string, Briefing>();
    for (const item of items) {
      const id = String(item.id);
      if (byId.has(id)) continue;
      if (typeof item.type === 'string' && item.type.toLowerCase() !== 'werkinstructie') continue;
      const text = `${String(item.titel ?? '')}\n${typeof item.inhoud === 'string' ? htmlToText(item.inhoud) : ''}`;
      const named = termsNamedIn(text, this.terms);
      const b = briefingFromFields('kiss', id, redactUrl(`${this.base}/api/berichten/${encodeURIComponent(id)}`), { data: item }, map, named);
      // KISS shows a bericht while publicatieEinddatum >= now: one that ends at midnight is gone that whole day.
      if (b.validUntil && this.cfg.fields.validUntil === undefined && atMidnight(item.publicatieEinddatum)) b.validUntil = addDays(b.validUntil, -1);
      byId.set(id, b);
    }
    return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  }

  private async search(term: string, http: HttpOptions): Promise<Array<Record<string, unknown>>> {
    const out: Array<Record<string, unknown>> = [];
    let total = 1;
    for (let page = 1; page <= total; page++) {
      if (page > this.cfg.maxPages) throw tooManyPages(this.location, this.cfg.maxPages);
      const q = new URLSearchParams({ type: 'Werkinstructie' });
      if (term !== '') q.set('search', term);
      if (page > 1) q.set('page', String(page));
      const res = await httpGet(`${this.endpoint}?${q.toString()}`, http);
      const body = parseJson(res);
      const shown = redactUrl(res.url);
      if (!Array.isArray(body)) {
        throw malformed(shown, { nl: 'verwacht een lijst werkinstructies', en: 'expected a list of werkinstructies' });
      }
      for (const [i, item] of body.entries()) out.push(checkItem(item, i, shown));
      const totalPages = Number(header(res, 'x-total-pages'));
      const currentPage = Number(header(res, 'x-current-page'));
      if (Number.isInteger(totalPages) && totalPages > 0) total = totalPages;
      // A server that ignores `page` would hand out page 1 forever.
      if (Number.isInteger(currentPage) && currentPage > 0 && currentPage !== page) break;
      if (body.length === 0) break;
    }
    return out;
  }
}

function checkItem(item: unknown, i: number, shown: string): Record<string, unknown> {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw malformed(shown, { nl: `element ${i} is geen object`, en: `item ${i} is not an object` });
  }
  const o = item as Record<string, unknown>;
  if (typeof o.id !== 'number' && typeof o.id !== 'string') {
    throw malformed(shown, { nl: `element ${i} heeft geen id`, en: `item ${i} has no id` });
  }
  if (o.inhoud !== undefined && o.inhoud !== null && typeof o.inhoud !== 'string') {
    throw malformed(shown, { nl: `element ${i}: inhoud is geen tekst`, en: `item ${i}: inhoud is not text` });
  }
  return o;
}

/** What the run could not check when only the published search answered. */
function publishedOnly(listUrl: string, status: number | undefined): Message {
  const why = `${redactUrl(listUrl)} → HTTP ${status ?? '?'}`;
  return {
    nl: `KISS: deze sessie mag alleen gepubliceerde werkinstructies zoeken (${why}). Geplande en verlopen werkinstructies zijn niet gezien en de geldigheid (publicatieEinddatum) is niet gecontroleerd, dus kcc-briefing-outdated kan niet afgaan. Gebruik in kcc.authEnv een sessie die berichten mag lezen (rol redacteur; vanaf KISS 3.0 ook kcm) om dat wel te controleren.`,
    en: `KISS: this session may only search published work instructions (${why}). Scheduled and ended work instructions were not seen and validity (publicatieEinddatum) was not checked, so kcc-briefing-outdated cannot fire. Use a session in kcc.authEnv that may read berichten (role redacteur; from KISS 3.0 also kcm) to check it.`,
  };
}

const AMSTERDAM_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** A timestamp with a zone that falls at 00:00:00 in Amsterdam. */
function atMidnight(value: unknown): boolean {
  if (typeof value !== 'string' || !/T\d{2}:\d{2}.*(Z|[+-]\d{2}:?\d{2})$/.test(value.trim())) return false;
  const t = new Date(value.trim());
  return !Number.isNaN(t.getTime()) && t.getMilliseconds() === 0 && AMSTERDAM_TIME.format(t) === '00:00:00';
}

function malformed(where: string, what: Message): KnowledgeBaseError {
  return unexpectedAnswer(where, { nl: 'KISS', en: 'KISS' }, what);
}

/** "https://kiss.example" → "https://kiss.example/api/berichten/published". */
export function kissEndpoint(url: string): string {
  const u = url.replace(/\/+$/, '');
  if (/\/api\/berichten\/published$/.test(u)) return u;
  return `${u}/api/berichten/published`;
}
