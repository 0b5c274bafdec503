/**
 * The stylesheet of `serve`'s page, served as /app.css (the CSP allows no inline style): the KCC
 * page's, plus the letter "on paper", the marks and the findings beside their paragraph. Every
 * mark differs by its underline or border as well as its colour (never colour alone); text keeps
 * ≥ 4.5:1 contrast on every background.
 */
import { CSS } from '../report/html-style.js';

export const SERVE_CSS = `${CSS}
:root { --url-bg: #e6f0ff; --call-bg: #e8f5e9; --phone-bg: #f3e8fd; --email-bg: #e0f4f4; --ph-bg: #fff0c2; }
[hidden] { display: none !important; }
.head-row { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 1rem; align-items: flex-start; }
.lang-switch { margin: .3rem 0 0; }
main h2 { font-size: 1.45rem; margin: 1.6rem 0 .6rem; }
.btn { display: inline-block; font: inherit; font-weight: 600; color: #fff; background: var(--link); border: 2px solid var(--link); border-radius: .4rem; padding: .35rem .9rem; cursor: pointer; }
.btn:hover { background: #0842a0; border-color: #0842a0; }
.btn-secondary { color: var(--link); background: #fff; }
.btn-secondary:hover { color: #fff; }
.btn-link { font: inherit; color: var(--link); background: none; border: 0; padding: 0; text-decoration: underline; cursor: pointer; }
.btn:focus-visible, .btn-link:focus-visible, input:focus-visible, textarea:focus-visible, .finding:focus, .fref:focus-visible, .file-input:focus-visible + label.btn { outline: 3px solid var(--focus); outline-offset: 2px; }
.pick { display: grid; grid-template-columns: 1fr; gap: 1rem; }
@media (min-width: 60rem) { .pick { grid-template-columns: 1fr 1fr; } .pick h2, .pick #pick-error { grid-column: 1 / -1; } }
.pick h2 { margin-bottom: 0; }
.drop { border: 3px dashed #6b6b6b; border-radius: .8rem; padding: 1.25rem 1.5rem; background: var(--bg-soft); }
.drop.dragging { border-color: var(--link); background: var(--url-bg); }
.drop-title { font-size: 1.2rem; font-weight: 700; margin: 0 0 .5rem; }
.file-input { position: absolute; width: 1px; height: 1px; opacity: 0; }
.folder { border: 1px solid var(--line); border-radius: .8rem; padding: .5rem 1.5rem 1rem; }
.folder h3 { margin-top: .6rem; }
.folder fieldset { border: 0; padding: 0; margin: 0; }
.folder legend { font-weight: 600; }
.folder-list { list-style: none; padding: 0; margin: .25rem 0; max-height: 16rem; overflow: auto; }
.folder-list li { margin: .2rem 0; }
.error-text { color: var(--err); font-weight: 600; }
.error-text:empty { display: none; }
.results { outline: none; }
.run-bar { position: sticky; top: 0; z-index: 5; background: #fff; border-bottom: 1px solid var(--line); padding: .5rem 0; }
.progress-line { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 0; }
.progress-line progress { width: 12rem; height: 1rem; accent-color: var(--link); }
.steps { list-style: none; display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; padding: 0; margin: .3rem 0; font-size: .9rem; }
.nav-row { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin-top: .3rem; }
.letter-list { list-style: none; padding: 0; margin: .5rem 0; }
.letter-list li { margin: .3rem 0; display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
.letter h3 { font-size: 1.15rem; margin: 1.3rem 0 .5rem; }
.group-h { font-size: 1rem; color: var(--muted); margin: 1rem 0 .3rem; }
.letter-head h2 { margin: 0; font-size: 1.4rem; }
.paper { border: 1px solid var(--line); border-radius: .3rem; padding: .75rem 1rem; background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
.blk { display: grid; grid-template-columns: minmax(0, 1fr); gap: .25rem 1.25rem; padding: .15rem 0; border-left: 4px solid transparent; padding-left: .5rem; margin-left: -.5rem; }
.blk-finding { border-left-color: var(--err); }
@media (min-width: 62rem) { .blk { grid-template-columns: minmax(0, 1fr) 24rem; } .blk > .txt { grid-column: 1; } .blk > .fnd { grid-column: 2; } }
.txt { margin: .35rem 0; }
.txt.pre { white-space: pre-line; }
.txt.k-heading { font-weight: 700; font-size: 1.1rem; }
.txt.k-li::before { content: "• "; }
.txt.k-code { font-family: ui-monospace, Menlo, Consolas, monospace; white-space: pre-wrap; }
.part-label { font-size: .8rem; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
mark.m { color: var(--fg); padding: 0 .1rem; border-radius: .15rem; }
mark.m-url { background: var(--url-bg); text-decoration: underline solid #0b57d0 2px; text-underline-offset: 3px; }
mark.m-call { background: var(--call-bg); text-decoration: underline dotted #1d6b2f 2px; text-underline-offset: 3px; }
mark.m-phone { background: var(--phone-bg); text-decoration: underline dashed #6a1b9a 2px; text-underline-offset: 3px; }
mark.m-email { background: var(--email-bg); text-decoration: underline double #00695c; text-underline-offset: 3px; }
mark.m-placeholder { background: var(--ph-bg); outline: 2px solid #7a4100; outline-offset: -1px; }
mark.has-finding { box-shadow: inset 0 -3px 0 var(--err); }
mark.current, .fref.current { outline: 3px solid var(--focus); outline-offset: 1px; }
.fref { display: inline-block; min-width: 1.3em; margin: 0 .15rem; padding: 0 .3rem; border-radius: .7rem; border: 1px solid currentColor; font-size: .8rem; font-weight: 700; line-height: 1.35; text-align: center; text-decoration: none; vertical-align: super; }
.chip { display: inline-flex; gap: .2rem; align-items: center; margin: 0 .2rem; padding: 0 .4rem; border-radius: .7rem; border: 1px solid currentColor; font-size: .78rem; font-weight: 600; white-space: nowrap; vertical-align: .1em; }
.fnd { list-style: none; margin: .35rem 0; padding: 0; }
.finding { overflow-wrap: anywhere; border: 1px solid var(--line); border-left: 5px solid var(--na); border-radius: .35rem; padding: .35rem .6rem; margin: 0 0 .45rem; background: #fff; }
.finding.f-error { border-left-color: var(--err); }
.finding.f-warning { border-left-color: var(--warn); }
.finding.current { box-shadow: 0 0 0 3px var(--focus); }
.finding p { margin: .15rem 0; }
.f-head { display: flex; flex-wrap: wrap; gap: .35rem; align-items: baseline; font-size: .9rem; }
.fnum { font-weight: 700; border: 1px solid var(--fg); border-radius: .7rem; padding: 0 .35rem; font-size: .8rem; }
.f-where { color: var(--muted); }
.f-hint { font-size: .92rem; }
.f-doc { font-size: .9rem; }
.ok-note { margin: .5rem 0; }
.kcc { border: 1px solid var(--line); border-radius: .5rem; padding: .1rem 1rem .6rem; margin: .8rem 0; }
.kcc h3 { margin-top: .6rem; }
.legend ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; }
dialog { width: min(60rem, 95vw); border: 2px solid var(--fg); border-radius: .6rem; padding: 1rem 1.5rem; }
dialog::backdrop { background: rgba(0,0,0,.45); }
dialog h2 { margin-top: 0; }
dialog textarea { width: 100%; font: .9rem/1.4 ui-monospace, Menlo, Consolas, monospace; border: 1px solid #6b6b6b; border-radius: .3rem; padding: .5rem; }
.dialog-buttons { display: flex; gap: .5rem; flex-wrap: wrap; }
.doc { padding-bottom: 3rem; max-width: 52rem; }
.doc pre { background: var(--bg-soft); padding: .6rem .8rem; overflow-x: auto; border-radius: .3rem; }
.doc-table { overflow-x: auto; }
@media print { .pick, .run-bar, .legend, .skip-link { display: none !important; } }
`;
