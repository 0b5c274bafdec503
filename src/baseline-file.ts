/** The baseline file on disk: read and checked, written atomically. The baseline itself: baseline.ts. */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { BaselineError, parseBaseline, serializeBaseline, type Baseline } from './baseline.js';

export async function readBaseline(path: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new BaselineError(path, `baseline file not found: ${path} (create it with --update-baseline)`, { cause: err });
    }
    throw new BaselineError(path, `could not read baseline ${path}: ${(err as Error).message}`, { cause: err });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BaselineError(path, `${path}: not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  return parseBaseline(data, path);
}

/** Written atomically (temp file + rename), parent folders created. */
export async function writeBaseline(path: string, baseline: Baseline): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(tmp, serializeBaseline(baseline), 'utf8');
    await rename(tmp, path);
  } catch (err) {
    throw new BaselineError(path, `could not write baseline ${path}: ${(err as Error).message}`, { cause: err });
  }
}
