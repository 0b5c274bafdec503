#!/usr/bin/env node
// `npm run bench`: brieflint next to linkinator and markdown-link-check on the same letters and
// the same local site, plus the offline pipeline and memory. Not part of `npm test`: the numbers
// depend on the machine and are reported, never asserted. See README.md, "Speed and scale".
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startSiteServer, testCerts } from '../fixtures/site/server.mjs';
import { OWN, OWN_WWW, requiredPaths, siteModel, siteRoutes, writeDocxCorpus, writeMarkdownCorpus } from './corpus.mjs';
import { measure, rssMethod } from './measure.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = join(ROOT, 'bench');
const CORPUS = join(BENCH, '.corpus');
const BIN = join(ROOT, 'node_modules', '.bin');

const HELP = `npm run bench -- [options]

  --letters N          Markdown letters in the corpus (default 1000)
  --docx M             .docx letters for the offline pipeline timing (default 200)
  --urls K             distinct URLs the letters print (default 200)
  --latency MS         the site answers every request after MS milliseconds (default 50)
  --repeats R          runs per measurement; the median is reported (default 3)
  --memory-letters L   letters (Markdown and .docx, same mix) for the peak-RSS run (default 10000; 0 skips)
  --per-host P         also run brieflint with site.perHost P (default 16; 0 skips)
  --repeat-limit S     a command whose first run takes longer than S seconds is not repeated (default 60)
  --peer-timeout S     stop a peer run after S seconds (default 600)
  --memory-timeout S   stop the peak-RSS run of brieflint check after S seconds (default 240; 0 = never);
                       peak RSS is then what it reached so far
  --tools LIST         comma-separated subset of brieflint,linkinator,markdown-link-check
  --out FILE           JSON results (default bench/results.json)
`;

const { values: opt } = parseArgs({
  options: {
    letters: { type: 'string', default: '1000' },
    docx: { type: 'string', default: '200' },
    urls: { type: 'string', default: '200' },
    latency: { type: 'string', default: '50' },
    repeats: { type: 'string', default: '3' },
    'memory-letters': { type: 'string', default: '10000' },
    'peer-timeout': { type: 'string', default: '600' },
    'per-host': { type: 'string', default: '16' },
    'memory-timeout': { type: 'string', default: '240' },
    'repeat-limit': { type: 'string', default: '60' },
    tools: { type: 'string', default: 'brieflint,linkinator,markdown-link-check' },
    out: { type: 'string', default: join(BENCH, 'results.json') },
    help: { type: 'boolean', short: 'h' },
  },
});
if (opt.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const whole = (name, min = 0) => {
  const n = Number(opt[name]);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`bench: --${name} expects a whole number ≥ ${min}, got ${opt[name]}\n`);
    process.exit(2);
  }
  return n;
};
const N = whole('letters', 1);
const M = whole('docx', 0);
const K = whole('urls', 1);
const LATENCY = whole('latency', 0);
const REPEATS = whole('repeats', 1);
const MEMORY = whole('memory-letters', 0);
const PEER_TIMEOUT = whole('peer-timeout', 1) * 1000;
const FAST_PER_HOST = whole('per-host', 0);
const MEMORY_TIMEOUT = whole('memory-timeout', 0) * 1000;
const REPEAT_LIMIT = whole('repeat-limit', 1) * 1000;
const TOOLS = new Set(opt.tools.split(',').map((s) => s.trim()).filter(Boolean));

if (!existsSync(join(ROOT, 'dist', 'src', 'cli.js'))) {
  process.stderr.write('bench: dist/ is missing; run `npm run build` first (npm run bench does)\n');
  process.exit(2);
}
const { SITE_DEFAULTS } = await import('../dist/src/facts/site/index.js');

const LOAD_BEFORE = os.loadavg().map((x) => Math.round(x * 100) / 100);
const log = (s = '') => process.stderr.write(`${s}\n`);
const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const round = (x, d = 0) => (x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d);
const listDir = async (dir, ext) => (await readdir(dir)).filter((f) => f.endsWith(ext)).sort().map((f) => join(dir, f));

// Children: this node first on PATH (the peers' `#!/usr/bin/env node`), no proxy (linkinator
// honours http_proxy), no colours, no CI-only behaviour differences.
const childEnv = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`, NO_COLOR: '1', FORCE_COLOR: '0' };
for (const k of ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'NODE_OPTIONS']) delete childEnv[k];

// ---------------------------------------------------------------------------------------------
// Site and corpus
// ---------------------------------------------------------------------------------------------
const model = siteModel(K);
const count = (kind) => model.filter((u) => u.kind === kind).length;
const mix = { page: count('page'), cms: count('cms'), redirect: count('redirect'), dead: count('dead') };
const site = await startSiteServer({ routes: siteRoutes(model, LATENCY), https: testCerts.server });
const loopbackOrigin = `http://127.0.0.1:${site.httpPort}`;
log(`bench: site on ${loopbackOrigin} (https :${site.httpsPort}), ${K} URLs (${mix.page} pretty, ${mix.cms} CMS, ${mix.redirect} redirecting, ${mix.dead} dead), latency ${LATENCY} ms`);

