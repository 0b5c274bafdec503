import { mapLimit, type HttpClient } from '../../http/index.js';
import type { Message } from '../../types.js';
import type { KccConfig, KccFieldMap } from './config.js';
import type { Briefing, KccSearch, KnowledgeBase } from './types.js';
import { KnowledgeBaseError, tooManyPages, unexpectedAnswer } from './errors.js';
import { header, httpGet, httpOptions, parseJson, type HttpOptions, type HttpResponse } from './http.js';
import { briefingFromFields, fieldMap } from './fields.js';
import { addDays, isoDate, localToday } from '../../model/date.js';
import { normId } from '../../model/briefing-match.js';
import { redactUrl } from '../../model/url.js';
import { uniq } from './uniq.js';

/**
 * VAC fields (vraag-antwoordcombinaties, the KISS kennisbank in the Objects API) as briefing
 * properties. The community VAC schema (open-objecten/objecttypes,
 * community-concepts/VAC/vac-schema.json) has no validity fields: `geldigVanaf`/`geldigTot` are
 * read when a deployment adds them (or map yours in `kcc.fields`); otherwise the record's own
 * `startAt`/`endAt` give the window (see ObjectsApiKnowledgeBase).
 */
export const VAC_FIELDS: KccFieldMap = {
  title: 'vraag',
  letters: 'trefwoorden',
  urls: ['links', 'urls', 'url'],
  text: ['antwoord', 'toelichting'],
  owner: 'afdelingen',
  validFrom: 'geldigVanaf',
  validUntil: 'geldigTot',
  updated: 'record.registrationAt',
};

/**
 * The first Objects API with `data_attr` (maykinmedia/objects-api 2.5.0,
 * src/objects/api/v2/filters.py `ObjectRecordFilterSet.data_attr`). Older servers ignore the
 * parameter silently: django-filter drops query parameters it does not know.
 */
export const MIN_OBJECTS_API_VERSION = '2.5.0';

/** A `data_attr` value no VAC has: a server that returns objects for it ignores `data_attr`. */
const VERSION_PROBE = 'status__exact__brieflint-versiecontrole';

/**
 * The probes ask for `registrationDate` far ahead: every object the token may see, each with its
 * latest registered record, whether or not it is valid today (src/objects/api/v2/views.py
 * `filter_queryset`, src/objects/core/query.py `filter_for_registration_date`). Without it the API
 * shows only records valid today, and an object type whose VACs all start later would look empty.
 */
const EVERY_RECORD = '9999-12-31';

/** How many later records of one object are followed to find where a VAC really ends. */
const MAX_RECORD_HOPS = 20;

/**
 * The Common Ground Objects API as KISS uses it for its kennisbank (maykinmedia/objects-api,
 * src/objects/api/v2/views.py `ObjectViewSet`), with `Authorization: Token <key>`:
 *
 * 1. One probe `GET {url}/objects?type=<objecttype>&registrationDate=9999-12-31&pageSize=1`. The API answers a token without
 *    permission on the object type with 200 and no results, not 403 (src/objects/core/query.py
 *    `filter_for_token`), so zero objects stops the run (exit 2) instead of reporting
 *    "briefing missing" for every letter. The probe also tells whether the server knows
 *    `data_attr` (2.5.0 and newer; see checkVersion).
 * 2. Per letter: `GET {url}/objects?type=…&data_attr=status__exact__actief&data_icontains=<term>&date=<mailing date>`,
 *    paginated through `next`. Without `date` the API shows the records valid today
 *    (`ObjectViewSet.filter_queryset`), which hides a VAC that starts on the mailing date.
 *    The term is escaped: the server matches it as a regular expression (dataIcontainsTerm).
 * 3. Validity: the mapped fields (`kcc.fields.validFrom`/`validUntil`, default
 *    `geldigVanaf`/`geldigTot`), else the record's `startAt`; the end is the earlier of the mapped
 *    field and the record's `endAt`, following later records of the object that keep the VAC
 *    active (recordEnd).
 */
export class ObjectsApiKnowledgeBase implements KnowledgeBase {
  readonly source = 'objects-api' as const;
  readonly location: string;
  private readonly endpoint: string;

