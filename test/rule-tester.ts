/**
 * One rule tester for every rule (ESLint's RuleTester, adapted): `ruleTester(rule).run({ valid,
 * invalid })` writes a `describe` for the rule with one `it` per case.
 *
 * A case is a letter — `text` in a `format` (read and extracted by the real readers), or prebuilt
 * `refs` and/or `letter` — with optional `options` (checked against the rule's `optionsSchema`
 * with ajv, as the config does: a case with invalid options fails loudly), `config` (a raw config,
 * default `{ domains: ['voorbeeldstad.example'] }`) and `facts` (site results, forms, kcc facts; an
 * object, or a function called when the case runs, e.g. with facts gathered live in a
 * `beforeAll`). An invalid case lists the reports it expects, in the order brieflint prints
 * findings (part, line, column; at one place the rule's order): each message, hint, location and
 * url exact or by `contains()` / `excludes()` / a RegExp. The number of reports must match too.
 * The letter, refs, facts, options and config are deep-frozen: a rule that mutates what it is
 * given fails. Duplicate cases are rejected.
 */
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import type { Letter, Location, Part, References, Report } from '../src/types.js';
import type { Facts } from '../src/facts/types.js';
import type { Rule } from '../src/rule.js';
import { resolveConfig } from '../src/config/index.js';
import { AJV_OPTIONS } from '../src/validators.js';
import { readMarkdown } from '../src/letters/markdown.js';
import { readText } from '../src/letters/text.js';
import { extractReferences } from '../src/extract/index.js';
import { allRules } from '../rules/index.js';
import { letter as emptyLetter, refs as emptyRefs } from './helpers.js';

/** A text expectation: the exact text, a RegExp, or parts it must (not) contain. */
export type TextMatch = string | RegExp | { contains?: string[]; excludes?: string[] };

export const contains = (...parts: string[]): TextMatch => ({ contains: parts });
export const excludes = (...parts: string[]): TextMatch => ({ excludes: parts });

export interface ExpectedReport {
  /** The Dutch message. */
  nl?: TextMatch;
  /** The English message. */
  en?: TextMatch;
  /** The hint (either language); `null`: the report has no hint. */
  hint?: { nl?: TextMatch; en?: TextMatch } | null;
  /** The exact location; `null`: a finding about the whole letter. */
  location?: Location | null;
  line?: number;
  column?: number;
  part?: Part;
  /** `null`: the report names no URL. */
  url?: string | null;
}

type RawConfig = Parameters<typeof resolveConfig>[0];
type FactsInput = Partial<Facts> | (() => Partial<Facts> | Promise<Partial<Facts>>);

export interface RuleCase<O = Record<string, unknown>> {
  /** The test's name (default: the letter text). */
  name?: string;
  /** The letter's text, read by the real reader of `format` (default markdown). */
  text?: string;
  format?: 'markdown' | 'text';
  /** The letter's path (default brieven/test.md or .txt). */
  path?: string;
  /** A prebuilt letter (with `text`: not allowed). */
  letter?: Letter;
  /** Prebuilt references (with `text`: not allowed). */
  refs?: References;
  /** Rule options, merged over the rule's defaults after validation against its schema. */
  options?: Partial<O>;
  config?: RawConfig;
  facts?: FactsInput;
}

export interface InvalidCase<O = Record<string, unknown>> extends RuleCase<O> {
  /** The reports, in print order; or how many. */
  errors: ExpectedReport[] | number;
}

export interface RuleCases<O> {
  valid?: Array<RuleCase<O>>;
  invalid?: Array<InvalidCase<O>>;
}

const DEFAULT_CONFIG: RawConfig = { domains: ['voorbeeldstad.example'] };
const DEFAULT_FACTS: Facts = { offline: true, today: '2027-01-10' };
/** The options schema of a rule that declares none (as in the config schema): no options at all. */
const NO_OPTIONS = { type: 'object', additionalProperties: false, properties: {} };
const PART_ORDER = ['frontmatter', 'properties', 'header', 'body', 'textbox', 'footnote', 'endnote', 'footer'];

