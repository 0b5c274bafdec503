/** Running the CLI in-process, and projects in temp folders, for the command tests. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../../src/cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI in-process in `cwd`; resolves to exit code, stdout, stderr. */
export async function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  let code = 0;
  const program = buildProgram(
    { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, isTTY: false, env },
    (c) => (code = c),
  );
  try {
    await program.parseAsync(['node', 'brieflint', ...args]);
  } catch (e) {
    code = (e as { code?: string }).code === 'commander.helpDisplayed' || (e as { code?: string }).code === 'commander.version' ? 0 : 2;
  }
  return { code, stdout, stderr };
}

/** A folder in tmp with these files (paths relative to it). */
export function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'brieflint-cmd-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** The KCC rules off: these tests are about other things. */
export const NO_KCC = { 'kcc-briefing-missing': 'off', 'kcc-briefing-outdated': 'off', 'kcc-briefing-mismatch': 'off' } as const;
