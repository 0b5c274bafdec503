/**
 * `brieflint serve`'s HTTP server: node's `http` and a small router. Safe by default:
 *
 * - it binds to 127.0.0.1 unless `--host` says otherwise;
 * - every request needs the random token of the URL it printed: `?token=` on the first load,
 *   which sets an HttpOnly, SameSite=Strict cookie and redirects to the URL without it; after
 *   that the cookie (or the `X-Brieflint-Token` header);
 * - the `Host` header must name this server (a loopback name, or the `--host` address), so a
 *   DNS-rebinding page cannot reach it under its own name;
 * - a POST must come from the page itself: the token in the `X-Brieflint-Token` header (the page
 *   reads it from its own markup), an `Origin` equal to this server's, and no cross-site
 *   `Sec-Fetch-Site`; no CORS headers are ever sent;
 * - bodies are read with hard limits before they are parsed; uploads stay in memory;
 * - a strict Content-Security-Policy: only this server's own script and stylesheet, no inline
 *   script or style, nothing from outside, no framing.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, mkdir } from 'node:fs/promises';
import { createAtomically, writeAtomically } from '../cache/locked.js';
import { existsSync, watch, type FSWatcher } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { networkInterfaces, hostname } from 'node:os';
import type { Lang } from '../types.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Rule } from '../rule.js';
import { findLetters, type FoundFile } from '../files.js';
import { factFolders } from '../facts/index.js';
import { resolveKccConfig } from '../facts/kcc/config.js';
import { parseBriefingFile } from '../facts/kcc/front-matter.js';
import { coverReason } from '../model/briefing-match.js';
import { KnowledgeBaseError } from '../facts/kcc/errors.js';
import { LETTER_EXTENSIONS, extensionOf } from '../letters/index.js';
import { PACKAGE_ROOT, ruleDocPath } from '../paths.js';
import { localToday } from '../model/date.js';
import { Runs, type Run, type Source } from './runs.js';
import { RequestError, UPLOAD_LIMITS, parseUpload, readBody, tooBigMessage } from './upload.js';
import { renderDocPage, renderErrorPage, renderPage } from './render.js';
import { SERVE_CSS } from './style.js';
import { markdownToHtml } from './docs.js';
import { serveStrings } from './i18n.js';

export interface ServeOptions {
  cwd: string;
  config: ResolvedConfig;
  rules: Rule[];
  version: string;
  /** The folder whose letters the page offers (absolute). */
  folder: string;
  /** The page's language when the URL has no `?lang=`. */
  lang: Lang;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 4477; 0 picks a free port. */
  port?: number;
  offline?: boolean;
  today?: string;
  noCache?: boolean;
  /** Fixed token (tests); default 32 random bytes. */
  token?: string;
  /** Watch the folder's letters and tell the page when one changes (default true). */
  watch?: boolean;
}

export interface ServeHandle {
  /** The URL to open, with the token. */
  url: string;
  origin: string;
  token: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/** Host names (without port) that this server answers to: loopback names, or the --host address and, for a wildcard, this machine's. */
export function allowedHostNames(bind: string): Set<string> {
  const names = new Set<string>();
  const add = (h: string) => names.add(h.toLowerCase().replace(/^\[|\]$/g, ''));
  for (const h of LOOPBACK) add(h);
  add(bind);
  if (WILDCARD.has(bind)) {
    for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) add(i.address);
    add(hostname());
  }
  return names;
}

/** The host name of a Host header ("127.0.0.1:4477", "[::1]:4477") and its port. */
function splitHost(header: string): { name: string; port: string } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d+))?$/i.exec(header.trim());
  return m ? { name: m[1].toLowerCase().replace(/^\[|\]$/g, ''), port: m[2] ?? '80' } : undefined;
}

function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string | string[]> = {}): void {
  // Answered before the body was read (refused, too big): the connection is not reused.
  const close: Record<string, string> = res.req.complete ? {} : { connection: 'close' };
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...close, ...extra });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function sendJson(res: ServerResponse, status: number, data: unknown): void {
  send(res, status, 'application/json; charset=utf-8', `${JSON.stringify(data)}\n`);
}

function langOf(url: URL, fallback: Lang): Lang {
  const l = url.searchParams.get('lang');
  return l === 'en' || l === 'nl' ? l : fallback;
}

