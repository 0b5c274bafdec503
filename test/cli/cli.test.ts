import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/types.js';
import { cli as runCli, project } from './run.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEMO = join(ROOT, 'fixtures/demo');

/** The CLI in-process (./run.ts), in the demo unless told otherwise. */
const cli = (args: string[], cwd = DEMO) => runCli(args, cwd);

const GOOD = '---\nid: goed\n---\n\nVraag het aan op voorbeeldstad.example/afval. Bel 14 0123.\n';
/** These tests are about letters and exit codes: the KCC rules are tested with a knowledge base elsewhere. */
const NO_KCC = { 'kcc-briefing-missing': 'off', 'kcc-briefing-outdated': 'off', 'kcc-briefing-mismatch': 'off' };
const CONFIG = JSON.stringify({ domains: ['voorbeeldstad.example'], rules: NO_KCC });

describe('brieflint check on the demo letters', () => {
  it('lists references and findings per file as JSON, and exits 1', async () => {
    const { code, stdout } = await cli(['check', 'brieven', '--offline', '--format', 'json', '--today', '2027-01-10']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files.map((f) => f.path)).toEqual([
      'brieven/afvalpas-2027.docx',
      'brieven/hondenbelasting-2027.md',
      'brieven/kwijtschelding-2027.md',
      'brieven/melding-ontvangen.txt',
      'brieven/parkeervergunning-2027.md',
      'brieven/subsidie-zonnepanelen-2027.md',
    ]);
    const byPath = Object.fromEntries(report.files.map((f) => [f.path, f]));
    const good = byPath['brieven/kwijtschelding-2027.md'];
    expect(good.letter).toEqual({ id: 'kwijtschelding-2027', title: 'Kwijtschelding gemeentelijke belastingen 2027', kenmerk: 'BEL/2027/0142', mailingDate: '2027-02-01', recipients: 1200, owner: 'Team Belastingen' });
    expect(good.references.urls).toEqual([{ printed: 'voorbeeldstad.example/kwijtschelding', href: 'https://voorbeeldstad.example/kwijtschelding', line: 17, column: 29 }]);
    expect(good.references.phones.map((p) => p.normalized)).toEqual(['140123']);
    expect(good.findings).toEqual([]);
    expect(good.briefing).toMatchObject({ source: 'folder', id: 'kwijtschelding-2027', path: 'kcc/kwijtschelding-2027.md', validUntil: '2027-04-30' });

    const docx = byPath['brieven/afvalpas-2027.docx'];
    expect(docx.letter).toMatchObject({ id: 'afvalpas-2027', kenmerk: 'AFV/2027/0007', mailingDate: '2027-01-15', recipients: 5400 });
    expect(docx.findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ['kcc-briefing-outdated', 0, 0],
      ['pretty-url', 3, 28],
      ['link-text-mismatch', 4, 48],
    ]);

    const rules = (p: string) => byPath[p].findings.map((f) => f.rule);
    expect(rules('brieven/parkeervergunning-2027.md')).toEqual(['kcc-briefing-missing', 'pretty-url']);
    expect(rules('brieven/melding-ontvangen.txt')).toEqual(['kcc-briefing-missing', 'placeholder-url']);
    expect(rules('brieven/subsidie-zonnepanelen-2027.md')).toEqual(['kcc-briefing-mismatch', 'link-text-mismatch']);
    expect(byPath['brieven/parkeervergunning-2027.md'].briefing).toBeNull();
    expect(report.summary).toMatchObject({ files: 6, errors: 9, warnings: 0, unreadable: 0 });
  });

  it('prints Dutch by default and English with --lang en, grouped per file with a summary line', async () => {
    const nl = await cli(['check', 'brieven', '--offline']);
    expect(nl.stdout).toContain('brieven/afvalpas-2027.docx');
    expect(nl.stdout).toMatch(/3:28 +fout +https:\/\/www\.voorbeeldstad\.example\/Content\/Afval\/Afvalpas_Aanvragen\.aspx\?id=4711 is niet makkelijk over te typen/);
    expect(nl.stdout).toContain('Webadressen:');
    expect(nl.stdout).toMatch(/✖ 9 problemen \(9 fouten, 0 waarschuwingen\) — 6 bestanden/);
    const en = await cli(['check', 'brieven', '--offline', '--lang', 'en']);
    expect(en.stdout).toMatch(/3:28 +error +https:\/\/www\..* is not easy to type/);
    expect(en.stdout).toMatch(/✖ 9 problems \(9 errors, 0 warnings\) — 6 files/);
    expect(en.stdout).not.toMatch(/\x1b\[/); // no colour when not a terminal
  });

  it('--quiet shows errors only and no references', async () => {
    const { stdout } = await cli(['check', 'brieven/kwijtschelding-2027.md', 'brieven/parkeervergunning-2027.md', '--offline', '--quiet']);
    expect(stdout).not.toContain('kwijtschelding-2027.md');
    expect(stdout).not.toContain('Webadressen');
    expect(stdout).toContain('parkeervergunning-2027.md');
  });
});

