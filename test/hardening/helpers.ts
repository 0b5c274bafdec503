import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProgram } from '../../src/cli.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin/brieflint.js');

/** Run the CLI in-process, as the bin does; resolves to exit code, stdout, stderr. */
export async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  let code = 0;
  const program = buildProgram(
    { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), cwd, isTTY: false, env: {} },
    (c) => (code = c),
  );
  try {
    await program.parseAsync(['node', 'brieflint', ...args]);
  } catch (e) {
    code = (e as { code?: string }).code === 'commander.helpDisplayed' ? 0 : 2;
  }
  return { code, stdout, stderr };
}

/** A temporary project folder holding these files (paths relative to it). */
export function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'brieflint-hard-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** The KCC rules are tested with a knowledge base elsewhere: these projects have none. */
export const NO_KCC = { 'kcc-briefing-missing': 'off', 'kcc-briefing-outdated': 'off', 'kcc-briefing-mismatch': 'off' } as const;

export const GOOD_LETTER = '---\nid: goed\n---\n\nVraag het aan op voorbeeldstad.example/afval. Bel 14 0123.\n';