const ajv = new Ajv(AJV_OPTIONS);
const validators = new WeakMap<Rule, ReturnType<Ajv['compile']>>();

/** The rule's options schema (or "no options"), compiled once. */
function optionsValidator(rule: Rule) {
  let validate = validators.get(rule);
  if (!validate) {
    validate = ajv.compile(rule.meta.optionsSchema ?? NO_OPTIONS);
    validators.set(rule, validate);
  }
  return validate;
}

/** Throws when `options` are not valid for the rule (what the config would refuse). */
export function validateOptions(rule: Rule, options: unknown): void {
  const validate = optionsValidator(rule);
  if (validate(options)) return;
  const why = (validate.errors ?? []).map((e) => `${e.instancePath || '(options)'} ${e.message ?? 'is invalid'}${e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : ''}`);
  throw new Error(`${rule.meta.id}: invalid options ${JSON.stringify(options)}: ${why.join('; ')}`);
}

export function deepFreeze<T>(value: T, seen = new WeakSet<object>()): T {
  if (value && typeof value === 'object' && !seen.has(value as object)) {
    seen.add(value as object);
    for (const v of Object.values(value as object)) deepFreeze(v, seen);
    Object.freeze(value);
  }
  return value;
}

function matches(actual: string | undefined, want: TextMatch, what: string): void {
  if (typeof want === 'string') {
    expect(actual, what).toBe(want);
  } else if (want instanceof RegExp) {
    expect(actual, what).toMatch(want);
  } else {
    expect(actual, what).toBeTypeOf('string');
    for (const part of want.contains ?? []) expect(actual, what).toContain(part);
    for (const part of want.excludes ?? []) expect(actual, what).not.toContain(part);
  }
}

function checkReport(report: Report, want: ExpectedReport, index: number): void {
  const at = `report ${index + 1}`;
  if (want.nl !== undefined) matches(report.message.nl, want.nl, `${at}: nl`);
  if (want.en !== undefined) matches(report.message.en, want.en, `${at}: en`);
  if (want.hint === null) expect(report.hint, `${at}: hint`).toBeUndefined();
  else if (want.hint) {
    expect(report.hint, `${at}: hint`).toBeDefined();
    if (want.hint.nl !== undefined) matches(report.hint?.nl, want.hint.nl, `${at}: hint nl`);
    if (want.hint.en !== undefined) matches(report.hint?.en, want.hint.en, `${at}: hint en`);
  }
  if (want.location === null) expect(report.location, `${at}: location`).toBeUndefined();
  else if (want.location) expect(report.location, `${at}: location`).toEqual(want.location);
  if (want.line !== undefined) expect(report.location?.line, `${at}: line`).toBe(want.line);
  if (want.column !== undefined) expect(report.location?.column, `${at}: column`).toBe(want.column);
  if (want.part !== undefined) expect(report.location?.part, `${at}: part`).toBe(want.part);
  if (want.url === null) expect(report.url, `${at}: url`).toBeUndefined();
  else if (want.url !== undefined) expect(report.url, `${at}: url`).toBe(want.url);
}

/** Reports in the order the engine prints findings (part, line, column); at one place, the rule's order. */
function printOrder(reports: Report[]): Report[] {
  const part = (r: Report) => PART_ORDER.indexOf(r.location?.part ?? 'body');
  return [...reports].sort(
    (a, b) => part(a) - part(b) || (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0),
  );
}

function readLetter(c: RuleCase<unknown>): { letter: Letter; refs: References } {
  if (c.text !== undefined) {
    if (c.letter || c.refs) throw new Error('a case gives either text or a prebuilt letter/refs, not both');
    const format = c.format ?? 'markdown';
    const path = c.path ?? (format === 'markdown' ? 'brieven/test.md' : 'brieven/test.txt');
    const letter = format === 'markdown' ? readMarkdown(path, Buffer.from(c.text)) : readText(path, Buffer.from(c.text));
    return { letter, refs: extractReferences(letter) };
  }
  return { letter: c.letter ?? emptyLetter(), refs: c.refs ?? emptyRefs() };
}

