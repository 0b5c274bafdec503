/**
 * One check of `serve`: the letters a webredacteur dropped or picked, through the same engine as
 * `check` (checkLoaded: parse → extract → facts → rules), with what is known streamed as events
 * while the facts come in:
 *
 * 1. each letter as soon as it is read, with the findings of the rules that need no facts;
 * 2. each address's live result, the forms behind them and the KCC briefing, as they arrive;
 * 3. at the end, every letter again with the run's findings — the same as `check` gives, since
 *    they are the same run's (`report()` is the JSON `check --format json` prints).
 *
 * Events are kept for the run's life, so a page that (re)connects gets them all (Last-Event-ID).
 */
import { relative, resolve } from 'node:path';
import type { Lang, Letter, References } from '../types.js';
import type { ResolvedConfig } from '../config/types.js';
import type { Rule } from '../rule.js';
import type { FoundFile } from '../files.js';
import { checkLoaded, type CheckedFile, type CheckRun, type LoadedBytes } from '../check.js';
import { loadBytes } from '../read/one.js';
import { baseFacts, needed } from '../facts/index.js';
import type { Facts } from '../facts/types.js';
import { letterFacts } from '../model/letter-facts.js';
import { addressFacts } from '../model/site-results.js';
import { runRules } from '../engine.js';
import { summarize, toJsonReport } from '../report/json.js';
import type { JsonReport } from '../report/types.js';
import { resolveKccConfig } from '../facts/kcc/config.js';
import { ConfigError } from '../config/index.js';
import { KnowledgeBaseError } from '../facts/kcc/errors.js';
import { addressesSection, badgesFragment, briefingSection, chips, renderLetter, renderProgress, renderSummary, type LetterView, type Progress } from './render.js';
import { serveStrings } from './i18n.js';

/** A letter to check: an upload held in memory (never written to disk), or a file in the folder. */
export type Source = { kind: 'upload'; file: FoundFile; data: Buffer } | { kind: 'folder'; file: FoundFile };

export interface RunContext {
  cwd: string;
  config: ResolvedConfig;
  rules: Rule[];
  version: string;
  offline: boolean;
  today?: string;
  noCache?: boolean;
}

export interface RunEvent {
  id: number;
  type: 'letter' | 'fragment' | 'summary' | 'progress' | 'done' | 'failed';
  data: Record<string, unknown>;
}

type Readable = CheckedFile & { letter: Letter; refs: References };

export class Run {
  readonly events: RunEvent[] = [];
  private readonly listeners = new Set<(e: RunEvent) => void>();
  /** The files in the order they were read, with their views. */
  readonly files: CheckedFile[] = [];
  private readonly views: LetterView[] = [];
  private readonly facts: Facts;
  private result?: CheckRun;
  private readonly live: boolean;
  private readonly formsNeeded: boolean;
  private readonly kccNeeded: boolean;
  readonly progress: Progress;
  finished = false;
  failed?: string;
  readonly done: Promise<void>;

  constructor(
    readonly id: string,
    readonly sources: Source[],
    readonly lang: Lang,
    private readonly ctx: RunContext,
  ) {
    this.facts = baseFacts({ offline: ctx.offline, ...(ctx.today ? { today: ctx.today } : {}) });
    this.live = !ctx.offline && needed(ctx.rules, ctx.config, 'site');
    this.formsNeeded = this.live && needed(ctx.rules, ctx.config, 'forms');
    this.kccNeeded = needed(ctx.rules, ctx.config, 'kcc') && (resolveKccConfig(ctx.config.kcc).adapter === 'folder' || !ctx.offline);
    this.progress = {
      read: false,
      urls: { done: 0, total: 0 },
      offline: !this.live,
      forms: this.formsNeeded ? 'pending' : 'none',
      kcc: this.kccNeeded ? 'pending' : 'none',
      finished: false,
    };
    this.done = this.start();
  }

