/**
 * An Objects API on 127.0.0.1 that behaves as maykinmedia/objects-api's source does (not as its
 * README suggests). Each behaviour names the upstream file it copies:
 *
 * - src/objects/api/v2/views.py `ObjectViewSet`: `GET /api/v2/objects` (list) and
 *   `GET /api/v2/objects/{uuid}` (retrieve). `filter_queryset`: `date` (default: today) keeps the
 *   records valid on that date, then the latest of them per object; newest object first
 *   (`order_by("-pk")`).
 * - src/objects/core/query.py `ObjectRecordQuerySet.filter_for_token`: a token sees only objects
 *   of the types it has a permission for — 200 with no results for the others, never 403;
 *   `filter_for_date`: `start_at <= date` and (`end_at >= date` or no end).
 * - src/objects/core/models.py `ObjectRecord.save`: a new record sets the previous record's
 *   `end_at` to its own `start_at`; `endAt` is read-only in the API (src/objects/api/serializers.py).
 * - src/objects/token/authentication.py (DRF TokenAuthentication): `Authorization: Token <key>`,
 *   401 `{"detail": "Invalid token."}`; src/objects/token/permissions.py
 *   `ObjectTypeBasedPermission.has_object_permission`: retrieve without permission is 403.
 *   `registrationDate` instead of `date`: the latest record registered by then, whatever its
 *   validity (`filter_for_registration_date`; both at once is a 400, filters.py ObjectRecordFilterForm).
 * - src/objects/api/v2/filters.py `ObjectRecordFilterSet`: `type` (400 for an unknown type,
 *   src/objects/utils/filters.py), `data_attr` (`key__operator__value`; a server before 2.5.0
 *   has no such filter and django-filter ignores the parameter), `data_icontains`: the value is
 *   put into the jsonpath `$.** ? (@ like_regex "<value>" flag "i")` — a `"` breaks the
 *   jsonpath, an invalid regular expression fails in PostgreSQL: both a 500.
 * - commonground-api-common vng_api_common/pagination.py `DynamicPageSizePagination` (DRF
 *   PageNumberPagination): `pageSize` (default 100, max 500), `page`, `{count, next, previous,
 *   results}` with absolute `next` URLs; a page out of range is 404 "Invalid page.".
 * - vng_api_common/middleware.py `APIVersionHeaderMiddleware`: an `API-version` header with
 *   src/objects/conf/api.py `API_VERSION` (which said 2.4.3 in releases 3.0.0–3.2.x).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface MockRecordInput {
  startAt: string;
  data: Record<string, unknown>;
  registrationAt?: string;
}

export interface MockObject {
  uuid: string;
  type: string;
  /** In order: each later record ends the one before it on its startAt (ObjectRecord.save). */
  records: MockRecordInput[];
}

export interface ObjectsApiMockOptions {
  objects: MockObject[];
  /** Object types the API knows (besides those of `objects`). */
  types?: string[];
  /** token → the object types it may read, or 'superuser'. */
  tokens: Record<string, string[] | 'superuser'>;
  /** The `API-version` header (default 2.7.0, as 4.0.0 says). */
  apiVersion?: string;
  /** false: a server before 2.5.0, which ignores `data_attr`. */
  dataAttr?: boolean;
  /** The server's today (default: the real date). */
  today?: string;
  /** Serve HTTPS with this certificate (PEM) instead of HTTP. */
  tls?: { cert: string; key: string };
}

export interface Seen {
  url: string;
  authorization?: string;
}

export interface ObjectsApiMock {
  base: string;
  /** The API root to configure: `${base}/api/v2`. */
  api: string;
  seen: Seen[];
  close(): Promise<void>;
}

interface StoredRecord {
  index: number;
  data: Record<string, unknown>;
  startAt: string;
  endAt: string | null;
  registrationAt: string;
}

class ServerError extends Error {}