await mkdir(join(CORPUS, 'out'), { recursive: true });
const t0 = performance.now();
const perHost = SITE_DEFAULTS.perHost;
const concurrency = SITE_DEFAULTS.concurrency;
const caFile = join(ROOT, 'fixtures', 'site', 'certs', 'ca.pem');

// Fair comparison: full http://127.0.0.1:PORT/… links; 127.0.0.1 is not an own domain, so
// brieflint checks each URL as printed (no typed variants); no cache.
const fairDir = join(CORPUS, 'fair');
await writeMarkdownCorpus(fairDir, {
  letters: N,
  model,
  style: 'loopback',
  port: site.httpPort,
  config: { domains: [OWN], site: { allowPrivate: true, cache: false } },
});
if (FAST_PER_HOST) {
  await writeFile(
    join(fairDir, 'brieflint.perhost.config.json'),
    `${JSON.stringify({ domains: [OWN], site: { allowPrivate: true, cache: false, perHost: FAST_PER_HOST, concurrency: Math.max(concurrency, FAST_PER_HOST) } }, null, 2)}\n`,
  );
}
// Typed variants: the same letters as residents read them (voorbeeldstad.example/…), served by the
// same site through connectTo (HTTP and HTTPS, the committed test CA).
const ownDir = join(CORPUS, 'own');
const ownSite = { connectTo: site.connectTo([OWN, OWN_WWW]), ca: caFile };
await writeMarkdownCorpus(ownDir, { letters: N, model, style: 'own', config: { domains: [OWN], site: { ...ownSite, cache: false } } });
await writeFile(
  join(ownDir, 'brieflint.cached.config.json'),
  `${JSON.stringify({ domains: [OWN], site: { ...ownSite, cache: join(ownDir, 'cache.json') } }, null, 2)}\n`,
);
log(`bench: wrote ${N} + ${N} Markdown letters in ${round((performance.now() - t0) / 1000, 1)} s`);

// .docx and memory corpora do not depend on the port: reused when the options match.
const manifestFile = join(CORPUS, 'manifest.json');
const manifest = existsSync(manifestFile) ? JSON.parse(await readFile(manifestFile, 'utf8')) : {};
const docxDir = join(CORPUS, 'docx');
// The same letters with pictures (a logo, two QR codes): what reading the pictures adds.
const docxImagesDir = join(CORPUS, 'docx-images');
const docxKey = `${M}/${K}/2`;
if (M > 0 && (manifest.docx !== docxKey || !existsSync(docxDir) || !existsSync(docxImagesDir))) {
  const t = performance.now();
  await writeDocxCorpus(docxDir, { letters: M, model });
  await writeDocxCorpus(docxImagesDir, { letters: M, model, images: true });
  manifest.docx = docxKey;
  log(`bench: wrote ${M} .docx letters in ${round((performance.now() - t) / 1000, 1)} s`);
}
const memoryDir = join(CORPUS, 'memory');
const memoryMd = MEMORY ? Math.round((MEMORY * N) / (N + M)) : 0;
const memoryDocx = MEMORY - memoryMd;
const memoryKey = `${memoryMd}/${memoryDocx}/${K}/1`;
if (MEMORY > 0 && (manifest.memory !== memoryKey || !existsSync(memoryDir))) {
  const t = performance.now();
  await writeMarkdownCorpus(memoryDir, { letters: memoryMd, model, style: 'own', subdir: join('brieven', 'md'), prefix: 'mem', seed: 17, config: { domains: [OWN] } });
  await writeDocxCorpus(join(memoryDir, 'brieven', 'docx'), { letters: memoryDocx, model, prefix: 'memdocx', seed: 19 });
  manifest.memory = memoryKey;
  log(`bench: wrote ${memoryMd} Markdown + ${memoryDocx} .docx letters for the memory run in ${round((performance.now() - t) / 1000, 1)} s`);
}
await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);

// ---------------------------------------------------------------------------------------------
// Live runs
// ---------------------------------------------------------------------------------------------
const required = new Set(requiredPaths(model));
const isProbe = (path) => /^\/brieflint-[0-9a-f]{12}$/.test(path);

/** What the server saw during one run. */
function serverStats() {
  const reqs = site.requests;
  const keys = reqs.map((r) => `${r.scheme}://${r.host}${r.path}`);
  const distinct = new Set(keys);
  const perHostCount = {};
  for (const r of reqs) perHostCount[r.host] = (perHostCount[r.host] ?? 0) + 1;
  const paths = new Set(reqs.filter((r) => !isProbe(r.path)).map((r) => r.path));
  const missing = [...required].filter((p) => !paths.has(p));
  const extra = [...paths].filter((p) => !required.has(p));
  return {
    requests: reqs.length,
    distinct: distinct.size,
    repeated: reqs.length - distinct.size,
    probes: reqs.filter((r) => isProbe(r.path)).length,
    methods: [...new Set(reqs.map((r) => r.method))].sort(),
    perHost: perHostCount,
    maxInFlight: site.maxInFlight,
    sameUrls: missing.length === 0 && extra.length === 0,
    missing: missing.length,
    extra: extra.length,
  };
}

