/**
 * Every YAML brieflint reads — a letter's front matter, a KCC briefing's front matter, the config —
 * is read with the same limits, so a few hundred bytes cannot expand into gigabytes ("billion
 * laughs") and no parser error escapes as a stack trace:
 *
 * - at most `maxBytes` of YAML text;
 * - at most `maxAliases` alias nodes (`*name`);
 * - once aliases are expanded, at most `maxValues` values (or one per byte of YAML text, when that
 *   is more: a document without aliases is never refused for its number of values).
 *
 * Breaking a limit, or any syntax error, is a YamlError with the line (1-based, within the YAML
 * text) and a reason in Dutch and English; the caller adds the file and turns the line into a
 * line of that file.
 *
 * Letters use js-yaml (about five times faster on small front matter, which matters at thousands
 * of letters); briefings and the config use `yaml` for its document model (positions of keys,
 * numbers as written).
 */
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { Message } from './types.js';

export const YAML_LIMITS = { maxBytes: 256 * 1024, maxAliases: 100, maxValues: 100_000 } as const;

export class YamlError extends Error {
  /** 1-based line within the YAML text, when known. */
  readonly line: number | undefined;
  readonly detail: Message;
  constructor(detail: Message, line: number | undefined, options?: { cause?: unknown }) {
    super(detail.en, options);
    this.name = 'YamlError';
    this.detail = detail;
    this.line = line;
  }
}

/** Why a text over the size limit is refused (a JSON config has the same limit). */
export const YAML_TOO_LARGE: Message = {
  nl: `groter dan ${YAML_LIMITS.maxBytes / 1024} KiB`,
  en: `larger than ${YAML_LIMITS.maxBytes / 1024} KiB`,
};

function tooManyAliases(line: number | undefined): YamlError {
  return new YamlError(
    {
      nl: `te veel aliassen (*naam): hoogstens ${YAML_LIMITS.maxAliases} en samen hoogstens ${YAML_LIMITS.maxValues.toLocaleString('nl-NL')} waarden; zo'n YAML-bom ("billion laughs") wordt niet gelezen`,
      en: `too many aliases (*name): at most ${YAML_LIMITS.maxAliases}, expanding to at most ${YAML_LIMITS.maxValues.toLocaleString('en-GB')} values; such a YAML bomb ("billion laughs") is not read`,
    },
    line,
  );
}

function checkSize(text: string): void {
  // Characters first: cheap, and a string of more characters than bytes allowed is too large anyway.
  if (text.length > YAML_LIMITS.maxBytes || Buffer.byteLength(text, 'utf8') > YAML_LIMITS.maxBytes) {
    throw new YamlError(YAML_TOO_LARGE, undefined); // the whole text: the caller names where it starts
  }
}

/**
 * True when the value, with every shared (aliased) part counted each time it occurs — as a
 * report or JSON.stringify would write it out — holds more values than allowed.
 */
function expandsTooFar(value: unknown, textLength: number): boolean {
  let left = Math.max(YAML_LIMITS.maxValues, textLength);
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (--left < 0) return true;
    if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (typeof v === 'object' && v !== null && !(v instanceof Date)) {
      for (const item of Object.values(v)) stack.push(item);
    }
  }
  return false;
}

/** The line (1-based) of the first alias in the text, found with `yaml`'s document model. */
function firstAliasLine(text: string): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  let line: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) line = lineCounter.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return line;
}

/**
 * One YAML document with js-yaml (YAML 1.2 core schema: dates stay text), within the limits.
 * Empty text gives undefined. Throws YamlError.
 */
export function loadYaml(text: string): unknown {
  checkSize(text);
  let docs: unknown[];
  try {
    docs = loadAll(text, { schema: CORE_SCHEMA, maxAliases: YAML_LIMITS.maxAliases });
  } catch (cause) {
    const mark = (cause as { mark?: { line?: number } }).mark;
    const message = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    if (/alias/i.test(message) && /max|limit|exceed|too many/i.test(message)) throw tooManyAliases(firstAliasLine(text));
    throw new YamlError({ nl: message, en: message }, typeof mark?.line === 'number' ? mark.line + 1 : undefined, { cause });
  }
  if (docs.length > 1) throw new YamlError({ nl: 'meer dan één YAML-document', en: 'more than one YAML document' }, undefined);
  if (expandsTooFar(docs[0], text.length)) throw tooManyAliases(firstAliasLine(text));
  return docs[0];
}

/**
 * A YAML document with `yaml` (its document model, for key positions and numbers as written),
 * within the limits, and its value. Throws YamlError (the first syntax error, with its line).
 */
export function parseYamlDocument(text: string, options: { uniqueKeys?: boolean } = {}): { doc: Document; lineCounter: LineCounter; value: unknown } {
  checkSize(text);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: options.uniqueKeys ?? true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const detail = e.message.split('\n')[0];
    throw new YamlError({ nl: detail, en: detail }, lineCounter.linePos(e.pos[0]).line, { cause: e });
  }
  let aliases = 0;
  let firstAlias: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      aliases++;
      if (firstAlias === undefined && node.range) firstAlias = lineCounter.linePos(node.range[0]).line;
    },
  });
  if (aliases > YAML_LIMITS.maxAliases) throw tooManyAliases(firstAlias);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: YAML_LIMITS.maxAliases });
  } catch (cause) {
    if (aliases > 0) throw tooManyAliases(firstAlias);
    const detail = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new YamlError({ nl: detail, en: detail }, undefined, { cause });
  }
  if (aliases > 0 && expandsTooFar(value, text.length)) throw tooManyAliases(firstAlias);
  return { doc, lineCounter, value };
}
