/**
 * `brieflint serve` in real headless Chromium (Debian's /usr/bin/chromium driven by
 * playwright-core), against the real server on 127.0.0.1 and the fixture site on loopback
 * (site.connectTo, site.ca, as the demo does): a Word letter with known problems, built here with
 * the `docx` package, is dropped on the page; the offline findings show at once, the live results
 * as they come; each finding sits at its passage; F8 moves from finding to finding; the KCC
 * briefing button writes a briefing that `check` then accepts; a changed folder letter is checked
 * again; axe-core finds no violations; and the page refuses a request without its token, under
 * another host name (DNS rebinding) and a POST from another origin.
 *
 * Without Chromium these tests skip with a message — except under CI=true, where they must run.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { Document, ExternalHyperlink, Footer, FootnoteReferenceRun, Header, Packer, Paragraph, TextRun } from 'docx';
import { allRules } from '../../rules/index.js';
import { loadConfig } from '../../src/config/index.js';
import { configSections } from '../../src/config/sections.js';
import { startServer, type ServeHandle } from '../../src/serve/server.js';
import { buildProgram } from '../../src/cli.js';
import type { JsonReport } from '../../src/report/types.js';
import { startSiteServer, testCerts, type SiteServer } from '../../fixtures/site/server.mjs';
import { demoHosts, demoRoutes } from '../../fixtures/site/demo-routes.mjs';
import { copyDemo, tempProject } from './helpers.js';

const CHROMIUM = process.env.BRIEFLINT_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const mustRun = process.env.CI === 'true';
if (!available && !mustRun) {
  console.warn(`skipping serve browser tests: ${CHROMIUM} not found (apt-get install chromium; under CI=true they run)`);
}

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core'), 'utf8');
const TODAY = '2027-01-10';
const LETTER_ID = 'afvalpas-proef-2027';
/** The dead address answers after a while, so the page shows the offline findings before it. */
const SLOW_MS = 1500;

/** A Word letter with known problems in its body, a footnote and its footer. */
async function problemLetter(extra = ''): Promise<Buffer> {
  const doc = new Document({
    title: 'Uw nieuwe afvalpas (proef)',
    customProperties: [
      { name: 'BriefID', value: LETTER_ID },
      { name: 'Kenmerk', value: 'AFV/2027/0099' },
      { name: 'Verzenddatum', value: '2027-02-01' },
      { name: 'Oplage', value: '800' },
    ],
    footnotes: { 1: { children: [new Paragraph('Verhuisd? Lees voorbeeldstad.example/verhuizen.')] } },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('Gemeente Voorbeeldstad')] }) },
        footers: { default: new Footer({ children: [new Paragraph('Vragen? Bel 14 0123.')] }) },
        children: [
          new Paragraph('Beste inwoner,'),
          new Paragraph({
            children: [
              new TextRun('Vraag uw nieuwe pas aan op '),
              new ExternalHyperlink({
                link: 'https://voorbeeldstad.example/Content/Afval/Afvalpas_Aanvragen.aspx?id=4711',
                children: [new TextRun('voorbeeldstad.example/Content/Afval/Afvalpas_Aanvragen.aspx?id=4711')],
              }),
              new TextRun('.'),
              new FootnoteReferenceRun(1),
            ],
          }),
          new Paragraph('Kijk voor de ophaaldagen op voorbeeldstad.example/oude-pagina.'),
          new Paragraph('Wilt u de status volgen? Ga naar {{ status_url }}.'),
          new Paragraph(`Heeft u vragen? Bel 14 0123.${extra}`),
          new Paragraph('Met vriendelijke groet, Team Afval'),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

interface AxeResult {
  violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown[] }> }>;
}

