import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { page, type Route, type Routes, type SiteServer } from '../../fixtures/site/server.mjs';
import { formJson, openFormsApi, openFormsEmbed, type SeenRequest } from '../../fixtures/forms/openforms.mjs';
import { checkSite } from '../../src/facts/site/index.js';
import { checkForms, type FormsFacts, type FormsOptions } from '../../src/facts/forms/index.js';
import type { SiteFacts } from '../../src/facts/site/types.js';
import { formsOptionsFor, siteOptionsFor, startServer } from './helpers.js';

const V = 'https://voorbeeldstad.example';
const OF = 'https://forms.voorbeeldstad.example';
const API = `${OF}/api/v2/`;
const TOKEN = 'of-test-token-123';
const UUID = '3e1a5c7d-9b2f-4d6e-8a0c-1f3e5a7c9b2d';

const JSON_TYPE = { 'content-type': 'application/json' };

const embedPage = (title: string, formId: string, base = API) =>
  ({ body: page(title, `<p>Vul het formulier hieronder in.</p>${openFormsEmbed(formId, base)}`) }) satisfies Route;

/** Routes that log every request, with its Authorization header, into `log`. */
function recordInto(log: SeenRequest[], routes: Routes): Routes {
  const out: Routes = {};
  for (const [key, route] of Object.entries(routes)) {
    out[key] = (req) => {
      log.push({ host: req.host, path: req.path, authorization: req.headers.authorization as string | undefined });
      return typeof route === 'function' ? route(req) : route;
    };
  }
  return out;
}
const seen: SeenRequest[] = [];
const recordAll = (routes: Routes) => recordInto(seen, routes);

