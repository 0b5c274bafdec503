/**
 * SLOW (npm pack + npm install, and a git install that builds: ~1–3 min): brieflint installs from
 * its release tarball and from its git repository at a tag into an empty project and runs there,
 * as README "Install" and "Quick start" say — without the npm registry knowing the name
 * brieflint. Its dependencies come from the npm cache when it has them (`prefer-offline`), else
 * from the registry (CI has it); brieflint itself never does.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, copyOfRepository, gitRepo, ok, removeTempDirs, ROOT, run, tempDir, VERSION, writeFiles } from './helpers.js';

const TARBALL = `brieflint-${VERSION}.tgz`;

describe('the release tarball (slow: npm pack and npm install)', () => {
  afterAll(removeTempDirs);
  let packDir: string;
  let packed: { stdout: string; stderr: string };

  beforeAll(() => {
    packDir = tempDir('pack');
    packed = ok('npm', ['pack', '--pack-destination', packDir], ROOT);
  }, 240_000);

  it('npm pack prints only the tarball name on stdout (pre-commit reads it from there)', () => {
    expect(packed.stdout).toBe(`${TARBALL}\n`);
    expect(existsSync(join(packDir, TARBALL))).toBe(true);
  });

  it('holds the built CLI, the rule docs, the schema and the licence, not the sources', () => {
    const files = ok('tar', ['-tzf', join(packDir, TARBALL)], packDir).stdout.split('\n').filter(Boolean);
    for (const f of ['package/LICENSE', 'package/bin/brieflint.js', 'package/dist/bundle/cli.js', 'package/schema/brieflint.config.schema.json', 'package/rules/pretty-url.md', 'package/package.json']) {
      expect(files).toContain(f);
    }
    expect(files.some((f) => f.startsWith('package/src/') || f.startsWith('package/test/'))).toBe(false);
    expect(ok('tar', ['-xzOf', join(packDir, TARBALL), 'package/LICENSE'], packDir).stdout).toContain('EUROPEAN UNION PUBLIC LICENCE v. 1.2');
  });

  it('README Quick start in an empty project: install, init, a briefing, then a clean check (npx brieflint)', () => {
    const project = tempDir('project');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'brieven-voorbeeldstad', private: true }, null, 2));
    // README "Install": npm install --save-dev ./brieflint-<version>.tgz
    ok('npm', ['install', '--save-dev', join(packDir, TARBALL)], project, cleanEnv());
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    expect(manifest.devDependencies.brieflint).toMatch(new RegExp(`^file:.*${TARBALL.replace(/\./g, '\\.')}$`));
    expect(existsSync(join(project, 'node_modules/brieflint/LICENSE'))).toBe(true);
    expect(ok('npx', ['brieflint', '--version'], project).stdout.trim()).toBe(VERSION);

    // Quick start 1: brieflint init — the config points at the installed schema.
    writeFiles(project, { 'brieven/afval-2027.md': '---\nid: afval-2027\nmailingDate: 2027-02-01\nrecipients: 5400\n---\nVraag uw afvalpas aan op voorbeeldstad.nl/afval. Bel 14 0123.\n' });
    ok('npx', ['brieflint', 'init', '--domain', 'voorbeeldstad.nl', '--github'], project);
    const config = JSON.parse(readFileSync(join(project, 'brieflint.config.json'), 'utf8'));
    expect(config).toEqual({ $schema: './node_modules/brieflint/schema/brieflint.config.schema.json', domains: ['voorbeeldstad.nl'] });
    expect(existsSync(join(project, config.$schema))).toBe(true);
    expect(readFileSync(join(project, '.github/workflows/brieflint.yml'), 'utf8')).toContain(`uses: OWNER/brieflint@v${VERSION}`);

    // Quick start 2: the check says what is missing (a briefing) and how to write one.
    const before = run('npx', ['brieflint', 'check', 'brieven/', '--offline'], project);
    expect(before.status).toBe(1);
    expect(before.stdout).toContain('Schrijf er een met: brieflint briefing brieven/afval-2027.md');

    // Quick start 3: the briefing, completed by the KCC lead (every TODO filled in).
    ok('npx', ['brieflint', 'briefing', 'brieven/afval-2027.md'], project);
    const briefing = join(project, 'kcc/afval-2027.md');
    const filled = readFileSync(briefing, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*#\s*TODO|^<!--/.test(line))
      .map((line) => (line.startsWith('owner:') ? 'owner: Team Afval' : line.replace(/TODO.*$/, 'De afvalpas komt binnen twee weken per post.')))
      .join('\n');
    expect(filled).not.toContain('TODO');
    writeFileSync(briefing, filled);
    const clean = run('npx', ['brieflint', 'check', 'brieven/', '--offline', '--format', 'json'], project);
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);
    expect(JSON.parse(clean.stdout).summary).toMatchObject({ files: 1, errors: 0, unreadable: 0 });

    writeFiles(project, { 'brieven/afval-2027.md': '---\nid: afval-2027\nmailingDate: 2027-02-01\n---\nVraag uw afvalpas aan op www.voorbeeldstad.nl/Afval/Pas_Aanvragen.aspx?id=3.\n' });
    const dirty = run('npx', ['brieflint', 'check', 'brieven/', '--offline'], project);
    expect(dirty.status).toBe(1);
    expect(dirty.stdout).toContain('pretty-url');
  }, 240_000);

  it('installs from the git repository at a tag: npm installs the devDependencies in its clone and runs prepare (the build)', () => {
    const repo = copyOfRepository(tempDir('git-repo'), ['test', 'fixtures', 'bench', 'docs']);
    gitRepo(repo);
    ok('git', ['tag', `v${VERSION}`], repo);
    const project = tempDir('git-project');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'brieven-voorbeeldstad', private: true }, null, 2));
    // README "Install": npm install --save-dev "git+https://…/brieflint.git#v<version>" (here the copy, by file:).
    const spec = `git+file://${repo}#v${VERSION}`;
    ok('npm', ['install', '--save-dev', spec], project);
    expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).devDependencies.brieflint).toBe(spec);
    expect(existsSync(join(project, 'node_modules/brieflint/dist/bundle/cli.js'))).toBe(true);
    expect(existsSync(join(project, 'node_modules/brieflint/LICENSE'))).toBe(true);
    expect(existsSync(join(project, 'node_modules/brieflint/src'))).toBe(false);
    expect(ok('npx', ['brieflint', '--version'], project).stdout.trim()).toBe(VERSION);
    writeFiles(project, { 'brieflint.config.json': JSON.stringify({ domains: ['voorbeeldstad.nl'], rules: { 'kcc-briefing-missing': 'off' } }), 'brieven/a.md': '---\nid: a\n---\nKijk op voorbeeldstad.nl/afval.\n' });
    const clean = run('npx', ['brieflint', 'check', 'brieven/', '--offline'], project);
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
  }, 400_000);
});