  constructor(
    private readonly cfg: KccConfig,
    private readonly terms: string[],
    private readonly env: NodeJS.ProcessEnv = process.env,
    /** The knowledge base's HTTP client (see kccClient in ./http.ts). */
    private readonly client: HttpClient,
    /** Per letter: its terms and the date its briefing must hold on. Default: `terms` on today. */
    private readonly searches?: KccSearch[],
  ) {
    if (!cfg.url || !cfg.objecttype) {
      throw new KnowledgeBaseError('kcc', {
        nl: 'adapter objects-api heeft kcc.url en kcc.objecttype nodig',
        en: 'adapter objects-api needs kcc.url and kcc.objecttype',
      });
    }
    this.endpoint = objectsEndpoint(cfg.url);
    this.location = redactUrl(this.endpoint);
  }

  async load(): Promise<Briefing[]> {
    const http = httpOptions(this.cfg, this.env, this.endpoint, this.client);
    await this.checkAccess(http);
    const objects = (await mapLimit(this.jobs(), this.cfg.concurrency, (job) => this.search(job, http))).flat();
    const map = fieldMap(VAC_FIELDS, this.cfg.fields);
    // One briefing per record: letters with different mailing dates may see different records of one VAC.
    const byRecord = new Map<string, { object: ApiObject; briefing: Briefing }>();
    for (const o of objects) {
      const id = o.uuid ?? o.url ?? '';
      const key = `${id}\u0000${String(o.record.index ?? '')}`;
      if (byRecord.has(key)) continue;
      if (!isActive(o.record.data)) continue;
      const location = o.url ?? `${this.endpoint}/${o.uuid}`;
      byRecord.set(key, { object: o, briefing: briefingFromFields('objects-api', id, location, { data: o.record.data, record: o.record }, map) });
    }
    const found = [...byRecord.values()];
    await mapLimit(found, this.cfg.concurrency, async ({ object, briefing }) => {
      // The record's own window when the data holds none (the standard VAC schema has none).
      const start = isoDate(object.record.startAt);
      if (!briefing.validFrom && start) briefing.validFrom = start;
      const end = await this.recordEnd(object, briefing, map, http);
      if (end && (!briefing.validUntil || end < briefing.validUntil)) briefing.validUntil = end;
    });
    return found
      .map((f) => f.briefing)
      .sort((a, b) => a.id.localeCompare(b.id) || (a.validFrom ?? '').localeCompare(b.validFrom ?? ''));
  }

