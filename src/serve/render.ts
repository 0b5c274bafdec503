/**
 * The page of `brieflint serve`, rendered on the server: the letter as the reader sees it with its
 * passages marked and each finding next to its passage, the summary, the progress, and the
 * fragments the live results replace. Another report of the same JSON (JsonFile) as `check`
 * prints, plus the letter's text blocks to mark it in.
 *
 * Letter text is untrusted: it only reaches the page through the auto-escaping `html` tag. No
 * inline script or style: the CSP allows only this server's /app.js and /app.css.
 */
import type { Lang, LetterFormat, Part, TextBlock } from '../types.js';
import type { JsonFile, JsonFinding, JsonReport, JsonUrl } from '../report/types.js';
import { html, type SafeHtml } from '../report/html-template.js';
import { STRINGS, type Strings } from '../report/html-i18n.js';
import { ICONS } from '../report/html-style.js';
import {
  BRIEFING_TONE,
  SEVERITY_TONE,
  TONE_ICON,
  badge,
  briefingState,
  formatDate,
  formatNumber,
  formTone,
  letterStatus,
  status,
  qrSection,
  todoList,
  urlsTable,
  where,
  type Pending,
  type Tone,
} from '../report/html.js';
import { findPassages, type Mark, type MarkKind } from './passages.js';
import { isDocxPath } from '../report/position.js';
import { serveStrings, type ServeStrings } from './i18n.js';

/** A block of the letter as `serve` keeps it: its text and where each run of it is. */
export type ViewBlock = Pick<TextBlock, 'text' | 'part' | 'segments' | 'kind'>;

/** What the page knows about one letter of a run. */
export interface LetterView {
  /** Unique on the page: the prefix of every id in the letter's markup ("r2-l1"). */
  key: string;
  /** Where the page asks for this letter's briefing: /api/runs/<run>/letters/<index>/briefing. */
  run: string;
  index: number;
  file: JsonFile;
  blocks: ViewBlock[];
  format?: LetterFormat;
  source: 'upload' | 'folder';
  /** Which facts are still coming in. */
  pending: { site: boolean; forms: boolean; kcc: boolean };
  /** The knowledge base: `folder` lets the page write a briefing. */
  kcc: { adapter: string; folder: string };
}

/** The run's progress, as the page shows it. */
export interface Progress {
  read: boolean;
  urls: { done: number; total: number; host?: string };
  offline: boolean;
  forms: 'pending' | 'done' | 'none';
  kcc: 'pending' | 'done' | 'none';
  finished: boolean;
  failed?: string;
}

function strings(lang: Lang): { t: Strings; s: ServeStrings } {
  return { t: STRINGS[lang] ?? STRINGS.nl, s: serveStrings(lang) };
}

const isDocx = (v: LetterView) => v.format === 'docx' || isDocxPath(v.file.path);

function pendingOf(v: LetterView): Pending {
  return { site: v.pending.site, forms: v.pending.forms };
}

const stillComing = (v: LetterView) => v.pending.site || v.pending.forms || v.pending.kcc;

// ---------------------------------------------------------------------------------------------
// The letter's text with its passages marked.

const MARK_CLASS: Record<MarkKind, string> = { url: 'm-url', call: 'm-call', phone: 'm-phone', email: 'm-email', placeholder: 'm-placeholder' };

interface NumberedFinding {
  finding: JsonFinding;
  /** 1-based, in reading order on the page. */
  n: number;
  id: string;
}

/** A passage's badge: a link to its finding ("¹"), coloured by severity. */
function findingRef(f: NumberedFinding, s: ServeStrings): SafeHtml {
  const tone = SEVERITY_TONE[f.finding.severity];
  return html`<a class="fref s-${tone}" href="#${f.id}" data-finding="${f.id}"><span class="sr-only">${s.letter.finding} </span>${f.n}</a>`;
}

