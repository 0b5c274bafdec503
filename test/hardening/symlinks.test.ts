/**
 * The letter walk follows each real path once. A folder symlink to a parent
 * no longer counts letters twice (findings and recipients doubled), and symlink loops are named
 * in a note on stderr instead of being skipped without a word.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, NO_KCC, project } from './helpers.js';
import { findLetters } from '../../src/files.js';
import type { JsonReport } from '../../src/report/types.js';

const LETTER = (id: string) => `---\nid: ${id}\nrecipients: 100\n---\n\nKijk op http://voorbeeldstad.example/${id}.\n`;

function tree(): string {
  const dir = project({
    'brieflint.config.json': JSON.stringify({ domains: ['voorbeeldstad.example'], rules: NO_KCC }),
    'brieven/a.md': LETTER('a'),
    'brieven/sub/b.md': LETTER('b'),
    'sjablonen/c.md': LETTER('c'),
  });
  symlinkSync('..', join(dir, 'brieven/sub/terug')); // a folder symlink to a parent: a loop
  symlinkSync('sub', join(dir, 'brieven/ook')); // the same folder under another name
  symlinkSync('../sjablonen', join(dir, 'brieven/gedeeld')); // a folder outside: its letters count
  symlinkSync('lus2.md', join(dir, 'brieven/lus1.md')); // a symlink chain that never ends
  symlinkSync('lus1.md', join(dir, 'brieven/lus2.md'));
  return dir;
}

describe('the letter walk and symlinks', () => {
  it('counts every letter once, follows a link to a folder outside, and names the loops and the duplicate', async () => {
    const dir = tree();
    const run = await cli(['check', 'brieven', '--offline', '--format', 'json'], dir);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.map((f) => f.path)).toEqual(['brieven/a.md', 'brieven/gedeeld/c.md', 'brieven/sub/b.md']);
    expect(report.summary).toMatchObject({ files: 3, errors: 3, unreadable: 0 });
    expect(report.files.reduce((n, f) => n + (f.letter?.recipients ?? 0), 0)).toBe(300);
    expect(run.code).toBe(1);
    const notes = run.stderr.trim().split('\n');
    expect(notes).toEqual([
      'brieflint: let op: brieven/lus1.md is een symlink-lus (ELOOP); overgeslagen',
      'brieflint: let op: brieven/lus2.md is een symlink-lus (ELOOP); overgeslagen',
      'brieflint: let op: brieven/ook verwijst naar brieven/sub, die al wordt doorzocht; elke brief daarin telt één keer',
      'brieflint: let op: brieven/sub/terug is een symlink-lus: hij verwijst naar een map waar hij zelf in staat (brieven); niet gevolgd',
    ]);
    const en = await cli(['check', 'brieven', '--offline', '--lang', 'en'], dir);
    expect(en.stderr).toContain('brieflint: note: brieven/sub/terug is a symlink loop: it points to a folder that holds it (brieven); not followed\n');
  });

  it('the same letter named twice, through a link and directly, is checked once', async () => {
    const dir = tree();
    const { files } = await findLetters(['brieven/a.md', 'brieven/ook/b.md', 'brieven/sub/b.md'], dir);
    expect(files.map((f) => f.display)).toEqual(['brieven/a.md', 'brieven/sub/b.md']);
  });

  it('a link to the KCC folder does not make its briefings letters', async () => {
    const dir = tree();
    mkdirSync(join(dir, 'kcc'));
    writeFileSync(join(dir, 'kcc/briefing.md'), '---\nletters: [a]\n---\n');
    symlinkSync('../kcc', join(dir, 'brieven/kcc-link'));
    const { files } = await findLetters(['brieven'], dir, { exclude: [join(dir, 'kcc')] });
    expect(files.map((f) => f.display)).toEqual(['brieven/a.md', 'brieven/gedeeld/c.md', 'brieven/sub/b.md']);
  });
});
