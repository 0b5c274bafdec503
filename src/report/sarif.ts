/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
 * Validated against the official OASIS schema in test/report/sarif.test.ts.
 */
import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result, Notification, Run } from 'sarif';
import type { JsonFile, JsonFinding, JsonReport } from './types.js';
import { baselineKey } from '../baseline.js';
import { REPOSITORY_URL } from '../paths.js';

export interface RuleInfo {
  id: string;
  description: string;
  helpUri: string;
  defaultSeverity: 'error' | 'warn' | 'off';
}

export interface SarifOptions {
  /** Defaults to report.version. */
  toolVersion?: string;
  /** Defaults to the repository brieflint is installed from (package.json `repository`). */
  informationUri?: string;
}

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const BRIEFLINT_INFORMATION_URI = REPOSITORY_URL;
/** Relative artifact URIs are relative to the root of the checked-out repository. */
export const SRCROOT = '%SRCROOT%';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
const DEFAULT_LEVEL = { error: 'error', warn: 'warning', off: 'none' } as const;

export function isDocxPath(path: string): boolean {
  return /\.docx$/i.test(path);
}

/**
 * The artifact URI of a letter path: relative paths percent-encoded segment by segment (spaces,
 * `#`, `?` …) and resolved against %SRCROOT%; absolute paths become file: URIs.
 */
export function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  const p = path.replace(/\\/g, '/');
  const encode = (s: string) => s.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(p)) return { uri: `file:///${p.slice(0, 2)}${encode(p.slice(2))}` };
  if (p.startsWith('/')) return { uri: `file://${encode(p)}` };
  return { uri: encode(p.replace(/^(\.\/)+/, '')), uriBaseId: SRCROOT };
}

function docxNote(f: JsonFinding): string {
  const where = f.part && f.part !== 'body' ? ` (${f.part})` : '';
  return f.column >= 1
    ? `[.docx: paragraph ${f.line}${where}, character ${f.column}]`
    : `[.docx: paragraph ${f.line}${where}]`;
}

/** Stable across line moves (same key as the baseline); the n-th copy of a key gets its own. */
function fingerprint(key: string, occurrence: number): string {
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}:${occurrence}`;
}

export function formatSarif(report: JsonReport, rules: RuleInfo[], options: SarifOptions = {}): string {
  const descriptors: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const addRule = (d: ReportingDescriptor) => {
    ruleIndex.set(d.id, descriptors.length);
    descriptors.push(d);
  };
  for (const rule of rules) {
    if (ruleIndex.has(rule.id)) continue;
    addRule({
      id: rule.id,
      name: rule.id,
      shortDescription: { text: rule.description },
      helpUri: rule.helpUri,
      help: { text: `${rule.description}\n${rule.helpUri}`, markdown: `${rule.description}\n\n[${rule.id}](${rule.helpUri})` },
      defaultConfiguration: { enabled: rule.defaultSeverity !== 'off', level: DEFAULT_LEVEL[rule.defaultSeverity] },
    });
  }

  const results: Result[] = [];
  const seen = new Map<string, number>();
  const notifications: Notification[] = [];
  for (const file of report.files) {
    if (file.error) {
      notifications.push({
        level: 'error',
        message: { text: `${file.path}: ${file.error}` },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(file.path),
              ...(file.errorAt?.line ? { region: { startLine: file.errorAt.line } } : {}),
            },
          },
        ],
      });
    }
    for (const f of file.findings) {
      if (!ruleIndex.has(f.rule)) addRule({ id: f.rule, name: f.rule });
      const key = baselineKey(file.path, f);
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      results.push(result(file, f, ruleIndex.get(f.rule)!, fingerprint(key, occurrence)));
    }
  }

  const run: Run = {
    tool: {
      driver: {
        name: 'brieflint',
        version: options.toolVersion ?? report.version,
        informationUri: options.informationUri ?? BRIEFLINT_INFORMATION_URI,
        rules: descriptors,
      },
    },
    invocations: [
      {
        executionSuccessful: report.summary.unreadable === 0,
        ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
      },
    ],
    columnKind: 'utf16CodeUnits',
    results,
    properties: {
      files: report.summary.files,
      errors: report.summary.errors,
      warnings: report.summary.warnings,
      unreadable: report.summary.unreadable,
      ...(report.summary.suppressed !== undefined ? { suppressed: report.summary.suppressed } : {}),
      ...(report.summary.skippedRules?.length ? { skippedRules: report.summary.skippedRules } : {}),
    },
  };
  const log: Log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function result(file: JsonFile, f: JsonFinding, index: number, print: string): Result {
  const docx = isDocxPath(file.path);
  const hasLine = Number.isInteger(f.line) && f.line >= 1;
  let text = f.message;
  if (f.hint) text += `\n${f.hint}`;
  if (docx && hasLine) text += ` ${docxNote(f)}`;

  const properties: Record<string, unknown> = {};
  if (f.url) properties.url = f.url;
  if (f.hint) properties.hint = f.hint;
  if (f.part) properties.part = f.part;
  if (docx && hasLine) {
    properties.locationKind = 'docx-paragraph';
    properties.paragraph = f.line;
    if (f.column >= 1) properties.character = f.column;
  }

  const r: Result = {
    ruleId: f.rule,
    ruleIndex: index,
    level: LEVEL[f.severity],
    message: { text },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(file.path),
          ...(hasLine
            ? { region: { startLine: f.line, ...(Number.isInteger(f.column) && f.column >= 1 ? { startColumn: f.column } : {}) } }
            : {}),
        },
      },
    ],
    partialFingerprints: { 'brieflint/v1': print },
  };
  if (Object.keys(properties).length) r.properties = properties;
  return r;
}