export async function startObjectsApi(options: ObjectsApiMockOptions): Promise<ObjectsApiMock> {
  const seen: Seen[] = [];
  const known = new Set([...(options.types ?? []), ...options.objects.map((o) => o.type)]);
  const stored = options.objects.map((o, pk) => ({
    pk,
    uuid: o.uuid,
    type: o.type,
    records: o.records.map(
      (r, i): StoredRecord => ({
        index: i + 1,
        data: r.data,
        startAt: r.startAt,
        endAt: o.records[i + 1]?.startAt ?? null,
        registrationAt: r.registrationAt ?? r.startAt,
      }),
    ),
  }));
  const today = options.today ?? new Date().toISOString().slice(0, 10);

  const scheme = options.tls ? 'https' : 'http';
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    seen.push({ url: req.url ?? '', ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    try {
      handle(req, res);
    } catch (e) {
      // Django without DEBUG: a plain 500 page.
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end(`<h1>Server Error (500)</h1><!-- ${e instanceof ServerError ? e.message : String(e)} -->`);
    }
  };
  const server = options.tls ? createHttpsServer(options.tls, listener) : createServer(listener);

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'API-version': options.apiVersion ?? '2.7.0' });
    res.end(JSON.stringify(body));
  };
  const invalid = (res: ServerResponse, name: string, reason: string) =>
    json(res, 400, { type: null, code: 'invalid', title: 'Invalid input.', status: 400, detail: '', instance: 'urn:uuid:0', invalidParams: [{ name, code: 'invalid', reason }] });

  function handle(req: IncomingMessage, res: ServerResponse) {
    const host = req.headers.host ?? '127.0.0.1';
    const url = new URL(req.url ?? '/', `${scheme}://${host}`);
    const auth = /^Token (.+)$/.exec(req.headers.authorization ?? '');
    const permitted = auth ? options.tokens[auth[1]] : undefined;
    if (!permitted) return json(res, 401, { detail: auth ? 'Invalid token.' : 'Authentication credentials were not provided.' });
    const mayRead = (type: string) => permitted === 'superuser' || permitted.includes(type);

    const registrationDate = url.searchParams.get('registrationDate');
    if (registrationDate !== null && url.searchParams.has('date')) {
      return invalid(res, 'nonFieldErrors', "'date' and 'registrationDate' parameters can't be used in the same request");
    }
    const date = url.searchParams.get('date') ?? today;
    for (const d of [date, registrationDate ?? today]) if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return invalid(res, 'date', 'Enter a valid date.');
    // filter_for_date (material: valid on `date`) or filter_for_registration_date (formal: registered by then).
    const asOf = (o: (typeof stored)[number]) => {
      const valid = registrationDate !== null
        ? o.records.filter((r) => r.registrationAt <= registrationDate)
        : o.records.filter((r) => r.startAt <= date && (r.endAt === null || r.endAt >= date));
      return valid.sort((a, b) => b.index - a.index)[0];
    };
    const serialize = (o: (typeof stored)[number], r: StoredRecord) => ({
      url: `${scheme}://${host}/api/v2/objects/${o.uuid}`,
      uuid: o.uuid,
      type: o.type,
      record: { index: r.index, typeVersion: 1, data: r.data, geometry: null, startAt: r.startAt, endAt: r.endAt, registrationAt: r.registrationAt, correctionFor: null, correctedBy: null },
    });

    const detail = /^\/api\/v2\/objects\/([^/]+)$/.exec(url.pathname);
    if (detail) {
      const o = stored.find((x) => x.uuid === decodeURIComponent(detail[1]));
      const r = o ? asOf(o) : undefined;
      if (!o || !r) return json(res, 404, { detail: 'Not found.' });
      if (!mayRead(o.type)) return json(res, 403, { detail: 'You do not have permission to perform this action.' });
      return json(res, 200, serialize(o, r));
    }
    if (url.pathname !== '/api/v2/objects') return json(res, 404, { detail: 'Not found.' });

    const type = url.searchParams.get('type');
    if (type !== null && !known.has(type)) return invalid(res, 'type', `Select a valid object type. ${type} is not one of the available choices.`);
    let rows = stored
      .filter((o) => mayRead(o.type)) // filter_for_token
      .map((o) => ({ o, r: asOf(o) }))
      .filter((x): x is { o: (typeof stored)[number]; r: StoredRecord } => x.r !== undefined)
      .filter((x) => type === null || x.o.type === type);
    if (options.dataAttr !== false) {
      for (const part of url.searchParams.getAll('data_attr')) {
        const m = /^(.+)__(exact|icontains)__(.*)$/.exec(part);
        if (!m) return invalid(res, 'data_attr', `Filter expression '${part}' doesn't have the shape 'key__operator__value'`);
        const [, key, op, value] = m;
        rows = rows.filter(({ r }) => {
          const v = key.split('__').reduce<unknown>((cur, k) => (cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[k] : undefined), r.data);
          if (v === undefined || v === null) return false;
          return op === 'exact' ? String(v) === value : String(v).toLowerCase().includes(value.toLowerCase());
        });
      }
    }
    const icontains = url.searchParams.get('data_icontains');
    if (icontains !== null) {
      const regex = likeRegex(icontains);
      rows = rows.filter(({ r }) => stringsOf(r.data).some((s) => regex.test(s)));
    }
    rows.sort((a, b) => b.o.pk - a.o.pk);

    const pageSize = Math.min(Number(url.searchParams.get('pageSize') ?? 100) || 100, 500);
    const page = Number(url.searchParams.get('page') ?? 1);
    const pages = Math.max(1, Math.ceil(rows.length / pageSize));
    if (!Number.isInteger(page) || page < 1 || page > pages) return json(res, 404, { detail: 'Invalid page.' });
    const link = (n: number) => {
      const u = new URL(url);
      if (n === 1) u.searchParams.delete('page');
      else u.searchParams.set('page', String(n));
      return u.toString();
    };
    return json(res, 200, {
      count: rows.length,
      next: page < pages ? link(page + 1) : null,
      previous: page > 1 ? link(page - 1) : null,
      results: rows.slice((page - 1) * pageSize, page * pageSize).map(({ o, r }) => serialize(o, r)),
    });
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const base = `${scheme}://127.0.0.1:${port}`;
  return {
    base,
    api: `${base}/api/v2`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * `data_icontains` as the server runs it: the value inside a jsonpath string literal
 * (`\"`, `\\` and friends are escapes; any other `\x` is x; a bare `"` ends the string and the
 * jsonpath no longer parses), then a case-insensitive regular expression over every string value.
 */
export function likeRegex(value: string): RegExp {
  let pattern = '';
  const escapes: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '"') throw new ServerError('syntax error at end of jsonpath input');
    if (c === '\\') {
      const n = value[++i];
      if (n === undefined) throw new ServerError('unexpected end of jsonpath string');
      pattern += escapes[n] ?? n;
      continue;
    }
    pattern += c;
  }
  try {
    return new RegExp(pattern, 'i');
  } catch (e) {
    throw new ServerError(`invalid regular expression: ${(e as Error).message}`);
  }
}

/** `$.**`: every string value at any depth (keys are not matched). */
function stringsOf(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(stringsOf);
  if (v && typeof v === 'object') return Object.values(v).flatMap(stringsOf);
  return [];
}
