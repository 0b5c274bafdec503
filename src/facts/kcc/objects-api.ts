import type { Dispatcher } from 'undici';
import type { Message } from '../../types.js';
import type { KccConfig, KccFieldMap } from './config.js';
import type { Briefing, KnowledgeBase } from './types.js';
import { KnowledgeBaseError, tooManyPages, unexpectedAnswer } from './errors.js';
import { httpGet, parseJson, searchEach, type HttpOptions } from './http.js';
import { briefingFromFields, fieldMap } from './fields.js';
import { redactUrl } from './text.js';

/**
 * VAC fields (vraag-antwoordcombinaties, the KISS kennisbank in the Objects API) as briefing
 * properties. VACs have no standard validity fields: map yours in `kcc.fields`.
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
 * The Common Ground Objects API as KISS uses it for its kennisbank:
 * `GET {url}/objects?type=<objecttype>&data_attr=status__exact__actief&data_icontains=<term>`
 * with `Authorization: Token <key>`, paginated through `next`. One search per distinct term
 * (the run's letter ids and kenmerken, or `kcc.search`); objects deduplicated by uuid.
 */
export class ObjectsApiKnowledgeBase implements KnowledgeBase {
  readonly source = 'objects-api' as const;
  readonly location: string;
  private readonly endpoint: string;

  constructor(
    private readonly cfg: KccConfig,
    private readonly terms: string[],
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly dispatcher?: Dispatcher,
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
    const objects = await searchEach(this.cfg, this.terms, this.env, this.endpoint, this.dispatcher, (term, http) => this.search(term, http));
    const map = fieldMap(VAC_FIELDS, this.cfg.fields);
    const byId = new Map<string, Briefing>();
    for (const o of objects) {
      const id = o.uuid ?? o.url ?? '';
      if (byId.has(id)) continue;
      if (typeof o.record.data.status === 'string' && o.record.data.status !== 'actief') continue;
      const location = o.url ?? `${this.endpoint}/${o.uuid}`;
      byId.set(id, briefingFromFields('objects-api', id, location, { data: o.record.data, record: o.record }, map));
    }
    return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Every page of one search. */
  private async search(term: string, http: HttpOptions): Promise<ApiObject[]> {
    const q = new URLSearchParams();
    q.set('type', this.cfg.objecttype!);
    q.set('data_attr', 'status__exact__actief');
    if (term !== '') q.set('data_icontains', term);
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
      const page = parseJson(res);
      const shown = redactUrl(res.url);
      if (!isObj(page) || !Array.isArray(page.results)) {
        throw malformed(shown, { nl: 'verwacht een object met `results` (een lijst)', en: 'expected an object with `results` (a list)' });
      }
      for (const [i, r] of page.results.entries()) {
        if (!isObj(r) || !isObj(r.record) || !isObj(r.record.data)) {
          throw malformed(shown, { nl: `results[${i}] heeft geen record.data`, en: `results[${i}] has no record.data` });
        }
        if (typeof r.uuid !== 'string' && typeof r.url !== 'string') {
          throw malformed(shown, { nl: `results[${i}] heeft geen uuid of url`, en: `results[${i}] has no uuid or url` });
        }
        out.push({
          ...(typeof r.uuid === 'string' ? { uuid: r.uuid } : {}),
          ...(typeof r.url === 'string' ? { url: r.url } : {}),
          record: r.record as ApiObject['record'],
        });
      }
      const next = page.next;
      if (next !== undefined && next !== null && typeof next !== 'string') {
        throw malformed(shown, { nl: '`next` is geen URL', en: '`next` is not a URL' });
      }
      url = next ? nextUrl(next, res.url, base) : null;
    }
    return out;
  }
}

interface ApiObject {
  uuid?: string;
  url?: string;
  record: Record<string, unknown> & { data: Record<string, unknown> };
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