describe.skipIf(!available && !mustRun)('brieflint serve in headless Chromium', { timeout: 180_000 }, () => {
  let browser: Browser;
  let site: SiteServer;
  let server: ServeHandle;
  let dir: string;
  let docx: Buffer;

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is required under CI=true`).toBe(true);
    site = await startSiteServer({
      routes: { ...demoRoutes, 'https://voorbeeldstad.example/oude-pagina': { status: 404, delayMs: SLOW_MS, title: 'Pagina niet gevonden' } },
      https: testCerts.server,
    });
    dir = tempProject({
      domains: ['voorbeeldstad.example'],
      rules: { 'pretty-url': ['error', { maxLength: 40 }] },
      site: { connectTo: site.connectTo(demoHosts), ca: [fileURLToPath(new URL('../../fixtures/site/certs/ca.pem', import.meta.url))], cache: false, retries: 0 },
      forms: { formHosts: ['forms.voorbeeldstad.example'] },
    });
    copyDemo(dir, ['brieven/kwijtschelding-2027.md', 'kcc/kwijtschelding-2027.md']);
    const config = await loadConfig(dir, allRules, configSections);
    server = await startServer({ cwd: dir, config, rules: allRules, version: '0.0.0-test', folder: join(dir, 'brieven'), lang: 'nl', port: 0, today: TODAY });
    docx = await problemLetter();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // A name that resolves to this server, as a DNS-rebinding attack makes one.
        '--host-resolver-rules=MAP rebind.test 127.0.0.1',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The page, opened with the link serve printed (the token), the CSP enforced. */
  async function open(lang?: 'en'): Promise<{ page: Page; context: BrowserContext; cspErrors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:')) throw new Error(`a request outside the server: ${r.url()}`);
    });
    await page.goto(lang ? `${server.url}&lang=${lang}` : server.url);
    expect(page.url()).toBe(`${server.origin}/${lang ? `?lang=${lang}` : ''}`); // the token left the address bar
    return { page, context, cspErrors };
  }

  /** Drop files on the drop zone, as a writer drags them from the Explorer. */
  async function dropFiles(page: Page, files: Array<{ name: string; data: Buffer }>): Promise<void> {
    await page.evaluate(`(() => {
      const dt = new DataTransfer();
      for (const f of ${JSON.stringify(files.map((f) => ({ name: f.name, b64: f.data.toString('base64') })))}) {
        const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
        dt.items.add(new File([bytes], f.name));
      }
      const zone = document.querySelector('#upload-form');
      for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    })()`);
  }

  async function waitDone(page: Page): Promise<void> {
    await page.waitForSelector('body[data-run="done"]', { timeout: 60_000 });
  }

  async function report(page: Page): Promise<JsonReport> {
    const href = await page.getAttribute('#json-link', 'href');
    return JSON.parse(await page.evaluate(`fetch(${JSON.stringify(href)}).then((r) => r.text())`));
  }

  async function axe(page: Page): Promise<string[]> {
    // Evaluated over the DevTools protocol, not as a page script: the page's CSP stays on.
    await page.evaluate(AXE);
    const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as AxeResult;
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }

  it('shows a dropped Word letter as the reader sees it: offline findings at once, then the live results, each finding at its passage', async () => {
    const { page, context, cspErrors } = await open();
    // Record what appears, in order.
    await page.evaluate(`(() => {
      window.__seen = [];
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) {
          if (!n.querySelectorAll) continue;
          const all = [n, ...n.querySelectorAll('*')];
          if (all.some((e) => e.matches && e.matches('li.finding[data-rule="pretty-url"]'))) window.__seen.push('pretty-url');
          if (all.some((e) => e.matches && e.matches('.chip.s-error') && /Werkt niet|Foutpagina/.test(e.textContent))) window.__seen.push('live-dead');
          if (all.some((e) => e.matches && e.matches('li.finding[data-rule="dead-url"]'))) window.__seen.push('dead-url');
        }
      }).observe(document.body, { childList: true, subtree: true });
    })()`);
    await dropFiles(page, [{ name: 'afvalpas-proef.docx', data: docx }]);
    await page.waitForSelector('li.finding[data-rule="pretty-url"]');
    await waitDone(page);
    const seen = (await page.evaluate('window.__seen')) as string[];
    expect(seen.indexOf('pretty-url')).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf('live-dead')).toBeGreaterThan(seen.indexOf('pretty-url'));
    expect(seen.indexOf('dead-url')).toBeGreaterThan(seen.indexOf('pretty-url'));

    const article = page.locator('article.letter').first();
    await expect.poll(() => article.locator('h2').textContent()).toBe('Uw nieuwe afvalpas (proef)');
    await expect.poll(() => page.locator('#progress .progress-text').textContent()).toBe('Controle klaar');

    // The body first, then headers, footers and footnotes, labelled.
    expect(await article.locator('h4.group-h').allTextContents()).toEqual(['Brieftekst', 'Kopteksten', 'Voetteksten', 'Voetnoten']);
    expect(await article.locator('.paper-footnote .txt').textContent()).toContain('Verhuisd? Lees voorbeeldstad.example/verhuizen');
    expect(await article.locator('.paper-footer .txt').textContent()).toBe('Vragen? Bel 14 0123.');

    // Every address, call, phone number and placeholder is marked in place.
    const marks = async (kind: string) => article.locator(`mark.m-${kind}`).allTextContents();
    expect(await marks('url')).toEqual(
      expect.arrayContaining(['voorbeeldstad.example/Content/Afval/Afvalpas_Aanvragen.aspx?id=4711', 'voorbeeldstad.example/oude-pagina', 'voorbeeldstad.example/verhuizen']),
    );
    expect(await marks('phone')).toEqual(['14 0123', '14 0123']);
    expect(await marks('placeholder')).toEqual(['{{ status_url }}']);
    expect(await marks('call')).toEqual(expect.arrayContaining(['Vraag uw nieuwe pas aan op', 'Bel']));
    // The live result next to each address.
    const chipAfter = (text: string) => article.locator('mark.m-url', { hasText: text }).locator('xpath=following-sibling::span[contains(@class,"chip-slot")][1]');
    expect(await chipAfter('oude-pagina').textContent()).toContain('Werkt niet');
    expect(await chipAfter('Afvalpas_Aanvragen').textContent()).toContain('Werkt');

    // Each finding of the run is on the page once, at the passage its line:column names.
    const json = await report(page);
    const file = json.files[0];
    expect(file.findings.map((f) => f.rule).sort()).toEqual(['dead-url', 'dead-url', 'kcc-briefing-missing', 'placeholder-url', 'pretty-url']);
    expect(await article.locator('li.finding').count()).toBe(file.findings.length);
    const placed = (await page.evaluate(`[...document.querySelectorAll('article.letter li.finding')].map((li) => {
      const blk = li.closest('.blk');
      const ref = document.querySelector('a.fref[data-finding="' + li.id + '"]');
      const mark = ref && ref.previousElementSibling && ref.previousElementSibling.matches('mark') ? ref.previousElementSibling : null;
      return {
        rule: li.dataset.rule,
        where: li.querySelector('.f-where') ? li.querySelector('.f-where').textContent : '',
        part: blk ? blk.dataset.part : null,
        refInSameBlock: !!(ref && blk && blk.contains(ref)),
        passage: mark ? mark.textContent : null,
      };
    })`)) as Array<{ rule: string; where: string; part: string | null; refInSameBlock: boolean; passage: string | null }>;
    const byRule = (rule: string) => placed.filter((p) => p.rule === rule);
    expect(byRule('pretty-url')).toEqual([
      { rule: 'pretty-url', where: 'alinea 2', part: 'body', refInSameBlock: true, passage: 'voorbeeldstad.example/Content/Afval/Afvalpas_Aanvragen.aspx?id=4711' },
    ]);
    expect(byRule('placeholder-url')).toEqual([{ rule: 'placeholder-url', where: 'alinea 4', part: 'body', refInSameBlock: true, passage: '{{ status_url }}' }]);
    expect(byRule('dead-url')).toEqual([
      { rule: 'dead-url', where: 'alinea 3', part: 'body', refInSameBlock: true, passage: 'voorbeeldstad.example/oude-pagina' },
      { rule: 'dead-url', where: 'alinea 1 (voetnoot)', part: 'footnote', refInSameBlock: true, passage: 'voorbeeldstad.example/verhuizen' },
    ]);
    // A finding about the whole letter is above the text; its message links to the rule's explanation.
    expect(byRule('kcc-briefing-missing')).toEqual([{ rule: 'kcc-briefing-missing', where: '', part: null, refInSameBlock: false, passage: null }]);
    const missing = article.locator('section.whole li.finding[data-rule="kcc-briefing-missing"]');
    expect(await missing.locator('.f-msg').textContent()).toContain('Er is geen KCC-briefing voor deze brief');
    for (const f of file.findings) {
      const li = article.locator(`li.finding[data-rule="${f.rule}"]`, { hasText: f.message.slice(0, 40) });
      expect(await li.count(), f.message).toBeGreaterThanOrEqual(1);
      if (f.hint) expect(await li.first().locator('.f-hint').textContent()).toContain(f.hint);
    }
    // The summary on top: the run's totals.
    const totals = await page.locator('#summary .totals dd').allTextContents();
    expect(totals).toEqual(['1', String(json.summary.errors), String(json.summary.warnings), '1']);
    expect(await page.locator('#summary .letter-list a').textContent()).toBe('Uw nieuwe afvalpas (proef)');

    // The link to the rule's explanation opens it, served by serve itself.
    const explain = article.locator('li.finding[data-rule="pretty-url"] a', { hasText: 'Uitleg over pretty-url' });
    await explain.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('pretty-url');
    expect(await page.locator('main').textContent()).toContain('Residents type what they read.');
    expect(cspErrors).toEqual([]);
    await context.close();
  });

  it('moves from finding to finding with F8, Shift+F8 and the buttons, and from a passage to its finding', async () => {
    const { page, context } = await open();
    await page.getByLabel('brieven/kwijtschelding-2027.md').check();
    await dropFiles(page, [{ name: 'afvalpas-proef.docx', data: docx }]);
    await waitDone(page);
    const ids = await page.locator('#letters li.finding').evaluateAll((els) => els.map((e) => (e as unknown as { id: string }).id));
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const focused = () => page.evaluate('document.activeElement && document.activeElement.id');
    await page.keyboard.press('F8');
    expect(await focused()).toBe(ids[0]);
    await page.keyboard.press('F8');
    expect(await focused()).toBe(ids[1]);
    await page.keyboard.press('Shift+F8');
    expect(await focused()).toBe(ids[0]);
    await page.getByRole('button', { name: 'Volgende bevinding' }).click();
    expect(await focused()).toBe(ids[1]);
    await page.getByRole('button', { name: 'Vorige bevinding' }).click();
    await page.getByRole('button', { name: 'Vorige bevinding' }).click();
    expect(await focused()).toBe(ids.at(-1));
    // The numbered badge at a passage leads to its finding (Tab reaches it; Enter follows it).
    const badge = page.locator('a.fref[data-finding]').first();
    const target = await badge.getAttribute('data-finding');
    await badge.focus();
    await page.keyboard.press('Enter');
    expect(await focused()).toBe(target);
    expect(await page.locator(`#${target}`).getAttribute('class')).toContain('current');
    await context.close();
  });

  it('"Maak KCC-briefing" shows the scaffold for review and writes it on confirmation; check then accepts the briefing', async () => {
    const { page, context } = await open();
    await dropFiles(page, [{ name: 'afvalpas-proef.docx', data: docx }]);
    await waitDone(page);
    const target = join(dir, 'kcc', `${LETTER_ID}.md`);
    await page.getByRole('button', { name: 'Maak KCC-briefing' }).click();
    const dialog = page.getByRole('dialog', { name: 'KCC-briefing maken' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const textarea = dialog.getByLabel('Inhoud van de briefing (Markdown met YAML-kop)');
    const scaffold = await textarea.inputValue();
    expect(scaffold).toContain(`letters: [${LETTER_ID}]`);
    expect(scaffold).toContain('voorbeeldstad.example/oude-pagina');
    expect(existsSync(target)).toBe(false); // shown, not written

    // Cancel writes nothing.
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(existsSync(target)).toBe(false);

    // The KCC lead fills in the TODOs and saves.
    await page.getByRole('button', { name: 'Maak KCC-briefing' }).click();
    const filled = scaffold
      .replace(/"TODO:[^"\n]*"/g, '"Team Afval"')
      .replace(/^# TODO.*\n/gm, '')
      .replace(/TODO:?[^\n]*/g, 'Inwoners vragen hun nieuwe afvalpas aan; bij vragen helpt het KCC met de aanvraag.');
    expect(filled).not.toContain('TODO');
    await textarea.fill(filled);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => existsSync(target)).toBe(true);
    // Written whole at once (a temporary file, then linked): the first read sees all of it.
    expect(readFileSync(target, 'utf8')).toBe(filled);
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // The page checks the letter again: it has its briefing now.
    await expect.poll(() => page.locator('article.letter .badges').first().textContent(), { timeout: 60_000 }).toContain('Briefing aanwezig');
    await waitDone(page);
    expect(await page.getByRole('button', { name: 'Maak KCC-briefing' }).count()).toBe(0);

    // A second one is not written over it without asking.
    writeFileSync(join(dir, 'brieven', 'afvalpas-proef.docx'), docx);
    const json = JSON.parse(await page.evaluate(`fetch('/api/runs/' + ${JSON.stringify(await page.getAttribute('#json-link', 'href'))}.split('/')[3] + '/letters/0/briefing').then((r) => r.text())`));
    expect(json.exists).toBe(true);

    // check accepts the briefing the page wrote.
    let out = '';
    const program = buildProgram({ stdout: (s) => (out += s), stderr: () => undefined, cwd: dir, isTTY: false, env: {} }, () => undefined);
    await program.parseAsync(['node', 'brieflint', 'check', 'brieven/afvalpas-proef.docx', '--today', TODAY, '--format', 'json']);
    const checked = JSON.parse(out) as JsonReport;
    expect(checked.files[0].briefing).toMatchObject({ source: 'folder', path: `kcc/${LETTER_ID}.md`, state: 'current', mismatches: 0 });
    expect(checked.files[0].findings.filter((f) => f.rule.startsWith('kcc-'))).toEqual([]);
    rmSync(join(dir, 'brieven', 'afvalpas-proef.docx'));
    rmSync(target);
    await context.close();
  });

  it('checks a folder letter again when the writer saves it, and a dropped new version replaces the old one', async () => {
    const { page, context } = await open();
    await page.getByLabel('brieven/kwijtschelding-2027.md').check();
    await page.getByRole('button', { name: 'Controleer de gekozen brieven' }).click();
    await waitDone(page);
    const letter = page.locator('article.letter[data-path="brieven/kwijtschelding-2027.md"]');
    expect(await letter.locator('li.finding').count()).toBe(0);
    const path = join(dir, 'brieven/kwijtschelding-2027.md');
    const original = readFileSync(path, 'utf8');
    writeFileSync(path, `${original}\nZie ook voorbeeldstad.example/Belastingen/Kwijtschelding_Info.aspx.\n`);
    await expect.poll(() => letter.locator('li.finding[data-rule="pretty-url"]').count(), { timeout: 60_000 }).toBe(1);
    writeFileSync(path, original);
    await expect.poll(() => letter.locator('li.finding[data-rule="pretty-url"]').count(), { timeout: 60_000 }).toBe(0);
    // A letter saved into the folder for the first time joins the list.
    writeFileSync(join(dir, 'brieven/nieuw.md'), 'Kijk op voorbeeldstad.example/afval.\n');
    await expect.poll(() => page.getByLabel('brieven/nieuw.md').count(), { timeout: 60_000 }).toBe(1);
    rmSync(join(dir, 'brieven/nieuw.md'));

    await dropFiles(page, [{ name: 'afvalpas-proef.docx', data: docx }]);
    await waitDone(page);
    await dropFiles(page, [{ name: 'afvalpas-proef.docx', data: await problemLetter(' Of mail naar afval@voorbeeldstad.example.') }]);
    await expect.poll(() => page.locator('article.letter mark.m-email').allTextContents(), { timeout: 60_000 }).toEqual(['afval@voorbeeldstad.example']);
    await waitDone(page);
    expect(await page.locator('article.letter').count()).toBe(1);
    await context.close();
  });

  it('has no axe-core violations: Dutch and English, during and after a run, with the briefing dialog open', async () => {
    for (const lang of [undefined, 'en'] as const) {
      const { page, context } = await open(lang);
      expect(await page.getAttribute('html', 'lang')).toBe(lang ?? 'nl');
      expect(await axe(page)).toEqual([]);
      await page.getByLabel('brieven/kwijtschelding-2027.md').check();
      await dropFiles(page, [{ name: 'afvalpas-proef.docx', data: docx }]);
      await page.waitForSelector('article.letter');
      expect(await axe(page)).toEqual([]);
      await waitDone(page);
      if (lang === 'en') {
        expect(await page.locator('h1').textContent()).toBe('Check a letter');
        expect(await page.locator('li.finding[data-rule="kcc-briefing-missing"] .f-msg').first().textContent()).toContain('No KCC briefing covers this letter');
      }
      expect(await axe(page)).toEqual([]);
      await page.getByRole('button', { name: lang === 'en' ? 'Create KCC briefing' : 'Maak KCC-briefing' }).click();
      await page.waitForSelector('dialog[open]');
      expect(await axe(page)).toEqual([]);
      await context.close();
    }
  });

  it('axe-core is really running here (a page with a known violation fails)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent('<!DOCTYPE html><html lang="nl"><head><title>t</title></head><body><main><p style="color:#bbb">grijs</p></main></body></html>');
    expect((await axe(page)).map((v) => v.split(' ')[0])).toContain('color-contrast');
    await context.close();
  });

  it('refuses the page without its token, under another host name (DNS rebinding), and a POST from another origin', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bare = await page.goto(`${server.origin}/`);
    expect(bare?.status()).toBe(403);
    expect(await page.textContent('body')).toContain('Geen toegang');
    const wrong = await page.goto(`${server.origin}/?token=nope`);
    expect(wrong?.status()).toBe(403);

    // rebind.test resolves to 127.0.0.1, as an attacker's name does after a rebind: refused, token or not.
    const rebound = await page.goto(`http://rebind.test:${server.port}/?token=${server.token}`);
    expect(rebound?.status()).toBe(403);
    expect(await page.textContent('body')).toContain('Host');

    // Logged in, a page from another origin (another port on this computer) posts a letter: refused.
    await page.goto(server.url);
    expect(await page.locator('h1').textContent()).toBe('Brief controleren');
    const evil = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<!DOCTYPE html><html lang="en"><head><title>evil</title></head><body><form id="f" method="post" enctype="multipart/form-data" action="${server.origin}/api/runs"><input type="hidden" name="path" value="brieven/kwijtschelding-2027.md"><button>go</button></form></body></html>`,
      );
    });
    await new Promise<void>((ok) => evil.listen(0, '127.0.0.1', ok));
    try {
      const port = (evil.address() as { port: number }).port;
      await page.goto(`http://127.0.0.1:${port}/`);
      const [response] = await Promise.all([page.waitForResponse((r) => r.url() === `${server.origin}/api/runs`), page.click('button')]);
      expect(response.status()).toBe(403);
      expect(await response.text()).toContain('niet van de pagina');
      // And a script on that page cannot read the server's answers (no CORS).
      await page.goto(`http://127.0.0.1:${port}/`);
      const read = await page.evaluate(`fetch(${JSON.stringify(`${server.origin}/api/letters`)}, { credentials: 'include' }).then((r) => r.text()).catch(() => 'blocked')`);
      expect(read).toBe('blocked');
    } finally {
      await new Promise((ok) => evil.close(ok));
    }
    await context.close();
  });
});
