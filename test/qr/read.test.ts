/**
 * Reading QR codes: real Word letters written with the `docx` package and Markdown
 * letters on disk, holding real QR codes drawn by the `qrcode` encoder, read by the real readers,
 * src/images and the extractor (read/one.ts: parse → images → extract).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOne } from '../../src/read/one.js';
import { searchBytes } from '../../src/images/index.js';
import { sniffImage } from '../../src/images/format.js';
import { classifyPayload } from '../../src/extract/qr.js';
import type { References } from '../../src/types.js';
import { EPC_PAYLOAD, emfHeader, plainPng, qrImage, qrPng, wordLetter, type WordLetter } from './make.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'brieflint-qr-read-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(path: string, data: Buffer, root = dir): Promise<{ refs: References; error?: string }> {
  const out = await parseOne({ absolute: join(dir, path), display: path } as never, data, { root, manifest: [] });
  if (out.error) return { refs: undefined as never, error: out.error.en };
  return { refs: out.refs! };
}

async function readWord(letter: WordLetter) {
  return read('brief.docx', await wordLetter(letter));
}

describe('QR codes in Word letters', () => {
  it('reads PNG, JPEG, GIF and BMP pictures in the body and the footer, each at its paragraph and part', async () => {
    const { refs } = await readWord({
      body: [
        'Beste inwoner,',
        ['Scan de QR-code of ga naar voorbeeldstad.example/afval. ', { image: await qrImage('https://voorbeeldstad.example/afval', 'png') }],
        [{ image: await qrImage('https://voorbeeldstad.example/jpeg', 'jpg'), type: 'jpg' }],
        [{ image: await qrImage('https://voorbeeldstad.example/bmp', 'bmp'), type: 'bmp' }],
      ],
      footer: ['Gemeente Voorbeeldstad', [{ image: await qrImage('https://voorbeeldstad.example/contact', 'gif'), type: 'gif' }, ' voorbeeldstad.example/contact']],
    });
    expect(refs.qr?.map((q) => [q.href, q.kind, q.location.part, q.location.line, q.location.column])).toEqual([
      ['https://voorbeeldstad.example/afval', 'url', 'body', 2, 57],
      ['https://voorbeeldstad.example/jpeg', 'url', 'body', 3, 1],
      ['https://voorbeeldstad.example/bmp', 'url', 'body', 4, 1],
      ['https://voorbeeldstad.example/contact', 'url', 'footer', 2, 1],
    ]);
    expect(refs.qr?.map((q) => /\.(png|jpg|bmp|gif)$/.exec(q.image)?.[1])).toEqual(['png', 'jpg', 'bmp', 'gif']);
    expect(refs.qr?.every((q) => q.image.startsWith('word/media/'))).toBe(true);
    // The address printed next to each: same paragraph (body and footer); none for the lone pictures.
    const next = (i: number) => (refs.qr![i].url === undefined ? undefined : refs.urls[refs.qr![i].url!].printed);
    // Same paragraph (body, footer), or the "Scan de QR-code" call one and two paragraphs up.
    expect([next(0), next(1), next(2), next(3)]).toEqual(['voorbeeldstad.example/afval', 'voorbeeldstad.example/afval', 'voorbeeldstad.example/afval', 'voorbeeldstad.example/contact']);
    expect(refs.qr!.map((q) => q.call)).toEqual([0, 0, 0, undefined]);
    expect(refs.forms[0].kind).toBe('qr-code');
    expect(refs.images).toBeUndefined();
  });

  it('a code two paragraphs from its call is that call\'s; three paragraphs away it is on its own', async () => {
    const code = await qrImage('https://voorbeeldstad.example/x', 'png');
    const { refs } = await readWord({
      body: ['Scan de QR-code hieronder of ga naar voorbeeldstad.example/x.', 'Eerste alinea.', [{ image: code }], 'Tweede.', 'Derde.', 'Vierde.', [{ image: code }]],
    });
    expect(refs.qr?.map((q) => [q.location.line, q.call, q.url])).toEqual([
      [3, 0, 0],
      [7, undefined, undefined],
    ]);
  });

  it('lists a payment code with its payment, and an EMF picture as unreadable; neither has an address next to it', async () => {
    const { refs } = await readWord({
      body: ['Scan de QR-code met uw bank-app om te betalen.', [{ image: await qrImage(EPC_PAYLOAD, 'png') }], ['Ons logo: ', { emf: true }]],
    });
    expect(refs.qr).toHaveLength(1);
    expect(refs.qr![0]).toMatchObject({
      kind: 'epc',
      payload: EPC_PAYLOAD,
      payment: { name: 'Gemeente Voorbeeldstad', iban: 'NL91ABNA0417164300', amount: '€ 56.40', reference: 'Aanslag 2027-004711' },
      location: { line: 2, column: 1, part: 'body' },
    });
    expect(refs.qr![0].href).toBeUndefined();
    expect(refs.qr![0].url).toBeUndefined();
    expect(refs.images).toEqual([{ image: expect.stringMatching(/^word\/media\/.+\.emf$/), format: 'emf', reason: 'vector', location: { line: 3, column: 11, part: 'body' } }]);
  });

  it('reads a VML picture (v:imagedata r:id) in a footer, as older Word versions store one', async () => {
    const { refs } = await read('vml.docx', await wordLetter({ body: ['Brief.'], footer: [[{ image: await qrImage('https://voorbeeldstad.example/vml', 'png') }]], vml: true }));
    expect(refs.qr?.map((q) => [q.href, q.location.part])).toEqual([['https://voorbeeldstad.example/vml', 'footer']]);
  });

  it('gives every code a small black-and-white thumbnail of its region', async () => {
    const { refs } = await readWord({ body: [[{ image: await qrImage('https://voorbeeldstad.example/afval', 'jpg', 10), type: 'jpg' }]] });
    const [q] = refs.qr!;
    expect(q.thumbnail).toMatch(/^data:image\/png;base64,/);
    expect(q.thumbnail!.length).toBeLessThan(3000);
    const png = Buffer.from(q.thumbnail!.split(',')[1], 'base64');
    expect(sniffImage(png)).toMatchObject({ format: 'png', width: expect.any(Number) });
    expect(sniffImage(png).width).toBeLessThanOrEqual(96);
    // The region is the code (4 quiet modules at 10 px, 2 kept): inside the image, about square.
    expect(q.region.x).toBeGreaterThan(0);
    expect(Math.abs(q.region.width - q.region.height)).toBeLessThan(4);
  });
});

describe('QR codes in Markdown letters', () => {
  it('reads a local image next to the letter, relative to its folder', async () => {
    mkdirSync(join(dir, 'brieven/img'), { recursive: true });
    writeFileSync(join(dir, 'brieven/img/qr afval.png'), await qrPng('https://voorbeeldstad.example/afval'));
    const text = 'Scan de QR-code of ga naar voorbeeldstad.example/afval.\n\n![QR-code naar de afvalpagina](img/qr%20afval.png)\n';
    const { refs } = await read('brieven/afval.md', Buffer.from(text));
    expect(refs.qr).toEqual([
      expect.objectContaining({ payload: 'https://voorbeeldstad.example/afval', kind: 'url', href: 'https://voorbeeldstad.example/afval', image: 'img/qr%20afval.png', location: { line: 3, column: 1, part: 'body' }, url: 0, call: 0 }),
    ]);
  });

  it('reads a data: image in the letter itself, and a reference-style image', async () => {
    const png = await qrPng('https://voorbeeldstad.example/data');
    const text = `![qr](data:image/png;base64,${png.toString('base64')})\n\n![qr][code]\n\n[code]: data:image/png;base64,${(await qrPng('https://voorbeeldstad.example/ref')).toString('base64')}\n`;
    const { refs } = await read('data.md', Buffer.from(text));
    expect(refs.qr?.map((q) => q.href)).toEqual(['https://voorbeeldstad.example/data', 'https://voorbeeldstad.example/ref']);
  });

  it('says which images it could not read: missing, outside the project, on the web, SVG, TIFF, damaged', async () => {
    writeFileSync(join(dir, 'logo.svg'), '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    writeFileSync(join(dir, 'scan.tif'), Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]));
    const broken = await qrPng('https://voorbeeldstad.example/kapot');
    writeFileSync(join(dir, 'kapot.png'), broken.subarray(0, 120));
    const outside = mkdtempSync(join(tmpdir(), 'brieflint-qr-outside-'));
    writeFileSync(join(outside, 'qr.png'), await qrPng('https://voorbeeldstad.example/geheim'));
    symlinkSync(join(outside, 'qr.png'), join(dir, 'link.png'));
    try {
      const text = ['![a](weg.png)', '![b](../../etc/qr.png)', '![c](https://voorbeeldstad.example/qr.png)', '![d](logo.svg)', '![e](scan.tif)', '![f](kapot.png)', '![g](link.png)', `![h](${join(outside, 'qr.png')})`].join('\n\n');
      const { refs } = await read('notes.md', Buffer.from(text));
      expect(refs.qr).toBeUndefined();
      expect(refs.images?.map((i) => [i.image, i.format, i.reason, i.location.line])).toEqual([
        ['weg.png', 'png', 'missing', 1],
        ['../../etc/qr.png', 'png', 'outside', 3],
        ['https://voorbeeldstad.example/qr.png', 'png', 'linked', 5],
        ['logo.svg', 'svg', 'vector', 7],
        ['scan.tif', 'tiff', 'unsupported', 9],
        ['kapot.png', 'png', 'corrupt', 11],
        ['link.png', 'png', 'outside', 13],
        [join(outside, 'qr.png'), 'png', 'outside', 15],
      ]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('only images that could hold a code are decoded', () => {
  it('skips a banner, a tiny icon and a photo without a note, and finds nothing in a two-tone logo', () => {
    expect(searchBytes(plainPng(600, 100, (x) => (x % 50 < 25 ? 0 : 255)))).toMatchObject({ status: 'skipped', reason: 'not-square' });
    expect(searchBytes(plainPng(16, 16, () => 0))).toMatchObject({ status: 'skipped', reason: 'too-small' });
    expect(searchBytes(plainPng(200, 200, (x, y) => Math.round(((x + y) / 400) * 255)))).toMatchObject({ status: 'skipped', reason: 'no-contrast' });
    expect(searchBytes(plainPng(200, 200, (x, y) => ((x * 7 + y * 13) % 2 ? 0 : 255)))).toMatchObject({ status: 'skipped', reason: 'noise' });
    expect(searchBytes(plainPng(200, 200, (x, y) => (x > 50 && x < 150 && y > 80 && y < 120 ? 0 : 255)))).toMatchObject({ status: 'no-code', width: 200, height: 200 });
  });

  it('refuses an image over 16 megapixels from its header, before decoding it', () => {
    const header = Buffer.from(plainPng(30, 30, () => 255));
    header.writeUInt32BE(5000, 16);
    header.writeUInt32BE(4000, 20);
    expect(searchBytes(header)).toEqual({ format: 'png', width: 5000, height: 4000, status: 'unreadable', reason: 'too-large' });
  });

  it('reads a large scan of a code (shrunk before the search) and a code on a transparent ground', async () => {
    expect(searchBytes(await qrPng('https://voorbeeldstad.example/groot', 40))).toMatchObject({ status: 'code', code: { payload: 'https://voorbeeldstad.example/groot' } });
    const { PNG } = await import('pngjs');
    const png = PNG.sync.read(await qrPng('https://voorbeeldstad.example/transparant'));
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i] > 128) png.data[i] = png.data[i + 1] = png.data[i + 2] = png.data[i + 3] = 0;
    expect(searchBytes(PNG.sync.write(png))).toMatchObject({ status: 'code', code: { payload: 'https://voorbeeldstad.example/transparant' } });
  });

  it('knows EMF and WMF by their bytes', () => {
    expect(searchBytes(emfHeader())).toEqual({ format: 'emf', status: 'unreadable', reason: 'vector' });
    expect(searchBytes(Buffer.from([0xd7, 0xcd, 0xc6, 0x9a, 0, 0, 0, 0]))).toEqual({ format: 'wmf', status: 'unreadable', reason: 'vector' });
  });
});

describe('payloads', () => {
  it('tells web addresses, payments, contact cards, e-mail, phone and text apart', () => {
    expect(classifyPayload('https://Voorbeeldstad.example/Afval?utm_source=qr')).toEqual({ kind: 'url', href: 'https://voorbeeldstad.example/Afval?utm_source=qr' });
    expect(classifyPayload('HTTPS://VOORBEELDSTAD.EXAMPLE/AFVAL')).toEqual({ kind: 'url', href: 'https://voorbeeldstad.example/AFVAL' });
    expect(classifyPayload('www.voorbeeldstad.example/afval')).toEqual({ kind: 'url', href: 'https://www.voorbeeldstad.example/afval' });
    expect(classifyPayload('URLTO:voorbeeldstad.example/afval')).toEqual({ kind: 'url', href: 'https://voorbeeldstad.example/afval' });
    expect(classifyPayload(EPC_PAYLOAD).kind).toBe('epc');
    expect(classifyPayload('BEGIN:VCARD\nVERSION:3.0\nFN:Gemeente\nEND:VCARD').kind).toBe('vcard');
    expect(classifyPayload('mailto:info@voorbeeldstad.example').kind).toBe('email');
    expect(classifyPayload('tel:140123').kind).toBe('phone');
    expect(classifyPayload('Uw code: 4711').kind).toBe('text');
  });
});
