import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang } from '../types.js';
import type { JsonFile, JsonQr, JsonReport } from './types.js';
import { visibleControls } from './escape.js';
import { formatPosition, type Position } from './position.js';
import { imageProblem } from '../images/problems.js';
import type { ImageFormat, ImageProblem } from '../types.js';
import { withoutHttps } from '../model/url.js';

export interface StylishOptions {
  lang: Lang;
  color: boolean;
  /** Only error-level findings, no references. */
  quiet: boolean;
}

const T = {
  nl: {
    error: 'fout',
    warning: 'waarschuwing',
    info: 'info',
    unreadable: 'kan niet gelezen worden',
    invalidBriefing: 'ongeldige KCC-briefing',
    urls: 'Webadressen',
    forms: 'Oproepen',
    phones: 'Telefoon',
    emails: 'E-mail',
    qr: 'QR-codes',
    images: 'Niet gelezen',
    payment: 'betaling',
    recipients: 'ontvangers',
    none: 'geen',
    problems: (n: number) => (n === 1 ? '1 probleem' : `${n} problemen`),
    errors: (n: number) => (n === 1 ? '1 fout' : `${n} fouten`),
    warnings: (n: number) => (n === 1 ? '1 waarschuwing' : `${n} waarschuwingen`),
    files: (n: number) => (n === 1 ? '1 bestand' : `${n} bestanden`),
    unreadableFiles: (n: number) => (n === 1 ? '1 bestand onleesbaar' : `${n} bestanden onleesbaar`),
    clean: 'Geen problemen gevonden',
    cleanButKnown: 'Geen nieuwe problemen',
    skipped: 'Niet gecontroleerd (geen gegevens, bijv. --offline)',
    suppressed: (n: number) => `${n} bekende bevinding(en) onderdrukt door de baseline`,
    hidden: (n: number) => `${n} waarschuwing(en) niet getoond (--quiet)`,
    ignored: (n: number) => `${n} genoemd(e) bestand(en) overgeslagen: config ignore of de KCC-map`,
    skippedFiles: (n: number) => `${n === 1 ? '1 bestand' : `${n} bestanden`} overgeslagen (geen .docx, .md of .txt)`,
    link: 'link',
    excluded: (by: string) => `uitgesloten door ${by}`,
  },
  en: {
    error: 'error',
    warning: 'warning',
    info: 'info',
    unreadable: 'cannot be read',
    invalidBriefing: 'invalid KCC briefing',
    urls: 'Web addresses',
    forms: 'Calls',
    phones: 'Phone',
    emails: 'E-mail',
    qr: 'QR codes',
    images: 'Not read',
    payment: 'payment',
    recipients: 'recipients',
    none: 'none',
    problems: (n: number) => (n === 1 ? '1 problem' : `${n} problems`),
    errors: (n: number) => (n === 1 ? '1 error' : `${n} errors`),
    warnings: (n: number) => (n === 1 ? '1 warning' : `${n} warnings`),
    files: (n: number) => (n === 1 ? '1 file' : `${n} files`),
    unreadableFiles: (n: number) => (n === 1 ? '1 file unreadable' : `${n} files unreadable`),
    clean: 'No problems found',
    cleanButKnown: 'No new problems',
    skipped: 'Not checked (facts not gathered, e.g. --offline)',
    suppressed: (n: number) => `${n} known finding(s) suppressed by the baseline`,
    hidden: (n: number) => `${n} warning(s) not shown (--quiet)`,
    ignored: (n: number) => `${n} named file(s) skipped: config ignore or the KCC folder`,
    skippedFiles: (n: number) => `${n === 1 ? '1 file' : `${n} files`} skipped (not .docx, .md or .txt)`,
    link: 'link',
    excluded: (by: string) => `excluded by ${by}`,
  },
} as const;

/** Terminal output for the webredacteur: per file what the letter sends people to, then findings. */
export function formatStylish(untrusted: JsonReport, options: StylishOptions): string {
  // Letter text, file names and server answers: control characters shown, never sent to the terminal.
  const report = visibleControls(untrusted);
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const t = T[options.lang];
  const out: string[] = [];
  for (const file of report.files) {
    const findings = options.quiet ? file.findings.filter((f) => f.severity === 'error') : file.findings;
    if (options.quiet && findings.length === 0 && !file.error) continue;
    out.push(c.underline(file.path) + describeLetter(file, t, c));
    if (file.error) {
      out.push(`  ${c.red(t.error)}  ${file.kind === 'briefing' ? t.invalidBriefing : t.unreadable}: ${file.error}`, '');
      continue;
    }
    if (!options.quiet) out.push(...describeReferences(file, t, c, options.lang));
    const position = (p: Position) => formatPosition('stylish', file.path, p, options.lang);
    const width = Math.max(0, ...findings.map((f) => position(f).length));
    for (const f of findings) {
      const sev = f.severity === 'error' ? c.red(t.error) : f.severity === 'warning' ? c.yellow(t.warning) : c.blue(t.info);
      const pad = ' '.repeat(Math.max(0, t.warning.length - t[f.severity].length));
      out.push(`  ${c.dim(position(f).padEnd(width))}  ${sev}${pad}  ${f.message}${f.hint ? c.dim(` (${f.hint})`) : ''}  ${c.dim(f.rule)}`);
    }
    out.push('');
  }
  out.push(summaryLine(report, t, c));
  return `${out.join('\n')}\n`;
}

