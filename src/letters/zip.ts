/**
 * Reading a zip archive (a .docx package) safely: yauzl parses the central directory, and every
 * entry is inflated with a hard cap on its output, so a lying or huge archive (a zip bomb) is
 * refused before it can fill memory.
 *
 * Two checks guard the inflated size:
 *  - declared sizes (central directory): at most MAX_ENTRY_BYTES per entry and MAX_TOTAL_BYTES for
 *    all entries together, checked before anything is inflated;
 *  - actual bytes: zlib counts while inflating and stops at the entry's declared size
 *    (`maxOutputLength`), so an entry cannot inflate to more than it declared and passed above.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { Message } from '../types.js';
import { LetterReadError } from './errors.js';

/** Most bytes one entry may inflate to. */
export const MAX_ENTRY_BYTES = 50 * 1024 * 1024;
/** Most bytes all entries of one archive may inflate to together. */
export const MAX_TOTAL_BYTES = 200 * 1024 * 1024;
/** Most entries one archive may hold. */
export const MAX_ENTRIES = 10_000;

const STORED = 0;
const DEFLATED = 8;
const MB = 1024 * 1024;


/** An opened archive; entries are inflated on demand. */
export interface ZipArchive {
  /** Whether the archive holds an entry with this name (forward slashes). */
  has(name: string): boolean;
  /** The entry's bytes; throws LetterReadError when the entry is missing, damaged or too big. */
  read(name: string): Promise<Buffer>;
  /** The entry's declared (uncompressed) size, before inflating it; undefined when absent. */
  size(name: string): number | undefined;
}

/** Open `data` as a zip archive; throws LetterReadError naming what is wrong. */
export async function openZip(displayPath: string, data: Buffer): Promise<ZipArchive> {
  const zip = await parseCentralDirectory(displayPath, data);
  const entries = await listEntries(displayPath, zip);
  checkDeclaredSizes(displayPath, [...entries.values()]);
  return {
    has: (name) => entries.has(name),
    read: (name) => readEntry(displayPath, data, zip, entries.get(name), name),
    size: (name) => entries.get(name)?.uncompressedSize,
  };
}

async function parseCentralDirectory(displayPath: string, data: Buffer): Promise<ZipFile> {
  try {
    return await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: false });
  } catch (cause) {
    throw new LetterReadError(displayPath, looksLikeZip(data) ? damaged() : notAZip(), { cause });
  }
}

/** A local file header signature at the start: a zip, even if it is cut off. */
function looksLikeZip(data: Buffer): boolean {
  return data.length >= 4 && data.readUInt32LE(0) === 0x04034b50;
}

async function listEntries(displayPath: string, zip: ZipFile): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (entries.size >= MAX_ENTRIES) throw new LetterReadError(displayPath, tooManyEntries());
      if (!entries.has(entry.fileName)) entries.set(entry.fileName, entry);
    }
  } catch (cause) {
    if (cause instanceof LetterReadError) throw cause;
    throw new LetterReadError(displayPath, damaged(), { cause });
  }
  return entries;
}

function checkDeclaredSizes(displayPath: string, entries: Entry[]): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.uncompressedSize > MAX_ENTRY_BYTES) {
      throw new LetterReadError(displayPath, entryTooBig(entry.fileName, entry.uncompressedSize));
    }
    total += entry.uncompressedSize;
  }
  if (total > MAX_TOTAL_BYTES) throw new LetterReadError(displayPath, archiveTooBig(total));
}

async function readEntry(
  displayPath: string,
  data: Buffer,
  zip: ZipFile,
  entry: Entry | undefined,
  name: string,
): Promise<Buffer> {
  if (!entry) throw new LetterReadError(displayPath, missingEntry(name));
  if (entry.isEncrypted()) throw new LetterReadError(displayPath, encryptedEntry(name));
  const raw = await rawEntryData(displayPath, data, zip, entry);
  const bytes = await decompress(displayPath, entry, raw);
  if (bytes.length !== entry.uncompressedSize || crc32(bytes) !== entry.crc32) {
    throw new LetterReadError(displayPath, damaged());
  }
  return bytes;
}