/** The status chip after a web address in the text: its live result, or that it is being checked. */
function chip(v: LetterView, url: JsonUrl, t: Strings): SafeHtml {
  // For a link whose text is another address, the chip tells what the paper reader types.
  const result = url.typed ? url.typed.result : url.result;
  if (!result) {
    if (!v.pending.site || !/^https?:/i.test(url.typed?.href ?? url.href)) return html``;
    return html`<span class="chip s-na">${ICONS.pending}<span>${t.url.checking}</span></span>`;
  }
  const tone: Tone = result.kind === 'ok' || result.kind === 'protected' ? 'ok' : result.kind === 'unverifiable' ? 'warning' : 'error';
  const page = html`<span class="chip s-${tone}">${result.kind === 'protected' ? ICONS.lock : TONE_ICON[tone]}<span>${t.url[result.kind]}</span></span>`;
  // The form behind it, when it is not open: the page answers, but the reader cannot fill it in.
  const form = url.typed ? url.typed.form : url.form;
  if (!form) return page;
  const f = formTone(form.state, t);
  return f.tone === 'error' ? html`${page}<span class="chip s-error">${TONE_ICON.error}<span>${t.col.form}: ${f.label}</span></span>` : page;
}

interface Span extends Mark {
  /** Findings whose passage this is (their badges follow it). */
  findings: NumberedFinding[];
}

function renderText(
  v: LetterView,
  text: string,
  spans: Span[],
  loose: Array<{ offset: number; finding: NumberedFinding }>,
  t: Strings,
  s: ServeStrings,
): SafeHtml {
  const looseIn = (a: number, b: number, last: boolean) => loose.filter((l) => l.offset >= a && (l.offset < b || (last && l.offset === b)));
  const plain = (a: number, b: number, last = false): SafeHtml => {
    const here = looseIn(a, b, last);
    if (here.length === 0) return html`${text.slice(a, b)}`;
    const out: Array<SafeHtml | string> = [];
    let pos = a;
    for (const l of here) {
      out.push(text.slice(pos, l.offset), findingRef(l.finding, s));
      pos = l.offset;
    }
    out.push(text.slice(pos, b));
    return html`${out}`;
  };
  const range = (from: number, to: number, list: Span[], last: boolean): SafeHtml => {
    const out: SafeHtml[] = [];
    let pos = from;
    let i = 0;
    while (i < list.length) {
      const span = list[i];
      const start = Math.max(span.start, pos);
      const end = Math.min(span.end, to);
      i++;
      if (end <= start) continue;
      // What starts inside this span is marked inside it (cut off where the span ends).
      const inner: Span[] = [];
      while (i < list.length && list[i].start < end) inner.push(list[i++]);
      out.push(plain(pos, start));
      const kind = s.legend[span.kind];
      const url = span.kind === 'url' ? v.file.references.urls[span.ref] : undefined;
      out.push(
        html`<mark class="m ${MARK_CLASS[span.kind]}${span.findings.length ? ' has-finding' : ''}" title="${kind}" data-kind="${span.kind}" data-ref="${span.ref}"${
          span.findings.length ? html` data-findings="${span.findings.map((f) => f.id).join(' ')}"` : ''
        }>${range(start, end, inner, false)}</mark>${span.findings.map((f) => findingRef(f, s))}${
          url ? html`<span class="chip-slot" id="${v.key}-chip-${span.ref}">${chip(v, url, t)}</span>` : ''
        }`,
      );
      pos = end;
    }
    out.push(plain(pos, to, last));
    return html`${out}`;
  };
  return range(0, text.length, spans, true);
}

function findingItem(v: LetterView, f: NumberedFinding, t: Strings, s: ServeStrings, lang: Lang): SafeHtml {
  const x = f.finding;
  const tone = SEVERITY_TONE[x.severity];
  // The position as the page words it (paragraph for Word, line otherwise; the part when not the body).
  const place = where(isDocx(v) && !isDocxPath(v.file.path) ? `${v.file.path}.docx` : v.file.path, x, t);
  const doc = /^[a-z0-9-]+$/.test(x.rule) && x.rule !== 'internal-error';
  return html`<li class="finding f-${tone}" id="${f.id}" tabindex="-1" data-rule="${x.rule}">
<p class="f-head"><span class="fnum" aria-hidden="true">${f.n}</span> ${status(tone, t.severity[x.severity], x.severity === 'info' ? ICONS.info : TONE_ICON[tone])} <code>${x.rule}</code>${
    place ? html` <span class="f-where">${place}</span>` : ''
  }</p>
<p class="f-msg">${x.message}</p>${x.hint ? html`\n<p class="f-hint"><strong>${s.letter.hint}</strong> ${x.hint}</p>` : ''}${
    doc ? html`\n<p class="f-doc"><a href="/rules/${x.rule}?lang=${lang}">${s.letter.explain(x.rule)}</a></p>` : ''
  }
</li>`;
}