describe('exit codes', () => {
  it('0 for a clean letter, 1 for errors, 1 for too many warnings', async () => {
    const dir = project({ 'brieflint.config.json': CONFIG, 'goed.md': GOOD, 'fout.md': 'Kijk op http://voorbeeldstad.example/afval.\n' });
    expect((await cli(['check', 'goed.md', '--offline'], dir)).code).toBe(0);
    expect((await cli(['check', 'fout.md', '--offline'], dir)).code).toBe(1);
    const warnDir = project({
      'brieflint.config.json': JSON.stringify({ domains: ['voorbeeldstad.example'], rules: { ...NO_KCC, 'pretty-url': 'warn' } }),
      'fout.md': 'Kijk op http://voorbeeldstad.example/afval.\n',
    });
    expect((await cli(['check', '--offline'], warnDir)).code).toBe(0);
    expect((await cli(['check', '--offline', '--max-warnings', '0'], warnDir)).code).toBe(1);
    expect((await cli(['check', '--offline', '--max-warnings', '1'], warnDir)).code).toBe(0);
  });

  it('2 for unreadable files, while still checking the others', async () => {
    const dir = project({ 'brieflint.config.json': CONFIG, 'goed.md': GOOD, 'leeg.md': '', 'oud.doc': Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) });
    // oud.doc named explicitly: in a folder walk it would only be listed as skipped (test/cli/default-path.test.ts).
    const { code, stdout } = await cli(['check', '.', 'oud.doc', '--offline', '--format', 'json'], dir);
    expect(code).toBe(2);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files.map((f) => [f.path, f.error ?? null])).toEqual([
      ['goed.md', null],
      ['leeg.md', 'het bestand is leeg'],
      ['oud.doc', 'brieflint leest geen bestanden van het type .doc; sla de brief op als .docx (Word) of .md'],
    ]);
    expect(report.summary.unreadable).toBe(2);
    expect(report.files[0].references.urls).toHaveLength(1);
  });

  it('2 for a bad config and for no matching files, with a message naming them', async () => {
    const dir = project({ 'brieflint.config.json': '{"domain": []}', 'goed.md': GOOD });
    const bad = await cli(['check', '--offline'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${join(dir, 'brieflint.config.json')}: onbekende sleutel "domain"`);
    expect((await cli(['check', '--offline', '--lang', 'en'], dir)).stderr).toContain(`${join(dir, 'brieflint.config.json')}: unknown key "domain"`);
    const empty = project({ 'leeg/.keep': '' });
    const none = await cli(['check', 'leeg', '--offline'], empty);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('geen brieven gevonden in leeg');
  });
});

describe('explain, help and version', () => {
  it('explain prints the rule doc; an unknown rule lists the rules', async () => {
    const ok = await cli(['explain', 'pretty-url']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^pretty-url\n\nStandaard: error\n/);
    const bad = await cli(['explain', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('onbekende regel “nope”');
    expect(bad.stderr).toContain('pretty-url');
  });

  it('the installed bin runs: --version, --help with examples, exit code of a check', () => {
    const bin = join(ROOT, 'bin/brieflint.js');
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toBe(version);
    const help = execFileSync(process.execPath, [bin, 'check', '--help', '--lang', 'nl'], { encoding: 'utf8' });
    expect(help).toContain('--offline');
    expect(help).toContain('Voorbeelden:');
    const run = spawnSync(process.execPath, [bin, 'check', 'brieven/parkeervergunning-2027.md', '--offline'], { cwd: DEMO, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('pretty-url');
  });

  it('the installed bin (the bundle in dist/bundle/) reports exactly what the sources do, .docx included', async () => {
    const args = ['check', 'brieven', '--offline', '--format', 'json', '--today', '2027-02-01'];
    const bundled = spawnSync(process.execPath, [join(ROOT, 'bin/brieflint.js'), ...args], { cwd: DEMO, encoding: 'utf8' });
    const sources = await cli(args);
    expect(bundled.stderr).toBe('');
    expect(bundled.status).toBe(sources.code);
    const report = JSON.parse(bundled.stdout) as JsonReport;
    expect(report.files.map((f) => f.path)).toContain('brieven/afvalpas-2027.docx');
    expect(report).toEqual(JSON.parse(sources.stdout));
  });

  it('the installed bin reads a YAML config, and names the line of a YAML error', () => {
    const bin = join(ROOT, 'bin/brieflint.js');
    const dir = project({ 'brieflint.config.yml': 'domains:\n  - voorbeeldstad.example\n', 'goed.md': GOOD, 'kcc/.gitkeep': '' });
    const ok = spawnSync(process.execPath, [bin, 'check', 'goed.md', '--offline', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout).summary.files).toBe(1);
    writeFileSync(join(dir, 'brieflint.config.yml'), 'domains:\n  - [voorbeeldstad.example\n');
    const bad = spawnSync(process.execPath, [bin, 'check', 'goed.md', '--offline', '--lang', 'en'], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/brieflint\.config\.yml, line \d, column \d+: not valid YAML/);
  });
  it('the installed bin names the line and column of a JSON error, in Dutch', () => {
    const dir = project({ 'brieflint.config.json': '{\n  "domains": ["voorbeeldstad.example"],\n}\n', 'goed.md': GOOD });
    const bad = spawnSync(process.execPath, [join(ROOT, 'bin/brieflint.js'), 'check', 'goed.md', '--offline'], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      `brieflint: ${join(dir, 'brieflint.config.json')}, regel 2, kolom 39: geen geldige JSON: een komma te veel vóór “}”: na het laatste item hoort geen komma\n` +
        '    "domains": ["voorbeeldstad.example"],\n' +
        `  ${' '.repeat(38)}^\n`,
    );
  });
});

describe('reports and baseline', () => {
  it('--report writes several formats in one run, --format picks stdout', async () => {
    const dir = project({ 'brieflint.config.json': CONFIG, 'fout.md': 'Kijk op http://voorbeeldstad.example/afval.\n' });
    const { code, stdout } = await cli(['check', '--offline', '--format', 'github', '--report', 'sarif=out/b.sarif', '--report', 'html=out/kcc.html', '--report', 'junit=out/j.xml'], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^::error file=fout\.md,line=1,col=9,title=brieflint pretty-url::/m);
    const sarif = JSON.parse(readFileSync(join(dir, 'out/b.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'pretty-url', level: 'error' });
    expect(sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('dead-url');
    expect(readFileSync(join(dir, 'out/kcc.html'), 'utf8')).toContain('<html lang="nl"');
    expect(readFileSync(join(dir, 'out/j.xml'), 'utf8')).toContain('<failure');
  });

  it('rejects a malformed --report with exit code 2', async () => {
    const { code, stderr } = await cli(['check', '--offline', '--report', 'pdf=x.pdf']);
    expect(code).toBe(2);
    expect(stderr).toContain('onbekend formaat “pdf”');
  });

  it('--update-baseline records findings; later only new ones fail, and fixed ones are reported as stale', async () => {
    const dir = project({
      'brieflint.config.json': CONFIG,
      'a.md': 'Kijk op http://voorbeeldstad.example/afval.\n',
      'b.md': 'Kijk op voorbeeldstad.example/Parkeren.\n',
    });
    const first = await cli(['check', '--offline', '--update-baseline'], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('.brieflint-baseline.json');
    const baseline = JSON.parse(readFileSync(join(dir, '.brieflint-baseline.json'), 'utf8'));
    expect(baseline.entries.map((e: { file: string; rule: string }) => `${e.file} ${e.rule}`)).toEqual(['a.md pretty-url', 'b.md pretty-url']);

    // Move a's finding down a line (still suppressed), fix b (stale), add a new problem to b.
    writeFileSync(join(dir, 'a.md'), '\nKijk op http://voorbeeldstad.example/afval.\n');
    writeFileSync(join(dir, 'b.md'), 'Kijk op voorbeeldstad.example/parkeren of bit.ly/abc.\n');
    const next = await cli(['check', '--offline', '--baseline', '.brieflint-baseline.json', '--format', 'json'], dir);
    expect(next.code).toBe(1);
    const report = JSON.parse(next.stdout) as JsonReport;
    expect(report.files.flatMap((f) => f.findings.map((x) => `${f.path} ${x.url}`))).toEqual(['b.md https://bit.ly/abc']);
    expect(report.summary.suppressed).toBe(1);
    expect(next.stderr).toContain('1 baseline-regel(s) komen niet meer voor');
    expect(next.stderr).toContain('b.md: pretty-url https://voorbeeldstad.example/Parkeren');
  });

  it('a missing baseline file is exit code 2 with the path', async () => {
    const dir = project({ 'brieflint.config.json': CONFIG, 'a.md': GOOD });
    const { code, stderr } = await cli(['check', '--offline', '--baseline', 'weg.json'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain('baseline file not found');
  });
});

describe('what users get wrong', () => {
  const WARN = JSON.stringify({ domains: ['voorbeeldstad.example'], rules: { ...NO_KCC, 'pretty-url': 'warn' } });

  it('--quiet leaves warnings out of every format, and the summary still counts them', async () => {
    const dir = project({ 'brieflint.config.json': WARN, 'a.md': 'Kijk op http://voorbeeldstad.example/afval.\n' });
    const json = JSON.parse((await cli(['check', '--offline', '-q', '-f', 'json'], dir)).stdout) as JsonReport;
    expect(json.files.flatMap((f) => f.findings)).toEqual([]);
    expect(json.summary).toMatchObject({ warnings: 0, hiddenWarnings: 1 });
    const stylish = await cli(['check', '--offline', '-q', '--max-warnings', '0'], dir);
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain('✖ 1 probleem (0 fouten, 1 waarschuwing)');
    expect(stylish.stdout).toContain('1 waarschuwing(en) niet getoond (--quiet)');
  });

  it('JUnit fails warnings exactly when --max-warnings fails the run', async () => {
    const dir = project({ 'brieflint.config.json': WARN, 'a.md': 'Kijk op http://voorbeeldstad.example/afval.\n' });
    expect((await cli(['check', '--offline', '-f', 'junit', '--max-warnings', '0'], dir)).stdout).toContain('<failure');
    expect((await cli(['check', '--offline', '-f', 'junit', '--max-warnings', '1'], dir)).stdout).not.toContain('<failure');
  });

  it('a named briefing or ignored file is skipped, not linted as a letter (pre-commit)', async () => {
    const dir = project({
      'brieflint.config.json': JSON.stringify({ domains: ['voorbeeldstad.example'], ignore: ['archief/**'] }),
      'kcc/briefing.md': '---\nletters: [x]\n---\nTekst',
      'archief/oud.md': 'Kijk op http://elders.example/Oud.aspx',
    });
    const { code, stdout } = await cli(['check', 'kcc/briefing.md', 'archief/oud.md', '--offline'], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('2 genoemd(e) bestand(en) overgeslagen');
  });

  it('a path that does not exist is named and gives exit code 2; so is a report that cannot be written', async () => {
    const dir = project({ 'brieflint.config.json': CONFIG, 'a.md': GOOD, 'bestand': 'x' });
    const missing = await cli(['check', 'nope.md', '--offline', '-f', 'json'], dir);
    expect(missing.code).toBe(2);
    expect((JSON.parse(missing.stdout) as JsonReport).files).toEqual([expect.objectContaining({ path: 'nope.md', error: 'bestand of map bestaat niet' })]);
    const unwritable = await cli(['check', 'a.md', '--offline', '--report', 'html=bestand/kcc.html'], dir);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toBe(`brieflint: ${join(dir, 'bestand/kcc.html')}: cannot write the report: EEXIST\n`);
    const briefing = await cli(['briefing', 'weg.docx'], dir);
    expect(briefing.stderr).toBe('brieflint: weg.docx: bestand bestaat niet\n');
  });
});

describe('--shard and merge-reports', () => {
  it('4 shards check every letter exactly once, and their merged report equals a full run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brieflint-shard-'));
    const args = ['check', join(DEMO, 'brieven'), '--config', join(DEMO, 'brieflint.config.json'), '--offline', '--today', '2027-01-10'];
    const full = JSON.parse((await cli([...args, '--format', 'json'], dir)).stdout) as JsonReport;
    const parts: string[] = [];
    for (let i = 1; i <= 4; i++) {
      const out = join(dir, `part-${i}.json`);
      await cli([...args, '--shard', `${i}/4`, '--format', 'sarif', '--report', `json=${out}`], dir);
      parts.push(out);
    }
    const shards = parts.map((p) => JSON.parse(readFileSync(p, 'utf8')) as JsonReport);
    expect(shards.flatMap((r) => r.files.map((f) => f.path)).sort()).toEqual(full.files.map((f) => f.path));
    // Merged is exit 0 whatever the findings (so a CI step that uploads the result runs);
    // --fail-on-errors makes error-level findings exit 1.
    const merged = await cli(['merge-reports', ...parts], dir);
    expect(merged.code).toBe(0);
    expect((await cli(['merge-reports', '--fail-on-errors', ...parts], dir)).code).toBe(1);
    const report = JSON.parse(merged.stdout) as JsonReport;
    const sorted = (r: JsonReport) => ({ ...r.summary, skippedRules: [...(r.summary.skippedRules ?? [])].sort() });
    expect(sorted(report)).toEqual(sorted(full));
    expect(report.files.map((f) => [f.path, f.findings.length])).toEqual(full.files.map((f) => [f.path, f.findings.length]));
  });

  it('rejects a bad --shard and reports of mixed kinds', async () => {
    const bad = await cli(['check', '--shard', '5/4', '--offline']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--shard');
    const dir = project({ 'a.json': JSON.stringify({ version: '0.1.0', files: [], summary: { files: 0, errors: 0, warnings: 0, unreadable: 0 } }), 'b.sarif': JSON.stringify({ version: '2.1.0', runs: [] }) });
    const mixed = await cli(['merge-reports', 'a.json', 'b.sarif', '--lang', 'en'], dir);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('one kind');
  });
});
