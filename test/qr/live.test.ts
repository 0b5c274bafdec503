/**
 * QR codes through the whole pipeline: Word and Markdown letters made here with real QR
 * codes, checked by the CLI live against the fixture site on 127.0.0.1 (every host mapped there
 * with site.connectTo, its certificate trusted through site.ca) and offline: qr-mismatch, the live
 * rules on a code's address, the KCC briefing, `brieflint briefing`, the JSON report and the KCC page.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonFile, JsonReport } from '../../src/report/types.js';
import { page, startSiteServer, testCerts, type SiteServer } from '../../fixtures/site/server.mjs';
import { demoHosts, demoRoutes } from '../../fixtures/site/demo-routes.mjs';
import { EPC_PAYLOAD, qrImage, qrPng, wordLetter } from './make.js';
import { cli } from '../cli/run.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const V = 'https://voorbeeldstad.example';

let server: SiteServer;
let dir: string;

beforeAll(async () => {
  server = await startSiteServer({
    routes: {
      ...demoRoutes,
      // A short address that redirects to the page the QR code names.
      [`${V}/afvalpas-kort`]: { status: 301, redirect: `${V}/afvalpas-aanvragen` },
      [`${V}/afvalpas-aanvragen`]: { body: page('Afvalpas aanvragen', '<p>Vraag uw afvalpas aan.</p>') },
    },
    https: testCerts.server,
  });
  dir = mkdtempSync(join(tmpdir(), 'brieflint-qr-live-'));
  writeFileSync(
    join(dir, 'brieflint.config.json'),
    JSON.stringify({
      domains: ['voorbeeldstad.example'],
      site: { ca: [join(ROOT, 'fixtures/site/certs/ca.pem')], connectTo: [...server.connectTo(demoHosts), ...server.connectTo()], timeout: 3000, cache: false },
    }),
  );
  mkdirSync(join(dir, 'kcc'));
  mkdirSync(join(dir, 'brieven'));
  const qr = (payload: string) => qrImage(payload, 'png');
  writeFileSync(
    join(dir, 'brieven/afvalpas.docx'),
    await wordLetter({
      body: [
        'Beste inwoner,',
        ['Scan de QR-code of ga naar voorbeeldstad.example/afvalpas-kort. ', { image: await qr(`${V}/afvalpas-aanvragen?utm_source=brief&utm_medium=qr`) }],
        ['Meer over afval op voorbeeldstad.example/afval. ', { image: await qr(`${V}/kwijtschelding`) }],
        ['Uw nieuwe pas staat op voorbeeldstad.example/afval. ', { image: await qr('https://acc.voorbeeldstad.example/afval') }],
        ['De voorwaarden staan op voorbeeldstad.example/afval. ', { image: await qr(`${V}/oude-pagina`) }],
        ['Energietoeslag: www.regelhulp.example/energietoeslag. ', { image: await qr(`${V}/energietoeslag`) }],
        'Overige vragen.',
        'Nog een alinea.',
        'En nog een.',
        [{ image: await qr(`${V}/Content/Afval/Afvalpas_Aanvragen.aspx`) }],
        [{ image: await qrImage(EPC_PAYLOAD, 'jpg'), type: 'jpg' }],
        ['Logo: ', { emf: true }],
      ],
      footer: [['Gemeente Voorbeeldstad · voorbeeldstad.example ', { image: await qr(`${V}/`) }]],
    }),
  );
  writeFileSync(join(dir, 'brieven/qr-afval.png'), await qrPng(`${V}/afval`));
  writeFileSync(join(dir, 'brieven/afval.md'), '---\nid: afval-md\n---\nScan de QR-code of ga naar voorbeeldstad.example/afval.\n\n![QR-code](qr-afval.png)\n');
  writeFileSync(
    join(dir, 'kcc/afvalpas.md'),
    '---\nletters: [afvalpas]\nvalidFrom: 2027-01-01\nvalidUntil: 2027-12-31\nurls: [voorbeeldstad.example/afvalpas-kort, voorbeeldstad.example/afval, www.regelhulp.example/energietoeslag, voorbeeldstad.example/afvalpas-aanvragen]\n---\nWat we bellers vertellen.\n',
  );
  writeFileSync(join(dir, 'kcc/afval-md.md'), '---\nletters: [afval-md]\nvalidFrom: 2027-01-01\nvalidUntil: 2027-12-31\nurls: [voorbeeldstad.example/afval]\n---\nWat we bellers vertellen.\n');
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const findings = (f: JsonFile, rule: string) => f.findings.filter((x) => x.rule === rule).map((x) => `${x.part ? `${x.part} ` : ''}${x.line}:${x.column} ${x.message}`);

describe('QR codes checked live', () => {
  let report: JsonReport;
  let docx: JsonFile;
  beforeAll(async () => {
    const { stdout, stderr } = await cli(['check', 'brieven', '--format', 'json', '--today', '2027-01-10', '--report', `html=${join(dir, 'kcc.html')}`], dir);
    expect(stderr).toBe('');
    report = JSON.parse(stdout) as JsonReport;
    docx = report.files.find((f) => f.path === 'brieven/afvalpas.docx')!;
  });

  it('qr-mismatch: a code to another final page, and one to the acceptance host; redirects and tracking parameters are the same page', () => {
    expect(findings(docx, 'qr-mismatch')).toEqual([
      '3:49 De QR-code (voorbeeldstad.example/kwijtschelding) leidt naar een andere pagina dan voorbeeldstad.example/afval, dat ernaast staat: wie scant komt op voorbeeldstad.example/kwijtschelding, wie het adres typt op voorbeeldstad.example/afval.',
      '4:53 De QR-code leidt naar een acceptatie- of testomgeving: acc.voorbeeldstad.example. Inwoners die hem scannen komen niet op de echte site.',
    ]);
  });

  it("a code's address is checked like a printed one: dead, off-site redirect; not by pretty-url nor for typed variants", () => {
    expect(findings(docx, 'dead-url')).toContain('5:54 De QR-code (voorbeeldstad.example/oude-pagina) werkt niet: de pagina bestaat niet (404).');
    expect(findings(docx, 'offsite-redirect')).toEqual(['6:55 De QR-code (voorbeeldstad.example/energietoeslag) stuurt door naar een ander domein: www.regelhulp.example/energietoeslag.']);
    expect(docx.findings.filter((f) => f.rule === 'pretty-url' || f.rule === 'typed-url-variant').map((f) => f.url)).not.toContain(`${V}/Content/Afval/Afvalpas_Aanvragen.aspx`);
    expect(docx.findings.filter((f) => f.rule === 'link-text-mismatch')).toEqual([]);
  });

  it('the JSON report lists each code with its payload, place, image, the address next to it and its live result', () => {
    const qr = docx.references.qr!;
    expect(qr.map((q) => [q.kind, q.part ?? 'body', q.line, q.href ?? null, q.nextTo ?? null])).toEqual([
      ['url', 'body', 2, `${V}/afvalpas-aanvragen?utm_source=brief&utm_medium=qr`, `${V}/afvalpas-kort`],
      ['url', 'body', 3, `${V}/kwijtschelding`, `${V}/afval`],
      ['url', 'body', 4, 'https://acc.voorbeeldstad.example/afval', `${V}/afval`],
      ['url', 'body', 5, `${V}/oude-pagina`, `${V}/afval`],
      ['url', 'body', 6, `${V}/energietoeslag`, 'https://www.regelhulp.example/energietoeslag'],
      ['url', 'body', 10, `${V}/Content/Afval/Afvalpas_Aanvragen.aspx`, null],
      ['epc', 'body', 11, null, null],
      ['url', 'footer', 1, `${V}/`, 'https://voorbeeldstad.example'],
    ]);
    expect(qr[0].result).toMatchObject({ kind: 'ok', finalUrl: `${V}/afvalpas-aanvragen?utm_source=brief&utm_medium=qr` });
    expect(qr[3].result).toMatchObject({ kind: 'dead', status: 404 });
    expect(qr[4].result).toMatchObject({ kind: 'ok', offsite: true, finalUrl: 'https://www.regelhulp.example/energietoeslag' });
    expect(qr[6]).toMatchObject({ payload: EPC_PAYLOAD, payment: { amount: '€ 56.40', iban: 'NL91ABNA0417164300' } });
    expect(qr[6].result).toBeUndefined();
    expect(qr.every((q) => /^data:image\/png;base64,/.test(q.thumbnail ?? '') && q.image.startsWith('word/media/'))).toBe(true);
    expect(docx.references.images).toEqual([{ image: expect.stringMatching(/\.emf$/), format: 'emf', reason: 'vector', line: 12, column: 7 }]);
    // Every web address once (as for a printed one, an own-domain address is also asked with the
    // variants a resident types; typed-url-variant does not judge them for a code).
    const urls = server.requests.map((r) => `${r.scheme}://${r.host}${r.path}`);
    expect(urls.filter((u) => u === `${V}/kwijtschelding`)).toHaveLength(1);
  });

  it("KCC: the briefing must name each code's address; a code to a named page is fine", () => {
    const mismatches = findings(docx, 'kcc-briefing-mismatch');
    expect(mismatches).toContain(
      '3:49 De brief heeft een QR-code naar voorbeeldstad.example/kwijtschelding, maar de KCC-briefing kcc/afvalpas.md noemt dat adres niet: het KCC weet niet waar inwoners uitkomen die hem scannen.',
    );
    // Named (tracking parameters make no other page), or the letterhead's: not reported.
    expect(mismatches.join('\n')).not.toMatch(/afvalpas-aanvragen|footer/);
    const md = report.files.find((f) => f.path === 'brieven/afval.md')!;
    expect(md.references.qr).toMatchObject([{ href: `${V}/afval`, line: 6, column: 1, image: 'qr-afval.png', nextTo: `${V}/afval`, result: { kind: 'ok' } }]);
    expect(md.findings).toEqual([]);
  });

  it('the KCC page shows each code: its image region, what it holds, where it lands, and what could not be read', () => {
    const html = readFileSync(join(dir, 'kcc.html'), 'utf8');
    expect(html).toContain('<h4>QR-codes in de brief</h4>');
    expect(html.match(/<img class="qr" src="data:image\/png;base64,[A-Za-z0-9+/]+=*" alt="QR-code uit word\/media\/[^"]+"/g)).toHaveLength(8);
    expect(html).toContain('€ 56.40 aan Gemeente Voorbeeldstad, NL91ABNA0417164300');
    expect(html).toContain('www.regelhulp.example/energietoeslag');
    expect(html).toMatch(/Niet gelezen \(kan een QR-code zijn die brieflint niet controleert\):<\/p><ul class="todo"><li><span class="mono">word\/media\/[^<]+\.emf<\/span> — EMF-vectorafbeelding/);
  });
});

describe('QR codes offline and in the briefing', () => {
  it('offline, qr-mismatch compares the addresses themselves and says so', async () => {
    const { stdout } = await cli(['check', 'brieven/afvalpas.docx', '--format', 'json', '--offline', '--lang', 'en', '--today', '2027-01-10'], dir);
    const file = (JSON.parse(stdout) as JsonReport).files[0];
    expect(findings(file, 'qr-mismatch')).toEqual([
      '2:65 The QR code (voorbeeldstad.example/afvalpas-aanvragen?utm_source=brief&utm_medium=qr) leads to another address than voorbeeldstad.example/afvalpas-kort, printed next to it (compared without the live check: the addresses themselves differ).',
      '3:49 The QR code (voorbeeldstad.example/kwijtschelding) leads to another address than voorbeeldstad.example/afval, printed next to it (compared without the live check: the addresses themselves differ).',
      '4:53 The QR code leads to an acceptance or test site: acc.voorbeeldstad.example. Residents who scan it do not reach the live site.',
      '5:54 The QR code (voorbeeldstad.example/oude-pagina) leads to another address than voorbeeldstad.example/afval, printed next to it (compared without the live check: the addresses themselves differ).',
      '6:55 The QR code (voorbeeldstad.example/energietoeslag) leads to another address than www.regelhulp.example/energietoeslag, printed next to it (compared without the live check: the addresses themselves differ).',
    ]);
  });

  it('the stylish output lists the codes and the images it could not read', async () => {
    const { stdout } = await cli(['check', 'brieven/afvalpas.docx', '--offline', '--today', '2027-01-10'], dir);
    expect(stdout).toMatch(/QR-codes: +voorbeeldstad\.example\/afvalpas-aanvragen\?utm_source=brief&utm_medium=qr 2:65, /);
    expect(stdout).toContain('betaling € 56.40 Gemeente Voorbeeldstad 11:1');
    expect(stdout).toMatch(/Niet gelezen: +word\/media\/\S+\.emf \(EMF-vectorafbeelding: brieflint leest geen QR-code in EMF\) 12:7/);
  });

  it('brieflint briefing lists where the codes lead, and the payment', async () => {
    const out = mkdtempSync(join(tmpdir(), 'brieflint-qr-briefing-'));
    try {
      const { code } = await cli(['briefing', 'brieven/afvalpas.docx', '--out', out, '--today', '2027-01-10'], dir);
      expect(code).toBe(0);
      const text = readFileSync(join(out, 'afvalpas.md'), 'utf8');
      expect(text).toContain('  - voorbeeldstad.example/kwijtschelding\n');
      expect(text).toContain('- QR-code naar voorbeeldstad.example/afvalpas-aanvragen.');
      expect(text).toContain('- QR-code om te betalen: € 56.40 aan Gemeente Voorbeeldstad, NL91ABNA0417164300 (kenmerk Aanslag 2027-004711).');
      // The letterhead's home page is no destination.
      expect(text).not.toContain('QR-code naar voorbeeldstad.example/.');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
