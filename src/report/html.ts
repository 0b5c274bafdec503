/**
 * The KCC page: one self-contained HTML file for the klantcontactcentrum lead.
 *
 * Every mailing that is coming, sorted by mailing date: title, kenmerk, date, recipients, what the
 * reader must do, each URL as printed and where it lands, the form behind it, the KCC briefing, and
 * the findings. A header with totals, a CSS-only filter (radio buttons + :has(); no JavaScript), an
 * A4 print stylesheet, WCAG 2.1 AA (landmarks, headings, table headers, contrast, icon + word for
 * every status). A Content-Security-Policy forbids every script and external load.
 *
 * Letter text is untrusted: it only reaches the page through the auto-escaping `html` tag.
 */
import type { Lang } from '../types.js';
import type { JsonFile, JsonFinding, JsonQr, JsonReport, JsonUrl } from './types.js';
import { imageProblem } from '../images/problems.js';
import type { ImageFormat, ImageProblem } from '../types.js';
import { safeHref } from './escape.js';
import { html, trusted, type SafeHtml } from './html-template.js';
import { STRINGS, type Strings } from './html-i18n.js';
import { CSS, ICONS } from './html-style.js';
import { formatPosition } from './position.js';
import { withoutHttps } from '../model/url.js';

export interface HtmlOptions {
  /** ISO date-time of the run, shown in the header. */
  generatedAt?: string;
  /** The run's today (YYYY-MM-DD; `--today`): decides which mailings are past, and is the date shown. */
  today?: string;
  /** Days after the mailing date a mailing is still "in circulation" (kcc-briefing-outdated's option). */
  minDaysAfterMailing?: number;
  /**
   * How a briefing's path becomes a link: relative to the page (`pageDir`, absolute; `briefingRoot`
   * is the folder briefing paths are relative to, the config's), or `linkBase` + path for a share or intranet.
   */
  pageDir?: string;
  briefingRoot?: string;
  linkBase?: string;
}

export type LetterStatus = 'error' | 'warning' | 'ok';
export type BriefingState = 'covered' | 'mismatch' | 'draft' | 'outdated' | 'missing' | 'unknown';
export type Tone = 'error' | 'warning' | 'ok' | 'na';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function letterStatus(file: JsonFile): LetterStatus {
  if (file.error || file.findings.some((f) => f.severity === 'error')) return 'error';
  if (file.findings.some((f) => f.severity === 'warning')) return 'warning';
  return 'ok';
}

/**
 * What the facts say about the briefing (`briefing.state`): covered, differs from the letter, a
 * draft, outdated, missing — whatever findings a baseline, --quiet or a disabled rule left out.
 * `unknown` when the KCC was not checked. A report without `state` (from an older brieflint) falls
 * back on the kcc-* findings.
 */
export function briefingState(file: JsonFile): BriefingState {
  const b = file.briefing;
  if (b === null) return 'missing';
  if (b?.state) {
    if (b.state === 'draft') return 'draft';
    if (b.state !== 'current') return 'outdated';
    return (b.mismatches ?? 0) > 0 ? 'mismatch' : 'covered';
  }
  const has = (rule: string) => file.findings.some((f) => f.rule === rule);
  if (has('kcc-briefing-missing') || file.briefing === null) return 'missing';
  if (has('kcc-briefing-outdated')) return 'outdated';
  if (file.briefing) return has('kcc-briefing-mismatch') ? 'mismatch' : 'covered';
  if (has('kcc-briefing-mismatch')) return 'mismatch';
  return 'unknown';
}

interface View {
  file: JsonFile;
  anchor: string;
  title: string;
  status: LetterStatus;
  errors: number;
  warnings: number;
  briefing: BriefingState;
  date?: string;
}

export const BRIEFING_TONE: Record<BriefingState, Tone> = {
  covered: 'ok',
  mismatch: 'warning',
  draft: 'error',
  outdated: 'error',
  missing: 'error',
  unknown: 'na',
};
export const TONE_ICON: Record<Tone, SafeHtml> = { error: ICONS.error, warning: ICONS.warning, ok: ICONS.ok, na: ICONS.na };

