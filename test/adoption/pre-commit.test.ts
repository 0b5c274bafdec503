/**
 * SLOW (pre-commit installs the hook: npm install of brieflint's dependencies, a build, npm pack,
 * npm install -g; ~1–3 min): the documented pre-commit hook installs and runs with the
 * `pre-commit` on this machine (CI installs Debian's, 3.0.4: it installs a node hook with
 * `npm install` in the hook's clone, then takes `npm pack`'s stdout as the tarball's name) on a
 * fixture letters repository. The hook repository is a git copy of this checkout, tagged as
 * README's `rev:`.
 *
 * Without `pre-commit` on the PATH these tests skip with a message — except under CI=true, where
 * they must run (`.ci/run` installs it from apt). npm takes packages from its cache when it has
 * them (`prefer-offline`), else from the registry (CI has it); brieflint itself never does.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, copyOfRepository, gitRepo, ok, removeTempDirs, run, tempDir, VERSION, writeFiles } from './helpers.js';

const available = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const mustRun = process.env.CI === 'true';
if (!available && !mustRun) {
  console.warn('skipping the pre-commit hook tests: pre-commit not found (apt-get install pre-commit; under CI=true they run)');
}

describe.skipIf(!available && !mustRun)('the pre-commit hook (slow: pre-commit installs it with npm)', () => {
  afterAll(removeTempDirs);
  let letters: string;
  let env: NodeJS.ProcessEnv;
  let first: ReturnType<typeof run>;

  beforeAll(() => {
    expect(available, 'pre-commit is required under CI=true (apt-get install pre-commit)').toBe(true);
    env = cleanEnv({ PRE_COMMIT_HOME: tempDir('pre-commit-home'), PRE_COMMIT_COLOR: 'never' });
    // The hook's repository, as README's `repo:` and `rev:` name it.
    const hook = copyOfRepository(tempDir('hook-repo'), ['test', 'fixtures', 'bench', 'docs']);
    gitRepo(hook, env);
    ok('git', ['tag', `v${VERSION}`], hook, env);

    letters = tempDir('letters');
    writeFiles(letters, {
      '.pre-commit-config.yaml': `repos:\n  - repo: ${hook}\n    rev: v${VERSION}\n    hooks:\n      - id: brieflint\n`,
      'brieflint.config.json': JSON.stringify({ domains: ['voorbeeldstad.nl'] }),
      'kcc/afval-2027.md': '---\nletters: [afval-2027]\nvalidUntil: 2099-12-31\nurls: [voorbeeldstad.nl/afval]\n---\n## Wat vertellen we bellers\nDe pas komt per post.\n',
      'brieven/afval-2027.md': '---\nid: afval-2027\n---\nVraag uw afvalpas aan op voorbeeldstad.nl/afval.\n',
      // Repository docs are no letters: the hook's `exclude` leaves them out.
      'README.md': 'Sjablonen. Oud adres: www.voorbeeldstad.nl/Oud_Adres.aspx?id=1\n',
    });
    gitRepo(letters, env);
    first = run('pre-commit', ['run', '--all-files'], letters, env, 600_000);
  }, 660_000);

  it('installs (npm pack stdout is only the tarball name) and passes on a clean repository', () => {
    expect(first.stdout + first.stderr).not.toContain('ENOENT');
    expect(first.status, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^brieflint\.+Passed$/m);
  });

  it('fails a commit with a letter that holds an error, naming the file and the rule', () => {
    ok('pre-commit', ['install'], letters, env);
    writeFiles(letters, { 'brieven/parkeren-2027.md': '---\nid: parkeren-2027\n---\nVerleng uw vergunning op www.voorbeeldstad.nl/Parkeren/Vergunning_Aanvragen.aspx?id=7.\n' });
    ok('git', ['add', 'brieven/parkeren-2027.md'], letters, env);
    const commit = run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-m', 'nieuwe brief'], letters, env, 300_000);
    const out = commit.stdout + commit.stderr;
    expect(commit.status, out).not.toBe(0);
    expect(out).toMatch(/^brieflint\.+Failed$/m);
    expect(out).toContain('brieven/parkeren-2027.md');
    expect(out).toContain('pretty-url');
    // Only the staged letter was checked (offline, by the hook's default args).
    expect(out).not.toContain('afval-2027.md');
  }, 300_000);
});