/** The entry's compressed bytes, located through its local file header. */
async function rawEntryData(displayPath: string, data: Buffer, zip: ZipFile, entry: Entry): Promise<Buffer> {
  try {
    // yauzl checks that the data lies within the file.
    const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
    return data.subarray(fileDataStart, fileDataStart + entry.compressedSize);
  } catch (cause) {
    throw new LetterReadError(displayPath, damaged(), { cause });
  }
}

async function decompress(displayPath: string, entry: Entry, raw: Buffer): Promise<Buffer> {
  if (entry.compressionMethod === STORED) return raw;
  if (entry.compressionMethod !== DEFLATED) {
    throw new LetterReadError(displayPath, unsupportedCompression(entry.fileName, entry.compressionMethod));
  }
  try {
    // zlib stops once the output would exceed the declared size (ERR_BUFFER_TOO_LARGE). Sync: an
    // entry is small (bounded above), and the thread-pool round trip cost more than the inflating.
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (cause) {
    const bomb = (cause as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw new LetterReadError(displayPath, bomb ? inflatesBeyondDeclared(entry.fileName) : damaged(), { cause });
  }
}

// ---------------------------------------------------------------------------------------------
// Reasons.

function notAZip(): Message {
  return {
    nl: 'Dit is geen Word-bestand (.docx): het is geen zip-archief. Is een ander soort bestand hernoemd naar .docx?',
    en: 'This is not a Word (.docx) file: it is not a zip archive. Was another kind of file renamed to .docx?',
  };
}

function damaged(): Message {
  return {
    nl: 'Het bestand is beschadigd of onvolledig (het zip-archief is afgekapt of kapot). Sla het opnieuw op vanuit Word.',
    en: 'The file is damaged or incomplete (the zip archive is truncated or broken). Save it again from Word.',
  };
}

function tooManyEntries(): Message {
  return {
    nl: `Het zip-archief bevat meer dan ${MAX_ENTRIES} onderdelen; het is niet gelezen.`,
    en: `The zip archive holds more than ${MAX_ENTRIES} entries; it was not read.`,
  };
}

function entryTooBig(name: string, size: number): Message {
  return {
    nl: `Onderdeel ${name} pakt uit tot ${Math.round(size / MB)} MB, meer dan de grens van ${MAX_ENTRY_BYTES / MB} MB (mogelijk een zip-bom); het bestand is niet gelezen.`,
    en: `Entry ${name} unpacks to ${Math.round(size / MB)} MB, more than the limit of ${MAX_ENTRY_BYTES / MB} MB (possibly a zip bomb); the file was not read.`,
  };
}

function archiveTooBig(total: number): Message {
  return {
    nl: `Het bestand pakt uit tot ${Math.round(total / MB)} MB, meer dan de grens van ${MAX_TOTAL_BYTES / MB} MB (mogelijk een zip-bom); het is niet gelezen.`,
    en: `The file unpacks to ${Math.round(total / MB)} MB, more than the limit of ${MAX_TOTAL_BYTES / MB} MB (possibly a zip bomb); it was not read.`,
  };
}

function inflatesBeyondDeclared(name: string): Message {
  return {
    nl: `Onderdeel ${name} pakt uit tot meer bytes dan het archief opgeeft (mogelijk een zip-bom); het bestand is niet gelezen.`,
    en: `Entry ${name} unpacks to more bytes than the archive declares (possibly a zip bomb); the file was not read.`,
  };
}

function missingEntry(name: string): Message {
  return { nl: `Onderdeel ${name} ontbreekt in het zip-archief.`, en: `Entry ${name} is missing from the zip archive.` };
}

function encryptedEntry(name: string): Message {
  return {
    nl: `Onderdeel ${name} is versleuteld in het zip-archief; sla het bestand opnieuw op vanuit Word zonder versleuteling.`,
    en: `Entry ${name} is encrypted in the zip archive; save the file again from Word without encryption.`,
  };
}

function unsupportedCompression(name: string, method: number): Message {
  return {
    nl: `Onderdeel ${name} gebruikt een onbekende compressiemethode (${method}); sla het bestand opnieuw op vanuit Word.`,
    en: `Entry ${name} uses an unsupported compression method (${method}); save the file again from Word.`,
  };
}
