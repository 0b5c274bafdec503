/** Running the CLI in-process, and projects in temp folders, for the command tests. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProgram } from '../../src/cli.js';
import type { Io } from '../../src/commands/io.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run the CLI in-process in `cwd`, as main() runs it (a commander error is exit code 2); resolves
 * to exit code, stdout, stderr. `io` sets the rest of the Io (isTTY, columns, ask, …) where a test needs it.
 */
export async function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, io: Partial<Io> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  let code = 0;
  const program = buildProgram(
    { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, isTTY: false, env, ...io },
    (c) => (code = c),
  );
  try {
    await program.parseAsync(['node', 'brieflint', ...args]);
  } catch (e) {
    code = (e as { code?: string }).code === 'commander.helpDisplayed' || (e as { code?: string }).code === 'commander.version' ? 0 : 2;
  }
  return { code, stdout, stderr };
}

/** A folder in tmp with these files (paths relative to it); empty when none are given. */
export function project(files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'brieflint-cmd-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** The KCC rules off: these tests are about other things. */
export const NO_KCC = { 'kcc-briefing-missing': 'off', 'kcc-briefing-outdated': 'off', 'kcc-briefing-mismatch': 'off' } as const;
