/**
 * `brieflint explain <rule>`: the rule's page in Dutch (default) or English, laid out for a
 * terminal — no Markdown marks, colour only on a terminal — and shipped in the package.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { cli as runCli } from './run.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEMO = join(ROOT, 'fixtures/demo');

/** The CLI in-process (./run.ts) in the demo, on a terminal or not, as wide as told. */
const cli = (args: string[], options: { env?: NodeJS.ProcessEnv; isTTY?: boolean; columns?: number } = {}) =>
  runCli(args, DEMO, options.env, { isTTY: options.isTTY ?? false, ...(options.columns ? { columns: options.columns } : {}) });

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[/;
/** Markdown's own marks: headings, fences, bold, table rows, link syntax. */
const MARKDOWN_NOISE = /^#{1,6} |^\s*```|\*\*|^\s*\|.*\|\s*$|\]\(|^\s*\|?-{3,}\|/m;
/** The text outside code blocks (the example letters are Markdown themselves, indented by 4). */
const prose = (text: string) =>
  text
    .split('\n')
    .filter((l) => !l.startsWith('    '))
    .join('\n');

describe('brieflint explain', () => {
  it('prints the Dutch page by default, laid out for the terminal', async () => {
    const { code, stdout } = await cli(['explain', 'pretty-url']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^pretty-url\n\nStandaard: error\n\nWat het controleert\n\n {2}Elk webadres dat een inwoner/);
    expect(stdout).toContain('\nFout\n');
    expect(stdout).toContain('\nGoed\n');
    expect(prose(stdout)).not.toMatch(MARKDOWN_NOISE);
    expect(stdout).not.toMatch(ANSI);
    // Lists as bullets, code indented, a table in columns.
    expect(stdout).toContain('  • geen verkorte link (bit.ly, tinyurl.com, …);');
    expect(stdout).toContain('\n    Vraag kwijtschelding aan op voorbeeldstad.example/kwijtschelding.\n');
    expect(stdout).toMatch(/\n {2}optie +standaard +betekenis\n {2}─+ +─+ +─+\n {2}maxLength +40 +langste adres \(zonder https:\/\/\)\n/);
    // The example output a webredacteur sees is exactly the page's.
    expect(stdout).toContain('1:16  error  tinyurl.com/afvalpas is niet makkelijk over te typen');
  });

  it('prints the English page with --lang en, with lang: en in the config, or with an English locale', async () => {
    const en = await cli(['explain', 'pretty-url', '--lang', 'en']);
    expect(en.stdout).toMatch(/^pretty-url\n\nDefault: error\n\nWhat it checks\n/);
    expect(prose(en.stdout)).not.toMatch(MARKDOWN_NOISE);
    expect((await cli(['explain', 'dead-url'], { env: { LANG: 'en_US.UTF-8' } })).stdout).toContain('\nWhat it checks\n');
    expect((await cli(['explain', 'dead-url', '--lang', 'nl'], { env: { LANG: 'en_US.UTF-8' } })).stdout).toContain('\nWat het controleert\n');
  });

  it('every rule has both pages, and both render without Markdown marks', async () => {
    for (const rule of allRules) {
      for (const lang of ['nl', 'en']) {
        const { code, stdout } = await cli(['explain', rule.meta.id, '--lang', lang]);
        expect(code, `${rule.meta.id} ${lang}`).toBe(0);
        expect(stdout.split('\n')[0], `${rule.meta.id} ${lang}`).toBe(rule.meta.id);
        expect(stdout, `${rule.meta.id} ${lang}`).toContain(lang === 'nl' ? 'Wat het controleert' : 'What it checks');
        expect(prose(stdout), `${rule.meta.id} ${lang}`).not.toMatch(MARKDOWN_NOISE);
      }
    }
  });

  it('colours only on a terminal, never with --no-color or NO_COLOR; wraps prose to the terminal width', async () => {
    const tty = await cli(['explain', 'pretty-url'], { isTTY: true });
    expect(tty.stdout).toContain('\x1b[1m');
    expect((await cli(['explain', 'pretty-url', '--no-color'], { isTTY: true })).stdout).not.toMatch(ANSI);
    expect((await cli(['explain', 'pretty-url'], { isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    const narrow = await cli(['explain', 'pretty-url'], { columns: 60, isTTY: false });
    const lines = narrow.stdout.split('\n').filter((l) => !l.startsWith('    '));
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(60);
  });

  it('without a rule, lists the rules as brieflint rules does (exit 0)', async () => {
    const list = await cli(['explain']);
    expect(list.code).toBe(0);
    expect(list.stdout).toBe((await cli(['rules'])).stdout);
    expect(list.stdout).toMatch(/^regel +standaard +nodig +omschrijving\n/);
    for (const rule of allRules) expect(list.stdout).toContain(`\n${rule.meta.id} `);
    expect((await cli(['explain', '--lang', 'en'])).stdout).toMatch(/^rule +default +needs +description\n/);
  });

  it('an unknown rule: "bedoelt u …?", or the list of rules', async () => {
    expect(await cli(['explain', 'prety-url'])).toMatchObject({ code: 2, stdout: '', stderr: 'brieflint: onbekende regel “prety-url”; bedoelt u “pretty-url”?\n' });
    expect((await cli(['explain', 'prety-url', '--lang', 'en'])).stderr).toBe('brieflint: unknown rule “prety-url”; did you mean “pretty-url”?\n');
    const none = await cli(['explain', 'nope']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^brieflint: onbekende regel “nope”\. Regels: pretty-url, .*kcc-briefing-mismatch\n$/);
  });

  it('the package ships both pages of every rule', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const files = new Set((JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path));
    for (const rule of allRules) {
      expect(files, rule.meta.id).toContain(`rules/${rule.meta.id}.md`);
      expect(files, rule.meta.id).toContain(`rules/${rule.meta.id}.nl.md`);
    }
  }, 60_000);
});
