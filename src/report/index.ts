import { dirname } from 'node:path';
import type { Lang } from '../types.js';
import type { Rule } from '../rule.js';
import type { JsonReport } from './types.js';
import { formatJson, jsonParts } from './json.js';
import { formatStylish } from './stylish.js';
import { formatSarif, type RuleInfo } from './sarif.js';
import { formatJunit } from './junit.js';
import { formatGithub } from './github.js';
import { formatMarkdown } from './markdown.js';
import { formatHtml } from './html.js';

export const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface FormatContext {
  lang: Lang;
  color: boolean;
  quiet: boolean;
  rules: Rule[];
  version: string;
  /** The web address of the repository brieflint is installed from (package.json `repository`): rule help links, SARIF informationUri. */
  repository: string;
  /** --max-warnings 0: warnings fail the JUnit test cases too. */
  warningsFail: boolean;
  now: Date;
  /** The run's today (`--today`, else the local date): the KCC page's dates. */
  today?: string;
  /** Days a mailing stays in circulation (kcc-briefing-outdated's minDaysAfterMailing). */
  minDaysAfterMailing?: number;
  /** Where briefing paths are relative to (the config root), and where this output is written (absolute; absent: stdout, seen from `cwd`). */
  root?: string;
  cwd?: string;
  target?: string;
  /** kcc.linkBase: briefings are linked at this base instead of relative to the page. */
  linkBase?: string;
}

/**
 * Where a rule's documentation lives: rules/<id>.md in the repository at the version's tag
 * (`base`: package.json `repository`). brieflint is not on the npm registry, so never unpkg.
 */
export function ruleHelpUri(id: string, version: string, base: string): string {
  return `${base}/blob/v${version}/rules/${id}.md`;
}

function ruleInfo(rules: Rule[], version: string, base: string, lang: Lang): RuleInfo[] {
  return rules.map((r) => ({
    id: r.meta.id,
    description: r.meta.description[lang],
    helpUri: ruleHelpUri(r.meta.id, version, base),
    defaultSeverity: r.meta.defaultSeverity,
  }));
}

/** Render the report in one of the formats. */
export function render(format: Format, report: JsonReport, ctx: FormatContext): string {
  switch (format) {
    case 'stylish':
      return formatStylish(report, { lang: ctx.lang, color: ctx.color, quiet: ctx.quiet });
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, ruleInfo(ctx.rules, ctx.version, ctx.repository, ctx.lang), { lang: ctx.lang, informationUri: ctx.repository });
    case 'junit':
      return formatJunit(report, { warningsAsFailures: ctx.warningsFail, lang: ctx.lang });
    case 'github':
      return formatGithub(report, ctx.lang);
    case 'markdown':
      return formatMarkdown(report, ctx.lang);
    case 'html':
      return formatHtml(report, ctx.lang, {
        generatedAt: ctx.now.toISOString(),
        ...(ctx.today ? { today: ctx.today } : {}),
        ...(ctx.minDaysAfterMailing !== undefined ? { minDaysAfterMailing: ctx.minDaysAfterMailing } : {}),
        ...(ctx.linkBase ? { linkBase: ctx.linkBase } : {}),
        ...(ctx.root ? { briefingRoot: ctx.root, pageDir: ctx.target ? dirname(ctx.target) : (ctx.cwd ?? ctx.root) } : {}),
      });
  }
}

/** The report in pieces to write one after the other: JSON per checked file, the others whole. */
export function renderParts(format: Format, report: JsonReport, ctx: FormatContext): Iterable<string> {
  return format === 'json' ? jsonParts(report) : [render(format, report, ctx)];
}

/** `--report FORMAT=PATH` → { format, path }; throws with a clear message. */
export function parseReportSpec(spec: string): { format: Format; path: string } {
  const eq = spec.indexOf('=');
  const format = spec.slice(0, eq) as Format;
  const path = spec.slice(eq + 1);
  if (eq <= 0 || !path) throw new Error(`expected FORMAT=PATH, e.g. sarif=brieflint.sarif (got "${spec}")`);
  if (!FORMATS.includes(format)) throw new Error(`unknown format "${format}"; one of ${FORMATS.join(', ')}`);
  return { format, path };
}
