import picomatch from 'picomatch';
import { relative, sep } from 'node:path';
import type { Letter, Message, References } from '../types.js';
import type { ManifestEntry } from '../config/types.js';
import { LetterReadError, readLetter } from '../letters/index.js';
import { extractReferences } from '../extract/index.js';

/** A file to read: its absolute path and the path reports show. */
export interface ReadTask {
  absolute: string;
  display: string;
}

/** What reading one file gives: the letter (text released) and its references, or why it could not be read. */
export interface ReadOutcome {
  letter?: Letter;
  refs?: References;
  error?: Message;
}

/** The part of the config reading needs (plain data: it is sent to the reader threads). */
export interface ReadSettings {
  root: string;
  manifest: ManifestEntry[];
}

/** read → metadata from the manifest → extract → release the text. Never throws. */
export async function readOne(file: ReadTask, settings: ReadSettings): Promise<ReadOutcome> {
  try {
    const letter = await readLetter(file.absolute, file.display);
    applyManifest(letter, file.absolute, settings);
    const refs = extractReferences(letter);
    return { letter: releaseText(letter), refs };
  } catch (error) {
    if (error instanceof LetterReadError) return { error: error.reason };
    return { error: unexpected(error) };
  }
}

/** A reason for an error that is not a LetterReadError (a bug, or a reader thread that died). */
export function unexpected(error: unknown): Message {
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
  return letter;
}

const matchers = new WeakMap<ManifestEntry, (path: string) => boolean>();

function matcher(entry: ManifestEntry): (path: string) => boolean {
  let match = matchers.get(entry);
  if (!match) {
    const full = picomatch(entry.files, { dot: true });
    const base = picomatch(entry.files, { dot: true, basename: true });
    match = (path) => full(path) || base(path);
    matchers.set(entry, match);
  }
  return match;
}

/** Metadata from config `manifest` entries whose glob matches the file (later entries win). */
export function applyManifest(letter: Letter, absolute: string, settings: ReadSettings): void {
  if (settings.manifest.length === 0) return;
  const rel = relative(settings.root, absolute).split(sep).join('/');
  for (const entry of settings.manifest) {
    if (!matcher(entry)(rel)) continue;
    const { files: _files, ...meta } = entry;
    for (const [key, value] of Object.entries(meta)) {
      if (value !== undefined) (letter.meta as unknown as Record<string, unknown>)[key] = value;
    }
  }
}
