/**
 * `brieflint merge-reports`: join the JSON or SARIF reports of `--shard i/n` runs into one report,
 * as if one run had checked every letter. Nothing is dropped: every file entry, finding and SARIF
 * result of every input is in the output.
 */
import type { Artifact, Invocation, Log, ReportingDescriptor, Result, Run } from 'sarif';
import { summarize } from './report/json.js';
import type { JsonReport } from './report/types.js';
import type { Message } from './types.js';
import { validatorFor } from './validators.js';
import { jsonReportSchema, sarifStructureSchema } from './report/schema.js';

export interface MergeOptions {
  /** Something the user should know (different versions, a file in more than one report). */
  onNote?(note: string): void;
}

/** An input that is not a report of the expected kind (message names which input). */
export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Which kind of report a parsed file is: brieflint JSON, SARIF, or neither. */
export function reportKind(value: unknown): 'json' | 'sarif' | undefined {
  if (!isObject(value)) return undefined;
  if (Array.isArray(value.runs) && typeof value.version === 'string') return 'sarif';
  if (Array.isArray(value.files) && isObject(value.summary)) return 'json';
  return undefined;
}

/** "/files/0/findings" → "files[0].findings". */
function fieldOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

/**
 * What is wrong with an input of merge-reports, naming the field (JSON Schema of the JSON report;
 * the structure merging relies on for SARIF), or undefined when it can be merged. At most three
 * problems; ajv's own wording ("must be array") stays English in both languages.
 */
export function checkReportShape(value: unknown, kind: 'json' | 'sarif'): Message | undefined {
  const validate = kind === 'json' ? validatorFor('jsonReport', jsonReportSchema) : validatorFor('sarifStructure', sarifStructureSchema);
  if (validate(value)) return undefined;
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'anyOf');
  const seen = new Set<string>();
  const problems: Array<{ field: string; what: string }> = [];
  for (const e of errors.length ? errors : (validate.errors ?? [])) {
    const missing = e.keyword === 'required' ? String(e.params.missingProperty) : undefined;
    const field = fieldOf(e.instancePath) + (missing ? `${e.instancePath ? '.' : ''}${missing}` : '');
    if (seen.has(field)) continue;
    seen.add(field);
    problems.push({ field: field || '(top level)', what: missing ? 'is missing' : (e.message ?? 'is invalid') });
    if (problems.length === 3) break;
  }
  return {
    nl: problems.map((p) => `veld "${p.field}": ${p.what === 'is missing' ? 'ontbreekt' : p.what}`).join('; '),
    en: problems.map((p) => `field "${p.field}" ${p.what}`).join('; '),
  };
}

/**
 * One JSON report from several: files concatenated and sorted by path (stable, so a file present
 * in two reports keeps both entries in input order), the summary recomputed from the files,
 * skippedRules and skippedFiles unioned, suppressed summed. Different versions: the first is kept and a note says so.
 */
export function mergeJsonReports(reports: JsonReport[], options: MergeOptions = {}): JsonReport {
  if (reports.length === 0) throw new MergeError('no reports to merge');
  reports.forEach((r, i) => {
    if (reportKind(r) !== 'json') throw new MergeError(`report ${i + 1} is not a brieflint JSON report (no files/summary)`);
  });
  const version = reports[0].version;
  const versions = [...new Set(reports.map((r) => r.version))];
  if (versions.length > 1) {
    options.onNote?.(`reports come from different brieflint versions (${versions.join(', ')}); the merged report says ${version}`);
  }
  const files = reports.flatMap((r) => r.files).sort((a, b) => byText(a.path, b.path));
  const seen = new Map<string, number>();
  for (const f of files) seen.set(f.path, (seen.get(f.path) ?? 0) + 1);
  const twice = [...seen].filter(([, n]) => n > 1).map(([p]) => p);
  if (twice.length) {
    options.onNote?.(
      `${twice.length} file(s) appear in more than one report and are kept once per report (overlapping shards?): ${twice.slice(0, 5).join(', ')}${twice.length > 5 ? ', …' : ''}`,
    );
  }
  const skipped = [...new Set(reports.flatMap((r) => r.summary.skippedRules ?? []))].sort(byText);
  const summary = summarize(files, skipped);
  if (reports.some((r) => r.summary.suppressed !== undefined)) {
    summary.suppressed = reports.reduce((n, r) => n + (r.summary.suppressed ?? 0), 0);
  }
  // The same note from several shards is said once.
  const notes = new Map<string, { id: string; message: string }>();
  for (const note of reports.flatMap((r) => r.summary.notes ?? [])) if (!notes.has(note.id)) notes.set(note.id, note);
  if (notes.size) summary.notes = [...notes.values()];
  const skippedFiles = [...new Set(reports.flatMap((r) => r.summary.skippedFiles ?? []))].sort(byText);
  if (skippedFiles.length) summary.skippedFiles = skippedFiles;
  return { version, files, summary };
}

/**
 * One SARIF 2.1.0 log from several: one run per tool driver (by name, in order of first
 * appearance). Per run: results concatenated, rules deduplicated by id (first descriptor wins;
 * `ruleIndex` rewritten), artifacts deduplicated by location (`index` references rewritten),
 * invocations concatenated (one per shard), numeric `properties` summed and array properties
 * unioned (brieflint's files/errors/warnings/unreadable/suppressed/skippedRules), other run
 * fields from the first run. A driver version that differs is noted; the first is kept.
 */