/** Run one case: the rule's reports, in print order. */
export async function runCase<O>(rule: Rule<O>, c: RuleCase<O>): Promise<Report[]> {
  const given = c.options ?? {};
  validateOptions(rule as Rule, given);
  const options = deepFreeze({ ...rule.meta.defaultOptions, ...given } as O);
  const { letter, refs } = readLetter(c as RuleCase<unknown>);
  const extra = typeof c.facts === 'function' ? await c.facts() : (c.facts ?? {});
  const facts = deepFreeze({ ...DEFAULT_FACTS, ...extra });
  const config = deepFreeze(resolveConfig(c.config ?? DEFAULT_CONFIG, '/tmp', allRules));
  const reports = rule.check({ letter: deepFreeze(letter), refs: deepFreeze(refs), facts, options, config });
  return printOrder(reports);
}

/** A valid case: the rule reports nothing. Rejects otherwise. */
export async function assertValid<O>(rule: Rule<O>, c: RuleCase<O>): Promise<void> {
  if ('errors' in c) throw new Error('a valid case expects no errors; move it to invalid');
  expect((await runCase(rule, c)).map((r) => r.message.en), 'reports').toEqual([]);
}

/** An invalid case: the rule reports exactly what the case expects. Rejects otherwise. */
export async function assertInvalid<O>(rule: Rule<O>, c: InvalidCase<O>): Promise<void> {
  const want = c.errors;
  const count = typeof want === 'number' ? want : want.length;
  if (count === 0) throw new Error('an invalid case expects at least one report; move it to valid');
  const reports = await runCase(rule, c);
  expect(reports.map((r) => r.message.en), 'reports').toHaveLength(count);
  if (typeof want !== 'number') want.forEach((w, j) => checkReport(reports[j], w, j));
}

function caseName(c: RuleCase<unknown>, index: number): string {
  if (c.name) return c.name;
  if (c.text !== undefined) return c.text.replace(/\s+/g, ' ').slice(0, 100);
  return `case ${index + 1}`;
}

/** A key for spotting duplicate cases (functions by their source). */
function caseKey(c: RuleCase<unknown>): string {
  const { name: _name, ...rest } = c;
  return JSON.stringify(rest, (_key, value: unknown) => (typeof value === 'function' ? String(value) : value instanceof RegExp ? String(value) : value));
}

export interface RuleTester<O> {
  /** Write the describe block of `cases` (a title tells several blocks of one rule apart). */
  run(cases: RuleCases<O>): void;
  run(title: string, cases: RuleCases<O>): void;
}

/** A tester for `rule`; `defaults` are merged under every case (e.g. a config or facts). */
export function ruleTester<O>(rule: Rule<O>, defaults: Omit<RuleCase<O>, 'name' | 'text' | 'letter' | 'refs'> = {}): RuleTester<O> {
  const withDefaults = <C extends RuleCase<O>>(c: C): C => ({ ...defaults, ...c });
  return {
    run(titleOrCases: string | RuleCases<O>, maybeCases?: RuleCases<O>) {
      const cases = typeof titleOrCases === 'string' ? (maybeCases ?? {}) : titleOrCases;
      const title = typeof titleOrCases === 'string' ? `${rule.meta.id}: ${titleOrCases}` : rule.meta.id;
      describe(title, () => {
        const seen = new Set<string>();
        it('has no duplicate cases', () => {
          for (const c of [...(cases.valid ?? []), ...(cases.invalid ?? [])]) {
            const key = caseKey(c as RuleCase<unknown>);
            expect(seen.has(key), `duplicate case: ${caseName(c as RuleCase<unknown>, 0)}`).toBe(false);
            seen.add(key);
          }
        });
        (cases.valid ?? []).forEach((c, i) => {
          it(`valid: ${caseName(c as RuleCase<unknown>, i)}`, () => assertValid(rule, withDefaults(c)));
        });
        (cases.invalid ?? []).forEach((c, i) => {
          it(`invalid: ${caseName(c as RuleCase<unknown>, i)}`, () => assertInvalid(rule, withDefaults(c)));
        });
      });
    },
  } as RuleTester<O>;
}
