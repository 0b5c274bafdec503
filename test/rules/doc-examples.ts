/**
 * Rule docs are tests (README "Rule docs are tests"): the examples in `rules/<id>.md`, parsed and
 * run through the CLI as a user runs it (`brieflint check --format json`), in a folder of their
 * own: read → extract → facts (the live site on 127.0.0.1 for live rules, a `kcc/` folder for the
 * KCC rules) → rules.
 *
 * The convention, per `## Failing` and `## Passing` section of a rule doc (`## Fout` and `## Goed`
 * in the Dutch page `rules/<id>.nl.md`, which holds the same examples):
 * - an example is a fenced letter: ```markdown, ```text or ```docx (the info string may name the
 *   file, e.g. ```markdown brieven/parkeervergunning-2027.md; default brief.md / brief.txt /
 *   brief.docx). A docx block is written as a Word document, one paragraph per line, where
 *   `{++…++}` and `{--…--}` are tracked (unaccepted) insertions and deletions;
 * - before the letter, optionally: a ```json config block (merged over the base config),
 *   files under `kcc/` (```markdown kcc/afvalpas-2027.md: a KCC briefing) and QR images
 *   (```qr qr.png: the block's text is the code's payload, drawn as a PNG by the `qrcode` encoder);
 *   in a docx block, `{qr PAYLOAD}` is a QR picture at that point of the paragraph;
 * - after a failing letter, a ```text block with what brieflint prints for that rule, one finding
 *   a line: `line:column  severity  message  rule` (`—` for a finding about the whole letter,
 *   `footer 2:5` for a finding in a Word footer). A line may show the hint as `brieflint check`
 *   does, `message (hint)`; then the hint is compared too.
 * Other blocks (```html, ```json without `config`, ```sh) are illustration and not run.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Code, Heading, Root } from 'mdast';
import { DeletedTextRun, Document, ImageRun, InsertedTextRun, Packer, Paragraph, TextRun } from 'docx';
import QRCode from 'qrcode';
import { cli } from '../cli/run.js';
import type { JsonFinding, JsonReport } from '../../src/report/types.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** "Today" of every example run (the demo's today). */
export const DOC_TODAY = '2027-01-10';

/** What every example runs with, under its own config block. */
export const BASE_CONFIG = { domains: ['voorbeeldstad.example'] };

export type LetterFormat = 'markdown' | 'text' | 'docx';

export interface DocExample {
  rule: string;
  kind: 'failing' | 'passing';
  /** 1-based line of the letter's fence in the doc. */
  line: number;
  letter: { path: string; format: LetterFormat; text: string };
  /** The example's ```json config block. */
  config?: Record<string, unknown>;
  /** Other files of the example (KCC briefings; QR images, `qr`: the text is the payload), by path. */
  files: Array<{ path: string; text: string; qr?: true }>;
  /** The printed output lines (failing examples). */
  expected?: string[];
}

/** A rule doc whose examples do not follow the convention. */
export class DocFormatError extends Error {}

const LETTER_LANGS: Record<string, LetterFormat> = { markdown: 'markdown', md: 'markdown', text: 'text', txt: 'text', docx: 'docx' };
const DEFAULT_PATH: Record<LetterFormat, string> = { markdown: 'brief.md', text: 'brief.txt', docx: 'brief.docx' };

const parser = unified().use(remarkParse);

