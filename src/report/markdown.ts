/**
 * A Markdown summary for `$GITHUB_STEP_SUMMARY` or a merge request comment: the totals, a table of
 * letters with their errors and warnings, then the findings. Every piece of letter text goes through
 * escapeMarkdown (`|`, `<`, `*`, `[` … cannot break the table or become markup). Status is given as
 * an icon and a word, never by colour alone.
 */
import type { Lang } from '../types.js';
import type { JsonReport } from './types.js';
import { escapeMarkdown as md } from './escape.js';
import { formatPosition } from './position.js';

export interface MarkdownOptions {
  /** At most this many finding rows (GitHub caps a step summary at 1 MiB). Default 500. */
  maxFindings?: number;
}

const T = {
  nl: {
    title: 'brieflint',
    ok: '✅ Geen fouten',
    errors: (n: number) => `❌ ${n} ${n === 1 ? 'fout' : 'fouten'}`,
    warnings: (n: number) => `${n} ${n === 1 ? 'waarschuwing' : 'waarschuwingen'}`,
    letters: (n: number) => `${n} ${n === 1 ? 'brief' : 'brieven'} gecontroleerd`,
    unreadable: (n: number) => `${n} niet te lezen`,
    suppressed: (n: number) => `${n} onderdrukt door de baseline`,
    skipped: 'Niet uitgevoerd (geen gegevens, bijvoorbeeld --offline)',
    letter: 'Brief',
    status: 'Status',
    errorsCol: 'Fouten',
    warningsCol: 'Waarschuwingen',
    findings: 'Bevindingen',
    severity: 'Ernst',
    where: 'Plaats',
    rule: 'Regel',
    message: 'Melding',
    sev: { error: '❌ fout', warning: '⚠️ waarschuwing', info: 'ℹ️ info' },
    statusText: { error: '❌ fouten', warning: '⚠️ waarschuwingen', ok: '✅ in orde', unreadable: '❌ niet te lezen' },
    more: (n: number) => `… en nog ${n} ${n === 1 ? 'bevinding' : 'bevindingen'} (zie het volledige rapport).`,
    none: 'Geen bevindingen.',
  },
  en: {
    title: 'brieflint',
    ok: '✅ No errors',
    errors: (n: number) => `❌ ${n} ${n === 1 ? 'error' : 'errors'}`,
    warnings: (n: number) => `${n} ${n === 1 ? 'warning' : 'warnings'}`,
    letters: (n: number) => `${n} ${n === 1 ? 'letter' : 'letters'} checked`,
    unreadable: (n: number) => `${n} unreadable`,
    suppressed: (n: number) => `${n} suppressed by the baseline`,
    skipped: 'Not run (facts not gathered, e.g. --offline)',
    letter: 'Letter',
    status: 'Status',
    errorsCol: 'Errors',
    warningsCol: 'Warnings',
    findings: 'Findings',
    severity: 'Severity',
    where: 'Where',
    rule: 'Rule',
    message: 'Message',
    sev: { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' },
    statusText: { error: '❌ errors', warning: '⚠️ warnings', ok: '✅ ok', unreadable: '❌ unreadable' },
    more: (n: number) => `… and ${n} more ${n === 1 ? 'finding' : 'findings'} (see the full report).`,
    none: 'No findings.',
  },
} as const;

export function formatMarkdown(report: JsonReport, lang: Lang = 'nl', options: MarkdownOptions = {}): string {
  const t = T[lang];
  const max = options.maxFindings ?? 500;
  const s = report.summary;
  const out: string[] = [];

  out.push(`## ${t.title}`, '');
  const parts = [s.errors > 0 ? `**${t.errors(s.errors)}**` : `**${t.ok}**`, t.warnings(s.warnings), t.letters(s.files)];
  if (s.unreadable) parts.push(t.unreadable(s.unreadable));
  if (s.suppressed) parts.push(t.suppressed(s.suppressed));
  out.push(parts.join(' · '), '');
  if (s.skippedRules?.length) out.push(`${t.skipped}: ${s.skippedRules.map(md).join(', ')}`, '');
  for (const note of s.notes ?? []) out.push(`⚠️ ${md(note.message)}`, '');

  if (report.files.length) {
    out.push(`| ${t.letter} | ${t.status} | ${t.errorsCol} | ${t.warningsCol} |`, '|---|---|---:|---:|');
    for (const file of report.files) {
      const e = file.findings.filter((f) => f.severity === 'error').length;
      const w = file.findings.filter((f) => f.severity === 'warning').length;
      const status = file.error ? 'unreadable' : e ? 'error' : w ? 'warning' : 'ok';
      out.push(`| ${md(file.path)} | ${t.statusText[status]} | ${e} | ${w} |`);
    }
    out.push('');
  }

  const rows: string[] = [];
  let total = 0;
  for (const file of report.files) {
    if (file.error) {
      total += 1;
      if (rows.length < max) rows.push(`| ${t.sev.error} | ${md(file.path)} |  |  | ${md(file.error)} |`);
    }
    for (const f of file.findings) {
      total += 1;
      if (rows.length >= max) continue;
      const loc = formatPosition('short', file.path, f, lang);
      const message = f.hint ? `${md(f.message)}<br>${md(f.hint)}` : md(f.message);
      rows.push(`| ${t.sev[f.severity]} | ${md(file.path)} | ${md(loc)} | ${md(f.rule)} | ${message} |`);
    }
  }
  out.push(`### ${t.findings}`, '');
  if (total === 0) {
    out.push(t.none, '');
  } else {
    out.push(`| ${t.severity} | ${t.letter} | ${t.where} | ${t.rule} | ${t.message} |`, '|---|---|---|---|---|', ...rows, '');
    if (total > rows.length) out.push(t.more(total - rows.length), '');
  }
  return out.join('\n');
}
