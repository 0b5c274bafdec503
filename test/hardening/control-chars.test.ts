/**
 * Control characters from file names, letter metadata, letter text and server
 * answers never reach a terminal, CI log or report raw. Stylish, GitHub, Markdown, JUnit and HTML
 * show them escaped (`\x1b`), also without colour; JSON and SARIF keep the data exactly but escape
 * every control and direction override in the text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, NO_KCC, project } from './helpers.js';
import { render, type Format, type FormatContext } from '../../src/report/index.js';
import { escapeControls } from '../../src/report/escape.js';
import { allRules } from '../../rules/index.js';
import type { JsonReport } from '../../src/report/types.js';
import { sampleReport } from '../report/sample.js';

const ESC = '\u001b';
const BEL = '\u0007';
/** Hides the rest of a line (SGR 8), retitles the window (OSC 0 … BEL), reverses text (RLO), fakes a line (CR, U+2028), 8-bit CSI. */
const HIDE = `${ESC}[8m`;
const TITLE = `${ESC}]0;pwned${BEL}`;
const RLO = '\u202e';
const NASTY = `${HIDE}x${TITLE}y${RLO}z\rw\u2028v\u009b31m\u007f`;

/** Any character a terminal, log viewer or browser could act on (tab and newline aside). */
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function hostile(): JsonReport {
  const report = sampleReport();
  const file = report.files[0];
  file.path = `brieven/${NASTY}.md`;
  file.letter = { id: `id${NASTY}`, kenmerk: `BEL/${NASTY}`, title: `T${NASTY}`, owner: `O${NASTY}`, mailingDate: '2026-03-01', recipients: 5 };
  file.findings[0].message = `message ${NASTY}\nsecond line`;
  file.findings[0].hint = `hint ${NASTY}`;
  const url = file.references.urls[0];
  url.printed = `voorbeeldstad.example/${NASTY}`;
  url.linkText = `link ${NASTY}`;
  if (url.result) url.result.title = `server title ${NASTY}`; // from the site's <title>
  report.files[1].error = `unreadable ${NASTY}`;
  report.files[1].findings = [];
  return report;
}

const ctx = (color: boolean): FormatContext => ({
  lang: 'nl',
  color,
  quiet: false,
  rules: allRules,
  version: '0.0.0-test',
  repository: 'https://github.com/OWNER/brieflint',
  warningsFail: false,
  now: new Date('2026-02-20T09:30:00Z'),
});

describe('control characters in the outputs', () => {
  for (const format of ['stylish', 'github', 'markdown', 'junit', 'html'] as Format[]) {
    it(`${format}: shown escaped, never raw`, () => {
      const out = render(format, hostile(), ctx(false));
      expect(out).not.toMatch(RAW);
      // Markdown escapes the backslash and bracket again: the page shows \x1b[8m.
      const shown = (s: string) => (format === 'markdown' ? s.replace(/[\\[\]]/g, '\\$&') : s);
      expect(out).toContain(shown('\\x1b[8m'));
      expect(out).toContain(shown('\\x1b]0;pwned\\x07'));
      expect(out).toContain(shown('\\u202e'));
    });
  }

  it('stylish with colours: only brieflint’s own colour codes are raw', () => {
    const out = render('stylish', hostile(), ctx(true));
    expect(out).toContain('\\x1b[8m');
    const withoutOwnColours = out.replace(/\u001b\[\d+(;\d+)*m/g, (m) => (m === HIDE ? m : ''));
    expect(withoutOwnColours).not.toMatch(RAW);
  });

  it('stylish keeps a message on its lines but a file name on one line', () => {
    const report = hostile();
    report.files[0].path = 'brieven/twee\nregels.md';
    const out = render('stylish', report, ctx(false));
    expect(out).toContain('brieven/twee\\x0aregels.md');
    expect(out).toMatch(/message .*\nsecond line/);
  });

  for (const format of ['json', 'sarif'] as Format[]) {
    it(`${format}: the data stay exact, the text holds no raw control or override`, () => {
      const report = hostile();
      const out = render(format, report, ctx(false));
      expect(out).not.toMatch(RAW);
      const parsed = JSON.parse(out);
      if (format === 'json') expect(parsed).toEqual(report);
      else expect(parsed.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toBe(`${report.files[1].path}: unreadable ${NASTY}`);
    });
  }

  it('the helper: visible escapes, tab and newline kept only when asked', () => {
    expect(escapeControls(`a${ESC}[31mb${BEL}`)).toBe('a\\x1b[31mb\\x07');
    expect(escapeControls('a\tb\nc\rd')).toBe('a\\x09b\\x0ac\\x0dd');
    expect(escapeControls('a\tb\nc\rd', { keep: '\t\n' })).toBe('a\tb\nc\\x0dd');
    expect(escapeControls('\u202eabc\u2066\u2028\u0085')).toBe('\\u202eabc\\u2066\\u2028\\x85');
    expect(escapeControls('gewoon Nederlands: één café €5')).toBe('gewoon Nederlands: één café €5');
  });
});

describe('control characters through the CLI', () => {
  it('a file name and front matter with ESC/BEL reach stdout and stderr escaped, without colour and not on a TTY', async () => {
    const name = `brief${ESC}[8m.md`;
    const letter = `---\nid: brief\nkenmerk: "\\e]0;pwned\\a\\e[8mBEL/1"\ntitle: "\\u202everborgen"\n---\n\nKijk op http://voorbeeldstad.example/Afval_${ESC}[8m.\n`;
    const dir = project({
      'brieflint.config.json': JSON.stringify({ domains: ['voorbeeldstad.example'], rules: NO_KCC }),
      [name]: letter,
      [`leeg${BEL}.md`]: '',
    });
    for (const args of [[], ['--no-color'], ['--format', 'github'], ['--format', 'markdown'], ['--format', 'junit'], ['--format', 'html']]) {
      const run = await cli(['check', '--offline', ...args], dir);
      expect(run.code).toBe(2); // the empty letter
      expect(run.stdout).not.toMatch(RAW);
      expect(run.stderr).not.toMatch(RAW);
      expect(run.stdout).toContain('\\x1b');
    }
    const json = await cli(['check', '--offline', '--format', 'json'], dir);
    expect(json.stdout).not.toMatch(RAW);
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report.files.map((f) => f.path)).toContain(name);
    expect(report.files.find((f) => f.path === name)?.letter?.kenmerk).toBe(`${ESC}]0;pwned${BEL}${ESC}[8mBEL/1`);
    await cli(['check', '--offline', '--report', 'junit=out/j.xml', '--report', 'sarif=out/b.sarif'], dir);
    expect(readFileSync(join(dir, 'out/j.xml'), 'utf8')).not.toMatch(RAW);
    expect(readFileSync(join(dir, 'out/b.sarif'), 'utf8')).not.toMatch(RAW);
  });
});