  /** Listen to the events after `after` (those before are replayed at once). Returns the unsubscribe. */
  subscribe(after: number, listener: (e: RunEvent) => void): () => void {
    for (const e of this.events) if (e.id > after) listener(e);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The run's JSON report once it is done (what `check --format json` prints for these letters). */
  report(): JsonReport | undefined {
    return this.result ? toJsonReport(this.result, this.ctx.version, this.lang) : undefined;
  }

  /** A readable letter of this run, by its index (for its briefing). */
  letter(index: number): Readable | undefined {
    const f = this.files[index];
    return f?.letter && f.refs ? (f as Readable) : undefined;
  }

  private emit(type: RunEvent['type'], data: Record<string, unknown>): void {
    const event = { id: this.events.length + 1, type, data };
    this.events.push(event);
    for (const l of this.listeners) l(event);
  }

  /** The letter's id prefix on the page: the same for the same place in a run checked again, so focus can stay. */
  private key(index: number): string {
    return `l${index + 1}`;
  }

  private async *letters(): AsyncGenerator<[FoundFile, LoadedBytes]> {
    for (const s of this.sources) yield [s.file, s.kind === 'upload' ? { data: s.data } : await loadBytes(s.file)];
  }

  private async start(): Promise<void> {
    await Promise.resolve();
    this.emitProgress();
    const { ctx } = this;
    try {
      this.result = await checkLoaded(this.letters(), {
        cwd: ctx.cwd,
        config: ctx.config,
        rules: ctx.rules,
        lang: this.lang,
        offline: ctx.offline,
        ...(ctx.today ? { today: ctx.today } : {}),
        ...(ctx.noCache ? { noCache: true } : {}),
        keepText: true,
        onRead: (file) => this.read(file),
        onProgress: (done, total, host) => {
          this.progress.urls = { done, total: Math.max(total, this.progress.urls.total), host };
          this.emitProgress();
        },
        onUrl: (href, result) => {
          (this.facts.site ??= { urls: {}, stats: { urls: 0, requests: 0, cacheHits: 0 } }).urls[href] = result;
          this.views.forEach((v, i) => {
            const f = this.files[i];
            if (f.refs && addressFacts(f.refs).some((a) => a.href === href)) this.updateAddresses(i);
          });
        },
        onKcc: (kcc) => {
          this.facts.kcc = kcc;
          this.progress.kcc = 'done';
          this.views.forEach((_, i) => this.updateBriefing(i));
          this.emitSummary();
          this.emitProgress();
        },
        onForms: (forms) => {
          this.facts.forms = forms;
          this.progress.forms = 'done';
          this.views.forEach((_, i) => this.updateAddresses(i));
          this.emitProgress();
        },
      });
      this.finish();
    } catch (error) {
      this.failed = failureText(error, this.lang);
      this.progress.failed = this.failed;
      this.emitProgress();
      this.emit('failed', { message: this.failed });
    } finally {
      this.finished = true;
    }
  }

  /** A letter as soon as it is read: its text, and the findings of the rules that need no facts. */
  private read(file: CheckedFile): void {
    const index = this.files.push(file) - 1;
    const source = this.sources[index];
    const view: LetterView = {
      key: this.key(index),
      run: this.id,
      index,
      file: this.json(file),
      blocks: file.letter?.blocks ?? [],
      ...(file.letter ? { format: file.letter.format } : {}),
      source: source?.kind ?? 'folder',
      pending: this.pendingFor(file),
      kcc: this.kccInfo(),
    };
    this.views.push(view);
    this.progress.read = this.files.length >= this.sources.length;
    if (this.progress.read && this.live) this.progress.urls.total = Math.max(this.progress.urls.total, this.distinctUrls());
    this.emit('letter', { key: view.key, path: file.path, html: renderLetter(view, this.lang).html });
    this.emitSummary();
    this.emitProgress();
  }

  private distinctUrls(): number {
    const hrefs = new Set<string>();
    for (const f of this.files) if (f.refs) for (const a of addressFacts(f.refs)) hrefs.add(a.href);
    return hrefs.size;
  }

  private kccInfo(): LetterView['kcc'] {
    const kcc = resolveKccConfig(this.ctx.config.kcc);
    const folder = relative(this.ctx.cwd, resolve(this.ctx.config.root, kcc.folder)).split('\\').join('/') || '.';
    return { adapter: kcc.adapter, folder: kcc.adapter === 'folder' ? `${folder}/` : kcc.adapter };
  }

  private pendingFor(file: CheckedFile): LetterView['pending'] {
    if (this.result || !file.refs) return { site: false, forms: false, kcc: false };
    const site = this.live && addressFacts(file.refs).some((a) => !this.facts.site?.urls[a.href]);
    return { site, forms: this.formsNeeded && !this.facts.forms, kcc: this.kccNeeded && !this.facts.kcc };
  }

  /** The file as the JSON report shows it now: the preliminary findings and the facts known so far. */
  private json(file: CheckedFile) {
    if (!file.letter || !file.refs) return toJsonReport({ files: [file], facts: this.facts, skipped: [], ignored: [] }, this.ctx.version, this.lang).files[0];
    const { config, rules } = this.ctx;
    const about = letterFacts(file.letter, file.refs, this.facts, config);
    // Only the rules whose facts are all in: the others run once the run has them all.
    const findings = runRules(file.letter, file.refs, baseFacts(this.facts), config, rules, this.lang);
    return toJsonReport({ files: [{ ...file, findings, about }], facts: this.facts, skipped: [], ignored: [] }, this.ctx.version, this.lang).files[0];
  }

  private refresh(index: number): LetterView {
    const v = this.views[index];
    v.file = this.json(this.files[index]);
    v.pending = this.pendingFor(this.files[index]);
    return v;
  }

  private updateAddresses(index: number): void {
    const v = this.refresh(index);
    for (const c of chips(v, this.lang)) this.emit('fragment', c);
    this.emit('fragment', { id: `${v.key}-addr`, html: addressesSection(v, this.lang).html });
  }

  private updateBriefing(index: number): void {
    const v = this.refresh(index);
    this.emit('fragment', { id: `${v.key}-kcc`, html: briefingSection(v, this.lang).html });
    this.emit('fragment', { id: `${v.key}-badges`, html: badgesFragment(v, this.lang).html });
  }

  private emitProgress(): void {
    this.emit('progress', { html: renderProgress(this.progress, this.lang).html, finished: this.progress.finished || !!this.progress.failed });
  }

  /** The totals: of the findings shown so far, or of the run's report. */
  private emitSummary(report?: JsonReport): void {
    const summary = report?.summary ?? summarize(this.views.map((v) => v.file));
    this.emit('summary', { html: renderSummary(this.views, summary, this.lang).html });
  }

  /** The run's findings and facts, as `check` has them: every letter again. */
  private finish(): void {
    const report = this.report()!;
    for (const [i, v] of this.views.entries()) {
      v.file = report.files[i];
      v.pending = { site: false, forms: false, kcc: false };
      this.emit('letter', { key: v.key, path: v.file.path, html: renderLetter(v, this.lang).html });
    }
    this.progress.finished = true;
    this.progress.read = true;
    this.emitSummary(report);
    this.emitProgress();
    const s = serveStrings(this.lang);
    this.emit('done', { announce: s.summary.announce(report.summary.errors, report.summary.warnings), report: `/api/runs/${this.id}/report.json` });
  }
}

function failureText(error: unknown, lang: Lang): string {
  if (error instanceof ConfigError) return error.reason[lang];
  if (error instanceof KnowledgeBaseError) return `${error.location}: ${error.reason[lang]}`;
  return error instanceof Error ? error.message : String(error);
}

/** The runs the server knows: the latest few, with their letters (uploads only in memory). */
export class Runs {
  private readonly runs = new Map<string, Run>();
  private seq = 0;

  constructor(
    private readonly ctx: RunContext,
    private readonly keep = 6,
  ) {}

  start(sources: Source[], lang: Lang): Run {
    const id = `r${++this.seq}`;
    const run = new Run(id, sources, lang, this.ctx);
    this.runs.set(id, run);
    while (this.runs.size > this.keep) this.runs.delete(this.runs.keys().next().value!);
    return run;
  }

  get(id: string): Run | undefined {
    return this.runs.get(id);
  }

  /** Wait for every run still going (on close). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.runs.values()].map((r) => r.done));
  }
}
