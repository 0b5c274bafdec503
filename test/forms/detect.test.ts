import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import {
  detectForms,
  formAnswerFromJson,
  formDetailUrl,
  formsConfigSchema,
  formsOptionsFromConfig,
  htmlForms,
  listedForms,
  normalizeApiBase,
  parseHostEntry,
  problemSummary,
  publicFormsUrl,
  standaloneForm,
} from '../../src/facts/forms/index.js';
import { formJson, notFoundProblem, openFormsEmbed } from '../../fixtures/forms/openforms.mjs';

const PAGE = 'https://www.voorbeeldstad.example/belastingen/kwijtschelding';
const OF_HOST = parseHostEntry('formulieren.voorbeeldstad.example');
const hosts = { openFormsHosts: [OF_HOST], formHosts: [parseHostEntry('https://loket.voorbeeldstad.example/aanvragen/')] };
const none = { openFormsHosts: [], formHosts: [] };

describe('Open Formulieren embeds', () => {
  it('as the WordPress plugin renders them: slug and API root', () => {
    const html = openFormsEmbed('aanvraag-kwijtschelding', 'https://formulieren.voorbeeldstad.example/api/v2/');
    expect(detectForms(html, PAGE, none)).toEqual([
      { platform: 'open-formulieren', source: 'embed', slug: 'aanvraag-kwijtschelding', apiBase: 'https://formulieren.voorbeeldstad.example/api/v2/' },
    ]);
  });

  it('as the Django client renders them, by UUID, attributes in any order and quoting', () => {
    const html =
      "<div\n    id='openforms-root'\n    data-form-id=8F2B6A10-3C4D-4E5F-8A9B-0C1D2E3F4A5B\n    class=\"openforms-theme\"\n    data-base-url=\"https://formulieren.voorbeeldstad.example/api/v2\"\n    data-lang=\"nl\"\n></div>";
    expect(detectForms(html, PAGE, none)).toEqual([
      { platform: 'open-formulieren', source: 'embed', uuid: '8f2b6a10-3c4d-4e5f-8a9b-0c1d2e3f4a5b', apiBase: 'https://formulieren.voorbeeldstad.example/api/v2/' },
    ]);
  });

  it('resolves a relative data-base-url and decodes entities', () => {
    expect(detectForms('<div data-base-url="/formulieren/api/v2/" data-form-id="melding&#45;openbare&#45;ruimte"></div>', PAGE, none)).toEqual([
      { platform: 'open-formulieren', source: 'embed', slug: 'melding-openbare-ruimte', apiBase: 'https://www.voorbeeldstad.example/formulieren/api/v2/' },
    ]);
  });

  it('an embed without data-base-url uses the only configured Open Forms host, else stays unknown', () => {
    const html = '<div data-form-id="aanvraag"></div>';
    expect(detectForms(html, PAGE, hosts)[0]).toMatchObject({ apiBase: 'https://formulieren.voorbeeldstad.example/api/v2/', slug: 'aanvraag' });
    expect(detectForms(html, PAGE, none)[0]).toMatchObject({ platform: 'open-formulieren', state: 'unknown' });
  });
});