export function mergeSarif(logs: object[], options: MergeOptions = {}): Log {
  if (logs.length === 0) throw new MergeError('no SARIF logs to merge');
  const groups = new Map<string, Run[]>();
  logs.forEach((log, i) => {
    const l = log as Partial<Log>;
    if (!isObject(l) || !Array.isArray(l.runs)) throw new MergeError(`log ${i + 1} is not a SARIF log (no runs)`);
    if (l.version !== '2.1.0') throw new MergeError(`log ${i + 1} is SARIF ${String(l.version)}; only 2.1.0 can be merged`);
    l.runs.forEach((run, j) => {
      const name = run?.tool?.driver?.name;
      if (typeof name !== 'string') throw new MergeError(`log ${i + 1}, run ${j + 1}: no tool.driver.name`);
      const group = groups.get(name) ?? [];
      group.push(run);
      groups.set(name, group);
    });
  });
  const first = logs[0] as Log;
  return {
    $schema: first.$schema ?? 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [...groups.values()].map((runs) => mergeRuns(runs, options)),
  };
}

function mergeRuns(runs: Run[], options: MergeOptions): Run {
  const head = runs[0];
  const driver = head.tool.driver;
  const versions = [...new Set(runs.map((r) => r.tool.driver.version ?? r.tool.driver.semanticVersion).filter((v) => v !== undefined))];
  if (versions.length > 1) {
    options.onNote?.(`${driver.name}: runs come from different versions (${versions.join(', ')}); the merged run says ${versions[0]}`);
  }

  const rules: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const artifacts: Artifact[] = [];
  const artifactIndex = new Map<string, number>();
  const results: Result[] = [];
  const invocations: Invocation[] = [];
  const originalUriBaseIds: NonNullable<Run['originalUriBaseIds']> = {};
  let properties: Record<string, unknown> | undefined;

  for (const run of runs) {
    const ownRules = run.tool.driver.rules ?? [];
    const ruleMap = ownRules.map((rule) => {
      let at = ruleIndex.get(rule.id);
      if (at === undefined) {
        at = rules.length;
        rules.push(rule);
        ruleIndex.set(rule.id, at);
      }
      return at;
    });
    const artifactMap = (run.artifacts ?? []).map((artifact) => {
      const key = artifactKey(artifact.location);
      let at = key === undefined ? undefined : artifactIndex.get(key);
      if (at === undefined) {
        at = artifacts.length;
        artifacts.push(artifact);
        if (key !== undefined) artifactIndex.set(key, at);
      }
      return at;
    });
    for (const result of run.results ?? []) {
      const r = reindexArtifacts(structuredClone(result), artifactMap) as Result;
      const id = r.ruleId ?? r.rule?.id ?? (r.ruleIndex !== undefined ? ownRules[r.ruleIndex]?.id : undefined);
      if (id !== undefined && r.ruleIndex !== undefined) {
        const at = ruleIndex.get(id) ?? (r.ruleIndex < ruleMap.length ? ruleMap[r.ruleIndex] : undefined);
        if (at !== undefined) r.ruleIndex = at;
        else delete r.ruleIndex;
      }
      if (r.rule?.index !== undefined && !r.rule.toolComponent) {
        const at = id !== undefined ? ruleIndex.get(id) : undefined;
        if (at !== undefined) r.rule.index = at;
        else delete r.rule.index;
      }
      results.push(r);
    }
    invocations.push(...(run.invocations ?? []));
    for (const [k, v] of Object.entries(run.originalUriBaseIds ?? {})) if (!(k in originalUriBaseIds)) originalUriBaseIds[k] = v;
    if (run.properties) properties = mergeProperties(properties, run.properties as Record<string, unknown>);
  }

  const { results: _r, artifacts: _a, invocations: _i, originalUriBaseIds: _o, properties: _p, ...rest } = head;
  return {
    ...rest,
    tool: { ...head.tool, driver: { ...driver, rules } },
    ...(invocations.length ? { invocations } : {}),
    ...(Object.keys(originalUriBaseIds).length ? { originalUriBaseIds } : {}),
    ...(artifacts.length ? { artifacts } : {}),
    results,
    ...(properties ? { properties } : {}),
  };
}

function artifactKey(location: Artifact['location']): string | undefined {
  if (!location?.uri) return undefined;
  return `${location.uriBaseId ?? ''}\u0000${location.uri}`;
}

/** Rewrite `index` of every artifactLocation / analysisTarget in a result to the merged list. */
function reindexArtifacts(value: unknown, map: number[], key?: string): unknown {
  if (Array.isArray(value)) {
    value.forEach((v) => reindexArtifacts(v, map));
    return value;
  }
  if (!isObject(value)) return value;
  if ((key === 'artifactLocation' || key === 'analysisTarget') && typeof value.index === 'number') {
    const at = map[value.index];
    if (at === undefined) delete value.index;
    else value.index = at;
  }
  for (const [k, v] of Object.entries(value)) if (typeof v === 'object' && v !== null) reindexArtifacts(v, map, k);
  return value;
}

function mergeProperties(into: Record<string, unknown> | undefined, add: Record<string, unknown>): Record<string, unknown> {
  if (!into) return structuredClone(add);
  const out = { ...into };
  for (const [k, v] of Object.entries(add)) {
    const have = out[k];
    if (typeof have === 'number' && typeof v === 'number') out[k] = have + v;
    else if (Array.isArray(have) && Array.isArray(v)) out[k] = [...new Set([...have, ...v])];
    else if (have === undefined) out[k] = structuredClone(v);
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