const TOOL_COMMANDS = {
  brieflint: (dir, config = 'brieflint.config.json', extra = []) => [process.execPath, [join(ROOT, 'bin', 'brieflint.js'), 'check', 'brieven', '--config', config, '--format', 'json', '--no-color', ...extra], dir],
  linkinator: (dir, extra = []) => [join(BIN, 'linkinator'), ['brieven/**/*.md', '--markdown', '--format', 'json', ...extra], dir],
  'markdown-link-check': (dir) => [join(BIN, 'markdown-link-check'), ['-q', 'brieven'], dir],
};

/** Run a command R times against the site; median wall and RSS, server counts per run. */
async function liveRow(label, tool, [cmd, args, cwd], { repeats = REPEATS, before, timeoutMs = PEER_TIMEOUT } = {}) {
  const runs = [];
  for (let i = 0; i < repeats; i++) {
    await before?.();
    site.reset();
    const stdout = join(CORPUS, 'out', `${label.replace(/[^a-z0-9]+/gi, '-')}-${i + 1}.out`);
    const m = await measure(cmd, args, { cwd, env: childEnv, stdout, stderr: `${stdout}.err`, timeoutMs });
    // Let the server finish answering anything still in flight before counting.
    await new Promise((r) => setTimeout(r, LATENCY + 20));
    const s = serverStats();
    runs.push({ ...m, ...s, stdout });
    log(`  ${label} run ${i + 1}/${repeats}: ${round(m.wallMs / 1000, 2)} s, ${s.requests} requests, ${round(m.peakRssMB)} MB, exit ${m.code ?? m.signal}`);
    if (m.wallMs > REPEAT_LIMIT && i + 1 < repeats) {
      log(`  ${label}: longer than ${REPEAT_LIMIT / 1000} s, not repeated (--repeat-limit)`);
      break;
    }
  }
  const last = runs[runs.length - 1];
  const wallMs = median(runs.map((r) => r.wallMs));
  return {
    label,
    tool,
    runs: runs.length,
    wallMs: round(wallMs),
    wallMsAll: runs.map((r) => round(r.wallMs)),
    requests: median(runs.map((r) => r.requests)),
    requestsAll: runs.map((r) => r.requests),
    repeatedRequests: last.repeated,
    probes: last.probes,
    methods: last.methods,
    requestsPerHost: last.perHost,
    maxInFlight: last.maxInFlight,
    sameUrls: last.sameUrls,
    missingUrls: last.missing,
    extraUrls: last.extra,
    peakRssMB: round(median(runs.map((r) => r.peakRssMB)), 1),
    urlsPerSecond: wallMs ? round((K / wallMs) * 1000, 1) : null,
    exitCode: last.code,
    timedOut: last.timedOut,
    output: relative(ROOT, last.stdout),
  };
}

/** Lower bound of a live run: every request waits LATENCY, at most `concurrency` at once and `perHost` per host. */
function lowerBoundMs(row, limits = { concurrency, perHost }) {
  const global = (row.requests * LATENCY) / limits.concurrency;
  const hostMax = Math.max(...Object.values(row.requestsPerHost ?? { x: 0 }));
  return Math.max(global, (hostMax * LATENCY) / limits.perHost);
}

/** What brieflint's JSON says about the URLs: how many distinct printed URLs ended in each kind. */
async function brieflintKinds(file) {
  try {
    const report = JSON.parse(await readFile(file, 'utf8'));
    const kinds = {};
    const seen = new Set();
    for (const f of report.files) {
      for (const u of f.references.urls) {
        if (seen.has(u.href) || !u.result) continue;
        seen.add(u.href);
        kinds[u.result.kind] = (kinds[u.result.kind] ?? 0) + 1;
      }
    }
    return { files: report.summary.files, errors: report.summary.errors, warnings: report.summary.warnings, urlKinds: kinds };
  } catch (error) {
    return { error: String(error) };
  }
}