describe('standalone Open Formulieren pages', () => {
  it.each([
    ['https://formulieren.voorbeeldstad.example/hondenbelasting/', 'hondenbelasting'],
    ['https://formulieren.voorbeeldstad.example/hondenbelasting', 'hondenbelasting'],
    ['https://formulieren.voorbeeldstad.example/hondenbelasting/startpagina', 'hondenbelasting'],
    ['https://formulieren.voorbeeldstad.example/hondenbelasting/stap/gegevens-hond', 'hondenbelasting'],
    ['https://formulieren.voorbeeldstad.example/hondenbelasting/overzicht?x=1', 'hondenbelasting'],
  ])('%s → %s', (url, slug) => {
    expect(standaloneForm(url, [OF_HOST])).toEqual({ slug, apiBase: 'https://formulieren.voorbeeldstad.example/api/v2/', formUrl: `https://formulieren.voorbeeldstad.example/${slug}/` });
  });

  it.each([
    'https://formulieren.voorbeeldstad.example/',
    'https://formulieren.voorbeeldstad.example/admin/',
    'https://formulieren.voorbeeldstad.example/api/v2/forms/x',
    'https://formulieren.voorbeeldstad.example/static/sdk/open-forms-sdk.js',
    'https://formulieren.voorbeeldstad.example/auth/digid/start',
    'https://voorbeeldstad.example/hondenbelasting/',
    'https://formulieren.voorbeeldstad.example:8443/hondenbelasting/',
  ])('%s is no standalone form', (url) => {
    expect(standaloneForm(url, [OF_HOST])).toBeUndefined();
  });

  it('a host with a path prefix', () => {
    const entry = parseHostEntry('https://www.voorbeeldstad.example/formulieren');
    expect(entry).toEqual({ origin: 'https://www.voorbeeldstad.example', host: 'www.voorbeeldstad.example', basePath: '/formulieren/' });
    expect(standaloneForm('https://www.voorbeeldstad.example/formulieren/parkeren/stap/auto', [entry])).toMatchObject({
      slug: 'parkeren',
      apiBase: 'https://www.voorbeeldstad.example/formulieren/api/v2/',
    });
    expect(standaloneForm('https://www.voorbeeldstad.example/parkeren/', [entry])).toBeUndefined();
  });

  it('the landing page itself, and links and iframes to one', () => {
    expect(detectForms(undefined, 'https://formulieren.voorbeeldstad.example/afval/startpagina', hosts)).toEqual([
      { platform: 'open-formulieren', source: 'page', slug: 'afval', apiBase: 'https://formulieren.voorbeeldstad.example/api/v2/', formUrl: 'https://formulieren.voorbeeldstad.example/afval/' },
    ]);
    const html = '<p><a href="https://formulieren.voorbeeldstad.example/afval/">Meld het</a></p><iframe src="//formulieren.voorbeeldstad.example/grofvuil/"></iframe>';
    expect(detectForms(html, PAGE, hosts).map((d) => [d.source, d.slug])).toEqual([
      ['iframe', 'grofvuil'],
      ['link', 'afval'],
    ]);
  });
});

describe('plain HTML forms', () => {
  it('a form with fields counts; hidden fields and buttons alone do not', () => {
    expect(htmlForms('<form action="/x"><input name="naam"><button>OK</button></form>')).toHaveLength(1);
    expect(htmlForms('<form><select name="wijk"><option>Noord</option></select></form>')).toHaveLength(1);
    expect(htmlForms('<form><textarea name="t"></textarea></form>')).toHaveLength(1);
    expect(htmlForms('<form method="post"><input type="hidden" name="csrf" value="1"><input type="submit" value="Ga"></form>')).toHaveLength(0);
    // A SAML auto-post page is a login wall, not a form.
    expect(htmlForms('<form method="post" action="https://was.digid.nl/saml"><input type="hidden" name="SAMLRequest" value="x"></form>')).toHaveLength(0);
  });

  it('search boxes, newsletter sign-ups, cookie banners and page polls are not the form', () => {
    expect(htmlForms('<form role="search"><input name="q"></form>')).toHaveLength(0);
    expect(htmlForms('<form action="/zoeken"><input name="term"></form>')).toHaveLength(0);
    expect(htmlForms('<form><input type="search" name="x"></form>')).toHaveLength(0);
    expect(htmlForms('<form><input name="zoekterm"></form>')).toHaveLength(0);
    expect(htmlForms('<form class="nieuwsbrief-aanmelden"><input type="email" name="email"></form>')).toHaveLength(0);
    expect(htmlForms('<form id="cookie-consent"><input type="checkbox" name="stats"></form>')).toHaveLength(0);
    expect(htmlForms('<form><p>Was deze pagina nuttig?</p><input type="radio" name="r" value="ja"></form>')).toHaveLength(0);
  });

  it('a form in the header, navigation or footer is page chrome', () => {
    expect(htmlForms('<header><form><input name="x"></form></header><main><p>Tekst</p></main>')).toHaveLength(0);
    expect(htmlForms('<footer><form><input type="email" name="mail"></form></footer>')).toHaveLength(0);
    expect(htmlForms('<header><nav>Menu</nav></header><main><form><input name="naam"></form></main>')).toHaveLength(1);
  });

  it('a form cut off by the body limit still counts', () => {
    expect(htmlForms('<main><form action="/aanvraag"><label>Naam <input name="naam"')).toHaveLength(0);
    expect(htmlForms('<main><form action="/aanvraag"><label>Naam <input name="naam"> <input name="adres"')).toHaveLength(1);
  });
});

