/**
 * The KCC page's stylesheet and icons: inline, no external fonts or images.
 * Colours are chosen for ≥ 4.5:1 contrast (text on its badge background and on white); status is
 * always an icon plus a word, never colour alone. Filtering is CSS only (radio buttons + :has()),
 * limited to screen: print shows every letter.
 */
import { trusted, type SafeHtml } from './html-template.js';

export const CSS = `
:root {
  --fg: #1a1a1a; --muted: #555; --line: #c8c8c8; --bg-soft: #f5f5f5; --link: #0b57d0;
  --err: #a4001d; --err-bg: #fdecee; --warn: #7a4100; --warn-bg: #fff4e0;
  --ok: #1d6b2f; --ok-bg: #e9f6ec; --na: #444; --na-bg: #f0f0f0; --focus: #0b57d0;
}
* { box-sizing: border-box; }
html { color: var(--fg); background: #fff; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--link); }
a:focus-visible, input:focus-visible + label, summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip-link { position: absolute; left: -10000px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
.skip-link:focus { left: 1rem; top: 1rem; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
.page-head { border-bottom: 1px solid var(--line); padding: 1.5rem 0 1rem; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; line-height: 1.2; }
h2 { font-size: 1.35rem; margin: 0; line-height: 1.3; }
h2.period-title { font-size: 1.5rem; margin: 2rem 0 .6rem; }
.letter-head h3 { font-size: 1.35rem; margin: 0; line-height: 1.3; }
h3, h4 { font-size: 1.05rem; margin: 1.1rem 0 .4rem; }
.subtitle { margin: 0 0 .25rem; max-width: 52rem; }
.generated, .note { color: var(--muted); margin: .25rem 0; font-size: .9rem; }
.totals { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0 .5rem; padding: 0; }
.totals > div { display: flex; flex-direction: column-reverse; border: 1px solid var(--line); border-radius: .5rem; padding: .5rem .9rem; min-width: 9rem; }
.totals dt { font-size: .9rem; color: var(--muted); }
.totals dd { margin: 0; font-size: 1.6rem; font-weight: 700; line-height: 1.2; }
.totals .t-err dd { color: var(--err); }
.filters { margin: 1rem auto; }
.filters fieldset { border: 1px solid var(--line); border-radius: .5rem; padding: .5rem .9rem .75rem; margin: 0; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; align-items: center; }
.filters legend { font-weight: 600; padding: 0 .25rem; }
.filters label { cursor: pointer; }
.filters input { margin: 0 .35rem 0 0; accent-color: var(--link); }
.filters .opt { display: inline-flex; align-items: center; }
main { padding-bottom: 2rem; }
table { border-collapse: collapse; width: 100%; margin: .25rem 0 .75rem; font-size: .95rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); overflow-wrap: break-word; }
thead th { background: var(--bg-soft); border-bottom: 2px solid var(--fg); }
tbody th { font-weight: 600; }
.num { text-align: right; white-space: nowrap; }
.nowrap { white-space: nowrap; }
.overview { margin-top: 1rem; }
.letter { border: 1px solid var(--line); border-radius: .6rem; padding: 1rem 1.25rem; margin: 1.25rem 0; }
.letter-head { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: baseline; justify-content: space-between; }
.badges { margin: 0; display: flex; flex-wrap: wrap; gap: .4rem; }
.badge { display: inline-flex; align-items: center; gap: .3rem; padding: .05rem .55rem; border-radius: 1rem; border: 1px solid currentColor; font-size: .9rem; font-weight: 600; white-space: nowrap; }
.s-error { color: var(--err); background: var(--err-bg); }
.s-warning { color: var(--warn); background: var(--warn-bg); }
.s-ok { color: var(--ok); background: var(--ok-bg); }
.s-na { color: var(--na); background: var(--na-bg); }
.st { display: inline-flex; gap: .3rem; align-items: baseline; font-weight: 600; white-space: nowrap; }
.st.s-error, .st.s-warning, .st.s-ok, .st.s-na { background: none; }
.icon { width: 1em; height: 1em; flex: none; align-self: center; }
.meta { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .25rem 1.5rem; margin: .75rem 0 0; }
.meta dt { font-size: .85rem; color: var(--muted); }
.meta dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
.todo { margin: .25rem 0; padding-left: 1.25rem; }
.todo li { margin: .2rem 0; }
.quote { font-style: italic; }
.detail { display: block; color: var(--muted); font-size: .85rem; font-weight: 400; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em; }
.mono, .meta code { overflow-wrap: anywhere; }
img.qr { display: block; width: 64px; height: 64px; image-rendering: pixelated; border: 1px solid #767676; background: #fff; }
td code { white-space: nowrap; }
.briefing p { margin: .25rem 0; }
.hint { display: block; color: var(--muted); font-size: .9rem; }
.empty { color: var(--muted); margin: .25rem 0; }
footer { border-top: 1px solid var(--line); padding: 1rem 0 2rem; color: var(--muted); font-size: .9rem; }
@media screen {
  body:has(#filter-error:checked) .filterable:not([data-status="error"]),
  body:has(#filter-warning:checked) .filterable:not([data-status="warning"]),
  body:has(#filter-ok:checked) .filterable:not([data-status="ok"]),
  body:has(#filter-briefing:checked) .filterable:not([data-briefing="missing"]):not([data-briefing="outdated"]) { display: none; }
}
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  html { font-size: 9.5pt; }
  body { font-size: 1rem; line-height: 1.35; }
  .wrap { max-width: none; padding: 0; }
  .skip-link, .filters { display: none !important; }
  a { color: inherit; }
  h1 { font-size: 17pt; }
  h2 { font-size: 13pt; }
  h3, h4 { font-size: 10.5pt; margin-top: .6rem; }
  .letter-head h3 { font-size: 13pt; }
  h2, h3, h4, .letter-head, caption { break-after: avoid; page-break-after: avoid; }
  tr, .meta > div, .todo li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  thead th { background: none; }
  .letter { border: 0; border-top: 2px solid #000; border-radius: 0; padding: .5rem 0 0; margin: 1rem 0 0; }
  .badge, .s-error, .s-warning, .s-ok, .s-na { background: none !important; }
  .totals > div { padding: .25rem .6rem; min-width: 0; }
  .totals dd { font-size: 14pt; }
  table { font-size: 8.5pt; }
  footer { padding-bottom: 0; }
}
`;

const svg = (body: string) =>
  `<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

export const ICONS: Record<'error' | 'warning' | 'ok' | 'na' | 'lock' | 'info' | 'pending', SafeHtml> = {
  error: trusted(svg('<circle cx="8" cy="8" r="6.5"/><path d="M5.5 5.5l5 5M10.5 5.5l-5 5"/>')),
  warning: trusted(svg('<path d="M8 1.8L15 14H1z"/><path d="M8 6.2v3.6M8 11.9v.1"/>')),
  ok: trusted(svg('<circle cx="8" cy="8" r="6.5"/><path d="M5 8.3l2 2 4-4.3"/>')),
  na: trusted(svg('<circle cx="8" cy="8" r="6.5"/><path d="M5 8h6"/>')),
  lock: trusted(svg('<rect x="3" y="7" width="10" height="7.5" rx="1"/><path d="M5.5 7V5a2.5 2.5 0 015 0v2"/>')),
  info: trusted(svg('<circle cx="8" cy="8" r="6.5"/><path d="M8 7.2v4M8 4.8v.1"/>')),
  pending: trusted(svg('<circle cx="8" cy="8" r="6.5"/><path d="M8 4.5V8l2.5 1.5"/>')),
};