/** The examples of a rule doc, in order. Throws DocFormatError when the doc breaks the convention. */
export function parseRuleDoc(rule: string, markdown: string): DocExample[] {
  const tree = parser.parse(markdown) as Root;
  const examples: DocExample[] = [];
  let section: 'failing' | 'passing' | undefined;
  let config: Record<string, unknown> | undefined;
  let files: DocExample['files'] = [];
  let waiting: DocExample | undefined; // a failing letter waiting for its output
  const fail = (line: number | undefined, what: string) => new DocFormatError(`rules/${rule}.md:${line ?? '?'}: ${what}`);
  const endSection = (line: number | undefined) => {
    if (waiting) throw fail(waiting.line, 'a failing example needs a ```text block with the expected output after the letter');
    if (config || files.length) throw fail(line, 'a config or briefing block without a letter after it');
  };

  for (const node of tree.children) {
    if (node.type === 'heading' && (node as Heading).depth <= 2) {
      endSection(node.position?.start.line);
      const title = textOf(node).trim().toLowerCase();
      section = title === 'failing' || title === 'fout' ? 'failing' : title === 'passing' || title === 'goed' ? 'passing' : undefined;
      continue;
    }
    if (!section || node.type !== 'code') continue;
    const code = node as Code;
    const lang = (code.lang ?? '').toLowerCase();
    const meta = (code.meta ?? '').trim();
    const line = code.position?.start.line ?? 0;
    if (waiting) {
      if (lang !== 'text' || meta !== '') throw fail(line, 'expected a ```text block with the expected output after the failing letter');
      waiting.expected = outputLines(code.value);
      if (waiting.expected.length === 0) throw fail(line, 'a failing example must print at least one finding');
      examples.push(waiting);
      waiting = undefined;
      continue;
    }
    if (lang === 'json' && meta === 'config') {
      if (config) throw fail(line, 'two config blocks for one example');
      try {
        config = JSON.parse(code.value) as Record<string, unknown>;
      } catch (error) {
        throw fail(line, `the config block is not JSON: ${(error as Error).message}`);
      }
      continue;
    }
    if (meta.startsWith('kcc/')) {
      files.push({ path: meta, text: code.value });
      continue;
    }
    if (lang === 'qr') {
      if (!meta) throw fail(line, 'a ```qr block names its image file: ```qr qr.png');
      files.push({ path: meta, text: code.value, qr: true });
      continue;
    }
    const format = LETTER_LANGS[lang];
    if (!format) continue; // an illustration: html, sh, json without `config`
    const example: DocExample = {
      rule,
      kind: section,
      line,
      letter: { path: meta || DEFAULT_PATH[format], format, text: code.value },
      ...(config ? { config } : {}),
      files,
    };
    config = undefined;
    files = [];
    if (section === 'failing') waiting = example;
    else examples.push(example);
  }
  endSection(undefined);
  return examples;
}

/** The plain text of a heading. */
function textOf(node: { value?: unknown; children?: unknown[] }): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((c) => textOf(c as { value?: unknown; children?: unknown[] })).join('');
}

/** The non-empty lines of an output block, trimmed. */
function outputLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * One finding as a doc prints it: `line:column  severity  message  rule`, or with the hint as
 * `brieflint check` shows it: `line:column  severity  message (hint)  rule`.
 */
export function formatFinding(f: JsonFinding, withHint = false): string {
  const position = f.line === 0 ? '—' : `${f.part ? `${f.part} ` : ''}${f.line}:${f.column}`;
  const hint = withHint && f.hint ? ` (${f.hint})` : '';
  return `${position}  ${f.severity}  ${f.message}${hint}  ${f.rule}`;
}

/** Fields apart by two or more spaces count as apart by two: a doc may align its columns. */
export function normalizeLine(line: string): string {
  return line.trim().split(/\s{2,}/).join('  ');
}

/** Where live examples are checked: the fixture site on 127.0.0.1 (see docs.test.ts). */
export interface LiveSite {
  /** site.connectTo of the run. */
  connectTo: string[];
}

export interface ExampleRun {
  /** What the example's doc says (failing) or [] (passing), normalized. */
  expected: string[];
  /** The rule's findings, as printed lines, normalized. */
  actual: string[];
  /** Every finding of the run (all rules). */
  findings: JsonFinding[];
  ok: boolean;
}

/**
 * Run an example through the CLI in a folder of its own and compare the rule's findings with the
 * doc. `live`: the fixture site (needed for rules with `needs: site/forms`), else --offline.
 */
