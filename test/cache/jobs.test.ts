/**
 * `check --jobs N`: letters parsed on worker threads give the same report, in the same order, as
 * letters parsed in the main thread. Real letters (Markdown with tables, lists and HTML, .docx)
 * in a temporary folder; the installed bin (the bundle, with its own worker script) and the
 * sources (which start the built worker).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, NO_KCC, project, ROOT } from '../hardening/helpers.js';

const DOCX = readFileSync(join(ROOT, 'fixtures/docx/kwijtschelding.docx'));

/** 231 letters, of every kind the readers know (and one that cannot be read). */
function corpus(): string {
  const files: Record<string, string | Buffer> = {
    'brieflint.config.json': JSON.stringify({ domains: ['voorbeeldstad.example'], rules: { ...NO_KCC }, manifest: [{ files: 'brieven/b1*.md', owner: 'Team Een' }] }),
  };
  for (let i = 0; i < 200; i++) {
    files[`brieven/b${String(i).padStart(3, '0')}.md`] = [
      `---\nid: brief-${i}\nkenmerk: ZK/2027/${i}\n---\n`,
      `# Brief ${i}\n`,
      `Vraag het aan op voorbeeldstad.example/afval-${i % 17}. Bel 14 0123 of mail naar info@voorbeeldstad.example.\n`,
      i % 3 === 0 ? `| wat | waar |\n|---|---|\n| grofvuil | www.voorbeeldstad.example/grofvuil/${i} |\n` : '',
      i % 5 === 0 ? `<p>Log in met <a href="https://voorbeeldstad.example/mijn">DigiD</a>.</p>\n` : '',
      i % 7 === 0 ? `- Vul het formulier in op https://voorbeeldstad.example/Content/Form_${i}.aspx?id=${i}\n- Stuur het terug\n` : '',
      i % 11 === 0 ? `Zie [hier](https://www.regelhulp.example/x/${i}) en https://voorbeeldstad.example/{{zaak}}.\n` : '',
    ].join('\n');
  }
  for (let i = 0; i < 30; i++) files[`brieven/w${i}.docx`] = DOCX;
  files['brieven/kapot.docx'] = Buffer.from('geen zip');
  return project(files);
}

function runBin(dir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/brieflint.js'), ...args], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('check --jobs', () => {
  it('the bin gives the same JSON report with --jobs 1 and --jobs 2, ordering included', async () => {
    const dir = corpus();
    const args = ['check', 'brieven', '--offline', '--format', 'json', '--verbose', '--today', '2027-01-10'];
    const one = await runBin(dir, [...args, '--jobs', '1']);
    const two = await runBin(dir, [...args, '--jobs', '2']);
    expect(one.stderr).toContain('brieven gelezen in de hoofdthread');
    expect(two.stderr).toContain('brieven gelezen op 2 threads (de hoofdthread en 1 worker)');
    expect(one.code).toBe(2); // kapot.docx cannot be read
    expect(two.code).toBe(one.code);
    const report = JSON.parse(two.stdout);
    expect(report.files).toHaveLength(231);
    expect(report.files.find((f: { path: string }) => f.path === 'brieven/kapot.docx').error).toBeTruthy();
    expect(report.files.find((f: { path: string }) => f.path === 'brieven/b123.md').letter.owner).toBe('Team Een');
    expect(two.stdout).toBe(one.stdout);
  }, 120_000);

  it('the sources, with the letter cache: the same report on worker threads, cold and warm', async () => {
    const dir = corpus();
    const args = ['check', 'brieven', '--offline', '--format', 'json', '--today', '2027-01-10'];
    const one = await cli([...args, '--jobs', '1', '--no-cache'], dir);
    const cold = await cli([...args, '--jobs', '2', '--cache', '--verbose'], dir);
    const warm = await cli([...args, '--jobs', '2', '--cache', '--verbose'], dir);
    expect(cold.stderr).toContain('brieven gelezen op 2 threads (de hoofdthread en 1 worker)');
    expect(cold.stderr).toContain('briefcache: 0 brieven uit de cache, 231 gelezen');
    // kapot.docx is read again each time (unreadable letters are not cached).
    expect(warm.stderr).toContain('briefcache: 230 brieven uit de cache, 1 gelezen');
    expect(cold.stdout).toBe(one.stdout);
    expect(warm.stdout).toBe(one.stdout);
  }, 120_000);

  it('few letters are read in the main thread: starting workers would cost more than it saves', async () => {
    const dir = project({ 'brieflint.config.json': JSON.stringify({ rules: { ...NO_KCC } }), 'brief.md': 'Zie voorbeeldstad.example/afval.\n' });
    const r = await cli(['check', 'brief.md', '--offline', '--verbose', '--jobs', '4'], dir);
    expect(r.stderr).toContain('brieven gelezen in de hoofdthread');
  });

  it('refuses a --jobs that is not a whole number from 1 to 64', async () => {
    const dir = project({ 'brief.md': 'Zie voorbeeldstad.example/afval.\n' });
    const r = await cli(['check', 'brief.md', '--offline', '--jobs', '0'], dir);
    expect(r.code).toBe(2);
  });
});
