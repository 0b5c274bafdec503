#!/usr/bin/env node
// Screenshot of `brieflint serve` for the README: node scripts/screenshot-serve.mjs [docs/serve.png]
// Starts the demo site (fixtures/site, on 127.0.0.1) and `brieflint serve` on the demo letters, as
// `npm run demo -- --serve` does, picks every demo letter on the page, waits for the live results
// and takes the picture with Debian's Chromium (apt-get install chromium) through playwright-core.
// Run `npm run build` first.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startSiteServer, testCerts } from '../fixtures/site/server.mjs';
import { demoHosts, demoRoutes } from '../fixtures/site/demo-routes.mjs';

const [output = 'docs/serve.png'] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`screenshot-serve: ${executablePath} not found (apt-get install chromium, or set CHROMIUM)`);
  process.exit(2);
}
const demo = fileURLToPath(new URL('../fixtures/demo/', import.meta.url));
const bin = fileURLToPath(new URL('../bin/brieflint.js', import.meta.url));
const site = await startSiteServer({ routes: demoRoutes, https: testCerts.server });
const config = JSON.parse(readFileSync(`${demo}brieflint.config.json`, 'utf8'));
config.site = { ...config.site, connectTo: site.connectTo(demoHosts), cache: false };
const runConfig = `${demo}.brieflint-demo.config.json`;
writeFileSync(runConfig, JSON.stringify(config, null, 2));

const serve = spawn(process.execPath, [bin, 'serve', 'brieven', '--config', runConfig, '--port', '0', '--today', '2027-01-10'], { cwd: demo, stdio: ['ignore', 'pipe', 'inherit'] });
let browser;
try {
  const url = await new Promise((ok, fail) => {
    let out = '';
    serve.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out);
      if (m) ok(m[0]);
    });
    serve.on('exit', (code) => fail(new Error(`brieflint serve exited with ${code}`)));
  });
  browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1900 } });
  await page.goto(url);
  await page.getByRole('button', { name: 'Alles kiezen' }).click();
  await page.getByRole('button', { name: 'Controleer de gekozen brieven' }).click();
  await page.waitForSelector('body[data-run="done"]', { timeout: 60_000 });
  // The summary, then the Word letter with its marks and findings.
  await page.locator('#results').scrollIntoViewIfNeeded();
  await page.evaluate(() => {
    const el = document.querySelector('#results');
    window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 8);
  });
  await page.screenshot({ path: output });
  console.log(`screenshot-serve: wrote ${output}`);
} finally {
  await browser?.close();
  serve.kill('SIGTERM');
  await site.close();
  rmSync(runConfig, { force: true });
}