const GROUP_ORDER: Part[] = ['header', 'footer', 'footnote', 'endnote'];
const IN_BODY = new Set<Part>(['body', 'textbox', 'frontmatter', 'properties']);

/** The letter's text, passages marked, findings next to their paragraph; body first, then headers, footers, notes. */
function textSections(v: LetterView, numbered: Map<number, NumberedFinding>, t: Strings, s: ServeStrings, lang: Lang): SafeHtml {
  const passages = findPassages(v.blocks, v.file);
  const byBlock = new Map<number, Array<{ offset: number; finding: NumberedFinding }>>();
  for (const p of passages.placed) {
    const list = byBlock.get(p.block) ?? [];
    list.push({ offset: p.offset, finding: numbered.get(p.finding)! });
    byBlock.set(p.block, list);
  }
  const block = (i: number): SafeHtml => {
    const b = v.blocks[i];
    const here = (byBlock.get(i) ?? []).sort((a, c) => a.offset - c.offset || a.finding.n - c.finding.n);
    const spans: Span[] = passages.marks[i].map((m) => ({ ...m, findings: [] }));
    const loose: typeof here = [];
    for (const h of here) {
      // A finding belongs to the passage that starts where it points (the URL it is about, if one does).
      const at = spans.filter((sp) => sp.start === h.offset);
      const about = h.finding.finding.url ? at.find((sp) => sp.kind === 'url') : undefined;
      const owner = about ?? at[0];
      if (owner) owner.findings.push(h.finding);
      else loose.push(h);
    }
    const kind = b.kind === 'heading' ? ' k-heading' : b.kind === 'list-item' ? ' k-li' : b.kind === 'table-cell' ? ' k-cell' : b.kind === 'code' ? ' k-code' : '';
    const label = b.part === 'textbox' ? html`<span class="part-label">${s.letter.textbox}</span> ` : '';
    const findings = here.map((h) => h.finding);
    return html`<div class="blk${findings.length ? ' blk-finding' : ''}" id="${v.key}-b${i}" data-part="${b.part}">
<p class="txt${kind}${v.format === 'text' ? ' pre' : ''}">${label}${renderText(v, b.text, spans, loose, t, s)}</p>${
      findings.length
        ? html`\n<ul class="fnd" aria-label="${s.letter.findingsHere(findings.length)}">${findings.map((f) => findingItem(v, f, t, s, lang))}</ul>`
        : ''
    }
</div>
`;
  };
  const indexes = v.blocks.map((_, i) => i);
  const body = indexes.filter((i) => IN_BODY.has(v.blocks[i].part));
  const groups = GROUP_ORDER.map((part) => [part, indexes.filter((i) => v.blocks[i].part === part)] as const).filter(([, list]) => list.length > 0);
  if (v.blocks.length === 0) return html`<p class="empty">${s.letter.noText}</p>`;
  return html`<section class="letter-text" aria-labelledby="${v.key}-text-h"><h3 id="${v.key}-text-h">${s.letter.text}</h3>
${groups.length ? html`<h4 class="group-h">${s.letter.body}</h4>` : ''}
<div class="paper">${body.map(block)}</div>
${groups.map(
  ([part, list]) => html`<h4 class="group-h">${s.letter.groups[part] ?? part}</h4>
<div class="paper paper-${part}">${list.map(block)}</div>
`,
)}</section>`;
}

/** Findings in reading order: the whole letter first, then paragraph by paragraph. */
function numberFindings(v: LetterView): { numbered: Map<number, NumberedFinding>; whole: number[] } {
  const passages = findPassages(v.blocks, v.file);
  const order = [
    ...passages.whole,
    ...[...passages.placed].sort((a, b) => a.block - b.block || a.offset - b.offset || a.finding - b.finding).map((p) => p.finding),
  ];
  const numbered = new Map<number, NumberedFinding>();
  order.forEach((i, k) => numbered.set(i, { finding: v.file.findings[i], n: k + 1, id: `${v.key}-f${k + 1}` }));
  return { numbered, whole: passages.whole };
}

