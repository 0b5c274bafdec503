import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KnowledgeBaseError, loadKcc, type KccFacts } from '../../src/facts/kcc/index.js';

// ---------------------------------------------------------------------------------------------
// Servers on 127.0.0.1 answering in the documented shapes.

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}
interface TestServer {
  base: string;
  seen: Seen[];
  close(): Promise<void>;
}
type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => unknown;

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: Handler): Promise<TestServer> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    void Promise.resolve(handler(req, res, seen.length)).catch((e) => {
      res.statusCode = 599;
      res.end(String(e));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const s: TestServer = {
    base: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  servers.push(s);
  return s;
}

const json = (res: ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const TOKEN = 'tok-3f9a-geheim';
const env = { OBJECTS_TOKEN: TOKEN, KISS_COOKIE: `.AspNetCore.Cookies=${TOKEN}` };
const OBJECTTYPE = 'https://objecttypen.example/api/v2/objecttypes/0b3c-vac';
const fast = { timeout: 2000, retries: 2, backoff: 5 };
const letters = [
  { path: 'brieven/kwijtschelding-2027.md', meta: { id: 'kwijtschelding-2027', kenmerk: 'BEL/2027/0142' } },
  { path: 'brieven/afvalpas-2027.docx', meta: { id: 'afvalpas-2027' } },
];

function vac(uuid: string, data: Record<string, unknown>, base = 'http://objecten.example') {
  return {
    url: `${base}/api/v2/objects/${uuid}`,
    uuid,
    type: OBJECTTYPE,
    record: { index: 1, typeVersion: 1, data: { status: 'actief', ...data }, geometry: null, startAt: '2026-01-01', endAt: null, registrationAt: '2027-01-05', correctionFor: null, correctedBy: null },
  };
}

/**
 * The objects-api adapter's two probes before it searches (see test/kcc/objects-api.test.ts for
 * them against a faithful mock): answered here with one object and API-version 2.7.0, so these
 * tests see only the searches they are about.
 */
function withProbes(handler: Handler): Handler {
  return (req, res, n) => {
    const u = new URL(req.url!, 'http://x');
    if (u.searchParams.has('registrationDate')) {
      return json(res, { count: 1, next: null, previous: null, results: [vac('probe', { trefwoorden: [] })] }, 200, { 'API-version': '2.7.0' });
    }
    return handler(req, res, n);
  };
}
const searchesOf = (s: TestServer) => s.seen.filter((r) => !r.url.includes('registrationDate='));
const TODAY = '2027-01-10';

/** A KISS whose session may not read the editors' list (older KISS, role kcm): the published search answers. */
function publishedOnly(handler: Handler): Handler {
  return (req, res, n) => {
    if (new URL(req.url!, 'http://x').pathname === '/api/berichten') {
      res.writeHead(403);
      return res.end();
    }
    return handler(req, res, n);
  };
}

async function expectKbError(p: Promise<unknown>): Promise<KnowledgeBaseError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(KnowledgeBaseError);
    const err = e as KnowledgeBaseError;
    // A secret never shows up in what the user sees.
    expect(`${err.message} ${err.reason.nl} ${err.reason.en}`).not.toContain(TOKEN);
    return err;
  }
  throw new Error('expected a KnowledgeBaseError');
}

// ---------------------------------------------------------------------------------------------

describe('objects-api adapter (VAC objects as KISS uses them)', () => {
  const objects = (s: TestServer, extra: Record<string, unknown> = {}) =>
    ({ adapter: 'objects-api', url: `${s.base}/api/v2`, objecttype: OBJECTTYPE, tokenEnv: 'OBJECTS_TOKEN', ...fast, ...extra });

  it('sends exactly the documented query with the token, follows `next`, dedupes, maps VAC fields', async () => {
    const s = await serve(withProbes((req, res) => {
      const u = new URL(req.url!, 'http://x');
      const term = u.searchParams.get('data_icontains');
      if (term === 'kwijtschelding-2027' && !u.searchParams.has('page')) {
        return json(res, {
          count: 2,
          next: `${s.base}/api/v2/objects?${u.searchParams.toString()}&page=2`,
          previous: null,
          results: [
            vac('a1', {
              vraag: 'Wat moet ik doen met de brief over kwijtschelding?',
              antwoord: '<p>Aanvragen op <a href="https://www.voorbeeldstad.example/kwijtschelding">voorbeeldstad.example/kwijtschelding</a>. Bel 14 0123.</p>',
              trefwoorden: [{ trefwoord: 'kwijtschelding-2027' }, { trefwoord: 'BEL/2027/0142' }],
              afdelingen: [{ afdelingNaam: 'Belastingen' }],
              geldigTot: '2027-04-30',
            }),
          ],
        });
      }
      if (term === 'kwijtschelding-2027') {
        return json(res, { count: 2, next: null, previous: null, results: [vac('a2', { vraag: 'Tweede pagina', antwoord: 'Tekst', trefwoorden: ['iets'] })] });
      }
      if (term === 'BEL/2027/0142') return json(res, { count: 1, next: null, previous: null, results: [vac('a1', { vraag: 'dubbel', trefwoorden: [] })] });
      return json(res, { count: 0, next: null, previous: null, results: [] });
    }));
    const facts: KccFacts = await loadKcc(objects(s), '/tmp', letters, { env, today: TODAY });
    expect(s.seen.map((r) => r.url).sort()).toEqual(
      [
        `/api/v2/objects?type=${encodeURIComponent(OBJECTTYPE)}&registrationDate=9999-12-31&pageSize=1`,
        `/api/v2/objects?type=${encodeURIComponent(OBJECTTYPE)}&data_attr=status__exact__actief&data_icontains=kwijtschelding-2027&date=${TODAY}`,
        `/api/v2/objects?type=${encodeURIComponent(OBJECTTYPE)}&data_attr=status__exact__actief&data_icontains=kwijtschelding-2027&date=${TODAY}&page=2`,
        `/api/v2/objects?type=${encodeURIComponent(OBJECTTYPE)}&data_attr=status__exact__actief&data_icontains=BEL%2F2027%2F0142&date=${TODAY}`,
        `/api/v2/objects?type=${encodeURIComponent(OBJECTTYPE)}&data_attr=status__exact__actief&data_icontains=afvalpas-2027&date=${TODAY}`,
      ].sort(),
    );
    for (const r of s.seen) expect(r.headers.authorization).toBe(`Token ${TOKEN}`);
    expect(facts.source).toBe('objects-api');
    expect(facts.location).toBe(`${s.base}/api/v2/objects`);
    expect(facts.briefings.map((b) => b.id)).toEqual(['a1', 'a2']);
    expect(facts.briefings[0]).toMatchObject({
      source: 'objects-api',
      location: 'http://objecten.example/api/v2/objects/a1',
      title: 'Wat moet ik doen met de brief over kwijtschelding?',
      covers: { ids: ['kwijtschelding-2027', 'BEL/2027/0142'], kenmerken: [], paths: [] },
      validUntil: '2027-04-30',
      urls: ['https://www.voorbeeldstad.example/kwijtschelding', 'voorbeeldstad.example/kwijtschelding'],
      owner: 'Belastingen',
      lastUpdated: '2027-01-05',
      body: 'Aanvragen op voorbeeldstad.example/kwijtschelding. Bel 14 0123.',
    });
  });

  it('maps configurable fields (dotted paths, record.*) and one search term for everything', async () => {
    const s = await serve(withProbes((_req, res) =>
      json(res, {
        count: 1,
        next: null,
        previous: null,
        results: [vac('b1', { vraag: 'Afvalpas', trefwoorden: ['afvalpas-2027'], geldigheid: { van: '2027-01-01', tot: '2027-01-31' }, extra: { links: [{ titel: 'Pas', url: 'https://voorbeeldstad.example/afvalpas' }] } })],
      }),
    ));
    const facts = await loadKcc(
      objects(s, { search: [''], fields: { validFrom: 'geldigheid.van', validUntil: 'geldigheid.tot', urls: 'extra.links', updated: 'record.startAt' } }),
      '/tmp',
      letters,
      { env },
    );
    expect(searchesOf(s)).toHaveLength(1);
    expect(searchesOf(s)[0].url).not.toContain('data_icontains');
    expect(facts.briefings[0]).toMatchObject({ validFrom: '2027-01-01', validUntil: '2027-01-31', urls: ['https://voorbeeldstad.example/afvalpas'], lastUpdated: '2026-01-01' });
  });

  it('401: a KnowledgeBaseError naming the URL and the env var, without retrying and without the token', async () => {
    const s = await serve((_req, res) => json(res, { detail: 'Invalid token.' }, 401));
    const e = await expectKbError(loadKcc(objects(s), '/tmp', letters.slice(1), { env }));
    expect(e.status).toBe(401);
    expect(e.location).toContain(`${s.base}/api/v2/objects?type=`);
    expect(e.reason.en).toContain('access denied (HTTP 401) — check that OBJECTS_TOKEN holds a valid key or session');
    expect(e.reason.nl).toContain('geen toegang (HTTP 401)');
    expect(s.seen).toHaveLength(1);
  });

  it('500 then recovery: retried with backoff, then loads', async () => {
    const s = await serve((req, res, n) => (n === 1 ? json(res, { detail: 'kapot' }, 500) : withProbes(() => json(res, { count: 0, next: null, previous: null, results: [] }))(req, res, n)));
    const facts = await loadKcc(objects(s), '/tmp', letters.slice(1), { env });
    expect(facts.briefings).toEqual([]);
    // The probe twice (500, then 200), then the search.
    expect(s.seen).toHaveLength(3);
  });

  it('keeps failing: bounded retries, then an error that says how often it tried', async () => {
    const s = await serve((_req, res) => json(res, {}, 503, { 'retry-after': '0' }));
    const e = await expectKbError(loadKcc(objects(s, { retries: 2 }), '/tmp', letters.slice(1), { env }));
    expect(e.message).toContain('answered HTTP 503 (3 attempts)');
    expect(e.status).toBe(503);
    expect(s.seen).toHaveLength(3);
  });

  it('slow answer: a timeout per attempt, retried, then a clear error', async () => {
    const s = await serve(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 1500));
      json(res, { results: [] });
    });
    const started = Date.now();
    const e = await expectKbError(loadKcc(objects(s, { timeout: 150, retries: 1 }), '/tmp', letters.slice(1), { env }));
    expect(e.message).toContain('no answer within 150 ms (2 attempts)');
    expect(Date.now() - started).toBeLessThan(1400);
    expect(s.seen).toHaveLength(2);
  });

  it.each([
    ['not JSON', (res: ServerResponse) => res.end('{"results": [', 'utf8'), 'answered something that is not JSON'],
    ['a login page', (res: ServerResponse) => { res.setHeader('content-type', 'text/html'); res.end('<html>Log in</html>'); }, 'answered HTML instead of JSON'],
    ['no results list', (res: ServerResponse) => json(res, { count: 1, results: 'x' }), 'expected an object with `results`'],
    ['a result without record.data', (res: ServerResponse) => json(res, { next: null, results: [{ uuid: 'x', record: {} }] }), 'results[0] has no record.data'],
    ['a bad next', (res: ServerResponse) => json(res, { next: 42, results: [] }), '`next` is not a URL'],
  ])('malformed body (%s) is a KnowledgeBaseError', async (_name, answer, text) => {
    const s = await serve((_req, res) => answer(res));
    const e = await expectKbError(loadKcc(objects(s), '/tmp', letters.slice(1), { env }));
    expect(e.message).toContain(text);
  });

  it('a `next` that loops is an error, not an endless run', async () => {
    const s = await serve(withProbes((req, res) => json(res, { next: `${s.base}${req.url}`, results: [] })));
    const e = await expectKbError(loadKcc(objects(s), '/tmp', letters.slice(1), { env }));
    expect(e.message).toContain('pagination loops');
  });

  it('the token never reaches another origin: not after a redirect, not via `next`', async () => {
    const other = await serve((_req, res) => json(res, { count: 0, next: null, previous: null, results: [] }));
    const api = await serve(withProbes((req, res) => {
      const u = new URL(req.url!, 'http://x');
      if (u.searchParams.get('data_icontains') === 'kwijtschelding-2027') {
        res.writeHead(302, { location: `${other.base}/elders${req.url}` });
        return res.end();
      }
      if (u.searchParams.get('data_icontains') === 'BEL/2027/0142') {
        return json(res, { next: `${other.base}/api/v2/objects?page=2`, results: [] });
      }
      // A same-origin redirect keeps the token.
      if (!u.pathname.startsWith('/hier')) {
        res.writeHead(307, { location: `/hier${req.url}` });
        return res.end();
      }
      return json(res, { next: null, results: [] });
    }));
    await loadKcc(objects(api), '/tmp', letters, { env });
    expect(other.seen).toHaveLength(2);
    for (const r of other.seen) {
      expect(r.headers.authorization).toBeUndefined();
      expect(JSON.stringify(r.headers)).not.toContain(TOKEN);
    }
    expect(api.seen.length).toBeGreaterThanOrEqual(4);
    for (const r of api.seen) expect(r.headers.authorization).toBe(`Token ${TOKEN}`);
    expect(api.seen.some((r) => r.url.startsWith('/hier'))).toBe(true);
  });

  it('an env var named in config but not set is a clear error; no request is made', async () => {
    const s = await serve((_req, res) => json(res, { results: [] }));
    const e = await expectKbError(loadKcc(objects(s), '/tmp', letters, { env: {} }));
    expect(e.message).toContain('environment variable OBJECTS_TOKEN is not set');
    expect(s.seen).toHaveLength(0);
  });

  it('an unreachable server is a KnowledgeBaseError naming the URL', async () => {
    const s = await serve(() => undefined);
    const dead = s.base;
    await s.close();
    servers.splice(servers.indexOf(s), 1);
    const e = await expectKbError(loadKcc({ adapter: 'objects-api', url: dead, objecttype: OBJECTTYPE, retries: 1, backoff: 1 }, '/tmp', letters.slice(1)));
    expect(e.location).toContain(`${dead}/api/v2/objects?`);
    expect(e.reason.en).toMatch(/^unreachable \(ECONNREFUSED\) \(2 attempts\)$/);
  });
});

