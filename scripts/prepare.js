// npm's `prepare` script: it runs on `npm ci` and `npm install` in a clone, on `npm pack`, when
// npm installs brieflint from git, and when pre-commit installs the hook. It builds dist/ (`npm
// run build`) unless dist/ is already newer than every file the build reads, and it never writes
// to stdout: `npm pack` prints the tarball's name there, and pre-commit (up to 4.6.0) reads that
// name from `npm pack`'s stdout. The repository's .npmrc (`foreground-scripts=false`) keeps npm's
// own "> brieflint prepare" banner off stdout too. `npm run build` always builds.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What the build reads. */
const INPUTS = ['src', 'rules', 'scripts/compile-validators.js', 'scripts/bundle.js', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
/** What the build writes last, per step (tsc, the validators, the bundle). */
const OUTPUTS = ['dist/src/cli.js', 'dist/src/validators.generated.cjs', 'dist/bundle/cli.js'];

function newest(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

function oldestOutput() {
  let min = Infinity;
  for (const out of OUTPUTS) {
    try {
      min = Math.min(min, statSync(join(root, out)).mtimeMs);
    } catch {
      return 0;
    }
  }
  return min;
}

const input = Math.max(...INPUTS.map((p) => newest(join(root, p))));
if (oldestOutput() > input) {
  process.stderr.write('brieflint: dist/ is up to date; build skipped (npm run build builds anyway)\n');
} else {
  // The build's own output (and npm's banner for `npm run build`) goes to stderr.
  const npm = process.env.npm_execpath;
  const [cmd, args] = npm ? [process.execPath, [npm, 'run', 'build']] : ['npm', ['run', 'build']];
  const run = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 2, 2], shell: !npm && process.platform === 'win32' });
  if (run.error) throw run.error;
  process.exitCode = run.status ?? 1;
}
