/**
 * GitHub Actions workflow commands: each finding becomes an annotation on its line in the pull
 * request (`::error file=…,line=…,col=…,title=…::message`).
 *
 * Property values and data are escaped exactly as @actions/core does (escape.ts): data `%`, CR, LF;
 * properties additionally `:` and `,`. A message therefore always stays on one line, so letter text
 * can never start a workflow command of its own.
 *
 * .docx letters have no lines: their annotations name the file only and say the paragraph in the
 * message, in the report's language (src/report/position.ts). Findings without a position
 * annotate the file.
 */
import type { Lang } from '../types.js';
import type { JsonReport } from './types.js';
import { escapeGithubData, escapeGithubProperty } from './escape.js';
import { formatPosition, isDocxPath } from './position.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

function command(kind: string, props: Array<[string, string | number | undefined]>, message: string): string {
  const list = props
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeGithubProperty(v)}`)
    .join(',');
  return `::${kind}${list ? ` ${list}` : ''}::${escapeGithubData(message)}`;
}

const UNREADABLE = { nl: 'brieflint: onleesbare brief', en: 'brieflint: unreadable letter' };
const INVALID_BRIEFING = { nl: 'brieflint: ongeldige KCC-briefing', en: 'brieflint: invalid KCC briefing' };

export function formatGithub(report: JsonReport, lang: Lang = 'nl'): string {
  const lines: string[] = [];
  for (const file of report.files) {
    const docx = isDocxPath(file.path);
    if (file.error) {
      const line: Array<[string, string]> = file.errorAt?.line ? [['line', String(file.errorAt.line)]] : [];
      const title = file.kind === 'briefing' ? INVALID_BRIEFING[lang] : UNREADABLE[lang];
      lines.push(command('error', [['file', file.path], ...line, ['title', title]], file.error));
    }
    for (const f of file.findings) {
      const hasLine = f.line >= 1;
      const at = formatPosition('github', file.path, f, lang);
      let message = at ? `${at} ${f.message}` : f.message;
      if (f.hint) message += `\n${f.hint}`;
      lines.push(
        command(
          COMMAND[f.severity],
          [
            ['file', file.path],
            ['line', hasLine && !docx ? f.line : undefined],
            ['col', hasLine && !docx && f.column >= 1 ? f.column : undefined],
            ['title', `brieflint ${f.rule}`],
          ],
          message,
        ),
      );
    }
  }
  // What the run could not check (no domains, no DNS): a notice on the run, not on a file.
  for (const note of report.summary.notes ?? []) lines.push(command('notice', [['title', 'brieflint']], note.message));
  return lines.length ? `${lines.join('\n')}\n` : '';
}
