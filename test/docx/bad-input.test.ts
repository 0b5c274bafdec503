import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/letters/docx.js';
import { LetterReadError } from '../../src/letters/errors.js';
import { MAX_ENTRY_BYTES, MAX_TOTAL_BYTES, openZip } from '../../src/letters/zip.js';

const BAD = new URL('../../fixtures/bad/', import.meta.url);
const bytes = (name: string) => readFileSync(new URL(name, BAD));

async function readError(name: string): Promise<LetterReadError> {
  const error = await readDocx(`fixtures/bad/${name}`, bytes(name)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LetterReadError);
  return error as LetterReadError;
}

describe('readDocx: input that is not a readable .docx', () => {
  it.each([
    ['empty.docx', /leeg \(0 bytes\)/, /empty \(0 bytes\)/],
    ['not-a-zip.docx', /geen zip-archief/, /not a zip archive/],
    ['truncated.docx', /beschadigd of onvolledig/, /damaged or incomplete/],
    ['bomb-entry.docx', /word\/document\.xml pakt uit tot 1024 MB.*zip-bom/, /word\/document\.xml unpacks to 1024 MB.*zip bomb/],
    ['bomb-total.docx', /pakt uit tot 225 MB.*200 MB.*zip-bom/, /unpacks to 225 MB.*200 MB.*zip bomb/],
    ['bomb-lying.docx', /meer bytes dan het archief opgeeft.*zip-bom/, /more bytes than the archive declares.*zip bomb/],
    ['encrypted.docx', /wachtwoord.*Verwijder het wachtwoord/, /password-protected.*Remove the password/],
    ['old-word-97.docx', /oud binair Word-bestand \(\.doc\).*sla het op als \.docx/, /old binary Word file \(\.doc\).*save it as \.docx/],
    ['not-word.docx', /geen Word-document: word\/document\.xml ontbreekt/, /not a Word document: word\/document\.xml is missing/],
    ['broken-xml.docx', /kon niet worden gelezen/, /could not be read/],
  ])('%s: LetterReadError with a reason in Dutch and English', async (name, nl, en) => {
    const error = await readError(name);
    expect(error.path).toBe(`fixtures/bad/${name}`);
    expect(error.reason.nl).toMatch(nl);
    expect(error.reason.en).toMatch(en);
    expect(error.message).toBe(`fixtures/bad/${name}: ${error.reason.en}`);
  });

  it('keeps the bad fixtures small', () => {
    for (const name of ['bomb-entry.docx', 'bomb-total.docx', 'bomb-lying.docx']) {
      expect(bytes(name).length).toBeLessThan(16 * 1024);
    }
  });
});

describe('openZip', () => {
  it('has sane limits', () => {
    expect(MAX_ENTRY_BYTES).toBe(50 * 1024 * 1024);
    expect(MAX_TOTAL_BYTES).toBe(200 * 1024 * 1024);
  });

  it('finds entries and inflates them on demand', async () => {
    const zip = await openZip('x.docx', readFileSync(new URL('../../fixtures/docx/handmade-fields.docx', import.meta.url)));
    expect(zip.has('word/header1.xml')).toBe(true);
    expect(zip.has('word/footer1.xml')).toBe(false);
    expect((await zip.read('word/header1.xml')).toString('utf8')).toContain('<w:hdr');
  });

  it('refuses to inflate an entry beyond its declared size', async () => {
    const zip = await openZip('bomb.docx', bytes('bomb-lying.docx'));
    await expect(zip.read('word/document.xml')).rejects.toThrow(/more bytes than the archive declares/);
  });

  it('names a missing entry', async () => {
    const zip = await openZip('x.docx', bytes('not-word.docx'));
    await expect(zip.read('word/document.xml')).rejects.toThrow(/Entry word\/document\.xml is missing/);
  });
});
