/**
 * brieflint as a Unix tool: --max-warnings says why it fails and takes -1 (no limit); a closed
 * pipe (`check … | head`, `check -h | head`) ends quietly with the run's exit code.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, project } from './run.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEMO = join(ROOT, 'fixtures/demo');
const BIN = join(ROOT, 'bin/brieflint.js');

const NO_KCC = { 'kcc-briefing-missing': 'off', 'kcc-briefing-outdated': 'off', 'kcc-briefing-mismatch': 'off' };

describe('--max-warnings', () => {
  const WARN = JSON.stringify({ domains: ['voorbeeldstad.example'], rules: { ...NO_KCC, 'pretty-url': 'warn' } });
  const LETTER = 'Kijk op http://voorbeeldstad.example/afval en http://voorbeeldstad.example/gft.\n';

  it('says why the run fails', async () => {
    const dir = project({ 'brieflint.config.json': WARN, 'a.md': LETTER });
    const run = await cli(['check', '--offline', '--max-warnings', '1'], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('brieflint: te veel waarschuwingen: 2 (maximum 1, --max-warnings)\n');
    expect((await cli(['check', '--offline', '--max-warnings', '0', '--lang', 'en', '-f', 'json'], dir)).stderr).toBe(
      'brieflint: too many warnings: 2 (maximum 0, --max-warnings)\n',
    );
    const enough = await cli(['check', '--offline', '--max-warnings', '2'], dir);
    expect(enough).toMatchObject({ code: 0, stderr: '' });
  });

  it('accepts -1 as no limit (ESLint), and nothing below it', async () => {
    const dir = project({ 'brieflint.config.json': WARN, 'a.md': LETTER });
    expect(await cli(['check', '--offline', '--max-warnings', '-1'], dir)).toMatchObject({ code: 0, stderr: '' });
    const bad = await cli(['check', '--offline', '--max-warnings', '-2'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('verwacht een geheel getal ≥ 0, of -1 voor geen maximum');
  });
});

/** The built bin with its stdout closed before it writes: as `… | head` or `… | true`. */
function closedPipe(args: string[]): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: DEMO, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

describe('a closed pipe', () => {
  it('ends quietly with the exit code of the run (check | head, check -h | head)', async () => {
    const check = await closedPipe(['check', 'brieven', '--offline', '--today', '2027-01-10']);
    expect(check).toEqual({ status: 1, stderr: '' });
    const json = await closedPipe(['check', 'brieven/kwijtschelding-2027.md', '--offline', '--format', 'json', '--today', '2027-01-10']);
    expect(json).toEqual({ status: 0, stderr: '' });
    expect(await closedPipe(['check', '-h'])).toEqual({ status: 0, stderr: '' });
    expect(await closedPipe(['explain', 'pretty-url'])).toEqual({ status: 0, stderr: '' });
  });
});
