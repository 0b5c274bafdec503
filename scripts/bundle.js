// Part of `npm run build`: bundles the compiled CLI (dist/src/cli.js) and the ES modules it uses
// into dist/bundle/ with esbuild, which bin/brieflint.js runs. Node 20 loads the ~200 separate
// modules of dist/ and node_modules in about 0.45 s; the bundle in about 0.25 s, on every run.
// Code that loads only when a run needs it (the .docx reader, the live-site checker, the
// knowledge-base adapters, the briefing writer) stays in chunks loaded on demand. mammoth, undici,
// ajv and proper-lockfile stay in node_modules (loaded when needed), as do the precompiled validators
// and jsonc-parser (a UMD module that esbuild cannot bundle; loaded only for a broken JSON config).
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const outdir = fileURLToPath(new URL('../dist/bundle', import.meta.url));
rmSync(outdir, { recursive: true, force: true });
await build({
  // The worker thread of `check --jobs N` (src/workers/pool.ts finds it next to the chunk that starts it).
  entryPoints: {
    cli: fileURLToPath(new URL('../dist/src/cli.js', import.meta.url)),
    'parse-worker': fileURLToPath(new URL('../dist/src/workers/parse-worker.js', import.meta.url)),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  external: ['mammoth', 'undici', 'ajv', 'proper-lockfile', 'jsonc-parser'],
  // Bundled CommonJS packages (commander, picomatch …) call require() for Node's built-ins.
  banner: { js: "import { createRequire as __brieflintRequire } from 'node:module'; const require = __brieflintRequire(import.meta.url);" },
  logLevel: 'warning',
});