// ---------------------------------------------------------------------------------------------
// The KCC briefing and the addresses: fragments the live results replace.

export function briefingSection(v: LetterView, lang: Lang): SafeHtml {
  const { t, s } = strings(lang);
  const f = v.file;
  const state = v.pending.kcc ? undefined : briefingState(f);
  const b = f.briefing;
  const parts: SafeHtml[] = [];
  if (!state) parts.push(html`<p>${status('na', t.briefing.unknown, ICONS.pending)} <span class="detail">${s.briefing.unknown}</span></p>`);
  else {
    parts.push(html`<p>${status(BRIEFING_TONE[state], t.briefing[state])}</p>`);
    if (b) {
      const valid = b.validUntil ? `${t.briefing.validUntil} ${formatDate(b.validUntil, t)}` : t.briefing.noEnd;
      parts.push(html`<p>${b.title ? `“${b.title}”` : b.id} <span class="detail">${b.path ?? ''} · ${valid}</span></p>`);
    }
    if (state === 'missing' && f.letter) {
      if (v.kcc.adapter === 'folder') {
        parts.push(
          html`<p><button type="button" class="btn make-briefing" data-run="${v.run}" data-index="${v.index}" data-letter="${v.key}">${s.briefing.make}</button></p>
<p class="note">${s.briefing.makeHint(v.kcc.folder)}</p>`,
        );
      } else parts.push(html`<p class="note">${s.briefing.otherAdapter(v.kcc.adapter)}</p>`);
    }
  }
  return html`<section class="kcc" id="${v.key}-kcc" aria-labelledby="${v.key}-kcc-h"><h3 id="${v.key}-kcc-h">${s.briefing.heading}</h3>${parts}</section>`;
}

export function addressesSection(v: LetterView, lang: Lang): SafeHtml {
  const { t, s } = strings(lang);
  const title = v.file.letter?.title || v.file.letter?.id || v.file.path;
  return html`<section class="addresses" id="${v.key}-addr" aria-labelledby="${v.key}-addr-h"><h3 id="${v.key}-addr-h">${s.letter.addresses}</h3>
${urlsTable(v.file, title, t, pendingOf(v))}
${v.file.references.qr?.length || v.file.references.images?.length ? html`<h4>${t.sections.qr}</h4>${qrSection(v.file, title, t, lang, pendingOf(v))}` : ''}
<h4>${t.sections.todo}</h4>${todoList(v.file, t)}</section>`;
}

/** The chips after each web address in the text, by id (replaced as the results come in). */
export function chips(v: LetterView, lang: Lang): Array<{ id: string; html: string }> {
  const { t } = strings(lang);
  return v.file.references.urls.map((u, i) => ({ id: `${v.key}-chip-${i}`, html: html`<span class="chip-slot" id="${v.key}-chip-${i}">${chip(v, u, t)}</span>`.html }));
}

function letterBadges(v: LetterView, t: Strings, s: ServeStrings): SafeHtml {
  const f = v.file;
  const errors = f.findings.filter((x) => x.severity === 'error').length;
  const warnings = f.findings.filter((x) => x.severity === 'warning').length;
  const st = letterStatus(f);
  const check = f.error
    ? badge('error', t.status.unreadable)
    : st === 'error'
      ? badge('error', t.status.error(errors))
      : st === 'warning'
        ? badge('warning', t.status.warning(warnings))
        : stillComing(v)
          ? badge('na', s.summary.pendingBadge, ICONS.pending)
          : badge('ok', t.status.ok);
  const bstate = v.pending.kcc ? undefined : briefingState(f);
  return html`${check} ${bstate ? badge(BRIEFING_TONE[bstate], t.briefing[bstate]) : badge('na', t.briefing.unknown, ICONS.pending)}`;
}

/** The letter's state badges (replaced when the briefing is known). */
export function badgesFragment(v: LetterView, lang: Lang): SafeHtml {
  const { t, s } = strings(lang);
  return html`<p class="badges" id="${v.key}-badges">${letterBadges(v, t, s)}</p>`;
}

