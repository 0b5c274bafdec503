/**
 * `check --jobs N`: letters parsed on N threads, the main one and N − 1 workers (read → images → extract, src/read/one.ts)
 * while the main thread gathers facts and runs the rules. Results come back per letter; the engine
 * takes them in the order of the letters, so a run gives the same report with any N.
 *
 * A worker that cannot start or that dies is not a failed run: its letters, and every letter
 * after it, are parsed in the main thread.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ManifestEntry } from '../config/types.js';
import type { FoundFile } from '../files.js';
import type { Message } from '../types.js';
import type { RunOptions } from '../check.js';
import { PACKAGE_ROOT } from '../paths.js';
import { parseOne, type ReadOutcome } from '../read/one.js';

export interface ParseJob {
  id: number;
  file: FoundFile;
  data: Uint8Array;
}

/** Fewer letters than this per worker and starting workers (about 0.2 s each) costs more than it saves. */
export const LETTERS_PER_WORKER = 100;

/**
 * --jobs when not given: 1, the main thread alone. On the 2-core bench machine a worker gave no gain
 * (0.90–1.08× of --jobs 1, about 50 MB more memory; README, "Speed and scale"), so threads are
 * asked for, not assumed.
 */
export const DEFAULT_JOBS = 1;

/**
 * How many workers a run over `letters` letters starts for --jobs `jobs`: the main thread is one of
 * the `jobs` threads that parse, so at most jobs − 1; 0 means the main thread parses alone.
 */
export function workersFor(jobs: number, letters: number): number {
  if (jobs <= 1) return 0;
  return Math.min(jobs - 1, Math.floor(letters / LETTERS_PER_WORKER));
}

/** Letters queued on one worker before the main thread parses the next one itself. */
const QUEUE_PER_WORKER = 8;

/** The worker's script: next to this module when built (dist/src/workers, or the bundle), else the built copy (tests run sources). */
function workerScript(): string | undefined {
  const here = fileURLToPath(new URL('./parse-worker.js', import.meta.url));
  if (existsSync(here)) return here;
  const built = join(PACKAGE_ROOT, 'dist', 'src', 'workers', 'parse-worker.js');
  return existsSync(built) ? built : undefined;
}

export class ParsePool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, { resolve(outcome: ReadOutcome): void; job: ParseJob; worker: Worker }>();
  private readonly load = new Map<Worker, number>();
  private nextId = 0;
  private broken = false;

  constructor(
    count: number,
    private readonly config: { root: string; manifest: ManifestEntry[] },
  ) {
    const script = workerScript();
    if (!script) {
      this.broken = true;
      return;
    }
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script, { workerData: { root: config.root, manifest: config.manifest } });
      worker.unref();
      worker.on('message', ({ id, outcome }: { id: number; outcome: ReadOutcome }) => {
        const p = this.pending.get(id);
        if (!p) return;
        this.pending.delete(id);
        this.load.set(worker, (this.load.get(worker) ?? 1) - 1);
        p.resolve(outcome);
      });
      const fail = () => this.fail(worker);
      worker.on('error', fail);
      worker.on('exit', fail);
      this.workers.push(worker);
      this.load.set(worker, 0);
    }
  }

  /** Worker threads started (0: the script was not found, letters are parsed in the main thread). */
  get size(): number {
    return this.workers.length;
  }

  /** Parse one letter on the least busy worker (in the main thread once a worker has failed). */
  parse(file: FoundFile, data: Buffer): Promise<ReadOutcome> {
    const alive = this.workers.filter((w) => this.load.has(w));
    if (this.broken || alive.length === 0) return parseOne(file, data, this.config);
    const worker = alive.reduce((a, b) => ((this.load.get(b) ?? 0) < (this.load.get(a) ?? 0) ? b : a));
    // The main thread parses too, when every worker has enough queued.
    if ((this.load.get(worker) ?? 0) >= QUEUE_PER_WORKER) return parseOne(file, data, this.config);
    const job: ParseJob = { id: this.nextId++, file: { absolute: file.absolute, display: file.display }, data };
    this.load.set(worker, (this.load.get(worker) ?? 0) + 1);
    return new Promise((resolve) => {
      this.pending.set(job.id, { resolve, job, worker });
      worker.postMessage(job);
    });
  }

  /** A worker failed or ended: its letters are parsed here, and no further letter goes to a worker. */
  private fail(worker: Worker): void {
    if (!this.load.has(worker)) return;
    this.load.delete(worker);
    this.broken = true;
    for (const [id, p] of this.pending) {
      if (p.worker !== worker) continue;
      this.pending.delete(id);
      void parseOne(p.job.file, Buffer.from(p.job.data), this.config).then(p.resolve);
    }
  }

  /** Stop the workers (after the last letter). */
  async close(): Promise<void> {
    const workers = [...this.workers];
    for (const w of workers) this.load.delete(w);
    await Promise.all(workers.map((w) => w.terminate().catch(() => undefined)));
  }
}

/**
 * The read-ahead's loader for a run with workers: read the bytes here, then hand the letter to a
 * worker at once (or take it from the letter cache), so that several letters are parsed while the
 * engine takes the results in order.
 */
export function parsingLoader(
  pool: ParsePool,
  load: (file: FoundFile) => Promise<{ data: Buffer } | { error: Message }>,
  letterCache?: RunOptions['letterCache'],
) {
  return async (file: FoundFile) => {
    const loaded = await load(file);
    if ('error' in loaded) return loaded;
    const parse = () => pool.parse(file, loaded.data);
    return { data: loaded.data, outcome: letterCache ? letterCache.outcome(file, loaded.data, parse) : parse() };
  };
}
