/**
 * Helpers for the `serve` tests: a folder with a config, letters and briefings; plain HTTP
 * requests to the real server on 127.0.0.1 (any Host, Origin or cookie the test wants); a run's
 * server-sent events read until the run is done.
 */
import http from 'node:http';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Req {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Default `127.0.0.1:<port>`. */
  host?: string;
}

export function request(port: number, r: Req): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: r.method ?? 'GET',
        path: r.path,
        // host '': no Host header at all.
        ...(r.host === '' ? { setHost: false } : {}),
        headers: { ...(r.host === '' ? {} : { host: r.host ?? `127.0.0.1:${port}` }), ...(r.headers ?? {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(r.body);
  });
}

/** A multipart/form-data body, as a browser's FormData makes it. */
export async function multipart(files: Array<{ name: string; data: Buffer | string }>, fields: Record<string, string | string[]> = {}): Promise<{ body: Buffer; type: string }> {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([typeof f.data === 'string' ? Buffer.from(f.data) : f.data]), f.name);
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) form.append(k, x);
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  return { body: Buffer.from(await req.arrayBuffer()), type: req.headers.get('content-type')! };
}

export interface SseEvent {
  id: number;
  type: string;
  data: Record<string, unknown>;
}

/** A run's events until `done` or `failed` (the server ends the stream then). */
export function runEvents(port: number, cookie: string, run: string, lastEventId?: number): Promise<SseEvent[]> {
  return new Promise((ok, fail) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: `/api/runs/${run}/events`, headers: { host: `127.0.0.1:${port}`, cookie, ...(lastEventId ? { 'last-event-id': String(lastEventId) } : {}) } },
      (res) => {
        if (res.statusCode !== 200) return fail(new Error(`events: HTTP ${res.statusCode}`));
        let buffer = '';
        const events: SseEvent[] = [];
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const raw = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const fields = new Map(raw.split('\n').filter((l) => !l.startsWith(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)] as const));
            if (!fields.has('data')) continue;
            events.push({ id: Number(fields.get('id')), type: fields.get('event') ?? 'message', data: JSON.parse(fields.get('data')!) });
          }
        });
        res.on('end', () => ok(events));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
  });
}

/** A temporary folder with the demo's config (and more), letters in brieven/ and briefings in kcc/. */
export function tempProject(config: Record<string, unknown>, letters: Record<string, string | Buffer> = {}, briefings: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'brieflint-serve-'));
  writeFileSync(join(dir, 'brieflint.config.json'), JSON.stringify(config, null, 2));
  mkdirSync(join(dir, 'brieven'), { recursive: true });
  mkdirSync(join(dir, 'kcc'), { recursive: true });
  for (const [name, data] of Object.entries(letters)) writeFileSync(join(dir, 'brieven', name), data);
  for (const [name, text] of Object.entries(briefings)) writeFileSync(join(dir, 'kcc', name), text);
  return dir;
}

/** Copy demo files into a project. */
export function copyDemo(dir: string, files: string[]): void {
  for (const f of files) cpSync(new URL(`../../fixtures/demo/${f}`, import.meta.url), join(dir, f));
}

/** Every file under a folder, relative to it (to see that nothing was written). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}
