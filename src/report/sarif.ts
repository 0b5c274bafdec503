/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
 * Validated against the official OASIS schema in test/report/sarif.test.ts.
 */
import { createHash } from 'node:crypto';
import type { Log, ReportingDescriptor, Result, Notification, Run } from 'sarif';
import type { JsonFile, JsonFinding, JsonReport } from './types.js';
import { baselineKey } from '../baseline.js';
import { safeJson } from './escape.js';
import type { Lang } from '../types.js';
import { formatPosition, isDocxPath } from './position.js';

export interface RuleInfo {
  id: string;
  description: string;
  helpUri: string;
  defaultSeverity: 'error' | 'warn' | 'off';
}

export interface SarifOptions {
  /** Defaults to report.version. */
  toolVersion?: string;
  /** The repository brieflint is installed from (package.json `repository`); left out when not given. */
  informationUri?: string;
  /** The language of the messages, for the .docx position added to them (default nl). */
  lang?: Lang;
}

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** Relative artifact URIs are relative to the root of the checked-out repository. */
export const SRCROOT = '%SRCROOT%';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;
const DEFAULT_LEVEL = { error: 'error', warn: 'warning', off: 'none' } as const;


/**
 * A path segment as RFC 3986 allows it in a URI: every character outside `pchar` percent-encoded
 * as UTF-8 (space, `#`, `?`, `%`, `[`, `]`, `\\`, `"`, `<`, `>`, `^`, `` ` ``, `{`, `|`, `}`,
 * controls, non-ASCII). encodeURIComponent also encodes `:`, `@` and most sub-delims, which keeps a
 * colon out of the first segment of a relative reference, where RFC 3986 forbids it.
 */
function encodeSegment(segment: string): string {
  // A lone surrogate cannot be UTF-8 (encodeURIComponent would throw): U+FFFD, as toWellFormed does.
  return encodeURIComponent(segment.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

/**
 * The artifact URI of a letter path: relative paths percent-encoded segment by segment and
 * resolved against %SRCROOT%; absolute paths become file: URIs. Report paths use `/` between
 * folders on every system (a Windows path is converted when it is found), so a backslash is part
 * of a file name (legal on Linux) and is encoded as %5C, never read as a folder separator.
 */
export function artifactLocation(path: string): { uri: string; uriBaseId?: string } {
  const encode = (s: string) => s.split('/').map(encodeSegment).join('/');
  if (/^[A-Za-z]:\//.test(path)) return { uri: `file:///${path.slice(0, 2)}${encode(path.slice(2))}` };
  if (path.startsWith('/')) return { uri: `file://${encode(path)}` };
  return { uri: encode(path.replace(/^(\.\/)+/, '')), uriBaseId: SRCROOT };
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
      results.push(result(file, f, ruleIndex.get(f.rule)!, fingerprint(key, occurrence), options.lang ?? 'nl'));
    }
  }

  const run: Run = {
    tool: {
      driver: {
        name: 'brieflint',
        version: options.toolVersion ?? report.version,
        ...(options.informationUri ? { informationUri: options.informationUri } : {}),
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
      ...(report.summary.notes?.length ? { notes: report.summary.notes.map((n) => n.message) } : {}),
    },
  };
  const log: Log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
  return `${safeJson(log, 2)}\n`;
}

function result(file: JsonFile, f: JsonFinding, index: number, print: string, lang: Lang): Result {
  const docx = isDocxPath(file.path);
  const hasLine = Number.isInteger(f.line) && f.line >= 1;
  let text = f.message;
  if (f.hint) text += `\n${f.hint}`;
  const at = formatPosition('sarif', file.path, f, lang);
  if (at) text += ` ${at}`;

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
