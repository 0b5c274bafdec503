/**
 * The real process's I/O for the commands. A reader that stops early (`brieflint check … | head`,
 * `check -h | head`, `| true`) closes the pipe: the writes after that are dropped and the run ends
 * with its own exit code, quietly, like any Unix tool (no EPIPE stack trace).
 */
import type { Io } from './io.js';

/** A write function for `stream` that stops writing, without an error, once its reader is gone. */
export function pipeSafe(stream: NodeJS.WriteStream): (s: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    throw error;
  });
  return (s) => {
    if (closed || stream.destroyed) return;
    stream.write(s);
  };
}

export function processIo(): Io {
  return {
    stdout: pipeSafe(process.stdout),
    stderr: pipeSafe(process.stderr),
    cwd: process.cwd(),
    isTTY: !!process.stdout.isTTY,
    ...(process.stdout.isTTY && process.stdout.columns ? { columns: process.stdout.columns } : {}),
    env: process.env,
    ...(process.stderr.isTTY && !process.env.CI ? { progress: process.stderr } : {}),
    ...(process.stdin.isTTY && process.stdout.isTTY ? { ask } : {}),
  };
}

/** One question on the terminal (`brieflint init` asks for the domains). */
async function ask(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}
