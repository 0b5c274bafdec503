import type { Finding, Lang, Location } from '../types.js';
import type { CheckRun } from '../check.js';
import { normalizeUrl, sameUrl } from '../model/url.js';
import type { JsonFile, JsonFinding, JsonReport, JsonUrl } from './types.js';
import type { BriefingFacts } from '../model/letter-facts.js';
import { INTERNAL_ERROR } from '../engine.js';
import { safeJson } from './escape.js';

const at = (l: Location | undefined) => ({ line: l?.line ?? 0, column: l?.column ?? 0 });
const partOf = (l: Location | undefined) => (l?.part && l.part !== 'body' ? { part: l.part } : {});

export function toJsonFinding(f: Finding): JsonFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    ...at(f.location),
    ...(f.url ? { url: f.url } : {}),
    ...(f.hint ? { hint: f.hint } : {}),
    ...partOf(f.location),
  };
}

/** The run as the JSON contract (README "JSON output"). */
export function toJsonReport(run: CheckRun, version: string, lang: Lang): JsonReport {
  const files: JsonFile[] = run.files.map((f) => {
    const meta = f.letter?.meta;
    const refs = f.refs;
    return {
      path: f.path,
      letter: meta
        ? {
            id: meta.id,
            ...(meta.title ? { title: meta.title } : {}),
            ...(meta.kenmerk ? { kenmerk: meta.kenmerk } : {}),
            ...(meta.mailingDate ? { mailingDate: meta.mailingDate } : {}),
            ...(meta.recipients !== undefined ? { recipients: meta.recipients } : {}),
            ...(meta.owner ? { owner: meta.owner } : {}),
          }
        : null,
      references: {
        urls: (refs?.urls ?? []).map((u) => ({
          ...(u.visible || !u.linked ? { printed: u.printed } : { hidden: true as const }),
          href: u.href,
          ...at(u.location),
          ...(u.linkText !== undefined ? { linkText: u.linkText } : {}),
          ...partOf(u.location),
          ...siteResult(run, u.href),
          ...formResult(run, u.href),
          // A link whose text is another address: what a reader of the paper letter types, judged on its own.
          ...(u.linked && u.visible && !sameUrl(u.printed, u.href) && /^https?:\/\//i.test(u.href)
            ? { typed: { href: normalizeUrl(u.printed), ...siteResult(run, normalizeUrl(u.printed)), ...formResult(run, normalizeUrl(u.printed)) } }
            : {}),
        })),
        forms: (refs?.forms ?? []).map((m) => ({
          kind: m.kind,
          text: m.text,
          ...at(m.location),
          ...partOf(m.location),
          ...(m.online !== undefined ? { online: m.online } : {}),
          ...(m.url !== undefined && refs?.urls[m.url] ? { url: refs.urls[m.url].href } : {}),
          ...(m.placeholder !== undefined && refs?.placeholders[m.placeholder] ? { placeholder: refs.placeholders[m.placeholder].printed } : {}),
        })),
        phones: (refs?.phones ?? []).map((p) => ({ printed: p.printed, normalized: p.normalized, ...at(p.location), ...partOf(p.location) })),
        emails: (refs?.emails ?? []).map((e) => ({ printed: e.printed, address: e.address, ...at(e.location), ...partOf(e.location) })),
        ...(refs?.placeholders.length
          ? {
              placeholders: refs.placeholders.map((p) => ({
                printed: p.printed,
                ...at(p.location),
                ...partOf(p.location),
                inUrl: p.inUrl,
                ...(p.role ? { role: p.role } : {}),
              })),
            }
          : {}),
        ...(refs?.qr?.length
          ? {
              qr: refs.qr.map((q) => ({
                payload: q.payload,
                kind: q.kind,
                ...(q.href ? { href: q.href } : {}),
                ...at(q.location),
                ...partOf(q.location),
                image: q.image,
                region: q.region,
                ...(q.thumbnail ? { thumbnail: q.thumbnail } : {}),
                ...(q.payment ? { payment: q.payment } : {}),
                ...(q.url !== undefined && refs.urls[q.url] ? { nextTo: refs.urls[q.url].href } : {}),
                ...(q.href ? { ...siteResult(run, q.href), ...formResult(run, q.href) } : {}),
              })),
            }
          : {}),
        ...(refs?.images?.length
          ? { images: refs.images.map((i) => ({ image: i.image, format: i.format, reason: i.reason, ...at(i.location), ...partOf(i.location) })) }
          : {}),
      },
      findings: f.findings.map(toJsonFinding),
      ...(f.error ? { error: f.error[lang] } : {}),
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.errorAt ? { errorAt: f.errorAt } : {}),
      ...(f.about?.briefing ? { briefing: jsonBriefing(f.about.briefing) } : {}),
    };
  });
  const summary = summarize(files, run.skipped);
  return {
    version,
    files,
    summary: {
      ...summary,
      ...(run.ignored.length ? { ignored: run.ignored.length } : {}),
      ...(run.skippedFiles?.length ? { skippedFiles: run.skippedFiles } : {}),
    },
  };
}

