import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/types.js';
import { cli, NO_KCC, project } from './run.js';

const CONFIG = JSON.stringify({ domains: ['voorbeeldstad.example'], rules: NO_KCC });
const GOOD = '---\nid: goed\n---\n\nVraag het aan op voorbeeldstad.example/afval.\n';
/** What a README or changelog holds: addresses nobody types from paper. */
const DOCS = 'Zie https://github.com/voorbeeldstad/brieven/blob/main/CONTRIBUTING.md?plain=1#L10\n';

describe('the default path (the current folder)', () => {
  it('skips README*, CHANGELOG*, CONTRIBUTING*, LICENSE* anywhere, and checks the letters', async () => {
    const dir = project({
      'brieflint.config.json': CONFIG,
      'README.md': DOCS,
      'docs/CHANGELOG.md': DOCS,
      'CONTRIBUTING.markdown': DOCS,
      'LICENSE.txt': DOCS,
      'LICENCE': DOCS,
      'brieven/readme.md': DOCS,
      'brieven/goed.md': GOOD,
    });
    for (const args of [['check'], ['check', '.']]) {
      const { code, stdout } = await cli([...args, '--offline', '--format', 'json'], dir);
      expect(code).toBe(0);
      expect((JSON.parse(stdout) as JsonReport).files.map((f) => f.path)).toEqual(['brieven/goed.md']);
    }
  });

  it('still checks such a file when it is named explicitly', async () => {
    const dir = project({ 'brieflint.config.json': CONFIG, 'README.md': DOCS });
    const { code, stdout } = await cli(['check', 'README.md', '--offline', '--format', 'json'], dir);
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as JsonReport).files.map((f) => f.path)).toEqual(['README.md']);
  });

  it('lists attachments in a folder (.pdf, .doc, .odt) once as skipped, and exits 0', async () => {
    const dir = project({
      'brieflint.config.json': CONFIG,
      'brieven/goed.md': GOOD,
      'brieven/bijlage-tarieven.pdf': '%PDF-1.7\n',
      'brieven/oud.doc': Buffer.from([0xd0, 0xcf, 0x11, 0xe0]),
      'brieven/concept.odt': 'PK',
    });
    const json = await cli(['check', '--offline', '--format', 'json'], dir);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report.files.map((f) => f.path)).toEqual(['brieven/goed.md']);
    expect(report.summary.skippedFiles).toEqual(['brieven/bijlage-tarieven.pdf', 'brieven/concept.odt', 'brieven/oud.doc']);
    const nl = await cli(['check', 'brieven', '--offline'], dir);
    expect(nl.code).toBe(0);
    expect(nl.stdout).toContain('3 bestanden overgeslagen (geen .docx, .md of .txt): brieven/bijlage-tarieven.pdf, brieven/concept.odt, brieven/oud.doc');
    expect(nl.stdout.match(/bijlage-tarieven\.pdf/g)).toHaveLength(1);
    const en = await cli(['check', '--offline', '--lang', 'en'], dir);
    expect(en.stdout).toContain('3 files skipped (not .docx, .md or .txt): brieven/bijlage-tarieven.pdf, brieven/concept.odt, brieven/oud.doc');
  });

  it('a .pdf named explicitly still gets the "save it as .docx" error and exit code 2', async () => {
    const dir = project({ 'brieflint.config.json': CONFIG, 'brieven/goed.md': GOOD, 'brieven/brief.pdf': '%PDF-1.7\n' });
    const { code, stdout } = await cli(['check', 'brieven/goed.md', 'brieven/brief.pdf', '--offline', '--format', 'json'], dir);
    expect(code).toBe(2);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files.find((f) => f.path === 'brieven/brief.pdf')?.error).toBe(
      'brieflint leest geen bestanden van het type .pdf; sla de brief op als .docx (Word) of .md',
    );
    expect(report.summary.skippedFiles).toBeUndefined();
  });

  it('a folder with only attachments is no error: they are listed as skipped', async () => {
    const dir = project({ 'brieflint.config.json': CONFIG, 'bijlagen/folder.pdf': '%PDF-1.7\n' });
    const { code, stdout } = await cli(['check', 'bijlagen', '--offline', '--format', 'json'], dir);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as JsonReport).summary).toMatchObject({ files: 0, skippedFiles: ['bijlagen/folder.pdf'] });
  });
});