const routes: Routes = recordAll({
  // Pages of the gemeente embedding Open Formulieren forms (as the WordPress plugin renders them).
  [`${V}/open`]: embedPage('Aanvraag', 'aanvraag-open'),
  [`${V}/ook-open`]: embedPage('Nog een pagina met dezelfde aanvraag', 'aanvraag-open'),
  [`${V}/uit`]: embedPage('Uitgeschakeld', 'aanvraag-uit'),
  [`${V}/weg`]: embedPage('Verwijderd', 'aanvraag-weg'),
  [`${V}/onderhoud`]: embedPage('Onderhoud', 'aanvraag-onderhoud'),
  [`${V}/vol`]: embedPage('Vol', 'aanvraag-vol'),
  [`${V}/digid`]: embedPage('Met DigiD', 'aanvraag-digid'),
  [`${V}/dicht`]: embedPage('Dicht', 'aanvraag-dicht'),
  [`${V}/dicht-overzicht`]: embedPage('Dicht met overzicht', 'aanvraag-dicht-overzicht'),
  [`${V}/kapot`]: embedPage('Kapot', 'aanvraag-kapot'),
  [`${V}/kapot-json`]: embedPage('Kapotte JSON', 'aanvraag-kapot-json'),
  [`${V}/geen-json`]: embedPage('Geen JSON', 'aanvraag-html'),
  [`${V}/uuid`]: embedPage('Op uuid', UUID),
  [`${V}/zonder-slash`]: embedPage('Basis zonder slash', 'aanvraag-open', `${OF}/api/v2`),
  [`${V}/storing`]: embedPage('Storing', 'aanvraag-storing'),
  [`${V}/storing-blijft`]: embedPage('Storing blijft', 'aanvraag-storing-blijft'),
  [`${V}/elders`]: embedPage('Formulier van een ander', 'geheim', 'https://www.regelhulp.example/api/v2/'),
  // Other forms.
  [`${V}/html`]: { body: page('Melding', '<form method="post" action="/melding"><label>Omschrijving <textarea name="omschrijving"></textarea></label><button>Verstuur</button></form>') },
  [`${V}/zoeken`]: {
    body: page(
      'Alleen zoeken',
      '<form role="search" action="/zoeken"><input type="search" name="q"></form><p>Was deze pagina nuttig?</p><form action="/feedback"><input type="radio" name="nuttig" value="ja"><input type="radio" name="nuttig" value="nee"></form>',
      { head: '' },
    ).replace('<nav>', '<nav><form action="/zoeken"><input name="zoekterm"><button>Zoek</button></form>'),
  },
  [`${V}/link-loket`]: { body: page('Aanvragen', '<p><a href="https://loket.voorbeeldstad.example/aanvraag?id=1">Vraag het aan</a></p>') },
  [`${V}/link-of`]: { body: page('Aanvragen', `<p><a href="${OF}/aanvraag-open/">Start de aanvraag</a></p>`) },
  [`${V}/naar-of`]: { status: 302, redirect: `${OF}/aanvraag-onderhoud/startpagina` },
  [`${V}/pdf`]: { headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.4' },
  [`${V}/mijn`]: { status: 302, redirect: 'https://digid.nl/inloggen' },
  [`${V}/oud`]: { status: 404 },
  // The Open Formulieren instance: the SDK's single-page app for every form route, and its API.
  [`${OF}/*`]: { body: page('Open Formulieren', '<div id="root"></div>') },
  ...openFormsApi({
    host: 'forms.voorbeeldstad.example',
    token: TOKEN,
    forms: {
      'aanvraag-open': formJson('aanvraag-open', { name: 'Aanvraag kwijtschelding' }),
      'aanvraag-uit': 'inactive',
      'aanvraag-weg': 'deleted',
      'aanvraag-onderhoud': formJson('aanvraag-onderhoud', { maintenanceMode: true }),
      'aanvraag-vol': formJson('aanvraag-vol', { submissionLimitReached: true }),
      'aanvraag-digid': formJson('aanvraag-digid', { loginRequired: true, loginOptions: ['digid', 'eherkenning'] }),
      'aanvraag-dicht': formJson('aanvraag-dicht', { submissionAllowed: 'no_without_overview' }),
      'aanvraag-dicht-overzicht': formJson('aanvraag-dicht-overzicht', { submissionAllowed: 'no_with_overview' }),
      'aanvraag-kapot': '{"uuid": "1", "active": "ja", "maintenanceMode": false}',
      'aanvraag-kapot-json': '{"active": tru',
      'aanvraag-html': () => ({ body: page('Inloggen') }),
      [UUID]: formJson('op-uuid', { uuid: UUID }),
      'aanvraag-storing': () => ({ headers: JSON_TYPE, body: JSON.stringify(formJson('aanvraag-storing')), flaky: { times: 1, status: 503 } }),
      'aanvraag-storing-blijft': () => ({ status: 503, headers: JSON_TYPE, body: '{}' }),
    },
  }),
  ...openFormsApi({ host: 'www.regelhulp.example', forms: { geheim: 'inactive' } }),
  'digid.nl*': { title: 'DigiD' },
});

const PAGES = [
  'open',
  'ook-open',
  'uit',
  'weg',
  'onderhoud',
  'vol',
  'digid',
  'dicht',
  'dicht-overzicht',
  'kapot',
  'kapot-json',
  'geen-json',
  'uuid',
  'zonder-slash',
  'storing',
  'storing-blijft',
  'elders',
  'html',
  'zoeken',
  'link-loket',
  'link-of',
  'naar-of',
  'pdf',
  'mijn',
  'oud',
].map((p) => `${V}/${p}`);
const STANDALONE = `${OF}/aanvraag-digid/stap/gegevens`;

let server: SiteServer;
let site: SiteFacts;
let facts: FormsFacts;
let apiRequests: number;

async function run(options: Partial<FormsOptions> = {}): Promise<FormsFacts> {
  return checkForms(site, formsOptionsFor(server, options));
}

beforeAll(async () => {
  server = await startServer(routes);
  site = await checkSite([...PAGES, STANDALONE], siteOptionsFor(server));
  server.reset();
  seen.length = 0;
  facts = await run({ token: TOKEN });
  apiRequests = server.count({ host: 'forms.voorbeeldstad.example' });
});
afterAll(async () => {
  await server?.close();
});

const at = (path: string) => facts.urls[`${V}/${path}`];

describe('checkForms: Open Formulieren embeds', () => {
  it('an active form that accepts submissions is open, with what the API says', () => {
    expect(at('open')).toEqual({
      platform: 'open-formulieren',
      source: 'embed',
      state: 'open',
      slug: 'aanvraag-open',
      uuid: '5f7b1c3e-0c4d-4a4b-9d1e-2a3b4c5d6e7f',
      name: 'Aanvraag kwijtschelding',
      apiUrl: `${API}forms/aanvraag-open`,
      submissionAllowed: 'yes',
      loginRequired: false,
      loginOptions: [],
    });
  });

  it('inactive: 404 for anonymous callers, but listed with the token', () => {
    expect(at('uit')).toMatchObject({ state: 'inactive', listChecked: true, slug: 'aanvraag-uit' });
    expect(at('uit').reason).toMatch(/^404 not_found: Niet gevonden\., but listed in/);
  });

  it('missing: 404 and not in the list', () => {
    expect(at('weg')).toMatchObject({ state: 'missing', listChecked: true });
    expect(at('weg').reason).toMatch(/not in .*public\/forms: deleted or never there/);
  });

  it('maintenance, submission limit, closed (with and without overview)', () => {
    expect(at('onderhoud')).toMatchObject({ state: 'maintenance', reason: '"maintenanceMode": true' });
    expect(at('vol')).toMatchObject({ state: 'limit-reached' });
    expect(at('dicht')).toMatchObject({ state: 'closed', submissionAllowed: 'no_without_overview' });
    expect(at('dicht-overzicht')).toMatchObject({ state: 'closed', submissionAllowed: 'no_with_overview' });
  });

  it('login required: loginRequired and the identifiers of the log-in options', () => {
    expect(at('digid')).toMatchObject({ state: 'open', loginRequired: true, loginOptions: ['digid', 'eherkenning'] });
  });

  it('a malformed answer is unknown, with the reason, never a crash', () => {
    expect(at('kapot')).toMatchObject({ state: 'unknown', reason: 'malformed answer: "active" is string, not a boolean' });
    expect(at('kapot-json')).toMatchObject({ state: 'unknown' });
    expect(at('kapot-json').reason).toMatch(/^malformed JSON: /);
    expect(at('geen-json')).toMatchObject({ state: 'unknown', reason: 'the API answer is not JSON (text/html; charset=utf-8)' });
  });

  it('a form embedded by UUID is asked for by UUID', () => {
    expect(at('uuid')).toMatchObject({ state: 'open', uuid: UUID, slug: 'op-uuid', apiUrl: `${API}forms/${UUID}` });
  });

  it('joins a base URL without a trailing slash, and asks each distinct form once', () => {
    expect(at('zonder-slash')).toMatchObject({ state: 'open', apiUrl: `${API}forms/aanvraag-open` });
    expect(at('ook-open').state).toBe('open');
    // /open, /ook-open, /zonder-slash and the link on /link-of: one request.
    expect(server.count({ path: '/api/v2/forms/aanvraag-open' })).toBe(1);
    expect(server.requests.some((r) => r.path.endsWith('/'))).toBe(false);
  });

  it('retries a 5xx, and gives unknown when it persists', () => {
    expect(at('storing').state).toBe('open');
    expect(server.count({ path: '/api/v2/forms/aanvraag-storing' })).toBe(2);
    expect(at('storing-blijft')).toMatchObject({ state: 'unknown', reason: 'the API answers with an error (status 503)' });
    expect(server.count({ path: '/api/v2/forms/aanvraag-storing-blijft' })).toBe(2);
  });

  it('the token goes only to the configured API origin, and only for the form list', () => {
    const withToken = seen.filter((r) => r.authorization !== undefined);
    expect(withToken.map((r) => [r.host, r.path, r.authorization])).toEqual([['forms.voorbeeldstad.example', '/api/v2/public/forms', `Token ${TOKEN}`]]);
    // www.regelhulp.example is not a configured Open Forms host: asked anonymously, and its 404 stays ambiguous.
    expect(seen.some((r) => r.host === 'www.regelhulp.example' && r.path === '/api/v2/forms/geheim')).toBe(true);
    expect(at('elders')).toMatchObject({ state: 'missing', apiUrl: 'https://www.regelhulp.example/api/v2/forms/geheim' });
    expect(at('elders').listChecked).toBeUndefined();
    expect(at('elders').reason).toMatch(/no token is sent to https:\/\/www\.regelhulp\.example/);
  });

  it('one list request per API, however many 404s', () => {
    expect(server.count({ host: 'forms.voorbeeldstad.example', path: '/api/v2/public/forms' })).toBe(1);
    expect(facts.stats.requests).toBeGreaterThanOrEqual(apiRequests);
  });
});

describe('checkForms: other forms and pages', () => {
  it('a plain HTML form with fields is open', () => {
    expect(at('html')).toEqual({ platform: 'html', source: 'form', state: 'open' });
  });

  it('a search box and a "was this page useful?" poll are no form', () => {
    expect(at('zoeken')).toEqual({ state: 'none' });
  });

  it('a link to a configured forms host is a link (not followed)', () => {
    expect(at('link-loket')).toMatchObject({ platform: 'link', source: 'link', state: 'unknown', formUrl: 'https://loket.voorbeeldstad.example/aanvraag?id=1' });
    expect(server.count({ host: 'loket.voorbeeldstad.example' })).toBe(0);
  });

  it('a link to a standalone Open Formulieren form is that form', () => {
    expect(at('link-of')).toMatchObject({ platform: 'open-formulieren', source: 'link', slug: 'aanvraag-open', state: 'open', formUrl: `${OF}/aanvraag-open/` });
  });

  it('a redirect to a standalone Open Formulieren page (an SDK route) is that form', () => {
    expect(at('naar-of')).toMatchObject({ platform: 'open-formulieren', source: 'page', slug: 'aanvraag-onderhoud', state: 'maintenance' });
    expect(facts.urls[STANDALONE]).toMatchObject({ platform: 'open-formulieren', source: 'page', slug: 'aanvraag-digid', loginRequired: true });
  });

  it('a PDF holds no form; dead pages and login walls get no entry', () => {
    expect(at('pdf')).toEqual({ state: 'none', reason: 'not an HTML page (application/pdf)' });
    expect(at('mijn')).toBeUndefined();
    expect(at('oud')).toBeUndefined();
  });

  it('without a token a 404 is "missing", and says it cannot tell', async () => {
    server.reset();
    const anonymous = await run({ tokenEnv: 'BRIEFLINT_OPENFORMS_TOKEN' });
    expect(anonymous.urls[`${V}/uit`]).toMatchObject({ state: 'missing' });
    expect(anonymous.urls[`${V}/uit`].listChecked).toBeUndefined();
    expect(anonymous.urls[`${V}/uit`].reason).toBe(
      '404 not_found: Niet gevonden.: switched off or deleted (BRIEFLINT_OPENFORMS_TOKEN is not set, so the two cannot be told apart)',
    );
    expect(server.count({ path: '/api/v2/public/forms' })).toBe(0);
  });

  it('a wrong token: the list answers 401, the 404 stays "missing" with the reason', async () => {
    const wrong = await run({ token: 'fout' });
    expect(wrong.urls[`${V}/uit`]).toMatchObject({ state: 'missing' });
    expect(wrong.urls[`${V}/uit`].reason).toMatch(/the form list could not be read \(401 not_authenticated: /);
  });

  it('the token does not follow a redirect to another origin', async () => {
    const log: SeenRequest[] = [];
    const other = await startServer(
      recordInto(log, {
        [`${V}/uit`]: embedPage('Uitgeschakeld', 'uit'),
        [`${API}forms/uit`]: { status: 404, headers: JSON_TYPE, body: '{}' },
        [`${API}public/forms`]: { status: 302, redirect: 'https://www.regelhulp.example/api/v2/public/forms' },
        'https://www.regelhulp.example/api/v2/public/forms': { headers: JSON_TYPE, body: '{"results": [{"slug": "uit"}]}' },
      }),
    );
    try {
      const s = await checkSite([`${V}/uit`], siteOptionsFor(other));
      const f = await checkForms(s, formsOptionsFor(other, { token: TOKEN }));
      expect(f.urls[`${V}/uit`]).toMatchObject({ state: 'inactive', listChecked: true });
      expect(log.map((r) => [r.host, r.path, r.authorization ?? null])).toEqual([
        ['voorbeeldstad.example', '/uit', null],
        ['forms.voorbeeldstad.example', '/api/v2/forms/uit', null],
        ['forms.voorbeeldstad.example', '/api/v2/public/forms', `Token ${TOKEN}`],
        ['www.regelhulp.example', '/api/v2/public/forms', null],
      ]);
    } finally {
      await other.close();
    }
  });

  it('a 404 that is no API answer says so', async () => {
    const other = await startServer({ [`${V}/x`]: embedPage('X', 'x', 'https://forms.voorbeeldstad.example/') });
    try {
      const f = await checkForms(await checkSite([`${V}/x`], siteOptionsFor(other)), formsOptionsFor(other));
      expect(f.urls[`${V}/x`]).toMatchObject({ state: 'missing', apiUrl: 'https://forms.voorbeeldstad.example/forms/x' });
      expect(f.urls[`${V}/x`].reason).toMatch(/^status 404 \(not an API answer: is the API root right\?\)/);
    } finally {
      await other.close();
    }
  });

  it('an API that does not answer in time is unknown', async () => {
    const slow = await startServer({
      [`${V}/traag`]: embedPage('Traag', 'traag'),
      ...openFormsApi({ host: 'forms.voorbeeldstad.example', forms: { traag: () => ({ delayMs: 2_000, headers: JSON_TYPE, body: '{}' }) } }),
    });
    try {
      const s = await checkSite([`${V}/traag`], siteOptionsFor(slow));
      const f = await checkForms(s, formsOptionsFor(slow, { timeoutMs: 300, retries: 0 }));
      expect(f.urls[`${V}/traag`]).toMatchObject({ state: 'unknown' });
      expect(f.urls[`${V}/traag`].reason).toMatch(/^no answer from the API: timeout/);
    } finally {
      await slow.close();
    }
  });
});