function siteResult(run: CheckRun, href: string): Pick<JsonUrl, 'result' | 'excluded'> {
  const excluded = run.facts.site?.excluded?.[href];
  if (excluded) return { excluded: { by: excluded.by, pattern: excluded.pattern, ...(excluded.line !== undefined ? { line: excluded.line } : {}) } };
  const r = run.facts.site?.urls[href];
  if (!r) return {};
  return {
    result: {
      kind: r.kind,
      finalUrl: r.finalUrl,
      ...(r.status !== undefined ? { status: r.status } : {}),
      chain: r.chain,
      ...(r.error ? { error: r.error } : {}),
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.login ? { login: r.login } : {}),
      ...(r.title ? { title: r.title } : {}),
      ...(r.offsite ? { offsite: true } : {}),
      ...(r.variants.length
        ? {
            variants: r.variants.map((v) => ({
              variant: v.variant,
              url: v.url,
              kind: v.kind,
              finalUrl: v.finalUrl,
              ...(v.status !== undefined ? { status: v.status } : {}),
              ...(v.problem ? { problem: v.problem } : {}),
            })),
          }
        : {}),
    },
  };
}

function formResult(run: CheckRun, href: string): Pick<JsonUrl, 'form'> {
  const f = run.facts.forms?.urls[href];
  if (!f || f.state === 'none') return {};
  return {
    form: {
      platform: f.platform ?? 'html',
      ...(f.slug ? { slug: f.slug } : {}),
      state: f.state,
      ...(f.name ? { name: f.name } : {}),
      ...(f.loginRequired !== undefined ? { loginRequired: f.loginRequired } : {}),
      ...(f.reason ? { reason: f.reason } : {}),
    },
  };
}

/** The briefing as the facts see it (null: none covers the letter), whatever rules ran or were baselined. */
function jsonBriefing(known: BriefingFacts): JsonFile['briefing'] {
  const b = known.chosen?.briefing;
  if (!b) return null;
  return {
    source: b.source,
    id: b.id,
    path: b.location,
    ...(b.title ? { title: b.title } : {}),
    ...(b.validUntil ? { validUntil: b.validUntil } : {}),
    state: known.state as Exclude<BriefingFacts['state'], 'missing'>,
    ...(b.validFrom ? { validFrom: b.validFrom } : {}),
    checkedOn: known.date,
    mustRunUntil: known.mustRunUntil,
    mismatches: known.mismatches.length,
    ...(known.covering.length > 1 ? { covering: known.covering.length } : {}),
  };
}

export function summarize(files: JsonFile[], skippedRules: string[] = []): JsonReport['summary'] {
  let errors = 0;
  let warnings = 0;
  let internal = 0;
  for (const f of files) {
    for (const x of f.findings) {
      if (x.rule === INTERNAL_ERROR) internal++;
      if (x.severity === 'error') errors++;
      else if (x.severity === 'warning') warnings++;
    }
  }
  return {
    files: files.length,
    errors,
    warnings,
    unreadable: files.filter((f) => f.error !== undefined).length,
    ...(skippedRules.length ? { skippedRules } : {}),
    ...(internal ? { internalErrors: internal } : {}),
  };
}

export function formatJson(report: JsonReport): string {
  return `${safeJson(report, 2)}\n`;
}

const FILES_AT_TOP = '\n  "files": []';

/**
 * formatJson's text in pieces, one per checked file, so a report on 10,000 letters is never one
 * string in memory (nor its UTF-8 copy on the way out). Joined, the pieces are exactly formatJson's.
 */
export function* jsonParts(report: JsonReport): Generator<string> {
  const frame = formatJson({ ...report, files: [] });
  const at = frame.indexOf(FILES_AT_TOP);
  if (report.files.length === 0 || at === -1) {
    yield formatJson(report);
    return;
  }
  yield `${frame.slice(0, at)}\n  "files": [`;
  for (let i = 0; i < report.files.length; i++) {
    yield `${i === 0 ? '' : ','}\n    ${safeJson(report.files[i], 2).replace(/\n/g, '\n    ')}`;
  }
  yield `\n  ]${frame.slice(at + FILES_AT_TOP.length)}`;
}