describe('kiss adapter (werkinstructies)', () => {
  const kiss = (s: TestServer, extra: Record<string, unknown> = {}) =>
    ({ adapter: 'kiss', url: s.base, authEnv: 'KISS_COOKIE', authHeader: 'Cookie', ...fast, ...extra });

  const instructies = [
    {
      id: 7,
      titel: 'Brief kwijtschelding 2027',
      inhoud: '<p>Brief BEL/2027/0142 gaat op 1 februari de deur uit. Verwijs naar <a href="https://voorbeeldstad.example/kwijtschelding">de aanvraagpagina</a>.</p>',
      type: 'Werkinstructie',
      publicatieDatum: '2027-01-24T23:30:00Z',
      publicatieEinddatum: '2027-04-30T12:00:00+02:00',
      wijzigingsDatum: '2027-01-20T10:00:00+01:00',
      skills: ['Belastingen'],
    },
    { id: 8, titel: 'Afvalkalender', inhoud: '<p>Geen brief.</p>', type: 'Werkinstructie', publicatieDatum: '2026-12-01T00:00:00Z', wijzigingsDatum: null, skills: [] },
  ];

  it('GET /api/berichten/published with type and search, pages from X-Current-Page / X-Total-Pages, auth header from the env', async () => {
    const s = await serve(publishedOnly((req, res) => {
      const u = new URL(req.url!, 'http://x');
      const page = Number(u.searchParams.get('page') ?? '1');
      if (u.searchParams.get('search') === 'kwijtschelding-2027') {
        return json(res, page === 1 ? [instructies[0]] : [instructies[1]], 200, { 'X-Current-Page': String(page), 'X-Total-Pages': '2' });
      }
      return json(res, [], 200, { 'X-Current-Page': '1', 'X-Total-Pages': '0' });
    }));
    const facts = await loadKcc(kiss(s), '/tmp', letters, { env });
    expect(s.seen.map((r) => r.url).sort()).toEqual(
      [
        '/api/berichten',
        '/api/berichten/published?type=Werkinstructie&search=kwijtschelding-2027',
        '/api/berichten/published?type=Werkinstructie&search=kwijtschelding-2027&page=2',
        '/api/berichten/published?type=Werkinstructie&search=BEL%2F2027%2F0142',
        '/api/berichten/published?type=Werkinstructie&search=afvalpas-2027',
      ].sort(),
    );
    for (const r of s.seen) {
      expect(r.headers.cookie).toBe(env.KISS_COOKIE);
      expect(r.headers.authorization).toBeUndefined();
    }
    expect(facts.source).toBe('kiss');
    expect(facts.briefings.map((b) => b.id)).toEqual(['7', '8']);
    expect(facts.briefings[0]).toMatchObject({
      source: 'kiss',
      location: `${s.base}/api/berichten/7`,
      title: 'Brief kwijtschelding 2027',
      // A werkinstructie covers the letters whose id or kenmerk it names.
      covers: { ids: ['BEL/2027/0142'], kenmerken: [], paths: [] },
      validFrom: '2027-01-25',
      validUntil: '2027-04-30',
      lastUpdated: '2027-01-20',
      urls: ['https://voorbeeldstad.example/kwijtschelding'],
    });
    expect(facts.briefings[1].covers.ids).toEqual([]);
  });

  it('stops when the server ignores the page parameter', async () => {
    const s = await serve(publishedOnly((_req, res) => json(res, [instructies[1]], 200, { 'X-Current-Page': '1', 'X-Total-Pages': '5' })));
    const facts = await loadKcc(kiss(s), '/tmp', letters.slice(1), { env });
    expect(facts.briefings).toHaveLength(1);
    // The editors' list (403), then pages 1 and 2 of the published search.
    expect(s.seen).toHaveLength(3);
  });

  it('401: names the env var, no token in the message', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(401);
      res.end();
    });
    const e = await expectKbError(loadKcc(kiss(s), '/tmp', letters.slice(1), { env }));
    expect(e.reason.en).toContain('access denied (HTTP 401) — check that KISS_COOKIE holds a valid key or session');
  });

  it('500 then recovery', async () => {
    const s = await serve((_req, res, n) => (n === 1 ? json(res, {}, 500) : json(res, [], 200, { 'X-Current-Page': '1', 'X-Total-Pages': '1' })));
    await loadKcc(kiss(s), '/tmp', letters.slice(1), { env });
    expect(s.seen).toHaveLength(2);
  });

  it('slow answer → timeout error', async () => {
    const s = await serve(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 1500));
      json(res, []);
    });
    const e = await expectKbError(loadKcc(kiss(s, { timeout: 100, retries: 0 }), '/tmp', letters.slice(1), { env }));
    expect(e.message).toContain('no answer within 100 ms (1 attempt)');
  });

  it.each([
    ['an object instead of a list', { results: [] }, 'expected a list of berichten'],
    ['an item without id', [{ titel: 'x' }], 'item 0 has no id'],
    ['inhoud that is not text', [{ id: 1, inhoud: 5 }], 'item 0: inhoud is not text'],
  ])('malformed body (%s)', async (_name, body, text) => {
    const s = await serve((_req, res) => json(res, body));
    const e = await expectKbError(loadKcc(kiss(s), '/tmp', letters.slice(1), { env }));
    expect(e.message).toContain(`unexpected answer from KISS: ${text}`);
  });

  it('a malformed published answer (fallback) is a KnowledgeBaseError too', async () => {
    const s = await serve(publishedOnly((_req, res) => json(res, { results: [] })));
    const e = await expectKbError(loadKcc(kiss(s), '/tmp', letters.slice(1), { env }));
    expect(e.message).toContain('unexpected answer from KISS: expected a list of werkinstructies');
  });

  it('a redirect to another origin (say, a login server) does not carry the session along', async () => {
    const login = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><form>Inloggen</form></html>');
    });
    const s = await serve((_req, res) => {
      res.writeHead(302, { location: `${login.base}/login?returnUrl=/api/berichten/published` });
      res.end();
    });
    const e = await expectKbError(loadKcc(kiss(s), '/tmp', letters.slice(1), { env }));
    expect(e.message).toContain('answered HTML instead of JSON (a login page?');
    expect(login.seen).toHaveLength(1);
    expect(login.seen[0].headers.cookie).toBeUndefined();
    expect(JSON.stringify(login.seen[0].headers)).not.toContain(TOKEN);
    expect(s.seen[0].headers.cookie).toBe(env.KISS_COOKIE);
  });
});