const rows = [];
log(`\nbench: live check, ${N} Markdown letters, ${K} URLs, ${REPEATS} run(s) each`);
if (TOOLS.has('brieflint')) {
  const offline = await liveRow('brieflint --offline (no network: read, extract, rules)', 'brieflint', TOOL_COMMANDS.brieflint(fairDir, 'brieflint.config.json', ['--offline']));
  rows.push({ ...offline, urlsPerSecond: null, kind: 'offline' });
  const row = await liveRow('brieflint', 'brieflint', TOOL_COMMANDS.brieflint(fairDir));
  rows.push({ ...row, kind: 'fair', lowerBoundMs: round(lowerBoundMs(row)), report: await brieflintKinds(join(ROOT, row.output)) });
  if (FAST_PER_HOST) {
    const fast = await liveRow(`brieflint, site.perHost ${FAST_PER_HOST}`, 'brieflint', TOOL_COMMANDS.brieflint(fairDir, 'brieflint.perhost.config.json'));
    const limits = { concurrency: Math.max(concurrency, FAST_PER_HOST), perHost: FAST_PER_HOST };
    rows.push({ ...fast, kind: 'fair-fast', limits, lowerBoundMs: round(lowerBoundMs(fast, limits)), report: await brieflintKinds(join(ROOT, fast.output)) });
  }
}
// One letter, and --jobs: brieflint offline in the same folder (its config and 200 KCC briefings).
const startRows = [];
const jobsRows = [];
if (TOOLS.has('brieflint')) {
  log(`\nbench: start-up (one letter) and --jobs, offline`);
  const oneDocx = join(fairDir, 'een', 'brief.docx');
  if (M > 0) {
    await mkdir(dirname(oneDocx), { recursive: true });
    await copyFile((await listDir(docxDir, '.docx'))[0], oneDocx);
  }
  const bin = join(ROOT, 'bin', 'brieflint.js');
  const one = (file) => [process.execPath, [bin, 'check', file, '--config', 'brieflint.config.json', '--format', 'json', '--no-color', '--offline'], fairDir];
  const short = { repeats: Math.max(REPEATS, 5) };
  startRows.push({ ...(await liveRow('node -e 0 (Node start-up)', 'node', [process.execPath, ['-e', '0'], fairDir], short)), kind: 'node' });
  startRows.push({ ...(await liveRow('brieflint check <one .md> --offline', 'brieflint', one('brieven/brief-00000.md'), short)), kind: 'one-md' });
  if (M > 0) startRows.push({ ...(await liveRow('brieflint check <one .docx> --offline', 'brieflint', one('een/brief.docx'), short)), kind: 'one-docx' });
  for (const jobs of [1, 2]) {
    jobsRows.push({
      ...(await liveRow(`brieflint --offline --jobs ${jobs}`, 'brieflint', TOOL_COMMANDS.brieflint(fairDir, 'brieflint.config.json', ['--offline', '--jobs', String(jobs)]))),
      kind: 'jobs',
      jobs,
    });
  }
}
if (TOOLS.has('linkinator')) {
  rows.push({ ...(await liveRow('linkinator', 'linkinator', TOOL_COMMANDS.linkinator(fairDir))), kind: 'fair' });
  // The same politeness as brieflint's default: as many connections as brieflint opens per host.
  // Informative only: the target compares with each peer's defaults.
  rows.push({
    ...(await liveRow(`linkinator --concurrency ${perHost} (brieflint's per-host limit)`, 'linkinator', TOOL_COMMANDS.linkinator(fairDir, ['--concurrency', String(perHost)]))),
    kind: 'equal-concurrency',
  });
}
if (TOOLS.has('markdown-link-check')) rows.push({ ...(await liveRow('markdown-link-check', 'markdown-link-check', TOOL_COMMANDS['markdown-link-check'](fairDir))), kind: 'fair' });

const variantRows = [];
if (TOOLS.has('brieflint')) {
  log(`\nbench: typed variants (${OWN}/… via connectTo, HTTP and HTTPS)`);
  const cold = await liveRow('brieflint + typed variants', 'brieflint', TOOL_COMMANDS.brieflint(ownDir));
  variantRows.push({ ...cold, kind: 'variants', lowerBoundMs: round(lowerBoundMs(cold)), report: await brieflintKinds(join(ROOT, cold.output)) });
  const cacheFile = join(ownDir, 'cache.json');
  // The URL cache (site.cache) and the letter cache (--cache), as a CI job keeps both between runs.
  const letterCache = join(ownDir, 'letters-cache.json');
  const cached = ['--cache', '--cache-location', letterCache];
  const first = await liveRow('brieflint --cache + typed variants, first run (both caches cold)', 'brieflint', TOOL_COMMANDS.brieflint(ownDir, 'brieflint.cached.config.json', cached), {
    repeats: 1,
    before: () => Promise.all([rm(cacheFile, { force: true }), rm(letterCache, { force: true })]),
  });
  variantRows.push({ ...first, kind: 'cache-cold' });
  const warmRuns = await liveRow('brieflint --cache + typed variants, second run (URL and letter cache warm)', 'brieflint', TOOL_COMMANDS.brieflint(ownDir, 'brieflint.cached.config.json', cached), { repeats: Math.max(REPEATS, 3) });
  const warmLog = site.requests.map((r) => r.path);
  const deadPaths = new Set(model.filter((u) => u.kind === 'dead').map((u) => u.path));
  variantRows.push({ ...warmRuns, kind: 'cache-warm', warmRequestsForDeadUrls: warmLog.filter((p) => deadPaths.has(p)).length });
}

// ---------------------------------------------------------------------------------------------
// Offline pipeline: .docx read → extract vs mammoth.convertToHtml; Markdown read → extract
// ---------------------------------------------------------------------------------------------
const offlineRows = [];
/**
 * Time offline workloads on the same files. With several workloads the runs are interleaved
 * (A B A B …) so that both see the same machine load; each row also gets its per-round times.
 */