export async function runExample(example: DocExample, live?: LiveSite): Promise<ExampleRun> {
  const dir = mkdtempSync(join(tmpdir(), `brieflint-doc-${example.rule}-`));
  try {
    const config = merge(BASE_CONFIG, example.config ?? {});
    if (live) {
      const site = { ca: [join(ROOT, 'fixtures/site/certs/ca.pem')], connectTo: live.connectTo, cache: false, timeout: 5_000 };
      config.site = { ...site, ...((config.site as object | undefined) ?? {}) };
    }
    writeFileSync(join(dir, 'brieflint.config.json'), JSON.stringify(config, null, 2));
    mkdirSync(join(dir, 'kcc'), { recursive: true });
    for (const file of example.files) write(dir, file.path, file.qr ? await qrPng(file.text) : file.text);
    write(dir, example.letter.path, example.letter.format === 'docx' ? await docxOf(example.letter.text) : example.letter.text);

    const args = ['check', example.letter.path, '--format', 'json', '--today', DOC_TODAY, ...(live ? [] : ['--offline'])];
    const { code, stdout, stderr } = await cli(args, dir);
    if (code === 2 || !stdout.startsWith('{')) {
      throw new Error(`rules/${example.rule}.md:${example.line}: brieflint could not check the example (exit ${code}): ${stderr || stdout}`);
    }
    const report = JSON.parse(stdout) as JsonReport;
    const file = report.files[0];
    if (file?.error) throw new Error(`rules/${example.rule}.md:${example.line}: the letter cannot be read: ${file.error}`);
    const findings = file?.findings ?? [];
    const expected = (example.expected ?? []).map(normalizeLine);
    // A doc line shows the hint or leaves it out; either way it must be exactly what is printed.
    const actual = findings
      .filter((f) => f.rule === example.rule)
      .map((f, i) => {
        const withHint = normalizeLine(formatFinding(f, true));
        return expected[i] === withHint ? withHint : normalizeLine(formatFinding(f));
      });
    return { expected, actual, findings, ok: JSON.stringify(actual) === JSON.stringify(expected) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every ```json block of a rule doc (config examples, in and outside the examples), with its line. */
export function jsonBlocks(markdown: string): Array<{ line: number; text: string }> {
  const tree = parser.parse(markdown) as Root;
  return tree.children
    .filter((n): n is Code => n.type === 'code' && (n as Code).lang?.toLowerCase() === 'json')
    .map((n) => ({ line: n.position?.start.line ?? 0, text: n.value }));
}

/** `rules/<id>.md` (English) or `rules/<id>.nl.md` (Dutch). */
export function ruleDocFile(id: string, lang: 'en' | 'nl' = 'en'): string {
  return join(ROOT, 'rules', lang === 'nl' ? `${id}.nl.md` : `${id}.md`);
}

/** The examples of `rules/<id>.md` (or of the Dutch page). */
export function ruleDocExamples(id: string, lang: 'en' | 'nl' = 'en'): DocExample[] {
  return parseRuleDoc(id, readFileSync(ruleDocFile(id, lang), 'utf8'));
}

/** Every fenced block of a doc, as written (language, meta, text), in order. */
export function codeBlocks(markdown: string): Array<{ lang: string; meta: string; value: string }> {
  const tree = parser.parse(markdown) as Root;
  const out: Array<{ lang: string; meta: string; value: string }> = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'code') {
      const code = node as Code;
      out.push({ lang: code.lang ?? '', meta: code.meta ?? '', value: code.value });
    }
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  visit(tree);
  return out;
}

function write(dir: string, path: string, data: string | Buffer): void {
  if (path.startsWith('/') || path.split('/').includes('..')) throw new Error(`example file outside its folder: ${path}`);
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), data);
}

/** Config objects merged one level deep (`rules`, `site`, `forms`, `kcc` keep the base's other keys). */
function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const was = out[key];
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) && was && typeof was === 'object' && !Array.isArray(was)
        ? { ...(was as object), ...(value as object) }
        : value;
  }
  return out;
}

/** A QR code for a doc example: the payload drawn by the `qrcode` encoder as a PNG. */
export async function qrPng(payload: string): Promise<Buffer> {
  return QRCode.toBuffer(payload.replace(/\n$/, ''), { margin: 4, scale: 6, errorCorrectionLevel: 'M' });
}

/**
 * A Word document of the docx block, written with the `docx` package (a real Word writer): one
 * paragraph per non-empty line; `{++…++}` a tracked insertion, `{--…--}` a tracked deletion,
 * `{qr PAYLOAD}` a QR picture.
 */
export async function docxOf(text: string): Promise<Buffer> {
  const date = '2027-01-05T10:00:00Z';
  let id = 0;
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const codes = new Map<string, Buffer>();
  for (const line of lines) for (const m of line.matchAll(/\{qr (.+?)\}/g)) codes.set(m[1], await qrPng(m[1]));
  const paragraphs = lines
    .map((line) => {
      const runs = line.split(/(\{\+\+.*?\+\+\}|\{--.*?--\}|\{qr .+?\})/).flatMap((piece) => {
        if (piece === '') return [];
        if (piece.startsWith('{qr ')) return [new ImageRun({ type: 'png', data: codes.get(piece.slice(4, -1))!, transformation: { width: 110, height: 110 } })];
        if (piece.startsWith('{++')) return [new InsertedTextRun({ text: piece.slice(3, -3), id: ++id, author: 'Redactie', date })];
        if (piece.startsWith('{--')) return [new DeletedTextRun({ text: piece.slice(3, -3), id: ++id, author: 'Redactie', date })];
        return [new TextRun(piece)];
      });
      return new Paragraph({ children: runs });
    });
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}
