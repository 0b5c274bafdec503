import type { Finding, Lang, Letter, Part, References, Severity, SeveritySetting } from './types.js';
import type { Facts, LetterFacts } from './facts/types.js';
import { letterFacts } from './model/letter-facts.js';
import type { ResolvedConfig } from './config/types.js';
import type { Rule } from './rule.js';
import { enabledAnywhere } from './config/overrides.js';

export interface RuleRun {
  findings: Finding[];
  /** Enabled rules that did not run because the facts they need were not gathered. */
  skipped: string[];
}

const SEVERITY: Record<Exclude<SeveritySetting, 'off'>, Severity> = { error: 'error', warn: 'warning' };
const PART_ORDER = ['frontmatter', 'properties', 'header', 'body', 'textbox', 'footnote', 'endnote', 'footer'];

/** Which enabled rules (in `rules` or an override) cannot run on these facts (e.g. live checks under --offline). */
export function skippedRules(rules: Rule[], facts: Facts, config: ResolvedConfig): string[] {
  return rules
    .filter((r) => enabledAnywhere(config, r.meta.id) && !hasFacts(r, facts))
    .map((r) => r.meta.id);
}

function hasFacts(rule: Rule, facts: Facts): boolean {
  return (rule.meta.needs ?? []).every((need) => facts[need as keyof Facts] !== undefined);
}

/**
 * Run every enabled rule on one letter. Severities and options come from the config; inline
 * disable comments drop findings; findings are ordered by part, line, column, rule.
 */
export function runRules(
  letter: Letter,
  refs: References,
  facts: Facts,
  config: ResolvedConfig,
  rules: Rule[],
  lang: Lang,
  about: LetterFacts = letterFacts(letter, refs, facts, config),
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = config.rules[rule.meta.id] ?? { severity: rule.meta.defaultSeverity, options: rule.meta.defaultOptions };
    if (setting.severity === 'off' || !hasFacts(rule, facts)) continue;
    let reports: ReturnType<Rule['check']>;
    try {
      reports = rule.check({ letter, refs, facts, options: setting.options, config, about });
    } catch (error) {
      // A rule that throws is a bug in brieflint: say which rule and letter, and go on with the others.
      findings.push(internalError(rule.meta.id, error, lang));
      continue;
    }
    for (const r of reports) {
      if (isDisabled(letter, rule.meta.id, r.location?.line, r.location?.part)) continue;
      findings.push({
        rule: rule.meta.id,
        severity: SEVERITY[setting.severity],
        message: r.message[lang],
        ...(r.location ? { location: r.location } : {}),
        ...(r.url ? { url: r.url } : {}),
        ...(r.hint ? { hint: r.hint[lang] } : {}),
      });
    }
  }
  return findings.sort(compareFindings);
}

/** The rule id of a finding that says a rule failed (the run then exits 2). */
export const INTERNAL_ERROR = 'internal-error';

function internalError(ruleId: string, error: unknown, lang: Lang): Finding {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    rule: INTERNAL_ERROR,
    severity: 'error',
    message:
      lang === 'nl'
        ? `De regel ${ruleId} liep vast op deze brief (${what}). Dit is een fout in brieflint: meld het, met de brief als het kan. De andere regels zijn wel uitgevoerd.`
        : `The rule ${ruleId} failed on this letter (${what}). This is a bug in brieflint: please report it, with the letter if you can. The other rules did run.`,
  };
}

/**
 * Inline directives: disable-next-line, disable … enable ranges (Markdown, .txt), and closed
 * ranges in one part (a Word comment).
 */
function isDisabled(letter: Letter, ruleId: string, line: number | undefined, part: Part = 'body'): boolean {
  if (line === undefined || letter.directives.length === 0) return false;
  const names = (rules: string[]) => rules.length === 0 || rules.includes(ruleId);
  let disabled = false;
  for (const d of letter.directives) {
    if (d.part !== undefined && d.part !== part) continue;
    if (d.endLine !== undefined) {
      if (d.line <= line && line <= d.endLine && names(d.rules)) return true;
    } else if (d.kind === 'disable-next-line') {
      if (d.line + 1 === line && names(d.rules)) return true;
    } else if (d.line <= line && names(d.rules)) {
      disabled = d.kind === 'disable';
    }
  }
  return disabled;
}

export function compareFindings(a: Finding, b: Finding): number {
  const pa = PART_ORDER.indexOf(a.location?.part ?? 'body');
  const pb = PART_ORDER.indexOf(b.location?.part ?? 'body');
  return (
    pa - pb ||
    (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
    (a.location?.column ?? 0) - (b.location?.column ?? 0) ||
    a.rule.localeCompare(b.rule) ||
    a.message.localeCompare(b.message)
  );
}
