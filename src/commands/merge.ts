/** `brieflint merge-reports`: the JSON or SARIF reports of sharded runs as one. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { JsonReport } from '../report/types.js';
import { MergeError, mergeJsonReports, mergeSarif, reportKind } from '../merge.js';
import { EXIT, type Io } from './io.js';

export interface MergeFlags {
  format?: 'json' | 'sarif';
  failOnErrors?: boolean;
}

/**
 * One exit-code rule for every format: 0 when the reports were merged, 2 when they could not be;
 * with --fail-on-errors, 1 when the merged report holds error-level findings (or unreadable letters).
 */
export async function mergeReports(files: string[], flags: MergeFlags, io: Io): Promise<number> {
  const inputs: unknown[] = [];
  for (const file of files) {
    try {
      inputs.push(JSON.parse(await readFile(resolve(io.cwd, file), 'utf8')));
    } catch (error) {
      io.stderr(`brieflint: ${file}: ${(error as NodeJS.ErrnoException).code ?? 'not valid JSON'}\n`);
      return EXIT.failure;
    }
  }
  const kinds = new Set(inputs.map(reportKind));
  const kind = kinds.size === 1 ? [...kinds][0] : undefined;
  if (!kind || (flags.format && flags.format !== kind)) {
    io.stderr(`brieflint: merge-reports needs files of one kind, all brieflint JSON or all SARIF${flags.format ? ` (asked for ${flags.format})` : ''}\n`);
    return EXIT.failure;
  }
  const onNote = (note: string) => io.stderr(`brieflint: ${note}\n`);
  try {
    if (kind === 'sarif') {
      const merged = mergeSarif(inputs as object[], { onNote });
      io.stdout(`${JSON.stringify(merged, null, 2)}\n`);
      return flags.failOnErrors && sarifHasErrors(merged) ? EXIT.findings : EXIT.clean;
    }
    const merged = mergeJsonReports(inputs as JsonReport[], { onNote });
    io.stdout(`${JSON.stringify(merged, null, 2)}\n`);
    return flags.failOnErrors && (merged.summary.errors > 0 || merged.summary.unreadable > 0) ? EXIT.findings : EXIT.clean;
  } catch (error) {
    if (error instanceof MergeError) {
      io.stderr(`brieflint: ${error.message}\n`);
      return EXIT.failure;
    }
    throw error;
  }
}

/** Whether a SARIF log holds a result at level error (the default level of a result is warning). */
function sarifHasErrors(log: object): boolean {
  const runs = (log as { runs?: Array<{ results?: Array<{ level?: string }> }> }).runs ?? [];
  return runs.some((r) => (r.results ?? []).some((x) => x.level === 'error'));
}