async function offlineRowsFor(workloads, files, { repeats = REPEATS } = {}) {
  const slug = (label) => label.replace(/[^a-z0-9]+/gi, '-');
  const list = join(CORPUS, 'out', `${slug(workloads[0].label)}.files.json`);
  await writeFile(list, JSON.stringify(files));
  // A workload may bring its own files (the same letters with pictures).
  const lists = await Promise.all(
    workloads.map(async (w) => {
      if (!w.files) return list;
      const own = join(CORPUS, 'out', `${slug(w.label)}.files.json`);
      await writeFile(own, JSON.stringify(w.files));
      return own;
    }),
  );
  const runs = workloads.map(() => []);
  for (let i = 0; i < repeats; i++) {
    for (const [w, { label, mode }] of workloads.entries()) {
      const out = join(CORPUS, 'out', `${slug(label)}-${i + 1}.out`);
      const m = await measure(process.execPath, [join(BENCH, 'offline.mjs'), mode, lists[w]], { cwd: ROOT, env: childEnv, stdout: out, stderr: `${out}.err` });
      let result = {};
      try {
        result = JSON.parse((await readFile(out, 'utf8')).trim().split('\n').pop());
      } catch {
        result = { error: (await readFile(`${out}.err`, 'utf8')).slice(0, 2000) };
      }
      runs[w].push({ ...m, ...result });
      log(`  ${label} run ${i + 1}/${repeats}: ${round(result.lettersPerSecond, 1)} letters/s, ${round(m.peakRssMB)} MB${result.error ? ` ERROR ${result.error}` : ''}`);
    }
  }
  return workloads.map(({ label, mode, files: own }, w) => {
    const ms = median(runs[w].map((r) => r.ms));
    const n = (own ?? files).length;
    return {
      label,
      mode,
      letters: n,
      msTotal: round(ms, 1),
      msAll: runs[w].map((r) => round(r.ms)),
      msPerLetter: round(ms / n, 3),
      lettersPerSecond: round((n / ms) * 1000, 1),
      urlsFound: runs[w][0].urls,
      qrCodesFound: runs[w][0].codes,
      peakRssMB: round(median(runs[w].map((r) => r.peakRssMB)), 1),
    };
  });
}
const offlineRow = async (label, mode, files, options) => (await offlineRowsFor([{ label, mode }], files, options))[0];
if (M > 0) {
  log(`\nbench: offline pipeline on ${M} .docx letters (runs interleaved)`);
  const docxFiles = await listDir(docxDir, '.docx');
  offlineRows.push(
    ...(await offlineRowsFor(
      [
        { label: 'mammoth.convertToHtml (.docx)', mode: 'mammoth' },
        { label: 'brieflint read → extract (.docx)', mode: 'pipeline' },
        { label: 'brieflint read → images → extract (.docx + logo, 2 QR codes)', mode: 'pipeline', kind: 'images', files: await listDir(docxImagesDir, '.docx') },
      ],
      docxFiles,
    )).map((r, i) => (i === 2 ? { ...r, kind: 'images' } : r)),
  );
}
log(`\nbench: offline pipeline on ${N} Markdown letters (runs interleaved with remark-parse alone)`);
offlineRows.push(
  ...(await offlineRowsFor(
    [
      { label: 'unified + remark-parse: read and parse (Markdown)', mode: 'remark' },
      { label: 'brieflint read → extract (Markdown)', mode: 'pipeline' },
    ],
    await listDir(join(fairDir, 'brieven'), '.md'),
  )),
);

// ---------------------------------------------------------------------------------------------
// Memory: peak RSS for MEMORY letters
// ---------------------------------------------------------------------------------------------
const memoryRows = [];
if (MEMORY > 0) {
  log(`\nbench: peak RSS, ${MEMORY} letters (${memoryMd} Markdown, ${memoryDocx} .docx), offline`);
  const [cmd, args, cwd] = TOOL_COMMANDS.brieflint(memoryDir, 'brieflint.config.json', ['--offline']);
  const out = join(CORPUS, 'out', 'memory-cli.out');
  const m = await measure(cmd, args, { cwd, env: childEnv, stdout: out, stderr: `${out}.err`, ...(MEMORY_TIMEOUT ? { timeoutMs: MEMORY_TIMEOUT } : {}) });
  log(`  brieflint check --offline: ${round(m.wallMs / 1000, 1)} s${m.timedOut ? ' (stopped: --memory-timeout)' : ''}, ${round(m.peakRssMB)} MB, exit ${m.code}`);
  const report = m.timedOut ? {} : await brieflintKinds(out);
  memoryRows.push({
    label: `brieflint check --offline --format json (${MEMORY} letters)`,
    letters: MEMORY,
    wallMs: round(m.wallMs),
    peakRssMB: round(m.peakRssMB, 1),
    lettersPerSecond: m.timedOut ? null : round((MEMORY / m.wallMs) * 1000, 1),
    exitCode: m.code,
    timedOut: m.timedOut,
    filesReported: report.files ?? null,
  });
  const files = [...(await listDir(join(memoryDir, 'brieven', 'md'), '.md')), ...(await listDir(join(memoryDir, 'brieven', 'docx'), '.docx'))];
  const loop = await offlineRow(`read → extract loop, references kept (${MEMORY} letters)`, 'pipeline', files, { repeats: 1 });
  memoryRows.push({ label: loop.label, letters: MEMORY, wallMs: loop.msTotal, peakRssMB: loop.peakRssMB, lettersPerSecond: loop.lettersPerSecond });
}
await site.close();

