#!/usr/bin/env node
// Screenshot of a KCC page for the README: node scripts/screenshot-report.mjs [brieflint-report.html] [docs/kcc-report.png]
// Uses Debian's Chromium (apt-get install chromium) through playwright-core; loads the file via file://.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [input = 'brieflint-report.html', output = 'docs/kcc-report.png'] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(input)) {
  console.error(`screenshot-report: ${input} not found (run npm run demo first)`);
  process.exit(2);
}
if (!existsSync(executablePath)) {
  console.error(`screenshot-report: ${executablePath} not found (apt-get install chromium, or set CHROMIUM)`);
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
  await page.goto(pathToFileURL(resolve(input)).href);
  await page.screenshot({ path: output, clip: { x: 0, y: 0, width: 1100, height: 1000 } });
  console.log(`screenshot-report: wrote ${output}`);
} finally {
  await browser.close();
}