export function badge(tone: Tone, text: string, icon: SafeHtml = TONE_ICON[tone]): SafeHtml {
  return html`<span class="badge s-${tone}">${icon}<span>${text}</span></span>`;
}

export function status(tone: Tone, text: string, icon: SafeHtml = TONE_ICON[tone]): SafeHtml {
  return html`<span class="st s-${tone}">${icon}<span>${text}</span></span>`;
}

export function formatDate(iso: string | undefined, t: Strings, long = false): string | undefined {
  if (!iso) return undefined;
  if (!ISO_DATE.test(iso)) return iso;
  const d = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(t.locale, {
    ...(long ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

function formatDateTime(iso: string | undefined, t: Strings): string | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(t.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(d);
}

export function formatNumber(n: number, t: Strings): string {
  return new Intl.NumberFormat(t.locale).format(n);
}

export function where(path: string, at: { line: number; part?: string | undefined }, t: Strings): string {
  return formatPosition('page', path, { line: at.line, column: 0, part: at.part }, t.lang);
}

export function link(url: string | undefined, text: string): SafeHtml {
  const href = safeHref(url);
  return href ? html`<a href="${href}" rel="noopener noreferrer">${text}</a>` : html`${text}`;
}

// ---------------------------------------------------------------------------------------------

function loginProvider(u: JsonUrl): string | undefined {
  const hops = (u.result?.chain ?? []).flatMap((h) => [h.url, h.location ?? '']).concat(u.result?.finalUrl ?? '');
  const text = hops.join(' ').toLowerCase();
  if (/(^|[/.])digid\.nl\b/.test(text)) return 'digid';
  if (/eherkenning/.test(text)) return 'eherkenning';
  if (/eidas/.test(text)) return 'eidas';
  return undefined;
}

/** While a live check is still running (`serve`), an address without a result is being checked, not unchecked. */
export interface Pending {
  site?: boolean;
  forms?: boolean;
}

export function urlResult(u: JsonUrl, t: Strings, pending: Pending = {}): SafeHtml {
  const r = u.result;
  if (u.excluded) return status('na', t.url.excluded(u.excluded.by));
  if (!r) return pending.site ? status('na', t.url.checking, ICONS.pending) : status('na', t.url.unchecked);
  const tone: Tone =
    r.kind === 'ok' || r.kind === 'protected' ? 'ok' : r.kind === 'unverifiable' ? 'warning' : 'error';
  let label: string = t.url[r.kind];
  const provider = r.kind === 'protected' ? loginProvider(u) : undefined;
  if (provider) label += ` (${t.login[provider]})`;
  const details: string[] = [];
  if (r.status !== undefined) details.push(`${t.url.status} ${r.status}`);
  const redirects = r.chain.filter((h) => h.location).length;
  if (redirects > 0) details.push(t.url.redirects(redirects));
  if (r.error) details.push(r.error);
  return html`${status(tone, label, r.kind === 'protected' ? ICONS.lock : TONE_ICON[tone])}${
    details.length ? html`<span class="detail">${details.join(' · ')}</span>` : ''
  }`;
}

export function landsOn(u: JsonUrl, t: Strings): SafeHtml {
  const final = u.result?.finalUrl;
  if (!final) return html`<span class="detail">—</span>`;
  if (final === u.href) return html`<span class="detail">${t.url.same}</span>`;
  return html`<span class="mono">${link(final, final)}</span>`;
}

export function formTone(state: string, t: Strings): { tone: Tone; label: string } {
  const s = state.toLowerCase();
  if (/^(active|open|ok|available|accepting)$/.test(s)) return { tone: 'ok', label: t.form.open };
  if (/login/.test(s)) return { tone: 'ok', label: t.form.login };
  if (/maint/.test(s)) return { tone: 'error', label: t.form.maintenance };
  if (/limit|full/.test(s)) return { tone: 'error', label: t.form.full };
  if (/inactive|disabled|switched|off\b/.test(s)) return { tone: 'error', label: t.form.inactive };
  if (/missing|not-?found|deleted|gone|404/.test(s)) return { tone: 'error', label: t.form.missing };
  if (/closed|no-?submission|not-?accepting|no_with|no_without/.test(s)) return { tone: 'error', label: t.form.closed };
  return { tone: 'na', label: `${t.form.unknown} (${state})` };
}

export function formCell(u: JsonUrl, t: Strings, pending: Pending = {}): SafeHtml {
  if (!u.form) return pending.forms || pending.site ? status('na', t.form.checking, ICONS.pending) : html`<span class="detail">${t.form.none}</span>`;
  const { tone, label } = formTone(u.form.state, t);
  const name = [u.form.platform, u.form.slug].filter(Boolean).join(' · ');
  return html`${status(tone, label)}<span class="detail">${name}</span>`;
}

export function urlsTable(file: JsonFile, title: string, t: Strings, pending: Pending = {}): SafeHtml {
  const urls = file.references.urls;
  if (!urls.length) return html`<p class="empty">${t.noUrls}</p>`;
  return html`<table>
<caption class="sr-only">${t.urlsCaption(title)}</caption>
<thead><tr><th scope="col">${t.col.printed}</th><th scope="col">${t.col.where}</th><th scope="col">${t.col.landsOn}</th><th scope="col">${t.col.result}</th><th scope="col">${t.col.form}</th></tr></thead>
<tbody>
${urls.map((u) => {
  const at = html`<td class="nowrap">${where(file.path, u, t)}</td>`;
  if (u.typed) {
    // What the paper reader types and where the e-mail reader's link goes: each with its own result.
    const typed: JsonUrl = { ...u, href: u.typed.href, result: u.typed.result, form: u.typed.form, excluded: u.typed.excluded };
    return html`<tr><th scope="row"><span class="mono">${link(typed.href, u.printed ?? typed.href)}</span><span class="detail">${t.url.typedSide}</span></th>${at}<td>${landsOn(typed, t)}</td><td>${urlResult(typed, t, pending)}</td><td>${formCell(typed, t, pending)}</td></tr>
<tr><th scope="row"><span class="mono">${link(u.href, u.href)}</span><span class="detail">${t.url.linkSide(u.printed ?? u.linkText ?? '')}</span></th>${at}<td>${landsOn(u, t)}</td><td>${urlResult(u, t, pending)}</td><td>${formCell(u, t, pending)}</td></tr>
`;
  }
  return html`<tr><th scope="row"><span class="mono">${link(u.href, u.printed ?? u.href)}</span>${
    u.linkText && u.linkText !== u.printed ? html`<span class="detail">${u.linkText}</span>` : ''
  }</th>${at}<td>${landsOn(u, t)}</td><td>${urlResult(u, t, pending)}</td><td>${formCell(u, t, pending)}</td></tr>
`;
})}</tbody>
</table>`;
}

/** Only a PNG thumbnail as brieflint writes it reaches the page (the CSP allows `img-src data:`). */
const THUMBNAIL = /^data:image\/png;base64,[A-Za-z0-9+/]+=*$/;

function qrHolds(q: JsonQr, t: Strings): SafeHtml {
  const kind = t.qr.kinds[q.kind] ?? q.kind;
  if (q.href) {
    return html`<span class="mono">${link(q.href, withoutHttps(q.href))}</span><span class="detail">${kind}${
      q.nextTo ? html` · ${t.qr.nextTo} <span class="mono">${withoutHttps(q.nextTo)}</span>` : ''
    }</span>`;
  }
  if (q.kind === 'epc' && q.payment) {
    const p = q.payment;
    const to = [p.name, p.iban].filter(Boolean).join(', ');
    return html`${t.qr.pay(p.amount, to)}<span class="detail">${kind}${p.reference ? ` · ${p.reference}` : ''}</span>`;
  }
  return html`<span class="mono">${q.payload}</span><span class="detail">${kind}</span>`;
}

/**
 * Each QR code: the decoded region (a small PNG, inline), what it holds, where it stands, and for a
 * web address where it lands, its live result and the form behind it — the same facts as a printed
 * address. Images that may hold a code brieflint could not read are listed under it.
 */
export function qrSection(file: JsonFile, title: string, t: Strings, lang: Lang, pending: Pending = {}): SafeHtml {
  const codes = file.references.qr ?? [];
  const unread = file.references.images ?? [];
  const table = codes.length
    ? html`<table>
<caption class="sr-only">${t.qr.caption(title)}</caption>
<thead><tr><th scope="col">${t.qr.code}</th><th scope="col">${t.qr.holds}</th><th scope="col">${t.col.where}</th><th scope="col">${t.col.landsOn}</th><th scope="col">${t.col.result}</th><th scope="col">${t.col.form}</th></tr></thead>
<tbody>
${codes.map((q) => {
  const img =
    q.thumbnail && THUMBNAIL.test(q.thumbnail)
      ? html`<img class="qr" src="${q.thumbnail}" alt="${t.qr.image(q.image)}" width="64" height="64">`
      : html`<span class="detail">${t.qr.noImage}</span>`;
  const asUrl: JsonUrl = { href: q.href ?? '', line: q.line, column: q.column, ...(q.result ? { result: q.result } : {}), ...(q.form ? { form: q.form } : {}) };
  const fetched = q.href
    ? html`<td>${landsOn(asUrl, t)}</td><td>${urlResult(asUrl, t, pending)}</td><td>${formCell(asUrl, t, pending)}</td>`
    : html`<td><span class="detail">—</span></td><td>${status('na', t.qr.notFetched)}</td><td><span class="detail">—</span></td>`;
  return html`<tr><td>${img}</td><th scope="row">${qrHolds(q, t)}</th><td class="nowrap">${where(file.path, q, t)}</td>${fetched}</tr>
`;
})}</tbody>
</table>`
    : '';
  const notes = unread.length
    ? html`<p class="note">${t.qr.unread}</p><ul class="todo">${unread.map(
        (i) => html`<li><span class="mono">${i.image}</span> — ${imageProblem(i.reason as ImageProblem, i.format as ImageFormat)[lang]} <span class="detail">${where(file.path, i, t)}</span></li>`,
      )}</ul>`
    : '';
  return html`${table}${notes}`;
}

export function todoList(file: JsonFile, t: Strings): SafeHtml {
  const forms = file.references.forms;
  const contact = [...file.references.phones.map((p) => p.printed), ...file.references.emails.map((e) => e.printed)];
  const contactLine = contact.length ? html`<p class="note">${t.contact} ${contact.join(', ')}</p>` : '';
  if (!forms.length) return html`<p class="empty">${t.noTodo}</p>${contactLine}`;
  const items = forms.map((f) => {
    const target = f.url !== undefined ? file.references.urls.find((u) => u.href === f.url) : undefined;
    const shown = target ? (target.printed ?? `“${target.linkText ?? ''}” → ${target.href}`) : f.placeholder;
    const noAddress = f.online && !target?.printed && !f.placeholder;
    return html`<li><strong>${t.formKinds[f.kind] ?? f.kind}</strong> — <span class="quote">“${f.text}”</span>${
      shown ? html` ${t.at} <span class="mono">${shown}</span>` : ''
    }${noAddress ? html` <span class="detail">(${t.noAddress})</span>` : ''} <span class="detail">${where(file.path, f, t)}</span></li>`;
  });
  return html`<ul class="todo">${items}</ul>${contactLine}`;
}

function briefingBlock(view: View, t: Strings, links: LinkFor): SafeHtml {
  const b = view.file.briefing;
  const kcc = view.file.findings.filter((f) => f.rule.startsWith('kcc-'));
  const info: SafeHtml[] = [];
  if (b) {
    const name = b.title ? `“${b.title}”` : b.id;
    const source = t.briefing.source[b.source] ?? b.source;
    const valid = b.validUntil ? `${t.briefing.validUntil} ${formatDate(b.validUntil, t)}` : t.briefing.noEnd;
    info.push(html`<p>${name} <span class="detail">${source} · ${b.id} · ${valid}</span></p>`);
    if (b.path) {
      const href = safeHref(links(b.path));
      info.push(
        href
          ? html`<p><a href="${href}" rel="noopener noreferrer">${t.briefing.open}</a> <span class="mono">${b.path}</span></p>`
          : html`<p class="mono">${b.path}</p>`,
      );
    }
  }
  const reasons = kcc.map((f) => html`<li>${f.message}${f.hint ? html`<span class="detail">${f.hint}</span>` : ''}</li>`);
  return html`<div class="briefing"><p>${status(BRIEFING_TONE[view.briefing], t.briefing[view.briefing])}</p>${info}${
    reasons.length ? html`<ul class="todo">${reasons}</ul>` : ''
  }</div>`;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
export const SEVERITY_TONE: Record<JsonFinding['severity'], Tone> = { error: 'error', warning: 'warning', info: 'na' };

function findingsTable(file: JsonFile, title: string, t: Strings): SafeHtml {
  const findings = [...file.findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.line - b.line || a.column - b.column,
  );
  if (!findings.length) return html`<p class="empty">${status('ok', t.noFindings)}</p>`;
  return html`<table>
<caption class="sr-only">${t.findingsCaption(title)}</caption>
<thead><tr><th scope="col">${t.col.severity}</th><th scope="col">${t.col.where}</th><th scope="col">${t.col.rule}</th><th scope="col">${t.col.message}</th></tr></thead>
<tbody>
${findings.map(
  (f) => html`<tr><td>${status(SEVERITY_TONE[f.severity], t.severity[f.severity], f.severity === 'info' ? ICONS.info : TONE_ICON[SEVERITY_TONE[f.severity]])}</td><td class="nowrap">${where(file.path, f, t)}</td><td><code>${f.rule}</code></td><td>${f.message}${f.hint ? html`<span class="detail">${f.hint}</span>` : ''}${
    f.url ? html`<span class="detail mono">${f.url}</span>` : ''
  }</td></tr>
`,
)}</tbody>
</table>`;
}

function statusBadge(view: View, t: Strings): SafeHtml {
  if (view.file.error) return badge('error', t.status.unreadable);
  if (view.status === 'error') return badge('error', t.status.error(view.errors));
  if (view.status === 'warning') return badge('warning', t.status.warning(view.warnings));
  return badge('ok', t.status.ok);
}

/** A path in the report (relative to the folder brieflint ran in) as a link from the page. */
type LinkFor = (path: string) => string;

function linkMaker(options: HtmlOptions): LinkFor {
  return (path) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return path; // a knowledge-base URL
    const rel = path.replace(/\\/g, '/');
    if (options.linkBase) return options.linkBase.replace(/\/*$/, '/') + rel.replace(/^\.?\//, '');
    if (options.pageDir && options.briefingRoot) {
      const abs = posixJoin(options.briefingRoot, rel);
      return posixRelative(options.pageDir, abs);
    }
    return rel;
  };
}

function posixJoin(base: string, rel: string): string {
  return rel.startsWith('/') ? rel : `${base.replace(/\\/g, '/').replace(/\/+$/, '')}/${rel}`;
}

/** The path from `from` (a folder) to `to` (a file), both absolute, with forward slashes. */
function posixRelative(from: string, to: string): string {
  const a = from.replace(/\\/g, '/').split('/').filter(Boolean);
  const b = to.replace(/\\/g, '/').split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

function letterArticle(view: View, t: Strings, today: string | undefined, links: LinkFor): SafeHtml {
  const { file } = view;
  const l = file.letter;
  const headingId = `${view.anchor}-title`;
  const date = formatDate(view.date, t, true);
  const past = today && view.date && ISO_DATE.test(view.date) && view.date < today;
  const meta: Array<[string, SafeHtml | string]> = [];
  if (l?.kenmerk) meta.push([t.meta.kenmerk, l.kenmerk]);
  meta.push([t.meta.date, date ? html`${date}${past ? html` <span class="detail">(${t.past})</span>` : ''}` : t.noDate]);
  meta.push([t.meta.recipients, l?.recipients !== undefined ? formatNumber(l.recipients, t) : t.unknown]);
  if (l?.owner) meta.push([t.meta.owner, l.owner]);
  if (l?.id && l.id !== view.title) meta.push([t.meta.id, l.id]);
  meta.push([t.meta.file, html`<code>${file.path}</code>`]);

  return html`<article class="letter filterable" id="${view.anchor}" data-status="${view.status}" data-briefing="${view.briefing}" aria-labelledby="${headingId}">
<div class="letter-head"><h3 id="${headingId}">${view.title}</h3>
<p class="badges">${statusBadge(view, t)} ${badge(BRIEFING_TONE[view.briefing], t.briefing[view.briefing])}</p></div>
<dl class="meta">${meta.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>
${
  file.error
    ? html`<p>${status('error', t.unreadable)} <span class="mono">${file.error}</span></p>`
    : html`<section><h4>${t.sections.todo}</h4>${todoList(file, t)}</section>
<section><h4>${t.sections.urls}</h4>${urlsTable(file, view.title, t)}</section>
${file.references.qr?.length || file.references.images?.length ? html`<section><h4>${t.sections.qr}</h4>${qrSection(file, view.title, t, t.locale.startsWith('nl') ? 'nl' : 'en')}</section>` : ''}
<section><h4>${t.sections.briefing}</h4>${briefingBlock(view, t, links)}</section>
<section><h4>${t.sections.findings}</h4>${findingsTable(file, view.title, t)}</section>`
}
</article>`;
}

function overviewTable(views: View[], t: Strings, today: string | undefined): SafeHtml {
  return html`<table class="overview">
<caption>${t.overviewCaption}</caption>
<thead><tr><th scope="col">${t.col.date}</th><th scope="col">${t.col.letter}</th><th scope="col">${t.col.kenmerk}</th><th scope="col" class="num">${t.col.recipients}</th><th scope="col">${t.col.check}</th><th scope="col">${t.col.briefing}</th></tr></thead>
<tbody>
${views.map((v) => {
  const past = today && v.date && ISO_DATE.test(v.date) && v.date < today;
  const check =
    v.status === 'error'
      ? status('error', v.file.error ? t.status.unreadable : t.status.error(v.errors))
      : v.status === 'warning'
        ? status('warning', t.status.warning(v.warnings))
        : status('ok', t.status.ok);
  return html`<tr class="filterable" data-status="${v.status}" data-briefing="${v.briefing}"><td class="nowrap">${formatDate(v.date, t) ?? t.noDate}${
    past ? html`<span class="detail">${t.past}</span>` : ''
  }</td><th scope="row"><a href="#${v.anchor}">${v.title}</a></th><td>${v.file.letter?.kenmerk ?? '—'}</td><td class="num">${
    v.file.letter?.recipients !== undefined ? formatNumber(v.file.letter.recipients, t) : '—'
  }</td><td>${check}</td><td>${status(BRIEFING_TONE[v.briefing], t.briefing[v.briefing])}</td></tr>
`;
})}</tbody>
</table>`;
}

function views(report: JsonReport, t: Strings): View[] {
  const list = report.files.map((file) => ({
    file,
    anchor: '',
    title: file.letter?.title || file.letter?.id || file.path,
    status: letterStatus(file),
    errors: file.findings.filter((f) => f.severity === 'error').length,
    warnings: file.findings.filter((f) => f.severity === 'warning').length,
    briefing: briefingState(file),
    date: file.letter?.mailingDate,
  }));
  const collator = new Intl.Collator(t.locale, { sensitivity: 'base', numeric: true });
  list.sort((a, b) => {
    const da = a.date && ISO_DATE.test(a.date) ? a.date : '9999-99-99';
    const db = b.date && ISO_DATE.test(b.date) ? b.date : '9999-99-99';
    return da < db ? -1 : da > db ? 1 : collator.compare(a.title, b.title) || (a.file.path < b.file.path ? -1 : 1);
  });
  list.forEach((v, i) => (v.anchor = `brief-${i + 1}`));
  return list;
}

/** Upcoming (or undated), sent but still in circulation (residents still call), or sent earlier. */
type Period = 'upcoming' | 'circulating' | 'earlier';

function periodOf(v: View, today: string | undefined, minDays: number): Period {
  if (!today || !v.date || !ISO_DATE.test(v.date) || v.date >= today) return 'upcoming';
  const until = new Date(`${v.date}T12:00:00Z`);
  until.setUTCDate(until.getUTCDate() + minDays);
  return until.toISOString().slice(0, 10) >= today ? 'circulating' : 'earlier';
}

export function formatHtml(report: JsonReport, lang: Lang = 'nl', options: HtmlOptions = {}): string {
  const t = STRINGS[lang] ?? STRINGS.nl;
  const list = views(report, t);
  const today = options.today ?? (options.generatedAt && /^\d{4}-\d{2}-\d{2}/.test(options.generatedAt) ? options.generatedAt.slice(0, 10) : undefined);
  const links = linkMaker(options);
  const minDays = options.minDaysAfterMailing ?? 42;
  const recipients = list.reduce((n, v) => n + (v.file.letter?.recipients ?? 0), 0);
  const withoutRecipients = list.filter((v) => !v.file.error && v.file.letter?.recipients === undefined).length;
  const noBriefing = list.filter((v) => v.briefing === 'missing' || v.briefing === 'outdated' || v.briefing === 'draft').length;
  const count = (pred: (v: View) => boolean) => list.filter(pred).length;
  const s = report.summary;
  // Upcoming mailings first, then those sent but still in circulation, then earlier ones.
  const periods: Array<[Period, View[]]> = (['upcoming', 'circulating', 'earlier'] as const).map((p) => [p, list.filter((v) => periodOf(v, today, minDays) === p)]);
  const generated = options.today ? formatDate(options.today, t) : formatDateTime(options.generatedAt, t);

  const filters: Array<[string, string, number]> = [
    ['all', t.filters.all, list.length],
    ['error', t.filters.error, count((v) => v.status === 'error')],
    ['warning', t.filters.warning, count((v) => v.status === 'warning')],
    ['briefing', t.filters.briefing, noBriefing],
    ['ok', t.filters.ok, count((v) => v.status === 'ok')],
  ];

  const page = html`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="generator" content="brieflint ${report.version}">
<title>${t.docTitle}</title>
<style>${trusted(CSS)}</style>
</head>
<body>
<a class="skip-link" href="#main">${t.skipLink}</a>
<header class="page-head"><div class="wrap">
<h1>${t.h1}</h1>
<p class="subtitle">${t.subtitle}</p>
<p class="generated">${t.generated(generated, report.version)}</p>
<dl class="totals" aria-label="${t.totalsLabel}">
<div><dt>${t.totals.letters}</dt><dd>${formatNumber(list.length, t)}</dd></div>
<div><dt>${t.totals.recipients}</dt><dd>${formatNumber(recipients, t)}</dd></div>
<div class="${s.errors > 0 ? 't-err' : ''}"><dt>${t.totals.errors}</dt><dd>${formatNumber(s.errors, t)}</dd></div>
<div><dt>${t.totals.warnings}</dt><dd>${formatNumber(s.warnings, t)}</dd></div>
<div class="${noBriefing > 0 ? 't-err' : ''}"><dt>${t.totals.noBriefing}</dt><dd>${formatNumber(noBriefing, t)}</dd></div>
</dl>
${withoutRecipients ? html`<p class="note">${t.recipientsUnknown(withoutRecipients)}.</p>` : ''}
${s.unreadable ? html`<p class="note">${t.unreadableNote(s.unreadable)}</p>` : ''}
${s.suppressed ? html`<p class="note">${t.suppressed(s.suppressed)}</p>` : ''}
${s.skippedRules?.length ? html`<p class="note">${t.skippedRules} ${s.skippedRules.join(', ')}</p>` : ''}
${(s.notes ?? []).map((n) => html`<p class="note">${n.message}</p>`)}
</div></header>
<nav class="filters wrap" aria-label="${t.filterNav}">
<fieldset><legend>${t.filterLegend}</legend>
${filters.map(
  ([id, label, n], i) =>
    html`<span class="opt"><input type="radio" name="filter" id="filter-${id}"${i === 0 ? trusted(' checked') : ''}><label for="filter-${id}">${label} (${n})</label></span>
`,
)}</fieldset>
<p class="note">${t.filterHint}</p>
</nav>
<main id="main" class="wrap" tabindex="-1">
${list.length === 0 ? html`<p class="empty">${t.noLetters}</p>` : ''}
${periods
  .filter(([, vs]) => vs.length > 0)
  .map(
    ([p, vs]) => html`<section class="period" aria-labelledby="period-${p}"><h2 id="period-${p}" class="period-title">${t.periods[p]}</h2>${
      p === 'circulating' ? html`<p class="note">${t.circulatingNote(minDays)}</p>` : ''
    }
${overviewTable(vs, t, today)}
${vs.map((v) => letterArticle(v, t, today, links))}
</section>`,
  )}
</main>
<footer><div class="wrap">${t.footer}</div></footer>
</body>
</html>
`;
  return page.html;
}
