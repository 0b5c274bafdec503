import type { Finding, Lang, Letter, Message, Part, References, Severity, SeveritySetting } from './types.js';
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
    // A rule that throws, or returns what is no report, is a bug in brieflint: its findings on this
    // letter are replaced by one that names the rule and the letter, and the other rules still run.
    const own: Finding[] = [];
    try {
      for (const r of rule.check({ letter, refs, facts, options: setting.options, config, about })) {
        if (isDisabled(letter, rule.meta.id, r.location?.line, r.location?.part)) continue;
        own.push({
          rule: rule.meta.id,
          severity: SEVERITY[setting.severity],
          message: text(r.message, lang),
          ...(r.location ? { location: r.location } : {}),
          ...(r.url ? { url: r.url } : {}),
          ...(r.hint ? { hint: text(r.hint, lang) } : {}),
        });
      }
    } catch (error) {
      findings.push(internalError(rule.meta.id, letter, error, lang));
      continue;
    }
    findings.push(...own);
  }
  return findings.sort(compareFindings);
}

/** A message in the run's language; a rule that left it out has a bug (contained by runRules). */
function text(message: Message, lang: Lang): string {
  const s = message[lang];
  if (typeof s !== 'string') throw new TypeError(`a report without a ${lang === 'nl' ? 'Dutch' : 'English'} message`);
  return s;
}

/** The rule id of a finding that says a rule failed (the run then exits 2). */
export const INTERNAL_ERROR = 'internal-error';

/** The finding that says a rule failed on a letter: which rule, which letter, and what went wrong. */
function internalError(ruleId: string, letter: Letter, error: unknown, lang: Lang): Finding {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const message: Message = {
    nl: `De regel ${ruleId} liep vast op ${letter.path} (${what}). Dit is een fout in brieflint: meld het, met de brief als het kan. De andere regels zijn wel uitgevoerd.`,
    en: `The rule ${ruleId} failed on ${letter.path} (${what}). This is a bug in brieflint: please report it, with the letter if you can. The other rules did run.`,
  };
  return { rule: INTERNAL_ERROR, severity: 'error', message: message[lang] };
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