export function renderLetter(v: LetterView, lang: Lang): SafeHtml {
  const { t, s } = strings(lang);
  const f = v.file;
  const l = f.letter;
  const title = l?.title || l?.id || f.path;
  const { numbered, whole } = numberFindings(v);
  const meta: Array<[string, SafeHtml | string]> = [];
  meta.push([t.meta.file, html`<code>${f.path}</code> <span class="detail">${v.source === 'upload' ? s.letter.uploaded : s.letter.fromFolder}</span>`]);
  if (l?.id && l.id !== title) meta.push([t.meta.id, l.id]);
  if (l?.kenmerk) meta.push([t.meta.kenmerk, l.kenmerk]);
  if (l) meta.push([t.meta.date, formatDate(l.mailingDate, t, true) ?? t.noDate]);
  if (l) meta.push([t.meta.recipients, l.recipients !== undefined ? formatNumber(l.recipients, t) : t.unknown]);
  if (l?.owner) meta.push([t.meta.owner, l.owner]);
  const wholeList = whole.map((i) => numbered.get(i)!);
  return html`<article class="letter" id="${v.key}" data-path="${f.path}" data-source="${v.source}" data-status="${stillComing(v) ? 'pending' : letterStatus(f)}" aria-labelledby="${v.key}-title">
<div class="letter-head"><h2 id="${v.key}-title">${title}</h2><p class="badges" id="${v.key}-badges">${letterBadges(v, t, s)}</p></div>
<dl class="meta">${meta.map(([k, val]) => html`<div><dt>${k}</dt><dd>${val}</dd></div>`)}</dl>
${
  f.error
    ? html`<p>${status('error', s.letter.readError)} <span class="mono">${f.error}</span></p>`
    : html`${stillComing(v) ? html`<p class="note">${ICONS.pending} ${s.letter.preliminary}</p>` : f.findings.length === 0 ? html`<p class="ok-note">${status('ok', s.letter.noFindings)}</p>` : ''}
${
  wholeList.length
    ? html`<section class="whole" aria-labelledby="${v.key}-whole-h"><h3 id="${v.key}-whole-h">${s.letter.whole}</h3><ul class="fnd">${wholeList.map((x) => findingItem(v, x, t, s, lang))}</ul></section>`
    : ''
}
${briefingSection(v, lang)}
${textSections(v, numbered, t, s, lang)}
${addressesSection(v, lang)}`
}
</article>`;
}

// ---------------------------------------------------------------------------------------------
// Summary and progress.

export function renderSummary(views: LetterView[], sum: JsonReport['summary'], lang: Lang): SafeHtml {
  const { t, s } = strings(lang);
  const pending = views.some(stillComing);
  const noBriefing = views.filter((v) => !v.pending.kcc && ['missing', 'outdated', 'draft'].includes(briefingState(v.file))).length;
  return html`<div id="summary" class="summary">
<dl class="totals" aria-label="${s.summary.label}">
<div><dt>${s.summary.letters}</dt><dd>${formatNumber(views.length, t)}</dd></div>
<div class="${sum.errors > 0 ? 't-err' : ''}"><dt>${s.summary.errors}</dt><dd>${formatNumber(sum.errors, t)}</dd></div>
<div><dt>${s.summary.warnings}</dt><dd>${formatNumber(sum.warnings, t)}</dd></div>
<div class="${noBriefing > 0 ? 't-err' : ''}"><dt>${s.summary.noBriefing}</dt><dd>${pending && views.some((v) => v.pending.kcc) ? '…' : formatNumber(noBriefing, t)}</dd></div>
</dl>
${pending ? html`<p class="note">${s.summary.preliminary}</p>` : ''}
${sum.skippedRules?.length && !pending ? html`<p class="note">${t.skippedRules} ${sum.skippedRules.join(', ')}</p>` : ''}
<ul class="letter-list">${views.map(
    (v) => html`<li><a href="#${v.key}">${v.file.letter?.title || v.file.letter?.id || v.file.path}</a> ${letterBadges(v, t, s)}</li>`,
  )}</ul>
</div>`;
}

