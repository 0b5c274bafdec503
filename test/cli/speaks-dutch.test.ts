/**
 * The command line in the user's language: help and argument errors in Dutch (English with
 * --lang en, config lang en, or an English locale), an argument error as one line and a pointer
 * to --help, mistyped commands that are not taken for paths.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/types.js';
import { cli as runCli, project } from './run.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEMO = join(ROOT, 'fixtures/demo');

/** The CLI in-process (./run.ts), in the demo unless told otherwise. */
const cli = (args: string[], cwd = DEMO, env: NodeJS.ProcessEnv = {}) => runCli(args, cwd, env);

const NO_KCC = { 'kcc-briefing-missing': 'off', 'kcc-briefing-outdated': 'off', 'kcc-briefing-mismatch': 'off' };

describe('help', () => {
  it('is Dutch by default: titles, usage, option descriptions and examples', async () => {
    const { code, stdout } = await cli(['check', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Gebruik: brieflint check \[opties\] \[paden\.\.\.\]\n/);
    expect(stdout).toContain('\nOpties:\n');
    expect(stdout).toMatch(/-c, --config <bestand> +configuratiebestand/);
    expect(stdout).toMatch(/--offline +sla elke controle over die het netwerk nodig heeft/);
    expect(stdout).toMatch(/-h, --help +toon de hulp bij dit commando/);
    expect(stdout).toContain('(keuze: "stylish",');
    expect(stdout).toContain('Voorbeelden:');
    expect(stdout).toContain('Exitcodes: 0 in orde');
    expect(stdout).not.toMatch(/Usage:|Options:|display help|Examples:/);
    const root = await cli(['--help']);
    expect(root.stdout).toContain('Commando’s:');
    expect(root.stdout).toMatch(/explain (\[opties\] )?\[regel\] +toon de uitleg van een regel/);
  });

  it('is English with --lang en, with lang: en in the config, or with an English locale; --lang wins', async () => {
    const en = await cli(['check', '--help', '--lang', 'en']);
    expect(en.stdout).toMatch(/^Usage: brieflint check \[options\] \[paths\.\.\.\]\n/);
    expect(en.stdout).toMatch(/--offline +skip every check that needs the network/);
    expect(en.stdout).toContain('Examples:');
    const config = project({ 'brieflint.config.json': JSON.stringify({ lang: 'en' }) });
    expect((await cli(['check', '-h'], config)).stdout).toMatch(/^Usage:/);
    const locale = await cli(['check', '-h'], DEMO, { LANG: 'en_US.UTF-8' });
    expect(locale.stdout).toMatch(/^Usage:/);
    expect((await cli(['check', '-h'], DEMO, { LC_ALL: 'en_GB.UTF-8', LANG: 'nl_NL.UTF-8' })).stdout).toMatch(/^Usage:/);
    expect((await cli(['check', '-h', '--lang', 'nl'], DEMO, { LANG: 'en_US.UTF-8' })).stdout).toMatch(/^Gebruik:/);
    expect((await cli(['check', '-h'], DEMO, { LANG: 'C.UTF-8' })).stdout).toMatch(/^Gebruik:/);
  });
});

describe('argument errors', () => {
  it('are one line in Dutch plus a pointer to --help, not the whole help, exit code 2', async () => {
    const typo = await cli(['check', '--ofline']);
    expect(typo).toEqual({ code: 2, stdout: '', stderr: 'brieflint: onbekende optie “--ofline”; bedoelt u “--offline”?\nZie “brieflint check --help”.\n' });
    const choice = await cli(['check', '-f', 'jsn']);
    expect(choice.stderr).toBe(
      'brieflint: ongeldige waarde “jsn” voor --format: kies uit stylish, json, sarif, junit, github, markdown, html; bedoelt u “json”?\nZie “brieflint check --help”.\n',
    );
    expect((await cli(['check', '--today', '1-3-2027'])).stderr).toBe(
      'brieflint: ongeldige waarde “1-3-2027” voor --today: verwacht een datum als JJJJ-MM-DD, bijv. 2027-03-01\nZie “brieflint check --help”.\n',
    );
    expect((await cli(['briefing'])).stderr).toBe('brieflint: ontbrekend argument <brief>\nZie “brieflint briefing --help”.\n');
    expect((await cli(['explain', 'a', 'b'])).stderr).toBe('brieflint: te veel argumenten voor “explain”: 1 verwacht, 2 gegeven\nZie “brieflint explain --help”.\n');
    expect((await cli(['check', '--config'])).stderr).toBe('brieflint: optie --config mist een waarde\nZie “brieflint check --help”.\n');
    expect((await cli(['check', '--report', 'pdf=x.pdf'])).stderr).toContain('ongeldige waarde “pdf=x.pdf” voor --report: onbekend formaat “pdf”');
  });

  it('are English with --lang en', async () => {
    const typo = await cli(['check', '--ofline', '--lang', 'en']);
    expect(typo.stderr).toBe('brieflint: unknown option “--ofline”; did you mean “--offline”?\nSee “brieflint check --help”.\n');
    expect((await cli(['check', '--shard', '5/4', '--lang', 'en'])).stderr).toBe(
      'brieflint: invalid value “5/4” for --shard: expected i/n with 1 ≤ i ≤ n, e.g. 2/4 (shard 2 of 4)\nSee “brieflint check --help”.\n',
    );
  });
});

describe('unknown commands', () => {
  it('a mistyped command is an error with a suggestion, not a path', async () => {
    const dir = project({ 'brieflint.config.json': JSON.stringify({ domains: ['voorbeeldstad.example'], rules: NO_KCC }), 'brieven/a.md': 'Kijk op voorbeeldstad.example/afval.\n' });
    const chek = await cli(['chek', 'brieven/', '--offline'], dir);
    expect(chek).toEqual({ code: 2, stdout: '', stderr: 'brieflint: onbekend commando “chek”; bedoelt u “check”?\nZie “brieflint --help”.\n' });
    expect((await cli(['explian', 'pretty-url'], dir)).stderr).toContain('onbekend commando “explian”; bedoelt u “explain”?');
    expect((await cli(['--offline', 'check', 'brieven'], dir)).stderr).toContain('“check” is een commando: zet het vooraan');
  });

  it('a path as the first argument still runs the default command: a folder, a file, a glob, even one named like a command', async () => {
    const dir = project({
      'brieflint.config.json': JSON.stringify({ domains: ['voorbeeldstad.example'], rules: NO_KCC }),
      'brieven/a.md': 'Kijk op voorbeeldstad.example/afval.\n',
      'chek/b.md': 'Kijk op voorbeeldstad.example/afval.\n',
    });
    for (const path of ['brieven/', 'brieven', 'brieven/a.md', 'brieven/*.md', 'chek']) {
      const run = await cli([path, '--offline', '--format', 'json'], dir);
      expect(run.code, path).toBe(0);
      expect((JSON.parse(run.stdout) as JsonReport).summary.files, path).toBe(1);
    }
    // Explicitly after `check`, a word is always a path.
    const missing = await cli(['check', 'chek2', '--offline', '--format', 'json'], dir);
    expect((JSON.parse(missing.stdout) as JsonReport).files[0]).toMatchObject({ path: 'chek2', error: 'bestand of map bestaat niet' });
  });
});
