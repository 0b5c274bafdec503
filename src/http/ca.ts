/**
 * Trusted CA certificates from the config: the top-level `ca` (every outside call) and the
 * sections' own `site.ca` (live site and forms) and `kcc.ca` (the KCC adapters), which add to it.
 * Entries are PEM files relative to the config root, or PEM text. No network code here: the
 * config is read under --offline too.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Message } from '../types.js';

/** A CA entry that cannot be used; `key` names it (`ca`, `site.ca[1]`, `kcc.ca` …), `file` the file that could not be read. */
export class CaError extends Error {
  constructor(
    readonly key: string,
    readonly reason: Message,
    readonly file?: { path: string; code: string },
  ) {
    super(reason.en);
    this.name = 'CaError';
  }
}

/** A `ca` value as a list (one entry or several). */
export function caEntries(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/**
 * The PEM text of each entry under `key` (`kcc.ca`, `site.ca` …; entries are numbered as
 * `key[i]` when `numbered`). With `parse`, every certificate must also be readable. Throws
 * CaError naming the key and the file.
 */
export function readCa(entries: string[], root: string, key: string, numbered = entries.length > 1, parse = false): string[] {
  return entries.map((entry, i) => {
    const name = numbered ? `${key}[${i}]` : key;
    let pem = entry;
    if (!entry.includes('-----BEGIN')) {
      const file = isAbsolute(entry) ? entry : resolve(root, entry);
      try {
        pem = readFileSync(file, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        throw new CaError(name, { nl: `${name}: kan ${file} niet lezen (${code})`, en: `${name}: cannot read ${file} (${code})` }, { path: file, code });
      }
    }
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
      throw new CaError(name, { nl: `${name}: geen PEM-certificaat (-----BEGIN CERTIFICATE-----)`, en: `${name}: not a PEM certificate (-----BEGIN CERTIFICATE-----)` });
    }
    const blocks = parse ? (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [pem]) : [];
    for (const block of blocks) {
      try {
        new X509Certificate(block);
      } catch (error) {
        const why = (error as Error).message;
        throw new CaError(name, { nl: `${name}: onleesbaar certificaat (${why})`, en: `${name}: unreadable certificate (${why})` });
      }
    }
    return pem;
  });
}
