/**
 * The KCC page in real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core):
 * axe-core finds no accessibility violations, hostile letter text shows as text and runs nothing,
 * the CSS-only filter works, and print shows every letter on A4.
 *
 * Without Chromium these tests skip with a message — except under CI=true, where they must run
 * (and fail when the browser is missing). `UPDATE_SCREENSHOT=1` rewrites docs/kcc-report.png.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { formatHtml } from '../../src/report/html.js';
import { buildProgram } from '../../src/cli.js';
import { HOSTILE, hostileReport, sampleReport } from './sample.js';
import QRCode from 'qrcode';
import { searchBytes } from '../../src/images/index.js';

const CHROMIUM = process.env.BRIEFLINT_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const mustRun = process.env.CI === 'true';
if (!available && !mustRun) {
  console.warn(`skipping KCC page browser tests: ${CHROMIUM} not found (apt-get install chromium; under CI=true they run)`);
}

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core');
const GENERATED_AT = '2026-02-20T09:30:00Z';

interface AxeResult {
  violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown[] }> }>;
}

describe.skipIf(!available && !mustRun)('KCC page in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    expect(existsSync(CHROMIUM), `${CHROMIUM} is required under CI=true`).toBe(true);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(html: string, options: { bypassCSP?: boolean } = {}): Promise<{ page: Page; requests: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, bypassCSP: options.bypassCSP ?? false, javaScriptEnabled: true });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
    });
    await page.setContent(html, { waitUntil: 'load' });
    return { page, requests };
  }

  async function axe(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: AXE });
    const result = (await page.evaluate(async () => {
      // Runs in the page (no DOM types in this Node project).
      const g = globalThis as unknown as { document: unknown; axe: { run: (ctx: unknown, opts: object) => Promise<unknown> } };
      return g.axe.run(g.document, { resultTypes: ['violations'] });
    })) as AxeResult;
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }

  it('axe-core is really running (a page with a known violation fails)', async () => {
    const { page } = await open('<!DOCTYPE html><html lang="nl"><head><title>t</title></head><body><main><p style="color:#bbb">grijs</p></main></body></html>', { bypassCSP: true });
    expect((await axe(page)).map((v) => v.split(' ')[0])).toContain('color-contrast');
    await page.context().close();
  });

  for (const lang of ['nl', 'en'] as const) {
    it(`has no axe-core violations (${lang})`, async () => {
      const { page, requests } = await open(formatHtml(sampleReport(), lang, { generatedAt: GENERATED_AT }), { bypassCSP: true });
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await axe(page)).toEqual([]);
      expect(requests).toEqual([]);
      await page.context().close();
    });
  }

  it('has no axe-core violations with the filter applied', async () => {
    const { page } = await open(formatHtml(sampleReport(), 'nl', { generatedAt: GENERATED_AT }), { bypassCSP: true });
    await page.getByLabel('Met fouten').check();
    expect(await axe(page)).toEqual([]);
    await page.context().close();
  });

  it('shows hostile letter text as text and runs none of it (even without the CSP)', async () => {
    for (const bypassCSP of [false, true]) {
      const { page, requests } = await open(formatHtml(hostileReport(), 'nl'), { bypassCSP });
      await page.mouse.move(10, 10);
      await page.getByText('klik').first().hover();
      const state = await page.evaluate(() => {
        // Runs in the page (no DOM types in this Node project).
        type El = { getAttribute(name: string): string | null };
        const g = globalThis as unknown as { __pwned?: unknown; document: { querySelectorAll(sel: string): ArrayLike<El> } };
        const all = (sel: string) => Array.from(g.document.querySelectorAll(sel));
        return {
          pwned: g.__pwned,
          scripts: all('script').length,
          imgs: all('img').length,
          handlers: all('[onerror],[onload],[onmouseover],[onclick]').length,
          badLinks: all('a[href]').map((a) => a.getAttribute('href') ?? '').filter((h) => /^\s*javascript:/i.test(h)),
        };
      });
      expect(state).toEqual({ pwned: undefined, scripts: 0, imgs: 0, handlers: 0, badLinks: [] });
      await expect.poll(() => page.getByText(HOSTILE.script).first().isVisible()).toBe(true);
      await expect.poll(() => page.getByText(HOSTILE.img).first().isVisible()).toBe(true);
      expect(await page.locator('h3', { hasText: '<script>window.__pwned=1</script>' }).count()).toBe(1);
      expect(requests).toEqual([]);
      await page.context().close();
    }
  });

  it('filters by status without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.setContent(formatHtml(sampleReport(), 'nl', { generatedAt: GENERATED_AT }));
    const visible = async () => {
      const out: string[] = [];
      for (const h of await page.locator('article.letter h3').all()) if (await h.isVisible()) out.push((await h.textContent())!);
      return out;
    };
    expect(await visible()).toHaveLength(5);
    await page.getByLabel('Met fouten').check();
    expect(await visible()).toEqual(['Kwijtschelding gemeentelijke belastingen 2026', 'Uw parkeervergunning verloopt', 'brieven/oud.doc', 'Uw nieuwe afvalpas']);
    await page.getByLabel('Zonder geldige briefing').check();
    expect(await visible()).toEqual(['Uw parkeervergunning verloopt', 'Uw nieuwe afvalpas']);
    expect(await page.locator('table.overview tbody tr:visible').count()).toBe(2);
    await page.getByLabel('In orde').check();
    expect(await visible()).toEqual(['Herinnering: *jaarlijkse* controle | vergunning [concept]']);

    // Print ignores the filter and the controls, and lays out on A4.
    await page.emulateMedia({ media: 'print' });
    expect(await visible()).toHaveLength(5);
    expect(await page.locator('nav.filters').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(8);
    await context.close();
  });

  it('a page written in another folder: briefing links open, a draft says so, sent mailings have their section, no axe violations', async () => {
    // The demo letters, with one briefing left as a draft, checked on 10 February 2027 and written to ../reports/.
    const dir = mkdtempSync(join(tmpdir(), 'brieflint-page-'));
    cpSync(new URL('../../fixtures/demo/brieven', import.meta.url), join(dir, 'brieven'), { recursive: true });
    cpSync(new URL('../../fixtures/demo/kcc', import.meta.url), join(dir, 'kcc'), { recursive: true });
    const config = JSON.parse(readFileSync(new URL('../../fixtures/demo/brieflint.config.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    delete config.$schema;
    delete config.site;
    writeFileSync(join(dir, 'brieflint.config.json'), JSON.stringify(config));
    const draft = join(dir, 'kcc/kwijtschelding-2027.md');
    writeFileSync(draft, `${readFileSync(draft, 'utf8')}\nTODO: wat zeggen we bellers?\n`);
    const out = join(dir, 'reports', 'kcc.html');
    const program = buildProgram({ stdout: () => undefined, stderr: () => undefined, cwd: dir, isTTY: false, env: {} }, () => undefined);
    await program.parseAsync(['node', 'brieflint', 'check', 'brieven', '--offline', '--today', '2027-02-10', '--format', 'json', '--report', `html=${out}`]);

    // bypassCSP only so that axe-core can be injected at the end; links and text do not depend on it.
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(pathToFileURL(out).href);
    const links = page.getByRole('link', { name: 'Open de briefing' });
    expect(await links.count()).toBeGreaterThan(0);
    for (const href of await links.evaluateAll((as) => as.map((a) => (a as unknown as { href: string }).href))) {
      expect(href.startsWith('file://')).toBe(true);
      expect(existsSync(fileURLToPath(href))).toBe(true);
    }
    // Following one opens the briefing itself.
    await links.first().click();
    await expect.poll(() => page.url()).toMatch(/\/kcc\/[^/]+\.md$/);
    expect(await page.textContent('body')).toContain('KCC-briefing');
    await page.goBack();
    await expect.poll(() => page.getByRole('heading', { name: 'Verstuurd — nog in omloop' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Concept — nog niet af').first().isVisible()).toBe(true);
    expect(await page.locator('p.generated').textContent()).toContain('10 februari 2027');
    expect(await axe(page)).toEqual([]);
    await context.close();
  });

  it('shows each QR code’s picture under the CSP (img-src data:), with no axe violations; a hostile payload or picture stays inert', async () => {
    const png = await QRCode.toBuffer('https://voorbeeldstad.example/afval', { margin: 4, scale: 6 });
    const found = searchBytes(png);
    expect(found.status).toBe('code');
    const report = sampleReport();
    const file = report.files[0];
    file.references.qr = [
      { payload: 'https://voorbeeldstad.example/afval', kind: 'url', href: 'https://voorbeeldstad.example/afval', line: 3, column: 1, image: 'word/media/image1.png', region: found.code!.region, thumbnail: found.code!.thumbnail!, nextTo: 'https://voorbeeldstad.example/afval', result: { kind: 'ok', finalUrl: 'https://voorbeeldstad.example/afval', status: 200, chain: [] } },
      { payload: HOSTILE.script, kind: 'text', line: 4, column: 1, image: 'word/media/image2.png', region: { x: 0, y: 0, width: 1, height: 1 }, thumbnail: 'data:image/svg+xml,<svg onload="window.__pwned=20"/>' },
    ];
    file.references.images = [{ image: `word/media/${HOSTILE.img}.emf`, format: 'emf', reason: 'vector', line: 1, column: 1, part: 'header' }];
    const { page, requests } = await open(formatHtml(report, 'nl', { generatedAt: GENERATED_AT }));
    const images = await page.$$eval('img.qr', (els) => els.map((el) => ({ alt: el.getAttribute('alt'), width: (el as unknown as { naturalWidth: number }).naturalWidth })));
    expect(images).toEqual([{ alt: 'QR-code uit word/media/image1.png', width: expect.any(Number) }]);
    expect(images[0].width).toBeGreaterThan(20);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.textContent('body')).toContain(HOSTILE.script);
    expect(requests).toEqual([]);
    await page.context().close();
    const checked = await open(formatHtml(report, 'en', { generatedAt: GENERATED_AT }), { bypassCSP: true });
    expect(await axe(checked.page)).toEqual([]);
    await checked.page.context().close();
  });

  it.runIf(process.env.UPDATE_SCREENSHOT === '1')('writes docs/kcc-report.png', async () => {
    const { page } = await open(formatHtml(sampleReport(), 'nl', { generatedAt: GENERATED_AT }));
    await page.setViewportSize({ width: 1100, height: 1000 });
    mkdirSync(new URL('../../docs/', import.meta.url), { recursive: true });
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: 1100, height: 1000 } });
    writeFileSync(new URL('../../docs/kcc-report.png', import.meta.url), png);
    await page.context().close();
  });
});
