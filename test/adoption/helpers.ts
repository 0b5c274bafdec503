/**
 * What the adoption tests share: running npm, git and shell scripts as a new user would, in
 * temporary folders, with an environment that does not leak the `npm test` run around them.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

/**
 * The environment for a child npm, git or pre-commit: the user's, without what the surrounding
 * `npm test` put there (npm_config_local_prefix would point a child npm at this repository),
 * but with its npm cache. Packages come from that cache when it has them (`prefer-offline`);
 * brieflint itself never comes from the registry.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) || k === 'INIT_CWD' || /^GITHUB_/.test(k) || /^PRE_COMMIT/.test(k)) continue;
    env[k] = v;
  }
  if (process.env.npm_config_cache) env.npm_config_cache = process.env.npm_config_cache;
  return {
    ...env,
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    NO_COLOR: '1',
    ...extra,
  };
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run a command; never throws for a non-zero exit (the test asserts the status). */
export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = cleanEnv(), timeoutMs = 240_000): Run {
  const r: SpawnSyncReturns<string> = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `run`, and fail with both streams when the exit status is not the expected one. */
export function ok(cmd: string, args: string[], cwd: string, env?: NodeJS.ProcessEnv, expected = 0): Run {
  const r = run(cmd, args, cwd, env);
  if (r.status !== expected) {
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status}, expected ${expected}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`);
  }
  return r;
}

const made: string[] = [];

/** A new temporary folder, removed by removeTempDirs(). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `brieflint-${prefix}-`));
  made.push(dir);
  return dir;
}

/**
 * Remove the temporary folders of this test file (they hold node_modules and pre-commit's
 * environments: hundreds of MB). BRIEFLINT_KEEP_TMP=1 keeps them to look into.
 */
export function removeTempDirs(): void {
  if (process.env.BRIEFLINT_KEEP_TMP === '1') return;
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/**
 * A copy of this repository as it is checked out (tracked and new files, with the changes not yet
 * committed; not node_modules or dist), as the action's checkout or pre-commit's clone sees it.
 * `skip` leaves out folders the build does not read, to keep the copy small.
 */
export function copyOfRepository(to: string, skip: string[] = []): string {
  const files = ok('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT).stdout.split('\0').filter(Boolean);
  for (const file of files) {
    if (skip.some((s) => file === s || file.startsWith(`${s}/`))) continue;
    const target = join(to, file);
    mkdirSync(dirname(target), { recursive: true });
    try {
      cpSync(join(ROOT, file), target);
    } catch (error) {
      // A tracked file deleted in the working tree is not part of the checkout.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return to;
}

/** A git repository with every file committed, as a user's letters repository. */
export function gitRepo(dir: string, env = cleanEnv()): void {
  const git = (...args: string[]) => ok('git', ['-c', 'user.name=brieflint test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], dir, env);
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'letters');
}