describe('links to a forms host', () => {
  it('a link under the configured path is a link; other pages of that host are not', () => {
    const html = '<a href="https://loket.voorbeeldstad.example/aanvragen/parkeervergunning">Aanvragen</a><a href="https://loket.voorbeeldstad.example/over-ons">Over</a>';
    expect(detectForms(html, PAGE, hosts)).toEqual([
      {
        platform: 'link',
        source: 'link',
        formUrl: 'https://loket.voorbeeldstad.example/aanvragen/parkeervergunning',
        state: 'unknown',
        reason: 'a link to the forms host loket.voorbeeldstad.example; the form itself was not checked',
      },
    ]);
  });

  it('an embed beats a plain form, which beats a link', () => {
    const html = `<form><input name="n"></form><a href="https://loket.voorbeeldstad.example/aanvragen/x">x</a>${openFormsEmbed('a', 'https://formulieren.voorbeeldstad.example/api/v2/')}`;
    expect(detectForms(html, PAGE, hosts).map((d) => d.platform)).toEqual(['open-formulieren', 'html', 'link']);
  });

  it('nothing on a page without forms', () => {
    expect(detectForms('<main><h1>Afval</h1><p>Tekst. <a href="/contact">Contact</a></p></main>', PAGE, hosts)).toEqual([]);
  });
});

describe('API URLs and answers', () => {
  it('joins base URLs with and without a trailing slash; no trailing slash after the id', () => {
    expect(formDetailUrl('https://f.example/api/v2/', 'a')).toBe('https://f.example/api/v2/forms/a');
    expect(formDetailUrl('https://f.example/api/v2', 'a b')).toBe('https://f.example/api/v2/forms/a%20b');
    expect(formDetailUrl('https://f.example/api/v2//', 'a')).toBe('https://f.example/api/v2/forms/a');
    expect(publicFormsUrl('https://f.example/api/v2/')).toBe('https://f.example/api/v2/public/forms');
    expect(normalizeApiBase('https://f.example/api/v2?x=1#y', PAGE)).toBe('https://f.example/api/v2/');
    expect(normalizeApiBase('javascript:alert(1)', PAGE)).toBeUndefined();
  });

  it('reads the state from the detail JSON', () => {
    expect(formAnswerFromJson(formJson('a')).state).toBe('open');
    expect(formAnswerFromJson(formJson('a', { active: false })).state).toBe('inactive');
    expect(formAnswerFromJson(formJson('a', { maintenanceMode: true, submissionLimitReached: true })).state).toBe('maintenance');
    expect(formAnswerFromJson(formJson('a', { submissionLimitReached: true })).state).toBe('limit-reached');
    expect(formAnswerFromJson(formJson('a', { submissionAllowed: 'no_with_overview' }))).toMatchObject({ state: 'closed', submissionAllowed: 'no_with_overview' });
    expect(formAnswerFromJson(formJson('a', { loginRequired: true, loginOptions: ['digid_oidc', { identifier: 'eherkenning' }] }))).toMatchObject({
      loginRequired: true,
      loginOptions: ['digid_oidc', 'eherkenning'],
    });
  });

  it.each([
    [null, 'malformed answer: expected a JSON object, got null'],
    [[], 'malformed answer: expected a JSON object, got a list'],
    [{ maintenanceMode: false }, 'malformed answer: "active" is missing, not a boolean'],
    [{ active: true, maintenanceMode: 'nee' }, 'malformed answer: "maintenanceMode" is string, not a boolean'],
    [{ active: true, maintenanceMode: false, submissionAllowed: 'misschien' }, 'malformed answer: "submissionAllowed" is "misschien"'],
    [{ active: true, maintenanceMode: false, loginOptions: 'digid' }, 'malformed answer: "loginOptions" is string, not a list'],
    [{ active: true, maintenanceMode: false, submissionLimitReached: 1 }, 'malformed answer: "submissionLimitReached" is number, not a boolean'],
  ])('%j is unknown: %s', (data, reason) => {
    expect(formAnswerFromJson(data)).toMatchObject({ state: 'unknown', reason });
  });

  it('summarizes an NL API problem body, and copes without one', () => {
    expect(problemSummary(404, JSON.stringify(notFoundProblem()))).toBe('404 not_found: Niet gevonden.');
    expect(problemSummary(404, '<html>Not Found</html>')).toBe('status 404');
    expect(problemSummary(503, undefined)).toBe('status 503');
  });

  it('reads the token-protected form list', () => {
    expect(listedForms({ results: [{ uuid: 'ABC', slug: 'a' }, { slug: 'b' }, 3] })).toEqual(new Set(['abc', 'a', 'b']));
    expect(listedForms([{ slug: 'c' }])).toEqual(new Set(['c']));
    expect(listedForms({ count: 0 })).toBeUndefined();
  });
});