// ---------------------------------------------------------------------------------------------
// Targets (what brieflint promises about speed and requests) and output
// ---------------------------------------------------------------------------------------------
const fair = rows.find((r) => r.kind === 'fair' && r.tool === 'brieflint');
const peers = rows.filter((r) => r.kind === 'fair' && r.tool !== 'brieflint' && !r.timedOut && r.wallMs);
const fasterPeer = peers.sort((a, b) => a.wallMs - b.wallMs)[0];
const variants = variantRows.find((r) => r.kind === 'variants');
const warm = variantRows.find((r) => r.kind === 'cache-warm');
const docxPipe = offlineRows.find((r) => r.mode === 'pipeline' && r.label.includes('.docx'));
const docxMammoth = offlineRows.find((r) => r.mode === 'mammoth');
const docxImages = offlineRows.find((r) => r.kind === 'images');
// What reading the pictures adds per .docx letter: the same letters with and without them, per round.
const qrCost =
  docxPipe && docxImages
    ? {
        withoutImagesMsPerLetter: docxPipe.msPerLetter,
        withImagesMsPerLetter: docxImages.msPerLetter,
        addedMsPerLetter: round(median(docxImages.msAll.map((ms, i) => (ms - docxPipe.msAll[i]) / docxImages.letters)), 2),
        qrCodesFound: docxImages.qrCodesFound,
      }
    : null;
const memCli = memoryRows[0];

const status = (ok) =>
  ok === 'partly' ? 'partly: live URLs met' : ok === 'gain' || ok === 'no gain' ? ok : ok === null || ok === undefined ? 'n/a' : ok ? 'met' : 'NOT met';
const targets = [];
if (fair) {
  const expected = K + mix.redirect + fair.probes;
  targets.push({
    target: 'requests = distinct URLs × typed variants (printed URLs only)',
    value: `${fair.requests} requests = ${K} URLs + ${mix.redirect} redirect hops + ${fair.probes} soft-404 probe; ${fair.repeatedRequests} repeated`,
    met: fair.requests === expected && fair.repeatedRequests === 0,
  });
}
if (variants) {
  const expected = 3 * K + mix.redirect + variants.probes;
  targets.push({
    target: 'requests = distinct URLs × typed variants (own domain: as printed, www/no-www, http)',
    value: `${variants.requests} requests = ${K} URLs × 3 + ${mix.redirect} redirect hops + ${variants.probes} probe; ${variants.repeatedRequests} repeated`,
    met: variants.requests === expected && variants.repeatedRequests === 0,
  });
}
if (warm) {
  targets.push({
    target: 'a warm-cache second run makes no request',
    value: `${warm.requests} requests, ${warm.warmRequestsForDeadUrls} of them for the ${mix.dead} dead URLs (only successful results are cached, by design)`,
    // 'partly': no request for any live URL; the dead ones are re-checked on purpose: only successes
    // are cached, so a page fixed since the last run is seen at once.
    met: warm.requests === 0 ? true : warm.requests === warm.warmRequestsForDeadUrls ? 'partly' : false,
  });
}
const fast = rows.find((r) => r.kind === 'fair-fast');
for (const r of [fair, fast].filter(Boolean)) {
  if (!fasterPeer) break;
  const x = fasterPeer.wallMs / r.wallMs;
  targets.push({
    target: `wall time ≥ 3× lower than the faster peer (${r.label})`,
    value: `${round(x, 2)}× (${fasterPeer.tool} ${round(fasterPeer.wallMs / 1000, 2)} s vs ${round(r.wallMs / 1000, 2)} s)`,
    met: x >= 3,
  });
}
const offlineRun = rows.find((r) => r.kind === 'offline');
for (const r of [fair, fast, variants].filter(Boolean)) {
  const x = r.wallMs / r.lowerBoundMs;
  const limits = r.limits ?? { concurrency, perHost };
  // The network phase alone: the live run minus the same run offline (startup, reading, rules).
  const network = offlineRun && r.kind !== 'variants' ? r.wallMs - offlineRun.wallMs : null;
  targets.push({
    target: `wall time within 1.5× of requests × latency ÷ concurrency (${r.label})`,
    value:
      `${round(x, 2)}× (${round(r.wallMs / 1000, 2)} s vs bound ${round(r.lowerBoundMs / 1000, 2)} s: ${r.requests} requests × ${LATENCY} ms, ≤ ${limits.perHost} per host, ≤ ${limits.concurrency} in all)` +
      (network !== null ? `; live − offline run = ${round(network / 1000, 2)} s = ${round(network / r.lowerBoundMs, 2)}× the bound` : ''),
    met: x <= 1.5,
  });
}
if (docxPipe && docxMammoth) {
  // Median of the per-round ratios (runs were interleaved, so each pair saw the same load).
  const x = median(docxPipe.msAll.map((ms, i) => ms / docxMammoth.msAll[i]));
  targets.push({
    target: '.docx pipeline ≤ 1.3× mammoth convertToHtml',
    value: `${round(x, 2)}× (median per-round ratio; ${docxPipe.lettersPerSecond} vs ${docxMammoth.lettersPerSecond} letters/s)`,
    met: x <= 1.3,
  });
}
if (memCli) {
  const over = memCli.peakRssMB !== null && memCli.peakRssMB >= 300;
  targets.push({
    target: `peak RSS < 300 MB for ${MEMORY} letters`,
    value: memCli.timedOut
      ? `≥ ${memCli.peakRssMB} MB when stopped after ${round(memCli.wallMs / 1000)} s (brieflint check --offline; --memory-timeout)`
      : `${memCli.peakRssMB} MB (brieflint check --offline, ${round(memCli.wallMs / 1000, 1)} s)`,
    met: over ? false : memCli.timedOut ? null : memCli.peakRssMB !== null,
  });
}

