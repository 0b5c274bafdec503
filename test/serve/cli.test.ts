/**
 * `brieflint serve` as a user starts it: the real CLI (bin/brieflint.js) in its own process. It
 * prints the URL with its token, serves on 127.0.0.1, stops on SIGTERM; `--host` elsewhere
 * prints a warning; a folder that does not exist or a port it cannot have is a clear exit 2.
 */
import { spawn } from 'node:child_process';
import net from 'node:net';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, tempProject } from './helpers.js';

const BIN = fileURLToPath(new URL('../../bin/brieflint.js', import.meta.url));

interface Started {
  stdout: string;
  stderr: string;
  code: Promise<number | null>;
  kill(): void;
}

function serve(cwd: string, args: string[], until?: RegExp): Promise<Started> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const started: Started = {
      stdout: '',
      stderr: '',
      code: new Promise((done) => child.on('exit', (code) => done(code))),
      kill: () => child.kill('SIGTERM'),
    };
    child.stdout.on('data', (d) => {
      started.stdout += d;
      if (until?.test(started.stdout)) ok(started);
    });
    child.stderr.on('data', (d) => (started.stderr += d));
    child.on('error', fail);
    child.on('exit', () => ok(started));
  });
}

describe('brieflint serve (CLI)', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempProject({ domains: ['voorbeeldstad.example'] }, { 'brief.md': 'Kijk op voorbeeldstad.example/afval.\n' });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the URL with its token, answers on 127.0.0.1 only to it, and stops on SIGTERM', async () => {
    const s = await serve(dir, ['brieven', '--port', '0', '--offline'], /token=[\w-]+/);
    try {
      const url = new URL(/http:\/\/\S+/.exec(s.stdout)![0]);
      expect(url.hostname).toBe('127.0.0.1');
      expect(s.stdout).toContain('open deze link in uw browser');
      expect(s.stderr).toBe('');
      const port = Number(url.port);
      expect((await request(port, { path: '/' })).status).toBe(403);
      const first = await request(port, { path: `${url.pathname}${url.search}` });
      expect(first.status).toBe(303);
      const page = await request(port, { path: '/', headers: { cookie: String(first.headers['set-cookie']![0]).split(';')[0] } });
      expect(page.status).toBe(200);
      expect(page.body).toContain('brieven/brief.md');
    } finally {
      s.kill();
    }
    expect(await s.code).toBe(0);
  });

  it('warns when --host binds elsewhere than this computer, and says clearly when it cannot listen there', async () => {
    // 192.0.2.1 (TEST-NET-1) is on no interface here: the warning is printed, then the bind fails.
    const s = await serve(dir, ['--host', '192.0.2.1', '--port', '0', '--offline']);
    expect(await s.code).toBe(2);
    expect(s.stderr).toContain('let op — serve luistert op 192.0.2.1, niet alleen op deze computer');
    expect(s.stderr).toMatch(/kan niet luisteren op 192\.0\.2\.1:0 \(EADDRNOTAVAIL\); dit adres hoort niet bij deze computer/);
    expect(s.stdout).toBe('');
  });

  it('says which port is taken', async () => {
    const taken = net.createServer();
    await new Promise<void>((ok) => taken.listen(0, '127.0.0.1', ok));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const s = await serve(dir, ['--port', String(port), '--offline']);
      expect(await s.code).toBe(2);
      expect(s.stderr).toBe(`brieflint: kan niet luisteren op 127.0.0.1:${port} (EADDRINUSE); kies een andere poort met --port\n`);
    } finally {
      await new Promise((ok) => taken.close(ok));
    }
  });

  it('stops with exit 2 for a folder that does not exist', async () => {
    const s = await serve(dir, ['nergens', '--port', '0', '--lang', 'en']);
    expect(await s.code).toBe(2);
    expect(s.stderr).toBe('brieflint: nergens is not a folder\n');
  });
});
