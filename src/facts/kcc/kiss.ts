import type { Dispatcher } from 'undici';
import type { Message } from '../../types.js';
import type { KccConfig, KccFieldMap } from './config.js';
import type { Briefing, KnowledgeBase } from './types.js';
import { KnowledgeBaseError, tooManyPages, unexpectedAnswer } from './errors.js';
import { header, httpGet, parseJson, searchEach, type HttpOptions } from './http.js';
import { briefingFromFields, fieldMap, termsNamedIn } from './fields.js';
import { htmlToText } from './html.js';
import { redactUrl } from './text.js';

/** KISS werkinstructie fields as briefing properties. */
export const KISS_FIELDS: KccFieldMap = {
  title: 'titel',
  text: 'inhoud',
  validFrom: 'publicatieDatum',
  validUntil: 'publicatieEinddatum',
  updated: 'wijzigingsDatum',
};

/**
 * KISS werkinstructies: `GET {url}/api/berichten/published?type=Werkinstructie&search=<term>&page=N`,
 * answering `[{id, titel, inhoud (HTML), type, publicatieDatum, wijzigingsDatum, skills}]` with
 * the pages in `X-Current-Page` / `X-Total-Pages`.
 *
 * A werkinstructie covers a letter when its title or text names the letter's id or kenmerk.
 * KISS has no API-key access to this endpoint today: the header value (a session cookie, or a
 * future token) comes from the environment variable named in `kcc.authEnv`.
 */
export class KissKnowledgeBase implements KnowledgeBase {
  readonly source = 'kiss' as const;
  readonly location: string;
  private readonly endpoint: string;

  constructor(
    private readonly cfg: KccConfig,
    /** The run's letter ids and kenmerken: searched for, and looked for in each werkinstructie. */
    private readonly terms: string[],
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly dispatcher?: Dispatcher,
  ) {
    if (!cfg.url) {
      throw new KnowledgeBaseError('kcc', { nl: 'adapter kiss heeft kcc.url nodig', en: 'adapter kiss needs kcc.url' });
    }
    this.endpoint = kissEndpoint(cfg.url);
    this.location = redactUrl(this.endpoint);
  }

  async load(): Promise<Briefing[]> {
    const items = await searchEach(this.cfg, this.terms, this.env, this.endpoint, this.dispatcher, (term, http) => this.search(term, http));
    const map = fieldMap(KISS_FIELDS, this.cfg.fields);
    const base = this.endpoint.replace(/\/api\/berichten\/published$/, '');
    const byId = new Map<string, Briefing>();
    for (const item of items) {
      const id = String(item.id);
      if (byId.has(id)) continue;
      if (typeof item.type === 'string' && item.type.toLowerCase() !== 'werkinstructie') continue;
      const text = `${String(item.titel ?? '')}\n${typeof item.inhoud === 'string' ? htmlToText(item.inhoud) : ''}`;
      const named = termsNamedIn(text, this.terms);
      byId.set(id, briefingFromFields('kiss', id, redactUrl(`${base}/api/berichten/${encodeURIComponent(id)}`), { data: item }, map, named));
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
      for (const [i, item] of body.entries()) {
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
        out.push(o);
      }
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

function malformed(where: string, what: Message): KnowledgeBaseError {
  return unexpectedAnswer(where, { nl: 'KISS', en: 'KISS' }, what);
}

/** "https://kiss.example" → "https://kiss.example/api/berichten/published". */
export function kissEndpoint(url: string): string {
  const u = url.replace(/\/+$/, '');
  if (/\/api\/berichten\/published$/.test(u)) return u;
  return `${u}/api/berichten/published`;
}
