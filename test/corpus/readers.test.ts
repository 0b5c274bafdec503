/**
 * Every .md and .txt letter of the corpus of real public letters read with brieflint's real
 * readers: no crash, and the URLs extracted are what a reader of the file sees. (The .docx corpus
 * is covered by test/docx/corpus.test.ts.) The corpus is a read-only folder beside the repository
 * (CORPUS), not part of it: a clone has no copy, and these tests skip.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readLetter } from '../../src/letters/index.js';
import { extractReferences } from '../../src/extract/index.js';
import { EXPECTED, seen } from './letters-expected.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/letters/', import.meta.url));
const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md') : [];

describe.skipIf(!existsSync(CORPUS))('corpus letters through the real readers', () => {
  it.each(files)('%s', async (name) => {
    const letter = await readLetter(CORPUS + name, name);
    const all = extractReferences(letter);
    // Line 1 of every corpus file is the curator's provenance comment: in a .txt it is text.
    const refs = name.endsWith('.txt') ? { ...all, urls: all.urls.filter((u) => u.location.line > 1) } : all;
    expect(seen(refs)).toEqual(EXPECTED[name].urls);
    EXPECTED[name].check?.(refs);
  });
});