export function renderProgress(p: Progress, lang: Lang): SafeHtml {
  const { s } = strings(lang);
  const steps: Array<[Tone, string]> = [];
  steps.push([p.read ? 'ok' : 'na', p.read ? s.progress.read : s.progress.reading]);
  if (p.offline) steps.push(['na', s.progress.offline]);
  else if (p.urls.total === 0 && p.read) steps.push(['ok', s.progress.noUrls]);
  else steps.push([p.urls.done === p.urls.total && p.read ? 'ok' : 'na', `${s.progress.urls(p.urls.done, p.urls.total)}${p.urls.host && p.urls.done < p.urls.total ? ` (${p.urls.host})` : ''}`]);
  if (p.forms !== 'none') steps.push([p.forms === 'done' ? 'ok' : 'na', p.forms === 'done' ? s.progress.formsDone : s.progress.forms]);
  if (p.kcc !== 'none') steps.push([p.kcc === 'done' ? 'ok' : 'na', p.kcc === 'done' ? s.progress.kccDone : s.progress.kcc]);
  const total = 1 + (p.offline ? 0 : p.urls.total) + (p.forms !== 'none' ? 1 : 0) + (p.kcc !== 'none' ? 1 : 0) + 1;
  const done = (p.read ? 1 : 0) + (p.offline ? 0 : p.urls.done) + (p.forms === 'done' ? 1 : 0) + (p.kcc === 'done' ? 1 : 0) + (p.finished ? 1 : 0);
  const headline = p.failed ? s.progress.failed : p.finished ? s.progress.done : s.progress.offlineFirst;
  return html`<div id="progress" class="progress${p.finished ? ' finished' : ''}${p.failed ? ' failed' : ''}" data-finished="${p.finished || p.failed ? 'true' : 'false'}">
<p class="progress-line"><label for="progress-bar">${s.progress.label}</label> <progress id="progress-bar" max="${total}" value="${p.failed ? total : done}">${done}/${total}</progress> <span class="progress-text">${headline}</span></p>
${p.failed ? html`<p class="error-text">${status('error', s.errors.failed)} ${p.failed}</p>` : ''}
<ul class="steps">${steps.map(([tone, text]) => html`<li>${status(tone, text, tone === 'na' && !p.finished ? ICONS.pending : TONE_ICON[tone])}</li>`)}</ul>
</div>`;
}

// ---------------------------------------------------------------------------------------------
// The page.

export interface PageOptions {
  lang: Lang;
  token: string;
  version: string;
  /** The served folder, as shown. */
  folder: string;
  /** The folder's letters (paths as `check` shows them). */
  letters: string[];
  limits: { files: number; fileBytes: number; totalBytes: number };
}

