import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startSiteServer, testCerts, type SiteServer } from '../../fixtures/site/server.mjs';
import { demoDomains, demoHosts, demoRoutes } from '../../fixtures/site/demo-routes.mjs';
import { readMarkdown } from '../../src/letters/markdown.js';
import { extractReferences } from '../../src/extract/index.js';
import { resolveConfig } from '../../src/config/index.js';
import { runRules } from '../../src/engine.js';
import { loadKcc } from '../../src/facts/kcc/index.js';
import { checkSite, checkableUrls } from '../../src/facts/site/index.js';
import { checkForms, formsOptionsFromConfig } from '../../src/facts/forms/index.js';
import type { Facts } from '../../src/facts/types.js';
import type { Rule } from '../../src/rule.js';
import { allRules } from '../../rules/index.js';
import formUnavailable from '../../rules/form-unavailable.js';
import formNotFound from '../../rules/form-not-found-on-page.js';
import formLogin from '../../rules/form-login-mismatch.js';
import { noDns } from './helpers.js';

/** The forms demo: the example letters against the example site, every rule on. */
const demo = fileURLToPath(new URL('../../fixtures/demo/', import.meta.url));
const rules: Rule[] = [...allRules.filter((r) => !r.meta.id.startsWith('form-')), formUnavailable, formNotFound, formLogin];
const LETTERS = ['hondenbelasting-2027.md', 'kwijtschelding-2027.md', 'parkeervergunning-2027.md', 'subsidie-zonnepanelen-2027.md'];

let server: SiteServer;
beforeAll(async () => {
  server = await startSiteServer({ routes: demoRoutes, https: testCerts.server });
});
afterAll(async () => {
  await server?.close();
});

describe('demo: the hondenbelasting letter points at a form in maintenance', () => {
  it('the only finding for it is form-unavailable; the other letters get no form-unavailable', async () => {
    const files = LETTERS.map((name) => {
      const letter = readMarkdown(`brieven/${name}`, readFileSync(`${demo}brieven/${name}`));
      return { letter, refs: extractReferences(letter) };
    });
    const raw = JSON.parse(readFileSync(`${demo}brieflint.config.json`, 'utf8'));
    const config = resolveConfig(raw, demo, rules);
    const hrefs = [...new Set(files.flatMap((f) => checkableUrls(f.refs).map((u) => u.href)))];
    const siteOptions = { domains: demoDomains, connectTo: [...server.connectTo(demoHosts), ...server.connectTo()], ca: [testCerts.ca], lookup: noDns, retries: 0 };
    const site = await checkSite(hrefs, siteOptions);
    const forms = await checkForms(site, formsOptionsFromConfig(config.forms, siteOptions, {}));
    const kcc = await loadKcc(config.kcc, demo, files.map((f) => f.letter), { cwd: demo });
    const facts: Facts = { offline: false, today: '2027-01-10', site, forms, kcc };
    const findings = Object.fromEntries(files.map(({ letter, refs }) => [letter.meta.id, runRules(letter, refs, facts, config, rules, 'nl')]));

    expect(forms.urls['https://voorbeeldstad.example/hondenbelasting']).toMatchObject({
      platform: 'open-formulieren',
      slug: 'hondenbelasting',
      state: 'maintenance',
      loginRequired: true,
      loginOptions: ['digid'],
    });
    expect(findings['hondenbelasting-2027'].map((f) => [f.rule, f.severity, f.location?.line, f.message])).toEqual([
      [
        'form-unavailable',
        'error',
        16,
        'Het formulier “Hondenbelasting aangeven” op voorbeeldstad.example/hondenbelasting is in onderhoud: inwoners zien alleen een onderhoudsmelding.',
      ],
    ]);
    const formFindings = Object.entries(findings).flatMap(([id, list]) => list.filter((f) => f.rule.startsWith('form-')).map((f) => [id, f.rule]));
    expect(formFindings).toEqual([
      ['hondenbelasting-2027', 'form-unavailable'],
      // The zonnepanelen letter prints voorbeeldstad.example/zonnepanelen, which is dead (dead-url):
      // a dead page is not also reported as a page without a form.
    ]);
  });
});
