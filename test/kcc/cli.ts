/** The CLI in-process, and projects in temporary folders, for the KCC tests of whole runs. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildProgram } from '../../src/cli.js';
import type { JsonReport } from '../../src/report/types.js';

export async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  let code = 0;
  const program = buildProgram({ stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, isTTY: false, env: {} }, (c) => (code = c));
  await program.parseAsync(['node', 'brieflint', ...args]);
  return { code, stdout, stderr };
}

export function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'brieflint-kcc-run-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** `check … --offline --format json --today 2027-01-10`, parsed. */
export async function checkJson(args: string[], cwd: string) {
  const r = await cli([...args, '--offline', '--format', 'json', '--today', '2027-01-10'], cwd);
  return { ...r, report: JSON.parse(r.stdout) as JsonReport };
}
