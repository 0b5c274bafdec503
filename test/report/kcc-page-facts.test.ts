/**
 * The KCC page shows facts, not filtered findings: a baseline, --quiet or a rule switched
 * off changes the findings shown, never what the page says about a briefing; a draft is a draft;
 * mailings already sent are in their own section; --today is the page's date; links to briefings
 * open from wherever the page is written. Run through the real CLI on copies of the demo letters.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/types.js';
import { cli } from '../cli/run.js';

const DEMO = fileURLToPath(new URL('../../fixtures/demo/', import.meta.url));

/** A copy of the demo (letters, briefings, config) to change freely. */
function demoCopy(config: (c: Record<string, unknown>) => void = () => undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'brieflint-page-'));
  cpSync(join(DEMO, 'brieven'), join(dir, 'brieven'), { recursive: true });
  cpSync(join(DEMO, 'kcc'), join(dir, 'kcc'), { recursive: true });
  const c = JSON.parse(readFileSync(join(DEMO, 'brieflint.config.json'), 'utf8')) as Record<string, unknown>;
  delete c.$schema;
  delete c.site;
  config(c);
  writeFileSync(join(dir, 'brieflint.config.json'), JSON.stringify(c));
  return dir;
}

/** The briefing badge of a letter's article on the page. */
function briefingBadge(page: string, title: string): string {
  const article = page.slice(page.indexOf(`>${title}</h3>`));
  const badges = article.slice(0, article.indexOf('</p>'));
  return [...badges.matchAll(/<span>([^<]+)<\/span><\/span>/g)].map((m) => m[1]).at(-1) ?? '';
}

const CHECK = ['check', 'brieven', '--offline', '--today', '2027-01-10'];

describe('the KCC page says what the facts say about a briefing', () => {
  it('a baselined and a disabled kcc-briefing-outdated leave the briefing column unchanged', async () => {
    const plain = demoCopy();
    const normal = await cli([...CHECK, '--format', 'html'], plain);
    expect(briefingBadge(normal.stdout, 'Uw nieuwe afvalpas')).toBe('Briefing verouderd');

    const off = demoCopy((c) => ((c.rules as Record<string, unknown>)['kcc-briefing-outdated'] = 'off'));
    const disabled = await cli([...CHECK, '--format', 'html'], off);
    expect(disabled.stdout).not.toContain('kcc-briefing-outdated</code>');
    expect(briefingBadge(disabled.stdout, 'Uw nieuwe afvalpas')).toBe('Briefing verouderd');

    const based = demoCopy();
    await cli([...CHECK, '--baseline', '.brieflint-baseline.json', '--update-baseline', '--format', 'json'], based);
    const baselined = await cli([...CHECK, '--baseline', '.brieflint-baseline.json', '--format', 'html'], based);
    expect(baselined.code).toBe(0);
    expect(baselined.stdout).not.toContain('kcc-briefing-outdated</code>');
    expect(briefingBadge(baselined.stdout, 'Uw nieuwe afvalpas')).toBe('Briefing verouderd');
    expect(briefingBadge(baselined.stdout, 'melding-ontvangen')).toBe('Geen briefing');
    // The page says findings were left out, and how many.
    expect(baselined.stdout).toMatch(/\d+ bekende bevindingen niet getoond: ze staan in de baseline/);
    // And the terminal does not call a letter with known problems clean.
    const stylish = await cli([...CHECK, '--baseline', '.brieflint-baseline.json'], based);
    expect(stylish.stdout).toContain('Geen nieuwe problemen');
    expect(stylish.stdout).not.toContain('Geen problemen gevonden');
  });

  it('the JSON report carries the briefing state and both sides of a link', async () => {
    const dir = demoCopy();
    const report = JSON.parse((await cli([...CHECK, '--format', 'json'], dir)).stdout) as JsonReport;
    const byId: Record<string, JsonReport['files'][number]> = Object.fromEntries(report.files.map((f) => [f.letter?.id ?? f.path, f]));
    expect(byId['afvalpas-2027'].briefing).toMatchObject({ state: 'ends-too-soon', checkedOn: '2027-01-15', mustRunUntil: '2027-02-26' });
    expect(byId['kwijtschelding-2027'].briefing).toMatchObject({ state: 'current', mismatches: 0 });
    expect(byId['subsidie-zonnepanelen-2027'].briefing).toMatchObject({ state: 'current', mismatches: 1 });
    expect(byId['parkeervergunning-2027'].briefing).toBeNull();
    const link = byId['subsidie-zonnepanelen-2027'].references.urls.find((u) => u.linkText === 'voorbeeldstad.example/zonnepanelen');
    expect(link?.typed).toEqual({ href: 'https://voorbeeldstad.example/zonnepanelen' });
  });

  it('a draft briefing is "Concept — nog niet af", not "Geen briefing"', async () => {
    const dir = demoCopy();
    const file = join(dir, 'kcc/kwijtschelding-2027.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('## Wat vertellen we bellers', '## Wat vertellen we bellers\n\nTODO: wat zeggen we?'));
    const page = (await cli([...CHECK, '--format', 'html'], dir)).stdout;
    expect(briefingBadge(page, 'Kwijtschelding gemeentelijke belastingen 2027')).toBe('Concept — nog niet af');
    const en = (await cli([...CHECK, '--format', 'html', '--lang', 'en'], dir)).stdout;
    expect(briefingBadge(en, 'Kwijtschelding gemeentelijke belastingen 2027')).toBe('Draft — not finished');
  });

  it('a mailing already sent is in its own section; --today is the page date', async () => {
    const dir = demoCopy();
    const page = (await cli(['check', 'brieven', '--offline', '--today', '2027-02-10', '--format', 'html'], dir)).stdout;
    const upcoming = page.indexOf('Komende mailings</h2>');
    const circulating = page.indexOf('Verstuurd — nog in omloop</h2>');
    expect(upcoming).toBeGreaterThan(-1);
    expect(circulating).toBeGreaterThan(upcoming);
    // afvalpas (15 January) and kwijtschelding (1 February) were sent; parkeren (15 February) was not.
    expect(page.indexOf('>Uw nieuwe afvalpas</h3>')).toBeGreaterThan(circulating);
    expect(page.indexOf('>Uw parkeervergunning verloopt</h3>')).toBeLessThan(circulating);
    expect(page).toContain('Gemaakt op 10 februari 2027');
    const later = (await cli(['check', 'brieven', '--offline', '--today', '2027-06-01', '--format', 'html'], dir)).stdout;
    expect(later).toContain('Eerder verstuurd</h2>');
  });

  it('links to briefings open from the folder the page is written to, or from kcc.linkBase', async () => {
    const dir = demoCopy();
    const out = join(dir, '..', `${dir.split('/').pop()}-reports`, 'r.html');
    await cli([...CHECK, '--format', 'json', '--report', `html=${out}`], dir);
    const page = readFileSync(out, 'utf8');
    const hrefs = [...page.matchAll(/<a href="([^"]+)" rel="noopener noreferrer">Open de briefing<\/a>/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      expect(href.startsWith('../')).toBe(true);
      expect(existsSync(resolve(dirname(out), decodeURIComponent(href)))).toBe(true);
    }
    const shared = demoCopy((c) => (c.kcc = { linkBase: 'https://intranet.voorbeeldstad.example/brieven/' }));
    const page2 = (await cli([...CHECK, '--format', 'html'], shared)).stdout;
    expect(page2).toContain('href="https://intranet.voorbeeldstad.example/brieven/kcc/afvalpas-2027.md"');
  });
});

