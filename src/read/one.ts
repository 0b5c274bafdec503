import { filesMatcher } from '../globs.js';
import { realpath, stat, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Letter, Message, References } from '../types.js';
import type { ManifestEntry, ResolvedConfig } from '../config/types.js';
import type { FoundFile } from '../files.js';
import { LetterReadError, parseLetter, readLetterBytes } from '../letters/index.js';
import { extractReferences } from '../extract/index.js';

/** What reading one file gives: the letter (text released) and its references, or why it could not be read. */
export interface ReadOutcome {
  letter?: Letter;
  refs?: References;
  error?: Message;
}

/** The part of the config reading needs: the manifest, with globs relative to the root. */
type ManifestConfig = Pick<ResolvedConfig, 'root' | 'manifest'>;

/** A file's bytes, or why they cannot be read. Never throws (nor rejects). */
export async function loadBytes(file: FoundFile): Promise<{ data: Buffer } | { error: Message }> {
  try {
    return { data: await readLetterBytes(file.absolute, file.display) };
  } catch (error) {
    return { error: readError(error) };
  }
}

/**
 * parse → metadata from the manifest → read the images (QR codes) → extract → release the text
 * (unless `keepText`: `serve` shows the letter itself). Never throws.
 */
export async function parseOne(file: FoundFile, data: Buffer, config: ManifestConfig, options: { keepText?: boolean } = {}): Promise<ReadOutcome> {
  try {
    const letter = await parseLetter(file.display, data);
    applyManifest(letter, file.absolute, config);
    await readImages(letter, file.absolute, config.root);
    const refs = extractReferences(letter);
    return { letter: options.keepText ? letter : releaseText(letter), refs };
  } catch (error) {
    return { error: readError(error) };
  }
}

/** Read the letter's images for QR codes (bytes from the .docx, or from disk next to a Markdown letter). */
export async function readImages(letter: Letter, absolutePath: string, root: string): Promise<void> {
  if (!letter.images?.length) return;
  // The image decoders load only when a run meets a letter with images.
  const { readLetterImages } = await import('../images/index.js');
  await readLetterImages(letter, imagesOnDisk(absolutePath, root));
}

/**
 * A Markdown letter's local image (`![QR](qr.png)`): the path as written (percent-escapes decoded,
 * no query or fragment), relative to the letter's folder. Only a file inside the project (the
 * config's folder) or the letter's own folder is read, at most MAX_IMAGE_BYTES: a letter in a
 * pull request cannot make brieflint read files elsewhere on the machine.
 */
function imagesOnDisk(letterPath: string, root: string) {
  return async (image: { name: string }): Promise<Buffer> => {
    const { ImageLoadError, MAX_IMAGE_BYTES } = await import('../images/limits.js');
    let name = image.name.replace(/[?#].*$/, '');
    try {
      name = decodeURI(name);
    } catch {
      // as written
    }
    if (name === '' || isAbsolute(name)) throw new ImageLoadError(name === '' ? 'missing' : 'outside');
    const base = dirname(letterPath);
    const inside = (path: string, folders: string[]) => folders.some((f) => {
      const rel = relative(f, path);
      return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
    });
    const target = resolve(base, name);
    const folders = [root, base];
    if (!inside(target, folders)) throw new ImageLoadError('outside');
    let real: string;
    try {
      real = await realpath(target);
    } catch {
      throw new ImageLoadError('missing');
    }
    // A symbolic link inside may point outside.
    const realFolders = await Promise.all(folders.map((f) => realpath(f).catch(() => f)));
    if (!inside(real, realFolders)) throw new ImageLoadError('outside');
    const info = await stat(real).catch(() => undefined);
    if (!info?.isFile()) throw new ImageLoadError('missing');
    if (info.size > MAX_IMAGE_BYTES) throw new ImageLoadError('too-large');
    return readFile(real).catch(() => {
      throw new ImageLoadError('missing');
    });
  };
}

/** Why a file could not be read: the reader's reason, or the message of an unexpected error (a bug). */
export function readError(error: unknown): Message {
  if (error instanceof LetterReadError) return error.reason;
  const detail = error instanceof Error ? error.message : String(error);
  return { nl: `onverwachte fout bij lezen: ${detail}`, en: `unexpected error while reading: ${detail}` };
}

/**
 * Once the references are extracted, a letter's text is no longer needed: the rules work on the
 * references, metadata, directives and block positions. Releasing the text keeps a run of
 * thousands of letters flat in memory (only references and findings grow with the corpus).
 */
function releaseText(letter: Letter): Letter {
  for (const block of letter.blocks) {
    block.length = block.text.length;
    block.text = '';
  }
  letter.links = [];
  // What was read from the images is in the references; the thumbnails stay there only.
  if (letter.images) for (const image of letter.images) if (image.read?.code) delete image.read.code.thumbnail;
  return letter;
}


/** Metadata from config `manifest` entries whose glob matches the file (later entries win). */
export function applyManifest(letter: Letter, absolute: string, config: ManifestConfig): void {
  if (config.manifest.length === 0) return;
  const rel = relative(config.root, absolute).split(sep).join('/');
  for (const entry of config.manifest) {
    if (!filesMatcher(entry)(rel)) continue;
    const { files: _files, ...meta } = entry;
    for (const [key, value] of Object.entries(meta)) {
      if (value !== undefined) (letter.meta as unknown as Record<string, unknown>)[key] = value;
    }
  }
}
