/**
 * A position inside a message is in the message's language, in every format: one place formats
 * it (src/report/position.ts). Before, GitHub annotations, SARIF and JUnit put an English
 * "[paragraph 4, character 58]" inside a Dutch message.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/types.js';
import { formatGithub } from '../../src/report/github.js';
import { formatJunit } from '../../src/report/junit.js';
import { formatSarif } from '../../src/report/sarif.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { formatStylish } from '../../src/report/stylish.js';
import { formatHtml } from '../../src/report/html.js';
import { formatPosition } from '../../src/report/position.js';
import { cli as runCli } from '../cli/run.js';

const DEMO = join(fileURLToPath(new URL('../..', import.meta.url)), 'fixtures/demo');

/** The CLI in-process (test/cli/run.ts) in the demo: what it prints. */
const cli = async (args: string[]) => (await runCli(args, DEMO)).stdout;

/** A finding in the footer of a Word letter, and one in a Markdown letter. */
function report(): JsonReport {
  const empty = { urls: [], forms: [], phones: [], emails: [] };
  return {
    version: '0.1.0',
    files: [
      {
        path: 'brieven/afval.docx',
        letter: { id: 'afval' },
        references: empty,
        findings: [{ rule: 'pretty-url', severity: 'error', message: 'Bericht.', line: 4, column: 58, part: 'footer' }],
      },
      { path: 'brieven/b.md', letter: { id: 'b' }, references: empty, findings: [{ rule: 'pretty-url', severity: 'error', message: 'Bericht.', line: 2, column: 5 }] },
    ],
    summary: { files: 2, errors: 2, warnings: 0, unreadable: 0 },
  };
}

describe('positions in the message language', () => {
  it('formatPosition: one wording per format and language', () => {
    const footer = { line: 4, column: 58, part: 'footer' };
    expect(formatPosition('github', 'a.docx', footer, 'nl')).toBe('[alinea 4 (voettekst), teken 58]');
    expect(formatPosition('github', 'a.docx', footer, 'en')).toBe('[paragraph 4 (footer), character 58]');
    expect(formatPosition('sarif', 'a.docx', footer, 'nl')).toBe('[.docx: alinea 4 (voettekst), teken 58]');
    expect(formatPosition('short', 'a.docx', footer, 'nl')).toBe('alinea 4:58 (voettekst)');
    expect(formatPosition('short', 'a.md', { line: 2, column: 5 }, 'nl')).toBe('2:5');
    expect(formatPosition('page', 'a.docx', footer, 'en')).toBe('paragraph 4 (footer)');
    expect(formatPosition('page', 'a.md', { line: 2, column: 5 }, 'nl')).toBe('regel 2');
    expect(formatPosition('stylish', 'a.docx', footer, 'nl')).toBe('voettekst 4:58');
    expect(formatPosition('stylish', 'a.md', { line: 0, column: 0 }, 'nl')).toBe('—');
    // Only .docx letters carry their position in the message text: the others have real lines.
    expect(formatPosition('github', 'a.md', { line: 2, column: 5 }, 'nl')).toBe('');
  });

  it('every reporter writes the .docx position in Dutch for Dutch messages and in English for English ones', () => {
    const r = report();
    expect(formatGithub(r, 'nl')).toContain('::[alinea 4 (voettekst), teken 58] Bericht.');
    expect(formatGithub(r, 'en')).toContain('::[paragraph 4 (footer), character 58] Bericht.');
    expect(formatSarif(r, [], { lang: 'nl' })).toContain('Bericht. [.docx: alinea 4 (voettekst), teken 58]');
    expect(formatJunit(r, { lang: 'nl' })).toContain('name="pretty-url (alinea 4:58 (voettekst))"');
    expect(formatJunit(r, { lang: 'en' })).toContain('brieven/afval.docx:paragraph 4:58 (footer)');
    expect(formatMarkdown(r, 'nl')).toContain('| brieven/afval.docx | alinea 4:58 (voettekst) |');
    expect(formatMarkdown(r, 'en')).toContain('| brieven/afval.docx | paragraph 4:58 (footer) |');
    expect(formatStylish(r, { lang: 'nl', color: false, quiet: false })).toMatch(/voettekst 4:58 +fout/);
    expect(formatStylish(r, { lang: 'en', color: false, quiet: false })).toMatch(/footer 4:58 +error/);
    expect(formatHtml(r, 'nl')).toContain('alinea 4 (voettekst)');
    expect(formatHtml(r, 'en')).toContain('paragraph 4 (footer)');
    // (SARIF's properties name the paragraph as data: locationKind docx-paragraph.)
    for (const text of [formatGithub(r, 'nl'), formatJunit(r, { lang: 'nl' }), formatMarkdown(r, 'nl'), formatStylish(r, { lang: 'nl', color: false, quiet: false }), formatHtml(r, 'nl')]) {
      expect(text).not.toMatch(/paragraph|character|footer 4/);
    }
  });

  it('brieflint check --format github|sarif|junit on a Word letter: the tag follows --lang', async () => {
    const args = ['check', 'brieven/afvalpas-2027.docx', '--offline', '--today', '2027-01-10'];
    expect(await cli([...args, '--format', 'github'])).toContain('::[alinea 3, teken 28] https://www.voorbeeldstad.example/Content/Afval/');
    expect(await cli([...args, '--format', 'github', '--lang', 'en'])).toContain('::[paragraph 3, character 28] https://www.voorbeeldstad.example/Content/Afval/');
    expect(await cli([...args, '--format', 'sarif'])).toContain('[.docx: alinea 3, teken 28]');
    expect(await cli([...args, '--format', 'junit'])).toContain('name="pretty-url (alinea 3:28)"');
    const dir = mkdtempSync(join(tmpdir(), 'brieflint-position-'));
    await cli([...args, '--lang', 'en', '--format', 'json', '--report', `junit=${join(dir, 'j.xml')}`]);
    expect(readFileSync(join(dir, 'j.xml'), 'utf8')).toContain('name="pretty-url (paragraph 3:28)"');
  });
});