describe('merge-reports: one exit-code rule for every format', () => {
  it('0 when merged (JSON and SARIF alike), 1 with --fail-on-errors and errors, 2 when it cannot merge', async () => {
    const dir = demoCopy();
    mkdirSync(join(dir, 'out'));
    await cli([...CHECK, '--shard', '1/2', '--report', 'json=out/1.json', '--report', 'sarif=out/1.sarif', '--format', 'json'], dir);
    await cli([...CHECK, '--shard', '2/2', '--report', 'json=out/2.json', '--report', 'sarif=out/2.sarif', '--format', 'json'], dir);
    for (const ext of ['json', 'sarif']) {
      expect((await cli(['merge-reports', `out/1.${ext}`, `out/2.${ext}`], dir)).code).toBe(0);
      expect((await cli(['merge-reports', '--fail-on-errors', `out/1.${ext}`, `out/2.${ext}`], dir)).code).toBe(1);
    }
    expect((await cli(['merge-reports', 'out/1.json', 'out/2.sarif'], dir)).code).toBe(2);
  });
});

describe('Wat moet de lezer doen?', () => {
  it('lists every call to action of the letter, with its address, and says when an online call has none', async () => {
    const dir = demoCopy();
    writeFileSync(
      join(dir, 'brieven/zonder-adres.md'),
      '---\nid: zonder-adres\nmailingDate: 2027-03-01\n---\n\nVul het formulier in op onze website. Vragen? Bel 14 0123 of kom langs aan de balie.\n',
    );
    const page = (await cli([...CHECK, '--format', 'html'], dir)).stdout;
    const todo = (title: string) => {
      const article = page.slice(page.indexOf(`>${title}</h3>`));
      return article.slice(article.indexOf('<ul class="todo">'), article.indexOf('</ul>'));
    };
    const parking = todo('Uw parkeervergunning verloopt');
    expect(parking).toContain('Online aanvragen</strong> — <span class="quote">“Verleng uw vergunning digitaal via”</span> op <span class="mono">www.voorbeeldstad.example/parkeren</span>');
    expect(parking).toContain('Papieren formulier invullen');
    expect(parking).toContain('Bellen');
    const none = todo('zonder-adres');
    expect(none).toContain('Online formulier invullen</strong> — <span class="quote">“Vul het formulier in op”</span> <span class="detail">(geen webadres in de brief)</span>');
    expect(none).toContain('Bellen');
    expect(none).toContain('Langskomen');
  });
});
