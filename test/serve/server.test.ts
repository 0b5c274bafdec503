/**
 * `brieflint serve`'s server, started by the test on 127.0.0.1 and spoken to over real HTTP:
 * who it answers (token, Host, Origin), its limits, that uploads stay in memory, that a run
 * streams what the engine knows and ends with the same JSON as `check`, and the briefing it writes.
 * Offline: nothing reaches the network (the live results are in serve.browser.test.ts).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRules } from '../../rules/index.js';
import { loadConfig } from '../../src/config/index.js';
import { configSections } from '../../src/config/sections.js';
import { startServer, type ServeHandle } from '../../src/serve/server.js';
import { buildProgram } from '../../src/cli.js';
import { copyDemo, listFiles, multipart, request, runEvents, tempProject } from './helpers.js';
import { qrPng, wordLetter } from '../qr/make.js';

const TODAY = '2027-01-10';
const LETTER = readFileSync(new URL('../../fixtures/demo/brieven/parkeervergunning-2027.md', import.meta.url), 'utf8');

describe('brieflint serve (server)', () => {
  let dir: string;
  let server: ServeHandle;
  let cookie: string;
  let port: number;

  beforeAll(async () => {
    dir = tempProject({ domains: ['voorbeeldstad.example'], rules: { 'pretty-url': ['error', { maxLength: 40 }] } }, { 'parkeervergunning-2027.md': LETTER });
    copyDemo(dir, ['kcc/kwijtschelding-2027.md', 'brieven/kwijtschelding-2027.md']);
    const config = await loadConfig(dir, allRules, configSections);
    server = await startServer({ cwd: dir, config, rules: allRules, version: '0.0.0-test', folder: join(dir, 'brieven'), lang: 'nl', port: 0, offline: true, today: TODAY });
    port = server.port;
    cookie = `brieflint-${port}=${server.token}`;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (path: string, body: Buffer | string, type: string, headers: Record<string, string> = {}) =>
    request(port, {
      method: 'POST',
      path,
      body,
      headers: { cookie, 'x-brieflint-token': server.token, origin: `http://127.0.0.1:${port}`, 'content-type': type, ...headers },
    });

  async function upload(files: Array<{ name: string; data: Buffer | string }>, fields: Record<string, string | string[]> = {}) {
    const { body, type } = await multipart(files, fields);
    return post('/api/runs', body, type);
  }

  it('refuses every request without the token, and lets the token in once through the URL', async () => {
    for (const path of ['/', '/app.js', '/app.css', '/api/letters', '/rules/pretty-url', '/api/watch']) {
      const r = await request(port, { path });
      expect(r.status, path).toBe(403);
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect((await request(port, { path: '/' })).body).toContain('Geen toegang');
    expect((await request(port, { path: '/?token=wrong' })).status).toBe(403);
    expect((await request(port, { path: '/', headers: { cookie: `brieflint-${port}=wrong` } })).status).toBe(403);
    // Another server's cookie (another port) is not this one's.
    expect((await request(port, { path: '/', headers: { cookie: `brieflint-1=${server.token}` } })).status).toBe(403);

    const first = await request(port, { path: `/?lang=en&token=${server.token}` });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/?lang=en');
    expect(first.headers['set-cookie']?.[0]).toBe(`brieflint-${port}=${server.token}; HttpOnly; SameSite=Strict; Path=/`);
    expect(server.url).toBe(`http://127.0.0.1:${port}/?token=${server.token}`);
  });

  it('serves the page with a strict CSP: its own script and stylesheet only, no inline script or style, no CORS', async () => {
    const r = await request(port, { path: '/', headers: { cookie } });
    expect(r.status).toBe(200);
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe|\*|https?:/);
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    expect(r.body.match(/<script\b[^>]*>/g)).toEqual(['<script src="/app.js" defer>']);
    expect(r.body).not.toMatch(/\sstyle=|<style|\son[a-z]+=/i);
    expect(r.body).toContain('brieven/parkeervergunning-2027.md');
    expect(r.body).toContain('<html lang="nl">');
    expect((await request(port, { path: '/?lang=en', headers: { cookie } })).body).toContain('<html lang="en">');
    expect((await request(port, { path: '/app.js', headers: { cookie } })).headers['content-type']).toMatch(/^text\/javascript/);
    const options = await request(port, { method: 'OPTIONS', path: '/api/runs', headers: { cookie, origin: 'http://evil.example' } });
    expect(options.status).toBe(405);
    expect(options.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a Host header that is not its own (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1:1', `127.0.0.1.nip.io:${port}`, `127.0.0.1:${port}@evil.example`]) {
      const r = await request(port, { path: '/', host, headers: { cookie } });
      expect(r.status, host).toBe(403);
      expect(r.body).toContain('Host');
    }
    // No Host header at all: node's HTTP server refuses it already (400).
    expect((await request(port, { path: '/', host: '', headers: { cookie } })).status).toBe(400);
    expect((await request(port, { path: '/', host: `localhost:${port}`, headers: { cookie } })).status).toBe(200);
  });

  it('refuses a POST that does not come from its own page (CSRF): other Origin, no token header, a cross-site fetch', async () => {
    const { body, type } = await multipart([{ name: 'brief.md', data: LETTER }]);
    const refused: Array<Record<string, string>> = [
      { origin: 'http://evil.example' },
      { origin: `http://localhost:${port}` },
      { origin: 'null' },
      { origin: '' },
      { 'x-brieflint-token': '' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: `http://127.0.0.1:${port}` },
    ];
    for (const headers of refused) {
      const r = await post('/api/runs', body, type, headers);
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(r.body).error).toMatch(/niet van de pagina/);
    }
    expect((await post('/api/runs', body, type)).status).toBe(202);
  });

  it('limits uploads: the number of files, each file, the whole body — with a clear message', async () => {
    const many = await upload(Array.from({ length: 21 }, (_, i) => ({ name: `brief-${i}.md`, data: 'Kijk op voorbeeldstad.example.' })));
    expect(many.status).toBe(413);
    expect(JSON.parse(many.body).error).toBe('Te veel bestanden: hoogstens 20 tegelijk.');
    const big = await upload([{ name: 'groot.docx', data: Buffer.alloc(20 * 1024 * 1024 + 1) }]);
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error).toBe('groot.docx is te groot: hoogstens 20 MB per bestand.');
    const declared = await post('/api/runs', 'x', 'multipart/form-data; boundary=x', { 'content-length': String(51 * 1024 * 1024) });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error).toBe('De upload is te groot: hoogstens 50 MB samen.');
    const notMultipart = await post('/api/runs', '{}', 'application/json');
    expect(notMultipart.status).toBe(415);
    const nothing = await upload([]);
    expect(nothing.status).toBe(400);
    const unknown = await upload([], { path: '../brieflint.config.json' });
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.body).error).toContain('staat niet in de lijst');
  });

  it('reads an uploaded .docx with the same zip-bomb limits as check, and says so in the page', async () => {
    const bomb = readFileSync(new URL('../../fixtures/bad/bomb-entry.docx', import.meta.url));
    const r = await upload([{ name: 'bom.docx', data: bomb }]);
    expect(r.status).toBe(202);
    const events = await runEvents(port, cookie, JSON.parse(r.body).id);
    const letter = events.filter((e) => e.type === 'letter').at(-1)!;
    expect(String(letter.data.html)).toMatch(/pakt uit tot 1024 MB.*zip-bom/);
    expect(events.at(-1)!.type).toBe('done');
  });

  it('checks an upload in memory (nothing written), streams the offline findings first, and ends with the JSON check gives', async () => {
    const before = listFiles(dir);
    // A new version of a folder letter, dropped: checked as that letter, never saved.
    const changed = LETTER.replace('Bel voor vragen naar (0123) 45 67 89.', 'Bel voor vragen naar (0123) 45 67 89 of kijk op voorbeeldstad.example/Parkeren_Info.');
    const r = await upload([{ name: 'parkeervergunning-2027.md', data: changed }]);
    expect(r.status).toBe(202);
    const { id } = JSON.parse(r.body);
    const events = await runEvents(port, cookie, id);
    expect(listFiles(dir)).toEqual(before);
    expect(readFileSync(join(dir, 'brieven/parkeervergunning-2027.md'), 'utf8')).toBe(LETTER);

    const types = events.map((e) => e.type);
    const letters = events.filter((e) => e.type === 'letter');
    expect(letters).toHaveLength(2);
    // First the letter as read, with the findings that need no facts (pretty-url), the briefing not yet known…
    const first = String(letters[0].data.html);
    expect(letters[0].data.path).toBe('brieven/parkeervergunning-2027.md');
    expect(first).toContain('Parkeren_Info');
    expect(first).toContain('data-rule="pretty-url"');
    expect(first).not.toContain('data-rule="kcc-briefing-missing"');
    // …then the knowledge base as it is read, then the letter with the run's findings.
    const kcc = types.indexOf('fragment');
    expect(kcc).toBeGreaterThan(types.indexOf('letter'));
    expect(String(events[kcc].data.html)).toContain('Geen briefing');
    const last = String(letters[1].data.html);
    expect(last).toContain('data-rule="kcc-briefing-missing"');
    expect(types.at(-1)).toBe('done');

    // The same facts and verdicts as check on the saved letter.
    const report = JSON.parse((await request(port, { path: `/api/runs/${id}/report.json`, headers: { cookie } })).body);
    const saved = join(dir, 'brieven/parkeervergunning-2027.md');
    writeFileSync(saved, changed);
    let out = '';
    const program = buildProgram({ stdout: (s) => (out += s), stderr: () => undefined, cwd: dir, isTTY: false, env: {} }, () => undefined);
    await program.parseAsync(['node', 'brieflint', 'check', 'brieven/parkeervergunning-2027.md', '--offline', '--today', TODAY, '--format', 'json']);
    writeFileSync(saved, LETTER);
    const fromCheck = JSON.parse(out);
    expect(report.files).toEqual(fromCheck.files);
    expect(report.summary).toEqual(fromCheck.summary);

    // A page that reconnects gets what it missed (Last-Event-ID), and only that.
    const again = await runEvents(port, cookie, id, events[2].id);
    expect(again.map((e) => e.id)).toEqual(events.slice(3).map((e) => e.id));
  });

  it('shows the QR codes of a dropped Word letter: the code as a picture, where it leads, and the qr-mismatch finding', async () => {
    const docx = await wordLetter({
      body: ['Scan de QR-code of ga naar voorbeeldstad.example/afvalpas.', [{ image: await qrPng('https://acc.voorbeeldstad.example/afvalpas'), alt: 'QR-code' }]],
    });
    const r = await upload([{ name: 'afvalpas.docx', data: docx }]);
    expect(r.status).toBe(202);
    const events = await runEvents(port, cookie, JSON.parse(r.body).id);
    const last = String(events.filter((e) => e.type === 'letter').at(-1)!.data.html);
    expect(last).toContain('QR-codes');
    expect(last).toMatch(/<img class="qr" src="data:image\/png;base64,[A-Za-z0-9+/]+=*" alt="[^"]+" width="64" height="64">/);
    expect(last).toContain('acc.voorbeeldstad.example/afvalpas');
    expect(last).toContain('data-rule="qr-mismatch"');
  });

  it('shows letter text as text: markup in a letter is escaped everywhere', async () => {
    const markdown = '---\ntitle: "<script>window.__pwned=1</script>"\n---\n\nKijk op voorbeeldstad.example/x.\n';
    const text = 'Beste <img src=x onerror="window.__pwned=1">,\n\nKijk op voorbeeldstad.example/"><svg onload=alert(1)>.\n';
    const r = await upload([
      { name: '<b>brief</b>.md', data: markdown },
      { name: 'mail.txt', data: text },
    ]);
    const events = await runEvents(port, cookie, JSON.parse(r.body).id);
    const html = events.map((e) => String(e.data.html ?? '')).join('\n');
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
    expect(html).toContain('&lt;svg onload=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img|<svg onload|<b>|<[a-z][^>]*\son[a-z]+=/i);
  });

  it('serves the rule docs the findings link to', async () => {
    const r = await request(port, { path: '/rules/pretty-url?lang=nl', headers: { cookie } });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<h1>pretty-url</h1>');
    expect(r.body).toContain('<h2>Why</h2>');
    expect((await request(port, { path: '/rules/not-a-rule', headers: { cookie } })).status).toBe(404);
    expect((await request(port, { path: '/rules/..%2Fpackage', headers: { cookie } })).status).toBe(404);
  });

  it('writes a KCC briefing only when asked, only a valid one that names the letter, never over another unasked', async () => {
    const r = await upload([], { path: 'brieven/parkeervergunning-2027.md' });
    const { id } = JSON.parse(r.body);
    await runEvents(port, cookie, id);
    const path = `/api/runs/${id}/letters/0/briefing`;
    const target = join(dir, 'kcc/parkeervergunning-2027.md');
    const scaffold = JSON.parse((await request(port, { path, headers: { cookie } })).body);
    expect(scaffold.file).toBe('kcc/parkeervergunning-2027.md');
    expect(scaffold.exists).toBe(false);
    expect(scaffold.text).toContain('letters: [parkeervergunning-2027]');
    expect(existsSync(target)).toBe(false); // shown, not written

    const send = (text: string, overwrite = false, headers: Record<string, string> = {}) => post(path, JSON.stringify({ text, overwrite }), 'application/json', headers);
    expect((await send(scaffold.text, false, { origin: 'http://evil.example' })).status).toBe(403);
    const invalid = await send('Geen front matter.');
    expect(invalid.status).toBe(422);
    expect(JSON.parse(invalid.body).error).toContain('front matter');
    const other = await send(scaffold.text.replace('letters: [parkeervergunning-2027]', 'letters: [iets-anders]').replace(/kenmerken: .*\n/, ''));
    expect(other.status).toBe(422);
    expect(JSON.parse(other.body).error).toContain('noemt deze brief niet');
    expect(existsSync(target)).toBe(false);

    const written = await send(scaffold.text);
    expect(written.status).toBe(201);
    expect(readFileSync(target, 'utf8')).toBe(scaffold.text);
    const twice = await send(`${scaffold.text}\nNieuwe tekst.\n`);
    expect(twice.status).toBe(409);
    expect(JSON.parse(twice.body).error).toBe('kcc/parkeervergunning-2027.md bestaat al. Wilt u hem overschrijven?');
    expect(readFileSync(target, 'utf8')).toBe(scaffold.text);
    expect((await send(`${scaffold.text}\nNieuwe tekst.\n`, true)).status).toBe(201);
    expect(readFileSync(target, 'utf8')).toContain('Nieuwe tekst.');

    // Checked again, the letter has its (draft) briefing.
    const again = JSON.parse((await post(`/api/runs/${id}/recheck`, '', 'text/plain')).body);
    const events = await runEvents(port, cookie, again.id);
    const last = String(events.filter((e) => e.type === 'letter').at(-1)!.data.html);
    expect(last).toContain('Concept — nog niet af');
    rmSync(target);
  });

  it('tells the page when a letter in the folder changes', async () => {
    const http = await import('node:http');
    const changed = await new Promise<string>((ok, fail) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/api/watch', headers: { host: `127.0.0.1:${port}`, cookie } }, (res) => {
        res.setEncoding('utf8');
        let buf = '';
        res.on('data', (c: string) => {
          buf += c;
          // (An earlier test's save may still be announced first.)
          for (const m of buf.matchAll(/event: changed\ndata: (.*)\n\n/g)) {
            if (JSON.parse(m[1]).path !== 'brieven/kwijtschelding-2027.md') continue;
            req.destroy();
            ok(JSON.parse(m[1]).path);
          }
        });
        // Once the stream is open, the writer saves the letter.
        setTimeout(() => writeFileSync(join(dir, 'brieven/kwijtschelding-2027.md'), `${readFileSync(join(dir, 'brieven/kwijtschelding-2027.md'), 'utf8')}\n`), 200);
      });
      req.on('error', fail);
    });
    expect(changed).toBe('brieven/kwijtschelding-2027.md');
  });
});
