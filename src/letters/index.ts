import { readFileSync } from 'node:fs';
import type { Letter } from '../types.js';
import { LetterReadError } from './errors.js';
import { readMarkdown } from './markdown.js';
import { readText } from './text.js';

export { LetterReadError } from './errors.js';

/** Extensions brieflint reads. */
export const LETTER_EXTENSIONS = ['md', 'markdown', 'docx', 'txt'] as const;
/** Letter formats it cannot read but recognizes, so a folder walk reports them instead of skipping them. */
export const UNSUPPORTED_LETTER_EXTENSIONS = ['doc', 'docm', 'dot', 'dotx', 'odt', 'ott', 'pdf', 'rtf', 'pages', 'wpd'] as const;

export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Read one letter from disk. Throws LetterReadError with a reason in Dutch and English. */
export async function readLetter(absolutePath: string, displayPath: string): Promise<Letter> {
  return parseLetter(displayPath, await readLetterBytes(absolutePath, displayPath));
}

/**
 * A letter file's bytes (the I/O half of readLetter). Throws LetterReadError.
 *
 * Read synchronously: a letter is a few KB to a few MB, and `fs/promises` spends more on its
 * FileHandle (open, fstat, read, close as four trips through the thread pool, and the handle's
 * clean-up) than the read itself; measured on 1,000 letters with --cpu-prof, those four took
 * 0.9 s of a 5.4 s offline run, one synchronous read per file far less. The read-ahead still
 * overlaps nothing but a few milliseconds.
 */
export async function readLetterBytes(absolutePath: string, displayPath: string): Promise<Buffer> {
  readerFor(displayPath); // an unsupported file is not read at all
  try {
    return readFileSync(absolutePath);
  } catch (cause) {
    throw new LetterReadError(displayPath, fileError(cause), { cause });
  }
}

/** Parse a letter file's bytes by its extension (the CPU half of readLetter). Throws LetterReadError. */
export async function parseLetter(displayPath: string, data: Buffer): Promise<Letter> {
  return readerFor(displayPath)(displayPath, data);
}

function readerFor(displayPath: string): Reader {
  const ext = extensionOf(displayPath);
  const reader = READERS[ext];
  if (!reader) throw unsupported(displayPath, ext);
  return reader;
}

type Reader = (displayPath: string, data: Buffer) => Letter | Promise<Letter>;
const READERS: Record<string, Reader> = {
  md: readMarkdown,
  markdown: readMarkdown,
  txt: readText,
  // mammoth and the zip reader load only when a run meets a .docx.
  docx: async (displayPath, data) => (await import('./docx.js')).readDocx(displayPath, data),
};

function unsupported(displayPath: string, ext: string): LetterReadError {
  const what = ext ? `.${ext}` : 'zonder extensie';
  const whatEn = ext ? `.${ext}` : 'without an extension';
  return new LetterReadError(displayPath, {
    nl: `brieflint leest geen bestanden ${ext ? 'van het type ' : ''}${what}; sla de brief op als .docx (Word) of .md`,
    en: `brieflint cannot read ${ext ? '' : 'files '}${whatEn}${ext ? ' files' : ''}; save the letter as .docx (Word) or .md`,
  });
}

function fileError(cause: unknown): { nl: string; en: string } {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return { nl: 'het bestand is verdwenen tijdens de controle', en: 'the file disappeared during the run' };
  if (code === 'EACCES' || code === 'EPERM') return { nl: 'geen leesrechten op het bestand', en: 'no permission to read the file' };
  if (code === 'EISDIR') return { nl: 'dit is een map, geen bestand', en: 'this is a folder, not a file' };
  const detail = cause instanceof Error ? cause.message : String(cause);
  return { nl: `kan het bestand niet lezen: ${detail}`, en: `cannot read the file: ${detail}` };
}
