import { describe, expect, it } from 'vitest';
import { briefingState, formatHtml, letterStatus } from '../../src/report/html.js';
import { hostileReport, sampleReport } from './sample.js';

describe('formatHtml (static checks; the page is also opened in Chromium in html.browser.test.ts)', () => {
  const page = formatHtml(sampleReport(), 'nl', { generatedAt: '2026-02-20T09:30:00Z' });

  it('is one self-contained Dutch document', () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="nl">')).toBe(true);
    // Nothing is loaded from elsewhere: no external scripts, styles, fonts or images.
    expect(page).not.toMatch(/<script\b|<link\b|<img\b|<iframe\b|@import|url\(/i);
    expect(page).not.toMatch(/\b(src|srcset)=/i);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"`);
    expect(page).toContain('@media print');
    expect(page).toContain('size: A4');
  });

  it('speaks English with lang en', () => {
    const en = formatHtml(sampleReport(), 'en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h1>Mailings and KCC briefings</h1>');
    expect(en).toContain('<h2 id="period-upcoming" class="period-title">Upcoming mailings</h2>');
    expect(en).toContain('without a valid briefing');
  });

  it('shows upcoming mailings first (by date, undated last), then those sent but still in circulation', () => {
    const titles = [...page.matchAll(/<h3 id="brief-\d+-title">([^<]*)<\/h3>|<h2 id="period-([a-z]+)"/g)].map((m) => m[1] ?? `[${m[2]}]`);
    expect(titles).toEqual([
      '[upcoming]',
      'Kwijtschelding gemeentelijke belastingen 2026',
      'Uw parkeervergunning verloopt',
      'brieven/oud.doc',
      'Herinnering: *jaarlijkse* controle | vergunning [concept]',
      '[circulating]',
      'Uw nieuwe afvalpas', // mailed 16 February, today is 20 February: residents still call
    ]);
    expect(page).toContain('Verstuurd — nog in omloop');
  });

  it('shows the totals: letters, recipients, errors, letters without a valid briefing', () => {
    const totals = page.slice(page.indexOf('<dl class="totals"'), page.indexOf('</dl>', page.indexOf('<dl class="totals"')));
    const pairs = [...totals.matchAll(/<dt>([^<]*)<\/dt><dd>([^<]*)<\/dd>/g)].map((m) => `${m[1]}=${m[2]}`);
    expect(pairs).toEqual(['brieven=5', 'ontvangers=63.840', 'fouten=4', 'waarschuwingen=2', 'zonder geldige briefing=2']);
  });

  it('derives letter and briefing states from briefing and the kcc-* findings', () => {
    const r = sampleReport();
    expect(r.files.map(letterStatus)).toEqual(['error', 'error', 'error', 'ok', 'error']);
    expect(r.files.map((f) => briefingState(f))).toEqual(['covered', 'outdated', 'missing', 'covered', 'unknown']);
    const mismatch = { ...r.files[0], findings: [{ rule: 'kcc-briefing-mismatch', severity: 'error' as const, message: 'm', line: 0, column: 0 }] };
    expect(briefingState(mismatch)).toBe('mismatch');
  });

  it('shows each URL as printed, where it lands, the login wall and the form state', () => {
    expect(page).toContain('<a href="https://voorbeeldstad.example/kwijtschelding" rel="noopener noreferrer">voorbeeldstad.example/kwijtschelding</a>');
    expect(page).toContain('Werkt, achter inlog (DigiD)');
    expect(page).toContain('In onderhoud');
    expect(page).toContain('open-formulieren · kwijtschelding-aanvragen');
    expect(page).toContain('https://www.voorbeeldstad.example/afvalpas');
    expect(page).toContain('via 1 doorverwijzing');
    expect(page).toContain('Werkt niet');
  });

  it('escapes every piece of letter text and never links javascript: URLs', () => {
    const hostile = formatHtml(hostileReport(), 'nl');
    // Every tag in the page is one of ours, and no tag carries an event handler.
    const tags = [...hostile.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)];
    const names = new Set(tags.map((m) => m[1].toLowerCase()));
    const ours = 'html head meta title style body a header div h1 p dl dt dd nav fieldset legend span input label main table caption thead tr th tbody td article h2 svg circle path rect section h3 h4 ul li strong code footer';
    expect([...names].filter((n) => !ours.split(' ').includes(n))).toEqual([]);
    expect(tags.filter((m) => /\son\w+\s*=/i.test(m[2])).map((m) => m[0])).toEqual([]);
    expect(hostile).toContain('Brief &lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(hostile).toContain('&quot;&gt;&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;');
    expect(hostile).not.toMatch(/href="javascript:/i);
  });
});
