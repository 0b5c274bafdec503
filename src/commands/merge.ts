/** `brieflint merge-reports`: the JSON or SARIF reports of sharded runs as one. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { JsonReport } from '../report/types.js';
import type { Lang } from '../types.js';
import { checkReportShape, MergeError, mergeJsonReports, mergeSarif, reportKind } from '../merge.js';
import { safeJson } from '../report/escape.js';
import { EXIT, type Io } from './io.js';

export interface MergeFlags {
  format?: 'json' | 'sarif';
  failOnErrors?: boolean;
  lang?: Lang;
}

/**
 * One exit-code rule for every format: 0 when the reports were merged, 2 when they could not be;
 * with --fail-on-errors, 1 when the merged report holds error-level findings (or unreadable letters).
 */
export async function mergeReports(files: string[], flags: MergeFlags, io: Io): Promise<number> {
  const lang = flags.lang ?? 'nl';
  const inputs: unknown[] = [];
  for (const file of files) {
    try {
      inputs.push(JSON.parse(await readFile(resolve(io.cwd, file), 'utf8')));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.stderr(`brieflint: ${file}: ${code ?? (lang === 'nl' ? 'geen geldige JSON' : 'not valid JSON')}\n`);
      return EXIT.failure;
    }
  }
  const kinds = new Set(inputs.map(reportKind));
  const kind = kinds.size === 1 ? [...kinds][0] : undefined;
  if (!kind || (flags.format && flags.format !== kind)) {
    const asked = flags.format ? (lang === 'nl' ? ` (gevraagd: ${flags.format})` : ` (asked for ${flags.format})`) : '';
    io.stderr(
      lang === 'nl'
        ? `brieflint: merge-reports voegt bestanden van één soort samen: alle brieflint-JSON of alle SARIF${asked}\n`
        : `brieflint: merge-reports needs files of one kind, all brieflint JSON or all SARIF${asked}\n`,
    );
    return EXIT.failure;
  }
  // Valid JSON of the wrong shape is named by file and field (exit 2), never a TypeError.
  let wrong = false;
  inputs.forEach((input, i) => {
    const problem = checkReportShape(input, kind);
    if (!problem) return;
    wrong = true;
    io.stderr(`brieflint: ${files[i]}: ${problem[lang]}\n`);
  });
  if (wrong) return EXIT.failure;
  const onNote = (note: string) => io.stderr(`brieflint: ${note}\n`);
  try {
    if (kind === 'sarif') {
      const merged = mergeSarif(inputs as object[], { onNote });
      io.stdout(`${safeJson(merged, 2)}\n`);
      return flags.failOnErrors && sarifHasErrors(merged) ? EXIT.findings : EXIT.clean;
    }
    const merged = mergeJsonReports(inputs as JsonReport[], { onNote });
    io.stdout(`${safeJson(merged, 2)}\n`);
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