// Targets of the second speed round, each with its figure: met or not met.
const sec = (ms) => (ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);
const goals = [];
const linkinatorRows = rows.filter((r) => r.tool === 'linkinator' && r.wallMs && !r.timedOut);
const fastestLinkinator = [...linkinatorRows].sort((a, b) => a.wallMs - b.wallMs)[0];
const offlineCli = rows.find((r) => r.kind === 'offline');
const nodeRow = startRows.find((r) => r.kind === 'node');
const oneMd = startRows.find((r) => r.kind === 'one-md');
const oneDocx = startRows.find((r) => r.kind === 'one-docx');
const remarkRow = offlineRows.find((r) => r.mode === 'remark');
const mdPipe = offlineRows.find((r) => r.mode === 'pipeline' && r.label.includes('(Markdown)'));
if (fair && fastestLinkinator) {
  const x = fastestLinkinator.wallMs / fair.wallMs;
  goals.push({
    target: '1. cold live run, brieflint defaults, ≥ 2× faster than the faster linkinator row',
    value: `${round(x, 2)}× (${fastestLinkinator.label}: ${sec(fastestLinkinator.wallMs)}; brieflint: ${sec(fair.wallMs)}; network bound at ${perHost} per host: ${sec(fair.lowerBoundMs)})`,
    met: x >= 2,
  });
}
if (offlineCli && oneMd && remarkRow) {
  // The whole offline CLI run minus what one letter costs (start-up, config, 200 briefings):
  // read → extract → rules → report for the other N − 1 letters, per letter, against remark-parse's.
  const perLetter = (offlineCli.wallMs - oneMd.wallMs) / (N - 1);
  const x = perLetter / remarkRow.msPerLetter;
  const pipeRatio = mdPipe ? median(mdPipe.msAll.map((ms, i) => ms / remarkRow.msAll[i])) : null;
  goals.push({
    target: '2a. offline, per Markdown letter: read → extract → rules ≤ 1.5× remark-parse (read + parse)',
    value: `${round(x, 2)}× (CLI: (${sec(offlineCli.wallMs)} − one letter ${sec(oneMd.wallMs)}) ÷ ${N - 1} = ${round(perLetter, 2)} ms; remark-parse ${remarkRow.msPerLetter} ms${pipeRatio !== null ? `; read → extract alone ${round(pipeRatio, 2)}×` : ''})`,
    met: x <= 1.5,
  });
}
if (docxPipe && docxMammoth) {
  const x = median(docxPipe.msAll.map((ms, i) => ms / docxMammoth.msAll[i]));
  goals.push({ target: '2b. .docx read → extract ≤ 1.3× mammoth convertToHtml', value: `${round(x, 2)}× (median per-round ratio)`, met: x <= 1.3 });
}
if (nodeRow && oneMd) {
  const x = oneMd.wallMs / nodeRow.wallMs;
  goals.push({ target: '3a. one .md letter --offline ≤ 2.5× node -e 0', value: `${round(x, 2)}× (${sec(oneMd.wallMs)} vs ${sec(nodeRow.wallMs)})`, met: x <= 2.5 });
}
if (nodeRow && oneDocx) {
  const x = oneDocx.wallMs / nodeRow.wallMs;
  goals.push({ target: '3b. one .docx letter --offline ≤ 3.5× node -e 0', value: `${round(x, 2)}× (${sec(oneDocx.wallMs)} vs ${sec(nodeRow.wallMs)})`, met: x <= 3.5 });
}
if (warm && oneMd) {
  const x = warm.wallMs / oneMd.wallMs;
  goals.push({
    target: `4. warm --cache run over ${N} unchanged letters ≤ 3× one-letter time`,
    value: `${round(x, 2)}× (${sec(warm.wallMs)}, ${warm.requests} requests, vs one letter ${sec(oneMd.wallMs)})`,
    met: x <= 3,
  });
}
const [jobs1, jobs2] = [1, 2].map((j) => jobsRows.find((r) => r.jobs === j));
let jobsModel = null;
if (jobs1 && jobs2 && mdPipe) {
  // A model for n cores: S (not parallel: start-up, briefings, rules, report) + P ÷ n (parsing)
  // + c × (n − 1) (a worker's start-up and the copying of letters between threads), with P the
  // one-thread read → extract time (at most what the run takes beyond one letter), S = T1 − P,
  // and c from T2 measured on this machine.
  const P = Math.min(mdPipe.msTotal, jobs1.wallMs - (oneMd?.wallMs ?? 0));
  const S = Math.max(0, jobs1.wallMs - P);
  const c = jobs2.wallMs - S - P / 2;
  const T = (n) => S + P / n + c * (n - 1);
  jobsModel = { S: round(S), P: round(P), c: round(c), predicted4: round(T(4)), cores: os.cpus().length };
  goals.push({
    target: `5. --jobs: 1 vs 2 threads here (${os.cpus().length} cores), offline, ${N} letters`,
    value: `--jobs 1 ${sec(jobs1.wallMs)}, --jobs 2 ${sec(jobs2.wallMs)}: ${round(jobs1.wallMs / jobs2.wallMs, 2)}× ; model S + P/n + c(n−1) with S ${sec(S)}, P ${sec(P)}, c ${sec(c)}: 4 cores → ${sec(T(4))}`,
    met: jobs2.wallMs < jobs1.wallMs ? 'gain' : 'no gain',
  });
}
if (memCli) {
  goals.push({ target: `6. peak RSS < 300 MB for ${MEMORY} letters`, value: `${memCli.peakRssMB} MB${memCli.timedOut ? ' (stopped)' : ''}`, met: memCli.peakRssMB !== null && memCli.peakRssMB < 300 && !memCli.timedOut });
}

