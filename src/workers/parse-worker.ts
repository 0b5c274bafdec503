/**
 * A worker thread of `check --jobs N`: parses the letters the main thread sends (bytes in, letter
 * and references out), exactly as the main thread would (src/read/one.ts parseOne).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseOne } from '../read/one.js';
import type { ParseJob } from './pool.js';
import type { ManifestEntry } from '../config/types.js';

const config = workerData as { root: string; manifest: ManifestEntry[] };
parentPort!.on('message', async (job: ParseJob) => {
  const outcome = await parseOne(job.file, Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength), config, { keepText: false });
  parentPort!.postMessage({ id: job.id, outcome });
});
