/**
 * The rule contract, as a checker: what every rule owes besides its findings. Each function
 * returns the problems it finds as sentences (empty: the rule keeps the contract), so the test
 * can run it on every rule and show, on a deliberately broken rule, that it catches each breach.
 *
 * - the rule lives in `rules/<id>.ts`, default-exported, and is listed in `rules/index.ts`;
 * - `rules/<id>.md` (English) and `rules/<id>.nl.md` (Dutch) exist, start with `# <id>`, give the
 *   default severity and what the rule needs as its metadata says (`**Default:** warning · needs
 *   the live-site check`), and have the standard sections in order (others may sit between them);
 * - the README's rule table names every rule once, in the order of `allRules`, with its doc link,
 *   default severity and needs as the rule's metadata says;
 * - the rule's default options are valid against its own options schema (what the config would
 *   accept), and a rule without a schema has no default options.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Heading, Root } from 'mdast';
import type { Rule } from '../../src/rule.js';
import { validateOptions } from '../rule-tester.js';

/** The sections every rule page has, in this order, per language. */
export const STANDARD_SECTIONS = {
  en: ['What it checks', 'Why', 'Failing', 'Passing', 'Options'],
  nl: ['Wat het controleert', 'Waarom', 'Fout', 'Goed', 'Opties'],
} as const;

/** How the README's table writes a default severity. */
const README_SEVERITY: Record<string, string> = { error: 'error', warn: 'warning', off: 'off' };

const parser = unified().use(remarkParse);

/** The headings of a Markdown page (not lines inside fenced code), with their depth and text. */
export function headingsOf(markdown: string): Array<{ depth: number; text: string }> {
  const tree = parser.parse(markdown) as Root;
  return tree.children
    .filter((n): n is Heading => n.type === 'heading')
    .map((h) => ({ depth: h.depth, text: textOf(h).trim() }));
}

function textOf(node: { value?: unknown; children?: unknown[] }): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((c) => textOf(c as { value?: unknown; children?: unknown[] })).join('');
}

/** A rule file's default export must be a rule whose id is the file's name. */
export function fileProblems(file: string, exported: unknown, allRules: readonly Rule[]): string[] {
  const id = (exported as Partial<Rule> | undefined)?.meta?.id;
  if (typeof id !== 'string') return [`rules/${file}.ts: its default export is not a rule (no meta.id)`];
  const problems: string[] = [];
  if (id !== file) problems.push(`rules/${file}.ts: the rule's id is "${id}", not the file's name "${file}"`);
  if (!allRules.includes(exported as Rule)) problems.push(`rules/${file}.ts: the rule is not in allRules (rules/index.ts)`);
  return problems;
}

/** The line under a page's title that gives the default severity, and how it names what a rule needs. */
const DEFAULT_LINE = { en: '**Default:**', nl: '**Standaard:**' } as const;
const NEEDS_WORDS = {
  en: { site: 'live-site check', forms: 'forms check', kcc: 'KCC knowledge base' },
  nl: { site: 'live-controle van de site', forms: 'formuliercontrole', kcc: 'KCC-kennisbank' },
} as const;

/** A rule page: `null` when the file is missing. */
export function docProblems(rule: Rule, markdown: string | null, lang: 'en' | 'nl'): string[] {
  const id = rule.meta.id;
  const file = `rules/${id}${lang === 'nl' ? '.nl' : ''}.md`;
  if (markdown === null) return [`${file} is missing`];
  const problems: string[] = [];
  const severity = README_SEVERITY[rule.meta.defaultSeverity];
  const line = markdown.split('\n').find((l) => l.startsWith(DEFAULT_LINE[lang]));
  if (line === undefined) {
    problems.push(`${file}: has no "${DEFAULT_LINE[lang]} ${severity}" line`);
  } else {
    const said = line.slice(DEFAULT_LINE[lang].length).trim().split(/\s/)[0];
    if (said !== severity) problems.push(`${file}: says "${DEFAULT_LINE[lang]} ${said}", the rule's default is "${severity}"`);
    for (const [need, words] of Object.entries(NEEDS_WORDS[lang])) {
      const needed = (rule.meta.needs ?? []).includes(need as 'site' | 'forms' | 'kcc');
      if (needed && !line.includes(words)) problems.push(`${file}: the "${DEFAULT_LINE[lang]}" line does not say the rule needs the ${words}`);
      if (!needed && line.includes(words)) problems.push(`${file}: the "${DEFAULT_LINE[lang]}" line says the rule needs the ${words}, the rule does not`);
    }
  }
  const headings = headingsOf(markdown);
  if (headings[0]?.depth !== 1 || headings[0].text !== id) problems.push(`${file}: does not start with "# ${id}"`);
  const sections = headings.filter((h) => h.depth === 2).map((h) => h.text);
  let from = 0;
  for (const want of STANDARD_SECTIONS[lang]) {
    const at = sections.indexOf(want, from);
    if (at === -1) {
      problems.push(
        sections.includes(want)
          ? `${file}: "## ${want}" is out of order (the sections are ${STANDARD_SECTIONS[lang].map((s) => `"## ${s}"`).join(', ')})`
          : `${file}: has no "## ${want}" section`,
      );
    } else {
      from = at + 1;
    }
  }
  return problems;
}