type Texts = (typeof T)[Lang];

function describeLetter(file: JsonFile, t: Texts, c: ChalkInstance): string {
  const l = file.letter;
  if (!l) return '';
  const bits = [l.id, l.kenmerk, l.mailingDate, l.recipients !== undefined ? `${l.recipients} ${t.recipients}` : undefined].filter(Boolean);
  return c.dim(`  (${bits.join(' · ')})`);
}

function describeQr(q: JsonQr, t: Texts): string {
  if (q.href) return withoutHttps(q.href);
  if (q.kind === 'epc' && q.payment) return `${t.payment} ${[q.payment.amount, q.payment.name].filter(Boolean).join(' ')}`.trim();
  const text = q.payload.replace(/\s+/g, ' ').trim();
  return `${q.kind}: ${text.length > 40 ? `${text.slice(0, 39)}…` : text}`;
}

function describeReferences(file: JsonFile, t: Texts, c: ChalkInstance, lang: Lang): string[] {
  const { urls, forms, phones, emails } = file.references;
  const qr = file.references.qr ?? [];
  const images = file.references.images ?? [];
  const position = (p: Position) => formatPosition('stylish', file.path, p, lang);
  const rows: Array<[string, string[]]> = [
    [
      t.urls,
      urls.map((u) => {
        const excluded = u.excluded ?? u.typed?.excluded;
        const why = excluded ? ` ${c.dim(`(${t.excluded(excluded.by)})`)}` : '';
        return `${u.printed ?? `“${u.linkText ?? ''}”`}${u.linkText !== undefined && u.printed !== u.href ? ` → ${u.href}` : ''}${why} ${c.dim(position(u))}`;
      }),
    ],
    [t.forms, forms.map((f) => `“${f.text}” (${f.kind}) ${c.dim(position(f))}`)],
    [t.phones, phones.map((p) => `${p.printed} ${c.dim(position(p))}`)],
    [t.emails, emails.map((e) => `${e.address} ${c.dim(position(e))}`)],
    [t.qr, qr.map((q) => `${describeQr(q, t)} ${c.dim(position(q))}`)],
    // Images that may hold a code brieflint could not read: said, never passed silently.
    [t.images, images.map((i) => `${i.image} (${imageProblem(i.reason as ImageProblem, i.format as ImageFormat)[lang]}) ${c.dim(position(i))}`)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows
    .filter(([, items]) => items.length > 0)
    .map(([label, items]) => `  ${c.cyan(`${label}:`.padEnd(width + 1))} ${items.join(', ')}`);
}

function summaryLine(report: JsonReport, t: Texts, c: ChalkInstance): string {
  const s = report.summary;
  const lines: string[] = [];
  const warnings = s.warnings + (s.hiddenWarnings ?? 0); // --quiet hides them, the count stays true
  const problems = s.errors + warnings;
  if (problems === 0 && s.unreadable === 0) {
    // With a baseline, "no problems" would not be true: the known ones are still there.
    lines.push(c.green(`✔ ${s.suppressed ? t.cleanButKnown : t.clean} (${t.files(s.files)})`));
  } else {
    const parts = [t.errors(s.errors), t.warnings(warnings)];
    if (s.unreadable) parts.push(t.unreadableFiles(s.unreadable));
    const color = s.errors || s.unreadable ? c.red : c.yellow;
    lines.push(color(`✖ ${t.problems(problems)} (${parts.join(', ')}) — ${t.files(s.files)}`));
  }
  if (s.suppressed) lines.push(c.dim(t.suppressed(s.suppressed)));
  if (s.hiddenWarnings) lines.push(c.dim(t.hidden(s.hiddenWarnings)));
  if (s.ignored) lines.push(c.dim(t.ignored(s.ignored)));
  if (s.skippedFiles?.length) lines.push(c.dim(`${t.skippedFiles(s.skippedFiles.length)}: ${s.skippedFiles.join(', ')}`));
  if (s.skippedRules?.length) lines.push(c.yellow(`${t.skipped}: ${s.skippedRules.join(', ')}`));
  for (const note of s.notes ?? []) lines.push(c.yellow(note.message));
  return lines.join('\n');
}