const cpus = os.cpus();
const loadAfter = os.loadavg().map((x) => round(x, 2));
const results = {
  when: new Date().toISOString(),
  command: `npm run bench -- --letters ${N} --docx ${M} --urls ${K} --latency ${LATENCY} --repeats ${REPEATS} --memory-letters ${MEMORY}`,
  machine: { cpus: cpus.length, cpu: cpus[0]?.model, memoryGB: round(os.totalmem() / 2 ** 30, 1), platform: `${os.platform()} ${os.release()}`, node: process.version, rss: rssMethod, loadavgBefore: LOAD_BEFORE, loadavgAfter: loadAfter },
  options: { letters: N, docx: M, urls: K, latencyMs: LATENCY, repeats: REPEATS, memoryLetters: MEMORY },
  site: { mix, brieflint: { concurrency, perHost, probe: 'on (not settable from config)' } },
  live: rows,
  variants: variantRows,
  offline: offlineRows,
  qrCost,
  memory: memoryRows,
  startUp: startRows,
  jobs: jobsRows,
  jobsModel,
  targets,
  goals,
};
await writeFile(opt.out, `${JSON.stringify(results, null, 2)}\n`);

// Table
const s = (ms) => (ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);
const pad = (cells, widths) => `| ${cells.map((c, i) => String(c ?? '–').padEnd(widths[i])).join(' | ')} |`;
function table(head, body) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i] ?? '–').length)));
  return [pad(head, widths), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map((r) => pad(r, widths))].join('\n');
}
const out = [];
out.push(`\nbrieflint bench — ${N} Markdown letters, ${K} distinct URLs (${mix.page} pretty, ${mix.cms} CMS, ${mix.redirect} redirecting, ${mix.dead} dead), ${LATENCY} ms latency, median of ${REPEATS}`);
out.push(`machine: ${cpus.length} cores (${cpus[0]?.model ?? '?'}), Node ${process.version}; peak RSS via ${rssMethod}; load average before/after ${LOAD_BEFORE[0]}/${loadAfter[0]}\n`);
out.push(
  table(
    ['tool', 'wall', 'requests', 'same URLs', 'peak RSS', 'URLs/s'],
    [...rows, ...startRows, ...jobsRows, ...variantRows].map((r) => [
      r.label,
      `${s(r.wallMs)}${r.timedOut ? ' (timed out)' : ''}`,
      r.requests,
      ['offline', 'cache-warm', 'node', 'one-md', 'one-docx', 'jobs'].includes(r.kind) ? '–' : r.sameUrls ? 'yes' : `no (${r.missingUrls} missing, ${r.extraUrls} extra)`,
      r.peakRssMB === null ? '–' : `${r.peakRssMB} MB`,
      r.urlsPerSecond ?? '–',
    ]),
  ),
);
out.push('');
out.push(table(['offline pipeline', 'letters', 'total', 'letters/s', 'peak RSS'], [...offlineRows, ...memoryRows].map((r) => [r.label, r.letters, `${r.timedOut ? '> ' : ''}${s(r.msTotal ?? r.wallMs)}`, r.lettersPerSecond, `${r.timedOut ? '≥ ' : ''}${r.peakRssMB} MB`])));
if (qrCost) {
  out.push(
    `\nQR codes: a .docx letter takes ${qrCost.withoutImagesMsPerLetter} ms without pictures, ${qrCost.withImagesMsPerLetter} ms with a logo and two QR codes: +${qrCost.addedMsPerLetter} ms per letter (median of per-round differences; ${qrCost.qrCodesFound} codes read).`,
  );
}
out.push('');
out.push(table(['target (first round)', 'measured', ''], targets.map((t) => [t.target, t.value, status(t.met)])));
out.push('');
out.push(table(['target (second round)', 'measured', ''], goals.map((t) => [t.target, t.value, status(t.met)])));
out.push(`\nJSON: ${relative(process.cwd(), opt.out)}`);
process.stdout.write(`${out.join('\n')}\n`);