  /** The searches to make: (term, date) pairs, deduplicated; `kcc.search` is asked on every date. */
  private jobs(): Array<{ term: string; date: string }> {
    const searches = this.searches ?? [{ terms: this.terms, date: localToday() }];
    const dates = uniq(searches.map((s) => s.date));
    const pairs = this.cfg.search
      ? dates.flatMap((date) => uniq(this.cfg.search!).map((term) => ({ term, date })))
      : searches.flatMap((s) => s.terms.map((term) => ({ term, date: s.date })));
    const seen = new Set<string>();
    return pairs.filter((p) => {
      const key = `${p.date}\u0000${p.term}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /**
   * Before any search: does the token see any object of the type, and does the server know
   * `data_attr`? Throws KnowledgeBaseError (exit 2) when not.
   */
  private async checkAccess(http: HttpOptions): Promise<void> {
    const q = new URLSearchParams({ type: this.cfg.objecttype!, registrationDate: EVERY_RECORD, pageSize: '1' });
    const res = await httpGet(`${this.endpoint}?${q.toString()}`, http);
    const { results } = this.readPage(res);
    if (results.length === 0) {
      const token = this.cfg.tokenEnv ? ` (${this.cfg.tokenEnv})` : '';
      throw new KnowledgeBaseError(redactUrl(res.url), {
        nl: `het token heeft geen toegang tot dit objecttype (of het objecttype is leeg): de Objecten API gaf 0 objecten van ${this.cfg.objecttype}. Een token zonder rechten op een objecttype krijgt een lege lijst, geen 403; geef het token${token} leesrecht op dit objecttype in de Objecten API, of controleer kcc.objecttype`,
        en: `the token has no access to this object type (or the object type is empty): the Objects API returned 0 objects of ${this.cfg.objecttype}. A token without permission on an object type gets an empty list, not 403; give the token${token} read permission on this object type in the Objects API, or check kcc.objecttype`,
      });
    }
    await this.checkVersion(res, http);
  }

  /**
   * The server must know `data_attr` (Objects API 2.5.0). Its `API-version` header
   * (commonground-api-common vng_api_common/middleware.py APIVersionHeaderMiddleware, value
   * src/objects/conf/api.py API_VERSION) proves it from 2.5.0 on — but releases 3.0.0 to 3.3.x
   * have `data_attr` while still saying 2.4.3 or 2.4.4, so a lower or missing header is checked
   * by behaviour: ask for a `data_attr` nothing matches; a server that returns objects ignored it.
   */
  private async checkVersion(probe: HttpResponse, http: HttpOptions): Promise<void> {
    const said = header(probe, 'api-version')?.trim();
    if (said && compareVersions(said, MIN_OBJECTS_API_VERSION) >= 0) return;
    const q = new URLSearchParams({ type: this.cfg.objecttype!, registrationDate: EVERY_RECORD, data_attr: VERSION_PROBE, pageSize: '1' });
    const res = await httpGet(`${this.endpoint}?${q.toString()}`, http);
    const { results } = this.readPage(res);
    if (results.length === 0) return;
    const version = said ? ` (API-version ${said})` : '';
    throw new KnowledgeBaseError(this.location, {
      nl: `deze Objecten API negeert het filter data_attr en is dus ouder dan versie ${MIN_OBJECTS_API_VERSION}${version}; brieflint heeft Objecten API ${MIN_OBJECTS_API_VERSION} of nieuwer nodig — werk de Objecten API bij`,
      en: `this Objects API ignores the data_attr filter, so it is older than version ${MIN_OBJECTS_API_VERSION}${version}; brieflint needs Objects API ${MIN_OBJECTS_API_VERSION} or newer — upgrade the Objects API`,
    });
  }

  /** Every page of one search. */
  private async search(job: { term: string; date: string }, http: HttpOptions): Promise<ApiObject[]> {
    const q = new URLSearchParams();
    q.set('type', this.cfg.objecttype!);
    q.set('data_attr', 'status__exact__actief');
    if (job.term !== '') q.set('data_icontains', dataIcontainsTerm(job.term));
    q.set('date', job.date);
    if (this.cfg.pageSize) q.set('pageSize', String(this.cfg.pageSize));
    let url: string | null = `${this.endpoint}?${q.toString()}`;
    const seen = new Set<string>();
    const out: ApiObject[] = [];
    const base = new URL(this.endpoint);
    while (url) {
      if (seen.has(url)) {
        throw new KnowledgeBaseError(redactUrl(url), {
          nl: 'paginering loopt rond (`next` wijst naar een eerdere pagina)',
          en: 'pagination loops (`next` points to an earlier page)',
        });
      }
      if (seen.size >= this.cfg.maxPages) throw tooManyPages(redactUrl(url), this.cfg.maxPages);
      seen.add(url);
      const res = await httpGet(url, http);
      const page = this.readPage(res);
      out.push(...page.results);
      url = page.next ? nextUrl(page.next, res.url, base) : null;
    }
    return out;
  }

  /** One page of `GET /objects`: `{count, next, previous, results: [{url, uuid, type, record}]}`. */
  private readPage(res: HttpResponse): { results: ApiObject[]; next?: string } {
    const page = parseJson(res);
    const shown = redactUrl(res.url);
    if (!isObj(page) || !Array.isArray(page.results)) {
      throw malformed(shown, { nl: 'verwacht een object met `results` (een lijst)', en: 'expected an object with `results` (a list)' });
    }
    const results = page.results.map((r, i) => apiObject(r, shown, `results[${i}]`));
    const next = page.next;
    if (next !== undefined && next !== null && typeof next !== 'string') {
      throw malformed(shown, { nl: '`next` is geen URL', en: '`next` is not a URL' });
    }
    return { results, ...(next ? { next } : {}) };
  }

  /**
   * Where a VAC's validity ends, from its records. A record's `endAt` is read-only in the API: it
   * is set when a later record of the object starts (src/objects/core/models.py
   * `ObjectRecord.save`: the previous record's end_at becomes the new start_at). So `endAt` alone
   * does not end the VAC: the record that follows may carry it on. This asks for the object on
   * that date (`GET /objects/{uuid}?date=<endAt>`, which answers the latest record valid then)
   * and follows while the VAC stays `actief` and still names one of the letters; when it stops,
   * the briefing's last day is the day before. Undefined: no end.
   */
  private async recordEnd(o: ApiObject, b: Briefing, map: KccFieldMap, http: HttpOptions): Promise<string | undefined> {
    let endAt = isoDate(o.record.endAt);
    if (!endAt) return undefined;
    const names = new Set(b.covers.ids.map(normId));
    // A VAC that covers no letter by name is only a hint; its exact end does not matter.
    if (!o.uuid || names.size === 0) return endAt;
    let index = o.record.index;
    for (let hop = 0; hop < MAX_RECORD_HOPS; hop++) {
      const url = `${this.endpoint}/${encodeURIComponent(o.uuid)}?${new URLSearchParams({ date: endAt }).toString()}`;
      let res: HttpResponse;
      try {
        res = await httpGet(url, http);
      } catch (e) {
        // No record of the object on that date: it ends with this record.
        if (e instanceof KnowledgeBaseError && e.status === 404) return endAt;
        throw e;
      }
      const body = parseJson(res);
      const next = apiObject(body, redactUrl(res.url), 'object');
      if (next.record.index !== undefined && next.record.index === index) return endAt;
      const later = briefingFromFields('objects-api', o.uuid, b.location, { data: next.record.data, record: next.record }, map);
      const stillNamed = later.covers.ids.some((id) => names.has(normId(id)));
      if (!isActive(next.record.data) || !stillNamed) return addDays(endAt, -1);
      const nextEnd = isoDate(next.record.endAt);
      if (!nextEnd) return undefined;
      endAt = nextEnd;
      index = next.record.index;
    }
    return endAt;
  }
}

interface ApiObject {
  uuid?: string;
  url?: string;
  record: Record<string, unknown> & { data: Record<string, unknown>; index?: number; startAt?: unknown; endAt?: unknown };
}

function apiObject(r: unknown, shown: string, name: string): ApiObject {
  if (!isObj(r) || !isObj(r.record) || !isObj(r.record.data)) {
    throw malformed(shown, { nl: `${name} heeft geen record.data`, en: `${name} has no record.data` });
  }
  if (typeof r.uuid !== 'string' && typeof r.url !== 'string') {
    throw malformed(shown, { nl: `${name} heeft geen uuid of url`, en: `${name} has no uuid or url` });
  }
  return {
    ...(typeof r.uuid === 'string' ? { uuid: r.uuid } : {}),
    ...(typeof r.url === 'string' ? { url: r.url } : {}),
    record: r.record as ApiObject['record'],
  };
}

/** A VAC without `status`, or with status `actief` (vac-schema.json: actief, non-actief, te-verwijderen). */
function isActive(data: Record<string, unknown>): boolean {
  return typeof data.status !== 'string' || data.status === 'actief';
}

/**
 * A search term as `data_icontains` needs it. The server puts the value into a jsonpath string
 * and matches it as a case-insensitive regular expression (src/objects/api/v2/filters.py
 * `filter_data_icontains`: `data @? '$.** ? (@ like_regex "<value>" flag "i")'`), so an
 * unbalanced `(` or `[` is a 500, a `"` breaks the jsonpath (500), and a balanced `(2)` silently
 * matches something else. Regex characters get a backslash; then backslashes and double quotes
 * get one more for the jsonpath string: `BEL/2027(2)` → `BEL/2027\\(2\\)`. (Checked against
 * PostgreSQL 15.)
 */
export function dataIcontainsTerm(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\\"]/g, '\\$&');
}

/** Compare "2.5.0"-style versions (missing parts are 0; text after the numbers is ignored). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => (/^\d+(\.\d+)*/.exec(v.trim())?.[0] ?? '0').split('.').map(Number);
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function malformed(where: string, what: Message): KnowledgeBaseError {
  return unexpectedAnswer(where, { nl: 'de Objecten API', en: 'the Objects API' }, what);
}


/**
 * `next` resolved against the page; a `next` on the API's own host but over plain http (Django
 * behind a TLS proxy) is taken over https, so the token still goes only to the configured origin.
 */
function nextUrl(next: string, pageUrl: string, base: URL): string {
  const u = new URL(next, pageUrl);
  if (u.protocol === 'http:' && base.protocol === 'https:' && u.host === base.host) u.protocol = 'https:';
  return u.toString();
}

/** "https://x/api/v2" → "https://x/api/v2/objects"; a URL already ending in /objects is kept. */
export function objectsEndpoint(url: string): string {
  const u = url.replace(/\/+$/, '');
  if (/\/objects$/.test(u)) return u;
  if (/\/api\/v\d+$/.test(u)) return `${u}/objects`;
  return `${u}/api/v2/objects`;
}
