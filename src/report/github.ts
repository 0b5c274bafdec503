/**
 * GitHub Actions workflow commands: each finding becomes an annotation on its line in the pull
 * request (`::error file=…,line=…,col=…,title=…::message`).
 *
 * Property values and data are escaped exactly as @actions/core does (escape.ts): data `%`, CR, LF;
 * properties additionally `:` and `,`. A message therefore always stays on one line, so letter text
 * can never start a workflow command of its own.
 *
 * .docx letters have no lines: their annotations name the file only and say the paragraph in the
 * message. Findings without a position annotate the file.
 */
import type { JsonReport } from './types.js';
import { escapeGithubData, escapeGithubProperty } from './escape.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

function command(kind: string, props: Array<[string, string | number | undefined]>, message: string): string {
  const list = props
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeGithubProperty(v)}`)
    .join(',');
  return `::${kind}${list ? ` ${list}` : ''}::${escapeGithubData(message)}`;
}

export function formatGithub(report: JsonReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    const docx = /\.docx$/i.test(file.path);
    if (file.error) {
      const line: Array<[string, string]> = file.errorAt?.line ? [['line', String(file.errorAt.line)]] : [];
      const title = file.kind === 'briefing' ? 'brieflint: invalid KCC briefing' : 'brieflint: unreadable letter';
      lines.push(command('error', [['file', file.path], ...line, ['title', title]], file.error));
    }
    for (const f of file.findings) {
      const hasLine = f.line >= 1;
      let message = f.message;
      if (docx && hasLine) {
        const part = f.part && f.part !== 'body' ? ` (${f.part})` : '';
        message = `[paragraph ${f.line}${part}${f.column >= 1 ? `, character ${f.column}` : ''}] ${message}`;
      }
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
  return lines.length ? `${lines.join('\n')}\n` : '';
}
