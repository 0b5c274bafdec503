/**
 * `brieflint init`: the config with `$schema` and the domains (given or asked for), kcc/ with a
 * README for the KCC lead, the cache in .gitignore, and on request a GitHub workflow or a GitLab
 * job using the pinned source. Never overwrites a file (says what it skipped); --force
 * overwrites the config only. Dutch by default, English with --lang en.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/commands/io.js';
import { domainName } from '../../src/model/url.js';
import type { JsonReport } from '../../src/report/types.js';
import { cli as runCli, project } from './run.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;

/** The CLI in-process (./run.ts); `extra` is the rest of the Io (here: `ask`). */
const cli = (args: string[], cwd: string, extra: Partial<Io> = {}) => runCli(args, cwd, {}, extra);

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('brieflint init', () => {
  it('writes the config with $schema and the domains, kcc/README.md and the cache in .gitignore', async () => {
    const dir = project({ 'brieven/.gitkeep': '' });
    const { code, stdout, stderr } = await cli(['init', '--domain', 'voorbeeldstad.nl', '--domain', 'https://www.Voorbeeldstad-Zorg.nl/wmo'], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(read(dir, 'brieflint.config.json'))).toEqual({
      // brieflint is not installed under this folder: the schema in the repository at the version tag.
      $schema: `https://github.com/OWNER/brieflint/raw/v${VERSION}/schema/brieflint.config.schema.json`,
      domains: ['voorbeeldstad.nl', 'voorbeeldstad-zorg.nl'],
    });
    const readme = read(dir, 'kcc/README.md');
    expect(readme).toContain('# KCC-briefings');
    expect(readme).toContain('npx brieflint briefing brieven/');
    expect(readme).toMatch(/Zolang er een TODO in\s+staat, is de briefing een concept/);
    expect(read(dir, '.gitignore')).toBe('# brieflint: caches van de live-controle en van gelezen brieven\n.brieflint-cache.json\n.brieflint-letters-cache.json\n');
    expect(stdout).toContain('geschreven    brieflint.config.json — domeinen: voorbeeldstad.nl, voorbeeldstad-zorg.nl');
    expect(stdout).toContain('Volgende stappen:');
    expect(stdout).toContain('npx brieflint check brieven/');
    expect(existsSync(join(dir, '.github'))).toBe(false);

    // What init wrote is a valid config and an empty knowledge base: check runs on it.
    writeFileSync(join(dir, 'brieven/a.md'), '---\nid: a\n---\nKijk op voorbeeldstad.nl/afval.\n');
    const check = await cli(['check', 'brieven', '--offline', '--format', 'json'], dir);
    const report = JSON.parse(check.stdout) as JsonReport;
    expect(check.stderr).toBe('');
    expect(report.files[0].findings.map((f) => f.rule)).toEqual(['kcc-briefing-missing']);
    expect(report.files[0].findings[0].message).toContain('Er is geen KCC-briefing voor deze brief');
  });

  it('never overwrites: says what it skipped; --force overwrites the config only; .gitignore is added to once', async () => {
    const dir = project({
      'brieflint.config.json': '{ "domains": ["oud.nl"] }\n',
      'kcc/README.md': 'Eigen uitleg.\n',
      '.gitignore': 'node_modules/\n/.brieflint-cache.json',
    });
    const first = await cli(['init', '--domain', 'voorbeeldstad.nl'], dir);
    expect(first.code).toBe(0);
    expect(read(dir, 'brieflint.config.json')).toBe('{ "domains": ["oud.nl"] }\n');
    expect(read(dir, 'kcc/README.md')).toBe('Eigen uitleg.\n');
    // Only the cache it does not name yet is added.
    expect(read(dir, '.gitignore')).toBe('node_modules/\n/.brieflint-cache.json\n# brieflint: caches van de live-controle en van gelezen brieven\n.brieflint-letters-cache.json\n');
    expect(first.stdout).toContain('overgeslagen  brieflint.config.json — bestaat al (--force overschrijft het)');
    expect(first.stdout).toContain('overgeslagen  kcc/README.md — bestaat al');
    expect(first.stdout).toContain('aangevuld     .gitignore — .brieflint-letters-cache.json (cache van brieflint)');

    const forced = await cli(['init', '--domain', 'voorbeeldstad.nl', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(JSON.parse(read(dir, 'brieflint.config.json')).domains).toEqual(['voorbeeldstad.nl']);
    expect(read(dir, 'kcc/README.md')).toBe('Eigen uitleg.\n');
    expect(read(dir, '.gitignore').match(/\.brieflint-cache\.json/g)).toHaveLength(1);
    expect(read(dir, '.gitignore').match(/\.brieflint-letters-cache\.json/g)).toHaveLength(1);
    expect(forced.stdout).toContain('overgeslagen  .gitignore — .brieflint-cache.json, .brieflint-letters-cache.json staan er al in');
  });

  it('a YAML config is left alone, --force or not', async () => {
    const dir = project({ 'brieflint.config.yaml': 'domains: [oud.nl]\n' });
    const { code, stdout } = await cli(['init', '--domain', 'voorbeeldstad.nl', '--force', '--lang', 'en'], dir);
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'brieflint.config.json'))).toBe(false);
    expect(stdout).toContain('skipped       brieflint.config.json — brieflint.config.yaml already exists; init does not write a second config');
  });

  it('asks for the domains on a terminal; without one and without --domain it writes none and says what that means', async () => {
    const asked: string[] = [];
    const dir = project();
    const r = await cli(['init'], dir, { ask: async (q) => (asked.push(q), 'voorbeeldstad.nl, www.voorbeeldstad-zorg.nl') });
    expect(r.code).toBe(0);
    expect(asked).toEqual(['Domeinnaam van de gemeente, zonder https:// (bijv. voorbeeldstad.nl; meer dan één: scheid ze met spaties): ']);
    expect(JSON.parse(read(dir, 'brieflint.config.json')).domains).toEqual(['voorbeeldstad.nl', 'voorbeeldstad-zorg.nl']);

    const quiet = project();
    const none = await cli(['init', '--lang', 'en'], quiet);
    expect(none.code).toBe(0);
    expect(JSON.parse(read(quiet, 'brieflint.config.json')).domains).toEqual([]);
    expect(none.stdout).toContain("Without domains brieflint cannot tell the gemeente's own domain");
    expect(none.stdout).toContain('written       brieflint.config.json — no domains yet');
    // No letters folder: the next steps name the current folder.
    expect(none.stdout).toContain('npx brieflint check ./');
  });

  it('a value that is no domain name: exit 2, naming it, and nothing written', async () => {
    const dir = project();
    const r = await cli(['init', '--domain', 'voorbeeldstad'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('brieflint: --domain: "voorbeeldstad" is geen domeinnaam; geef alleen de naam, zonder https:// en /, bijv. "voorbeeldstad.nl"\n');
    expect(existsSync(join(dir, 'brieflint.config.json'))).toBe(false);
    expect(domainName('https://www.lindendal.nl/')).toBe('lindendal.nl');
    expect(domainName('Lindendal.NL:443')).toBe('lindendal.nl');
    expect(domainName('lindendal nl')).toBeUndefined();
  });

  it('--github: a workflow with the action pinned to this version, using only inputs the action has', async () => {
    const dir = project({ 'brieven/.gitkeep': '' });
    const r = await cli(['init', '--domain', 'voorbeeldstad.nl', '--github'], dir);
    expect(r.code).toBe(0);
    const workflow = parse(read(dir, '.github/workflows/brieflint.yml'));
    const step = workflow.jobs.letters.steps.find((s: { uses?: string }) => s.uses?.includes('brieflint'));
    expect(step.uses).toBe(`OWNER/brieflint@v${VERSION}`);
    expect(step.with).toEqual({ paths: 'brieven/', args: '--report html=brieflint-report.html' });
    const action = parse(read(ROOT, 'action.yml'));
    for (const input of Object.keys(step.with)) expect(Object.keys(action.inputs)).toContain(input);
    expect(workflow.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    // Run again: the workflow is not overwritten.
    writeFileSync(join(dir, '.github/workflows/brieflint.yml'), '# eigen\n');
    const again = await cli(['init', '--github'], dir);
    expect(read(dir, '.github/workflows/brieflint.yml')).toBe('# eigen\n');
    expect(again.stdout).toContain('overgeslagen  .github/workflows/brieflint.yml — bestaat al');
  });

  it('--gitlab: a job installing from the pinned git tag (or npm ci when package.json has brieflint), included from .gitlab-ci.yml', async () => {
    const dir = project({ 'brieven/.gitkeep': '' });
    expect((await cli(['init', '--domain', 'voorbeeldstad.nl', '--gitlab'], dir)).code).toBe(0);
    expect(parse(read(dir, '.gitlab-ci.yml'))).toEqual({ include: [{ local: '.gitlab/brieflint.gitlab-ci.yml' }] });
    const job = parse(read(dir, '.gitlab/brieflint.gitlab-ci.yml')).brieflint;
    expect(job.script[0]).toBe(`npm install --no-save --no-audit --no-fund "git+https://github.com/OWNER/brieflint.git#v${VERSION}"`);
    expect(job.script[1]).toMatch(/^npx brieflint check brieven\/ --report junit=brieflint-junit\.xml/);
    expect(job.artifacts.reports.junit).toBe('brieflint-junit.xml');
    expect(read(dir, '.gitlab/brieflint.gitlab-ci.yml')).not.toMatch(/brieflint@latest|npx --yes/);

    // A project that installs brieflint (README "Install"), with its own .gitlab-ci.yml: npm ci, and the include is asked for.
    const own = project({ 'package.json': JSON.stringify({ devDependencies: { brieflint: `git+https://github.com/OWNER/brieflint.git#v${VERSION}` } }), '.gitlab-ci.yml': 'stages: [test]\n' });
    const r = await cli(['init', '--domain', 'voorbeeldstad.nl', '--gitlab'], own);
    expect(read(own, '.gitlab-ci.yml')).toBe('stages: [test]\n');
    expect(parse(read(own, '.gitlab/brieflint.gitlab-ci.yml')).brieflint.script[0]).toBe('npm ci --no-audit --no-fund');
    expect(r.stdout).toContain('Voeg aan .gitlab-ci.yml toe:\n    include:\n      - local: .gitlab/brieflint.gitlab-ci.yml');
  });
});