export function renderPage(o: PageOptions): string {
  const { s } = strings(o.lang);
  const other: Lang = o.lang === 'nl' ? 'en' : 'nl';
  const page = html`<!DOCTYPE html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="brieflint ${o.version}">
<meta name="brieflint-token" content="${o.token}">
<title>${s.docTitle}</title>
<link rel="stylesheet" href="/app.css">
<script src="/app.js" defer></script>
</head>
<body data-lang="${o.lang}" data-msg-uploading="${s.pick.uploading}" data-msg-nothing="${s.pick.nothingChosen}" data-msg-network="${s.errors.network}" data-msg-failed="${s.errors.failed}" data-msg-changed="${s.watch.changed('{path}')}">
<a class="skip-link" href="#results">${s.skipLink}</a>
<header class="page-head"><div class="wrap head-row">
<div><h1>${s.h1}</h1>
<p class="subtitle">${s.subtitle}</p></div>
<p class="lang-switch"><a href="/?lang=${other}" lang="${other}" hreflang="${other}" aria-label="${s.langSwitchLabel}">${s.langSwitch}</a></p>
</div></header>
<main id="main" class="wrap">
<section class="pick" aria-labelledby="pick-h">
<h2 id="pick-h">${s.pick.heading}</h2>
<noscript><p class="error-text">${s.pick.noscript}</p></noscript>
<form id="upload-form" class="drop" method="post" action="/api/runs" enctype="multipart/form-data">
<p class="drop-title">${s.pick.dropTitle}</p>
<p>${s.pick.dropOr} <input type="file" id="files" name="file" multiple accept=".docx,.md,.markdown,.txt" class="file-input"><label class="btn" for="files">${s.pick.choose}</label></p>
<p class="note">${s.pick.accepts} ${s.pick.limits(o.limits.files, o.limits.fileBytes, o.limits.totalBytes)}</p>
</form>
<form id="folder-form" class="folder" method="post" action="/api/runs">
<h3 id="folder-h">${s.pick.folderHeading(o.folder)}</h3>
${
  o.letters.length
    ? html`<fieldset><legend>${s.pick.folderLegend}</legend>
<p><button type="button" class="btn-link" id="choose-all">${s.pick.folderAll}</button></p>
<ul class="folder-list">${o.letters.map(
        (p, i) => html`<li><input type="checkbox" name="path" value="${p}" id="path-${i}"> <label for="path-${i}"><code>${p}</code></label></li>`,
      )}</ul>
</fieldset>
<p><button type="submit" class="btn">${s.pick.folderCheck}</button></p>`
    : html`<p class="empty">${s.pick.folderNone}</p>`
}
</form>
<p id="pick-error" class="error-text" role="alert"></p>
</section>
<section id="results" class="results" aria-labelledby="results-h" tabindex="-1">
<h2 id="results-h">${s.results.heading}</h2>
<div id="run-bar" class="run-bar" hidden>
<div id="progress"></div>
<div class="nav-row"><button type="button" class="btn" id="prev-finding">${s.results.prev}</button> <button type="button" class="btn" id="next-finding">${s.results.next}</button> <button type="button" class="btn" id="recheck">${s.results.recheck}</button> <a id="json-link" href="#">${s.results.json}</a>
<span class="note">${s.results.keys}</span></div>
</div>
<div id="summary"><p class="empty">${s.results.empty}</p></div>
<div id="letters"></div>
</section>
<aside class="legend" aria-labelledby="legend-h"><h2 id="legend-h">${s.legend.heading}</h2>
<ul>${(['url', 'call', 'phone', 'email', 'placeholder'] as const).map(
    (k) => html`<li><mark class="m ${MARK_CLASS[k]}">${s.legend[k]}</mark></li>`,
  )}<li><a class="fref s-error" href="#results-h"><span class="sr-only">${s.letter.finding} </span>1</a> ${s.legend.finding}</li></ul></aside>
</main>
<dialog id="briefing-dialog" aria-labelledby="briefing-title">
<form method="dialog" id="briefing-form">
<h2 id="briefing-title">${s.briefing.dialogTitle}</h2>
<p id="briefing-intro"></p>
<p class="note">${s.briefing.todos}</p>
<p><label for="briefing-text">${s.briefing.textLabel}</label></p>
<textarea id="briefing-text" name="text" rows="22" spellcheck="false"></textarea>
<p id="briefing-error" class="error-text" role="alert"></p>
<p class="dialog-buttons"><button type="submit" class="btn" id="briefing-save" value="save">${s.briefing.save}</button> <button type="submit" class="btn" id="briefing-overwrite" value="overwrite" hidden>${s.briefing.overwrite}</button> <button type="submit" class="btn btn-secondary" value="cancel" formnovalidate>${s.briefing.cancel}</button></p>
</form>
</dialog>
<p id="announce" class="sr-only" role="status" aria-live="polite"></p>
<footer><div class="wrap">${s.footer} brieflint ${o.version}.</div></footer>
</body>
</html>
`;
  return page.html;
}

/** A rule's documentation page. */
export function renderDocPage(id: string, body: SafeHtml, lang: Lang, version: string): string {
  const { s } = strings(lang);
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="brieflint ${version}">
<title>${s.docs.title(id)}</title>
<link rel="stylesheet" href="/app.css">
</head>
<body>
<header class="page-head"><div class="wrap"><p lang="${lang}"><a href="/?lang=${lang}">${s.docs.back}</a></p></div></header>
<main class="wrap doc">${body}</main>
</body>
</html>
`.html;
}

/** A short page for a refused or failed request (no script, no data). */
export function renderErrorPage(message: string, lang: Lang): string {
  return html`<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><title>brieflint serve</title></head>
<body><main class="wrap"><h1>brieflint serve</h1><p>${message}</p></main></body></html>
`.html;
}
