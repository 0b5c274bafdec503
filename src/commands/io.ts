/**
 * What every command shares: the exit codes, the I/O the commands write to (so the CLI can run
 * in-process in the tests), and how an expected failure becomes one line and exit code 2.
 */
import type { Lang } from '../types.js';
import { ConfigError } from '../config/index.js';
import { KnowledgeBaseError } from '../facts/kcc/errors.js';
import { LetterReadError } from '../letters/index.js';
import { NoFilesError } from '../files.js';
import { BaselineError } from '../baseline.js';

export const EXIT = { clean: 0, findings: 1, failure: 2 } as const;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  isTTY: boolean;
  /** The terminal's width, when stdout is one. */
  columns?: number;
  env: NodeJS.ProcessEnv;
  /** A terminal to show live-site progress on (stderr when it is a TTY and not CI). */
  progress?: NodeJS.WriteStream;
  /** Stops a long-running command (`serve`) when aborted; without it, Ctrl+C (SIGINT) or SIGTERM does. */
  signal?: AbortSignal;
  /** Ask the user a question and resolve to the answer; only when stdin and stdout are a terminal (`brieflint init`). */
  ask?: (question: string) => Promise<string>;
}

/** A report file that cannot be written stops the run with exit code 2 and names the file. */
export class ReportWriteError extends Error {}

/** The message for an error that stops the run (exit code 2), or undefined for a bug. */
function failureMessage(error: unknown, lang: Lang): string | undefined {
  if (error instanceof ConfigError) return error.reason[lang];
  if (error instanceof KnowledgeBaseError) return `${error.location}: ${error.reason[lang]}`;
  if (error instanceof LetterReadError) return `${error.path}: ${error.reason[lang]}`;
  if (error instanceof BaselineError || error instanceof ReportWriteError) return error.message;
  if (error instanceof NoFilesError) {
    return lang === 'nl'
      ? `geen brieven gevonden in ${error.message} (.docx, .md, .markdown, .txt)`
      : `no letters found in ${error.message} (.docx, .md, .markdown, .txt)`;
  }
  return undefined;
}

/** Run `body`; an expected failure is printed and becomes exit code 2. */
export async function guarded(io: Io, lang: Lang, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    const message = failureMessage(error, lang);
    if (message === undefined) throw error;
    io.stderr(`brieflint: ${message}\n`);
    return EXIT.failure;
  }
}