/** Start the server; resolves once it listens. */
export async function startServer(o: ServeOptions): Promise<ServeHandle> {
  const token = o.token ?? randomBytes(32).toString('base64url');
  const bind = o.host ?? '127.0.0.1';
  const names = allowedHostNames(bind);
  const runs = new Runs({
    cwd: o.cwd,
    config: o.config,
    rules: o.rules,
    version: o.version,
    offline: !!o.offline,
    ...(o.today ? { today: o.today } : {}),
    ...(o.noCache ? { noCache: true } : {}),
  });
  const script = await readFile(join(PACKAGE_ROOT, 'assets', 'serve-page.js'), 'utf8');
  const ruleIds = new Set(o.rules.map((r) => r.meta.id));
  const folderShown = relative(o.cwd, o.folder).split(sep).join('/') || '.';
  const kcc = resolveKccConfig(o.config.kcc);
  const briefingDir = resolve(o.config.root, kcc.folder);
  const watchers = new Set<ServerResponse>();
  let port = 0;
  let cookieName = 'brieflint';

  /** The folder's letters, found as `check` finds them. */
  const folderLetters = async (): Promise<FoundFile[]> => {
    try {
      return (await findLetters([o.folder], o.cwd, { ignore: o.config.ignore, ignoreRoot: o.config.root, exclude: factFolders(o.config) })).files.filter((f) =>
        (LETTER_EXTENSIONS as readonly string[]).includes(extensionOf(f.display)),
      );
    } catch {
      return [];
    }
  };

  const refuse = (res: ServerResponse, status: number, message: string, lang: Lang, json: boolean) =>
    json ? sendJson(res, status, { error: message }) : send(res, status, 'text/html; charset=utf-8', renderErrorPage(message, lang));

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const lang = langOf(url, o.lang);
    const s = serveStrings(lang);
    const api = url.pathname.startsWith('/api/');

    // 1. The Host header names this server (DNS rebinding).
    const host = splitHost(String(req.headers.host ?? ''));
    if (!host || !names.has(host.name) || host.port !== String(port)) return refuse(res, 403, s.errors.host, lang, api);

    // 2. The token: the cookie, the header, or (loading a page) the query.
    const queryToken = url.searchParams.get('token');
    const headerToken = req.headers['x-brieflint-token'];
    const authed = sameSecret(cookies(req).get(cookieName), token) || sameSecret(typeof headerToken === 'string' ? headerToken : undefined, token);
    if ((req.method === 'GET' || req.method === 'HEAD') && queryToken !== null && !api) {
      if (!sameSecret(queryToken, token)) return refuse(res, 403, s.errors.token, lang, false);
      url.searchParams.delete('token');
      // The token leaves the address bar (and the history): the cookie carries it from now on.
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        location: `${url.pathname}${url.search}`,
        'set-cookie': `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'content-length': '0',
      });
      res.end();
      return;
    }
    if (!authed) return refuse(res, 403, s.errors.token, lang, api);

    // 3. A POST comes from the page itself.
    if (req.method === 'POST') {
      const origin = req.headers.origin;
      const site = req.headers['sec-fetch-site'];
      const ownOrigin = `http://${req.headers.host}`;
      if (origin !== ownOrigin || (site !== undefined && site !== 'same-origin') || !sameSecret(typeof headerToken === 'string' ? headerToken : undefined, token)) {
        return refuse(res, 403, s.errors.origin, lang, true);
      }
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      return refuse(res, 405, s.errors.method, lang, api);
    }

    try {
      await route(req, res, url, lang);
    } catch (error) {
      if (error instanceof RequestError) return sendJson(res, error.status, { error: error.reason[lang] });
      if (!res.headersSent) sendJson(res, 500, { error: `${s.errors.failed} ${(error as Error).message}` });
      else res.destroy();
    }
  };

  const route = async (req: IncomingMessage, res: ServerResponse, url: URL, lang: Lang): Promise<void> => {
    const s = serveStrings(lang);
    const path = url.pathname;
    const get = req.method === 'GET' || req.method === 'HEAD';
    if (get && path === '/') {
      const letters = (await folderLetters()).map((f) => f.display);
      return send(
        res,
        200,
        'text/html; charset=utf-8',
        renderPage({ lang, token, version: o.version, folder: folderShown, letters, limits: { files: UPLOAD_LIMITS.files, fileBytes: UPLOAD_LIMITS.fileBytes, totalBytes: UPLOAD_LIMITS.totalBytes } }),
      );
    }
    if (get && path === '/app.js') return send(res, 200, 'text/javascript; charset=utf-8', script);
    if (get && path === '/app.css') return send(res, 200, 'text/css; charset=utf-8', SERVE_CSS);
    const rule = /^\/rules\/([a-z0-9-]+)$/.exec(path);
    if (get && rule && ruleIds.has(rule[1])) {
      const md = await readFile(ruleDocPath(rule[1]), 'utf8');
      return send(res, 200, 'text/html; charset=utf-8', renderDocPage(rule[1], markdownToHtml(md, lang, ruleIds), lang, o.version));
    }
    if (get && path === '/api/letters') return sendJson(res, 200, { letters: (await folderLetters()).map((f) => f.display) });
    if (get && path === '/api/watch') return watchStream(req, res);
    if (req.method === 'POST' && path === '/api/runs') return startRun(req, res, lang);

    const m = /^\/api\/runs\/(r\d+)(\/.*)?$/.exec(path);
    if (m) {
      const run = runs.get(m[1]);
      if (!run) return sendJson(res, 410, { error: s.errors.runGone });
      const rest = m[2] ?? '';
      if (get && rest === '/events') return eventStream(req, res, run);
      if (get && rest === '/report.json') {
        const report = run.report();
        return report ? send(res, 200, 'application/json; charset=utf-8', `${JSON.stringify(report, null, 2)}\n`) : sendJson(res, 202, { pending: true });
      }
      if (req.method === 'POST' && rest === '/recheck') {
        const again = runs.start(await refreshSources(run.sources), lang);
        return sendJson(res, 202, { id: again.id, events: `/api/runs/${again.id}/events` });
      }
      const b = /^\/letters\/(\d+)\/briefing$/.exec(rest);
      if (b) return briefing(req, res, run, Number(b[1]), lang);
    }
    return refuse(res, 404, s.errors.notFound, lang, path.startsWith('/api/'));
  };

  /** Folder letters are read again (the writer changed them); uploads keep their bytes. */
  const refreshSources = async (sources: Source[]): Promise<Source[]> => {
    const known = new Map((await folderLetters()).map((f) => [f.display, f]));
    return sources.map((src) => (src.kind === 'folder' ? { kind: 'folder', file: known.get(src.file.display) ?? src.file } : src));
  };

  const startRun = async (req: IncomingMessage, res: ServerResponse, lang: Lang): Promise<void> => {
    const body = await readBody(req, UPLOAD_LIMITS.totalBytes, tooBigMessage());
    const upload = await parseUpload(body, req.headers['content-type']);
    const runLang = (upload.fields.get('lang') ?? [])[0] === 'en' ? 'en' : (upload.fields.get('lang') ?? [])[0] === 'nl' ? 'nl' : lang;
    const known = new Map((await folderLetters()).map((f) => [f.display, f]));
    const sources: Source[] = [];
    for (const p of upload.fields.get('path') ?? []) {
      const file = known.get(p);
      if (!file) throw new RequestError(400, { nl: serveStrings('nl').errors.unknownLetter(p), en: serveStrings('en').errors.unknownLetter(p) });
      sources.push({ kind: 'folder', file });
    }
    for (const f of upload.files) {
      // Checked as if saved in the folder under its own name: a new version of a folder letter
      // is that letter (its manifest entry, the briefing's `files` globs), so the verdict is the
      // one `check` gives once it is saved. Nothing is written.
      const same = [...known.values()].find((k) => k.display.split('/').pop()!.toLowerCase() === f.name.toLowerCase());
      const absolute = same?.absolute ?? join(o.folder, f.name);
      const display = same?.display ?? (relative(o.cwd, absolute).split(sep).join('/') || f.name);
      sources.push({ kind: 'upload', file: { absolute, display }, data: f.data });
    }
    if (sources.length === 0) throw new RequestError(400, { nl: serveStrings('nl').errors.noFiles, en: serveStrings('en').errors.noFiles });
    const run = runs.start(sources, runLang);
    sendJson(res, 202, { id: run.id, events: `/api/runs/${run.id}/events` });
  };

  const sse = (res: ServerResponse): void => {
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
    res.write(': brieflint\n\n');
  };

  const eventStream = (req: IncomingMessage, res: ServerResponse, run: Run): void => {
    sse(res);
    const after = Number(req.headers['last-event-id'] ?? 0) || 0;
    const heartbeat = setInterval(() => res.write(': \n\n'), 15_000);
    let ended = false;
    let unsubscribe: (() => void) | undefined;
    const cleanup = () => {
      clearInterval(heartbeat);
      unsubscribe?.();
    };
    // Events the page missed are replayed first (a finished run: all of them, then the end).
    unsubscribe = run.subscribe(after, (e) => {
      if (ended) return;
      res.write(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`);
      if (e.type === 'done' || e.type === 'failed') {
        ended = true;
        res.end();
      }
    });
    if (ended) cleanup();
    res.on('close', cleanup);
  };

  const watchStream = (_req: IncomingMessage, res: ServerResponse): void => {
    sse(res);
    watchers.add(res);
    const heartbeat = setInterval(() => res.write(': \n\n'), 15_000);
    res.on('close', () => {
      clearInterval(heartbeat);
      watchers.delete(res);
    });
  };

  const briefing = async (req: IncomingMessage, res: ServerResponse, run: Run, index: number, lang: Lang): Promise<void> => {
    const s = serveStrings(lang);
    const letter = run.letter(index);
    if (!letter) return sendJson(res, 404, { error: s.errors.notFound });
    if (kcc.adapter !== 'folder') return sendJson(res, 409, { error: s.errors.noBriefingFolder });
    const { briefingFileName, renderBriefing } = await import('../briefing.js');
    const target = join(briefingDir, briefingFileName(letter.letter));
    const shown = relative(o.cwd, target).split(sep).join('/');
    if (req.method === 'GET') {
      return sendJson(res, 200, {
        file: shown,
        exists: existsSync(target),
        text: renderBriefing(letter.letter, letter.refs, o.today ?? localToday()),
        intro: s.briefing.dialogIntro(shown),
        existsMessage: s.briefing.exists(shown),
      });
    }
    const body = await readBody(req, UPLOAD_LIMITS.jsonBytes, { nl: serveStrings('nl').errors.briefingTooBig, en: serveStrings('en').errors.briefingTooBig });
    let data: { text?: unknown; overwrite?: unknown };
    try {
      data = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, { error: s.errors.badJson });
    }
    if (typeof data.text !== 'string' || data.text.trim() === '') return sendJson(res, 400, { error: s.errors.briefingEmpty });
    // What the folder adapter will read: a briefing it cannot read, or one that does not name this letter, is not written.
    const rel = relative(o.config.root, target).split(sep).join('/');
    let parsed;
    try {
      parsed = parseBriefingFile(data.text, rel, briefingFileName(letter.letter).replace(/\.md$/, ''));
    } catch (error) {
      if (error instanceof KnowledgeBaseError) return sendJson(res, 422, { error: `${s.errors.briefingInvalid} ${error.reason[lang]}` });
      throw error;
    }
    const letterRel = relative(o.config.root, resolve(o.cwd, letter.letter.path)).split(sep).join('/');
    if (!coverReason(parsed, letter.letter, letterRel)) {
      const msg = lang === 'nl' ? `De briefing noemt deze brief niet: zet “${letter.letter.meta.id}” in letters:.` : `The briefing does not name this letter: put “${letter.letter.meta.id}” in letters:.`;
      return sendJson(res, 422, { error: `${s.errors.briefingInvalid} ${msg}` });
    }
    await mkdir(briefingDir, { recursive: true });
    try {
      // Never overwritten without asking: creating fails when the file exists, even if it appeared
      // just now; and a check running meanwhile never reads a half-written briefing.
      const text = data.text.endsWith('\n') ? data.text : `${data.text}\n`;
      await (data.overwrite === true ? writeAtomically(target, text) : createAtomically(target, text));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return sendJson(res, 409, { exists: true, error: s.briefing.exists(shown) });
      throw error;
    }
    sendJson(res, 201, { file: shown, message: s.briefing.written(shown) });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(o.port ?? 4477, bind, () => {
      server.off('error', fail);
      ok();
    });
  });
  // Watch the folder's letters: the page checks a letter again when the writer saves it in Word.
  let watcher: FSWatcher | undefined;
  const timers = new Map<string, NodeJS.Timeout>();
  if (o.watch !== false) {
    try {
      watcher = watch(o.folder, { recursive: true }, (_event, name) => {
        if (!name) return;
        const abs = resolve(o.folder, name.toString());
        const base = abs.split(sep).pop() ?? '';
        if (base.startsWith('~$') || base.startsWith('.~') || !(LETTER_EXTENSIONS as readonly string[]).includes(extensionOf(base))) return;
        const display = relative(o.cwd, abs).split(sep).join('/');
        clearTimeout(timers.get(display));
        // Word saves in steps (a temporary file, then a rename): wait until it is quiet.
        timers.set(
          display,
          setTimeout(() => {
            timers.delete(display);
            for (const w of watchers) w.write(`event: changed\ndata: ${JSON.stringify({ path: display })}\n\n`);
          }, 400),
        );
      });
      watcher.on('error', () => undefined);
    } catch {
      watcher = undefined; // no watching on this file system: dropping the new version still works
    }
  }

  const address = server.address();
  port = typeof address === 'object' && address ? address.port : (o.port ?? 4477);
  cookieName = `brieflint-${port}`;
  const shownHost = WILDCARD.has(bind) ? firstExternalAddress() ?? '127.0.0.1' : bind.includes(':') && !bind.startsWith('[') ? `[${bind}]` : bind;
  const origin = `http://${shownHost}:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    port,
    host: bind,
    async close() {
      watcher?.close();
      for (const t of timers.values()) clearTimeout(t);
      for (const w of watchers) w.end();
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      await runs.settle();
    },
  };
}

function firstExternalAddress(): string | undefined {
  for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) if (!i.internal && i.family === 'IPv4') return i.address;
  return undefined;
}
