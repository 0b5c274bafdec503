import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/letters/text.js';
import { readLetter, LetterReadError } from '../../src/letters/index.js';
import { locate } from '../../src/model/locate.js';
import { findLetters } from '../../src/files.js';

describe('plain-text reader', () => {
  it('splits paragraphs and keeps line:column', () => {
    const l = readText('mail.txt', Buffer.from('Beste {{ naam }},\r\n\r\nGa naar\nvoorbeeldstad.example/status.\n\n\nGroet'));
    expect(l.blocks.map((b) => b.text)).toEqual(['Beste {{ naam }},', 'Ga naar\nvoorbeeldstad.example/status.', 'Groet']);
    const b = l.blocks[1];
    expect(locate(b, b.text.indexOf('voorbeeldstad'))).toEqual({ line: 4, column: 1, part: 'body' });
    expect(l.meta.id).toBe('mail');
  });
});

describe('reading files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'brieflint-files-'));
  const put = (name: string, data: string | Buffer) => {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), data);
  };
  put('brieven/a.md', 'Tekst');
  put('brieven/b.txt', 'Tekst');
  put('brieven/oud.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  put('brieven/~$a.docx', 'lock');
  put('brieven/plaatje.png', 'x');
  put('brieven/archief/c.md', 'Tekst');
  put('brieven/genegeerd/d.md', 'Tekst');
  put('node_modules/e/f.md', 'Tekst');
  put('.gitignore', 'brieven/genegeerd/\n');

  it('walks folders for letters, skipping node_modules, .gitignore, config ignore and lock files', async () => {
    const { files, missing, skipped } = await findLetters(['.'], dir, { ignore: ['brieven/archief/**'] });
    expect(files.map((f) => f.display)).toEqual(['brieven/a.md', 'brieven/b.txt']);
    // An attachment brieflint cannot read is listed as skipped, not checked (a named one is: below).
    expect(skipped).toEqual(['brieven/oud.doc']);
    expect(missing).toEqual([]);
  });

  it('takes globs and named files, and reports paths that do not exist', async () => {
    const { files, missing } = await findLetters(['brieven/*.md', 'brieven/plaatje.png', 'weg.md'], dir);
    expect(files.map((f) => f.display)).toEqual(['brieven/a.md', 'brieven/plaatje.png']);
    expect(missing).toEqual(['weg.md']);
    await expect(findLetters(['niets/'], dir)).resolves.toMatchObject({ files: [], missing: ['niets/'] });
    mkdirSync(join(dir, 'leeg'));
    await expect(findLetters(['leeg'], dir)).rejects.toThrow('leeg');
  });

  it('names the file and says to save as .docx for formats it cannot read', async () => {
    const error = await readLetter(join(dir, 'brieven/oud.doc'), 'brieven/oud.doc').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LetterReadError);
    expect((error as LetterReadError).message).toBe('brieven/oud.doc: brieflint cannot read .doc files; save the letter as .docx (Word) or .md');
    expect((error as LetterReadError).reason.nl).toContain('sla de brief op als .docx');
  });

  it('says so when a file vanished during the run', async () => {
    await expect(readLetter(join(dir, 'brieven/verdwenen.md'), 'brieven/verdwenen.md')).rejects.toThrow('brieven/verdwenen.md: the file disappeared during the run');
  });
});