describe('config', () => {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(formsConfigSchema);

  it('the schema accepts the keys and refuses others', () => {
    expect(validate({ openFormsHosts: ['formulieren.voorbeeldstad.example'], formHosts: [], tokenEnv: 'OPENFORMS_TOKEN', timeout: 5000, retries: 1 })).toBe(true);
    expect(validate({ openFormHosts: [] })).toBe(false);
    expect(validate({ tokenEnv: 'geen naam' })).toBe(false);
    expect(validate({ retries: 11 })).toBe(false);
  });

  it('options from the section, the site options and the environment', () => {
    const site = { domains: [], connectTo: ['::127.0.0.1:8443'], ca: ['PEM'], timeoutMs: 7000, retries: 3, userAgent: 'ua' };
    const o = formsOptionsFromConfig({ openFormsHosts: ['https://formulieren.voorbeeldstad.example/'], tokenEnv: 'OF_TOKEN', retries: 0 }, site, { OF_TOKEN: ' geheim ' });
    expect(o).toEqual({
      openFormsHosts: [{ origin: 'https://formulieren.voorbeeldstad.example', host: 'formulieren.voorbeeldstad.example', basePath: '/' }],
      formHosts: [],
      tokenEnv: 'OF_TOKEN',
      token: 'geheim',
      timeoutMs: 7000,
      retries: 0,
      connectTo: ['::127.0.0.1:8443'],
      ca: ['PEM'],
      userAgent: 'ua',
    });
    expect(formsOptionsFromConfig({ tokenEnv: 'OF_TOKEN' }, site, {}).token).toBeUndefined();
    expect(formsOptionsFromConfig(undefined, { domains: [] }, {})).toEqual({ openFormsHosts: [], formHosts: [] });
  });

  it('errors name the key', () => {
    expect(() => formsOptionsFromConfig({ openFormsHosts: 'x' }, { domains: [] })).toThrow(/^forms\.openFormsHosts: expected a list/);
    expect(() => formsOptionsFromConfig({ formHosts: ['ftp://x'] }, { domains: [] })).toThrow(/^forms\.formHosts\[0\]: .*only http\(s\)/);
    expect(() => formsOptionsFromConfig({ timeout: -1 }, { domains: [] })).toThrow(/^forms\.timeout: /);
  });
});