export interface ReadmeRow {
  id: string;
  /** The link's target. */
  doc: string;
  severity: string;
  needs: string;
}

/** The rows of the table under the README's `## Rules` heading. */
export function readmeRuleTable(readme: string): ReadmeRow[] {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => l.trim() === '## Rules');
  if (start === -1) return [];
  const rows: ReadmeRow[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('## ')) break;
    const m = /^\|\s*\[`([^`]+)`\]\(([^)]*)\)\s*\|([^|]*)\|([^|]*)\|/.exec(line);
    if (m) rows.push({ id: m[1], doc: m[2], severity: m[3].trim(), needs: m[4].trim() });
  }
  return rows;
}

/** The README's rule table against the rules' metadata. */
export function readmeProblems(rules: readonly Rule[], rows: readonly ReadmeRow[]): string[] {
  const problems: string[] = [];
  const ids = rules.map((r) => r.meta.id);
  const listed = rows.map((r) => r.id);
  for (const id of ids) if (!listed.includes(id)) problems.push(`README: the rule table has no row for ${id}`);
  for (const id of listed) if (!ids.includes(id)) problems.push(`README: the rule table lists ${id}, which is no rule`);
  for (const id of new Set(listed)) if (listed.filter((x) => x === id).length > 1) problems.push(`README: the rule table lists ${id} twice`);
  const common = listed.filter((id) => ids.includes(id));
  if (problems.length === 0 && common.join() !== ids.join()) problems.push(`README: the rule table is not in the order of allRules (${ids.join(', ')})`);
  for (const row of rows) {
    const rule = rules.find((r) => r.meta.id === row.id);
    if (!rule) continue;
    if (row.doc !== `rules/${row.id}.md`) problems.push(`README: ${row.id} links to ${row.doc}, not rules/${row.id}.md`);
    const severity = README_SEVERITY[rule.meta.defaultSeverity];
    if (row.severity !== severity) problems.push(`README: ${row.id} has default "${row.severity}", the rule says "${severity}"`);
    const needs = (rule.meta.needs ?? []).join(', ') || '—';
    if (row.needs !== needs) problems.push(`README: ${row.id} needs "${row.needs}", the rule says "${needs}"`);
  }
  return problems;
}

/** Default options the rule's own schema accepts (as the config would). */
export function optionsProblems(rule: Rule): string[] {
  const problems: string[] = [];
  const defaults = rule.meta.defaultOptions as Record<string, unknown> | undefined;
  if (!rule.meta.optionsSchema && defaults && Object.keys(defaults).length > 0) {
    problems.push(`${rule.meta.id}: has default options but no optionsSchema to validate them with the config`);
  }
  try {
    validateOptions(rule, defaults);
  } catch (error) {
    problems.push(`${rule.meta.id}: its default options are not valid against its optionsSchema: ${(error as Error).message}`);
  }
  return problems;
}

/** Everything the contract asks of one rule whose files are in `dir` (the repository). */
export function ruleProblems(rule: Rule, dir: string, readme: readonly ReadmeRow[]): string[] {
  const id = rule.meta.id;
  const read = (file: string) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : null);
  return [
    ...docProblems(rule, read(`rules/${id}.md`), 'en'),
    ...docProblems(rule, read(`rules/${id}.nl.md`), 'nl'),
    ...readmeProblems([rule], readme.filter((r) => r.id === id)),
    ...optionsProblems(rule),
  ];
}
