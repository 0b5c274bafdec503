import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Nodes, Parents, Root, RootContent, PhrasingContent } from 'mdast';
import type { DisableDirective, Letter, LetterImage, Link, Segment, TextBlock } from '../types.js';
import { LetterReadError } from './errors.js';
import { idFromPath, metaFromRecord } from './meta.js';
import { decodeText } from './text-input.js';
import { locate } from '../model/locate.js';
import { decodeEntities } from '../html-text.js';
import { loadYaml, YamlError } from '../yaml.js';
import { checkMarkdownComplexity } from './complexity.js';

/** GFM tables only: GFM's literal autolinks would hide bare URLs from the URL extractor's rules. */
function remarkGfmTables(this: { data(): Record<string, unknown[] | undefined> }) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmTables as never);

/** Read a Markdown letter: YAML front matter, text blocks with line:column, links, directives. */
export function readMarkdown(displayPath: string, data: Uint8Array): Letter {
  const source = decodeText(displayPath, data);
  checkMarkdownComplexity(displayPath, source); // before the parser: some inputs cost it quadratic time
  const tree = parser.parse(source) as Root;
  const builder = new MarkdownBuilder(source, definitions(tree));
  let front: Record<string, unknown> = {};
  for (const node of tree.children) {
    if (node.type === 'yaml') front = parseFrontMatter(displayPath, node.value, node.position?.start.line ?? 1);
    else builder.visitBlock(node);
  }
  const meta = metaFromRecord(front);
  return {
    path: displayPath,
    format: 'markdown',
    meta: { ...meta, id: meta.id ?? idFromPath(displayPath) },
    blocks: builder.blocks,
    links: builder.links,
    directives: builder.directives,
    ...(builder.images.length ? { images: builder.images } : {}),
  };
}

/** `data:image/png;base64,…`: an image whose bytes are in the letter itself. */
const DATA_URL = /^data:([^;,]*)((?:;[^;,]*)*?)(;base64)?,(.*)$/is;

/**
 * A Markdown image (`![alt](qr.png)`, `![alt][ref]`): a local file is read next to the letter
 * (src/read/one.ts), a `data:` URL from the letter itself, a web address never (`external`).
 */
function markdownImage(url: string, alt: string | null | undefined, line: number, column: number): LetterImage {
  const location = { line, column, part: 'body' as const };
  const text = alt?.trim() ? { alt: alt.trim() } : {};
  const data = DATA_URL.exec(url.trim());
  if (data) {
    const bytes = data[3] ? Buffer.from(data[4], 'base64') : Buffer.from(decodeURIComponent(data[4]), 'utf8');
    return { name: `data:${data[1] || 'text/plain'}`, location, ...text, load: async () => bytes };
  }
  const external = /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');
  return { name: url, location, ...text, ...(external ? { external: true } : {}) };
}

/**
 * Front matter is parsed with js-yaml (src/yaml.ts: YAML 1.2 core schema, dates stay text, the
 * alias and size limits every YAML read has), about five times faster than the `yaml` package on
 * these small blocks, which matters at thousands of letters. `start` is the line of the opening `---`.
 */
function parseFrontMatter(displayPath: string, yaml: string, start: number): Record<string, unknown> {
  let value: unknown;
  try {
    value = loadYaml(yaml);
  } catch (cause) {
    // The YAML starts on the line after the opening `---`; a fault of the whole block is at the `---`.
    const line = start + (cause instanceof YamlError && cause.line !== undefined ? cause.line : 0);
    const detail = cause instanceof YamlError ? cause.detail : { nl: String(cause), en: String(cause) };
    throw new LetterReadError(
      displayPath,
      { nl: `regel ${line}: ongeldige YAML front matter: ${detail.nl}`, en: `line ${line}: invalid YAML front matter: ${detail.en}` },
      { cause },
    );
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new LetterReadError(displayPath, {
      nl: 'de front matter is geen lijst van sleutels en waarden',
      en: 'the front matter is not a mapping of keys to values',
    });
  }
  return value as Record<string, unknown>;
}

const DIRECTIVE = /<!--\s*brieflint-(disable-next-line|disable|enable)\b([^>]*?)-->/g;
/** A link: `<a href>`, or any element with an href (an e-mail button such as MJML's `<mj-button href>`). */
const HTML_LINK_OPEN = /^<(?:a|[a-z][\w:]*-[\w:-]*)\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>$/i;
const HTML_LINK_CLOSE = /^<\/a\s*>$/i;
/** Elements that make a paragraph of their own for the reader. */
const BLOCK_ELEMENTS = new Set(
  'p div h1 h2 h3 h4 h5 h6 li ul ol tr td th table tbody thead tfoot blockquote section article header footer main nav pre hr dd dt dl address figure figcaption caption mj-text mj-button mj-section mj-column'.split(' '),
);
const TEMPLATE_LINK = /\[([^[\]\n]+)\]\((\s*\{[{%][^)\n]*[}%]\}\s*)\)/g;
const HTML_TAG = /<!--[\s\S]*?-->|<\/?[a-z][^>]*>/gi;

/** Reference-style link definitions (`[1]: https://…`), by their normalized label. */
function definitions(tree: Root): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: Nodes) => {
    if (node.type === 'definition') out.set(node.identifier.toLowerCase(), node.url);
    else if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return out;
}

/** Collects blocks (with segments mapping text offsets to line:column) and links from mdast. */
class MarkdownBuilder {
  readonly blocks: TextBlock[] = [];
  readonly links: Link[] = [];
  readonly directives: DisableDirective[] = [];
  readonly images: LetterImage[] = [];
  private readonly lines: string[];

  // State of the block being built.
  private text = '';
  private segments: Segment[] = [];
  private openHtmlLink: { href: string; start: number } | undefined;

  constructor(
    source: string,
    private readonly refs: Map<string, string> = new Map(),
  ) {
    this.lines = source.split('\n');
  }

  visitBlock(node: RootContent): void {
    switch (node.type) {
      case 'paragraph':
        this.phrasingBlock(node, 'paragraph');
        break;
      case 'heading':
        this.phrasingBlock(node, 'heading');
        break;
      case 'tableCell':
        this.phrasingBlock(node, 'table-cell');
        break;
      case 'html':
        this.htmlBlock(node.value, node.position?.start.line ?? 1, node.position?.end.line ?? 1, node.position?.start.column ?? 1);
        break;
      case 'code':
        this.codeBlock(node);
        break;
      case 'yaml':
      case 'thematicBreak':
      case 'definition':
        break;
      default:
        if ('children' in node) for (const child of (node as Parents).children) this.visitBlock(child as RootContent);
    }
  }

  /**
   * A code block is printed as it is: a template kept in a fence (common in documentation of
   * e-mail templates) is letter text like any other.
   */
  private codeBlock(node: Extract<RootContent, { type: 'code' }>): void {
    if (node.value.trim() === '' || !node.position) return;
    const start = node.position.start;
    const fenced = /^(`{3,}|~{3,})/.test(this.lines[start.line - 1]?.trimStart() ?? '');
    const first = fenced ? start.line + 1 : start.line;
    this.text = '';
    this.segments = [];
    const blockIndex = this.blocks.length;
    node.value.split('\n').forEach((piece, i) => {
      if (i > 0) this.text += '\n';
      this.segments.push({ offset: this.text.length, line: first + i, column: this.columnOf(first + i, piece) });
      this.text += piece;
    });
    this.templateLinks(blockIndex);
    this.blocks.push({ text: this.text, part: 'body', segments: this.segments, kind: 'code' });
    for (const link of this.links) if (link.block === blockIndex) link.location = locate(this.blocks[blockIndex], link.start ?? 0);
  }

  private phrasingBlock(node: Parents, kind: TextBlock['kind']): void {
    this.text = '';
    this.segments = [];
    this.openHtmlLink = undefined;
    const blockIndex = this.blocks.length;
    const firstLink = this.links.length;
    for (const child of node.children) this.inline(child as PhrasingContent, blockIndex);
    if (this.text.trim() === '') return;
    if (this.segments.length === 0 || this.segments[0].offset !== 0) {
      const start = node.position?.start;
      this.segments.unshift({ offset: 0, line: start?.line ?? 1, column: start?.column ?? 1 });
    }
    this.templateLinks(blockIndex);
    this.blocks.push({ text: this.text, part: 'body', segments: this.segments, kind });
    for (const link of this.links.slice(firstLink)) link.location = locate(this.blocks[blockIndex], link.start ?? 0);
  }

  private inline(node: PhrasingContent, blockIndex: number): void {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        this.appendSourceText(node.value, node);
        break;
      case 'break':
        this.text += '\n';
        break;
      case 'link': {
        const start = this.text.length;
        for (const child of node.children) this.inline(child, blockIndex);
        const text = this.text.slice(start);
        const autolink = this.isAutolink(node);
        this.links.push({
          href: node.url,
          text,
          location: { line: 0, column: 0 },
          block: blockIndex,
          start,
          end: this.text.length,
          source: autolink ? 'autolink' : 'markdown',
        });
        break;
      }
      case 'linkReference': {
        // "[de voorwaarden][1]" with "[1]: https://…" elsewhere: a link like any other.
        const start = this.text.length;
        for (const child of node.children) this.inline(child, blockIndex);
        const href = this.refs.get(node.identifier.toLowerCase());
        if (href !== undefined) {
          this.links.push({ href, text: this.text.slice(start), location: { line: 0, column: 0 }, block: blockIndex, start, end: this.text.length, source: 'markdown' });
        }
        break;
      }
      case 'html':
        this.inlineHtml(node.value, node, blockIndex);
        break;
      case 'image':
        this.images.push(markdownImage(node.url, node.alt, node.position?.start.line ?? 1, node.position?.start.column ?? 1));
        break;
      case 'imageReference': {
        const url = this.refs.get(node.identifier.toLowerCase());
        if (url !== undefined) this.images.push(markdownImage(url, node.alt, node.position?.start.line ?? 1, node.position?.start.column ?? 1));
        break;
      }
      case 'footnoteReference':
        break;
      default:
        if ('children' in node) for (const child of node.children) this.inline(child as PhrasingContent, blockIndex);
    }
  }

  /**
   * `[label]({{ url }})`: CommonMark rejects a destination with spaces, so it stays text, but a
   * template engine fills it in and the reader gets a link. Record it as one.
   */
  private templateLinks(blockIndex: number): void {
    for (const m of this.text.matchAll(TEMPLATE_LINK)) {
      const start = m.index + 1;
      this.links.push({
        href: m[2].trim(),
        text: m[1],
        location: { line: 0, column: 0 },
        block: blockIndex,
        start,
        end: start + m[1].length,
        source: 'markdown',
      });
    }
  }

  private isAutolink(node: Nodes): boolean {
    const pos = node.position;
    if (!pos) return false;
    return this.lines[pos.start.line - 1]?.[pos.start.column - 1] === '<';
  }

  /** Append a node's value, one segment per source line, columns found in the source line. */
  private appendSourceText(value: string, node: Nodes): void {
    const start = node.position?.start;
    const pieces = value.split('\n');
    pieces.forEach((piece, i) => {
      if (i > 0) this.text += '\n';
      if (start) {
        const line = start.line + i;
        const column = i === 0 ? start.column : this.columnOf(line, piece);
        this.segments.push({ offset: this.text.length, line, column });
      }
      this.text += piece;
    });
  }

  /** Where a continuation line's text starts in its source line (indentation, `>` stripped). */
  private columnOf(line: number, piece: string): number {
    const src = this.lines[line - 1] ?? '';
    const probe = piece.slice(0, 16);
    const at = probe ? src.indexOf(probe) : -1;
    return at === -1 ? 1 + (src.length - src.trimStart().length) : at + 1;
  }

  private inlineHtml(value: string, node: Nodes, blockIndex: number): void {
    const line = node.position?.start.line ?? 1;
    if (this.directive(value, line, node.position?.end.line ?? line)) return;
    const open = HTML_LINK_OPEN.exec(value);
    if (open) {
      this.openHtmlLink = { href: open[1] ?? open[2] ?? open[3] ?? '', start: this.text.length };
      return;
    }
    if (!isHtmlTag(value)) {
      this.appendSourceText(value, node); // <URL VRAGENLIJST>, <X>: a placeholder, not a tag
      return;
    }
    if (HTML_LINK_CLOSE.test(value) && this.openHtmlLink) {
      const { href, start } = this.openHtmlLink;
      this.openHtmlLink = undefined;
      this.links.push({
        href: hrefOf(href),
        text: this.text.slice(start),
        location: { line: 0, column: 0 },
        block: blockIndex,
        start,
        end: this.text.length,
        source: 'html',
      });
    }
  }

  /**
   * An HTML block: directives, or its text (tags removed, each text run keeping its line:column)
   * and <a href> links. Block-level elements (`<p>`, `<div>`, `<li>`, `<h1>` …, table rows and
   * cells) are paragraphs of their own, as a reader sees them; `<br>` is a line break.
   */
  private htmlBlock(source: string, line: number, endLine: number, column = 1): void {
    if (this.directive(source, line, endLine) && source.replace(DIRECTIVE, '').trim() === '') return;
    // Markdown written inside raw HTML (common in e-mail templates) is what the reader gets:
    // images become their alt text, [text](href) a link; blanks keep every offset in place.
    const mdLinks: Array<{ href: string; from: number; to: number }> = [];
    const value = source
      .replace(/!\[([^\]\n]*)\]\([^)\s]*\)/g, (m, alt: string) => ` ${alt}`.padEnd(m.length))
      .replace(/\[([^[\]\n]*)\]\(([^)\n]*)\)/g, (m, label: string, href: string, at: number) => {
        mdLinks.push({ href: href.trim(), from: at + 1, to: at + 1 + label.length });
        return ` ${label}`.padEnd(m.length);
      });
    /** The paragraph being built: its text, segments, the source runs it came from, its links. */
    let text = '';
    let segments: Segment[] = [];
    let runs: Array<{ from: number; to: number; offset: number }> = [];
    let links: Link[] = [];
    let open: { href: string; start: number; tag: string } | undefined;
    // Runs come in source order: the line of each is counted on from the previous one (linear, not
    // quadratic, in a block of thousands of tags).
    let lineInBlock = 0;
    let lineStart = 0;
    let counted = 0;
    const addRun = (from: number, to: number) => {
      if (to <= from) return;
      runs.push({ from, to, offset: text.length });
      for (let nl = value.indexOf('\n', counted); nl !== -1 && nl < from; nl = value.indexOf('\n', nl + 1)) {
        lineInBlock++;
        lineStart = nl + 1;
      }
      counted = from;
      const run = decodeEntities(value.slice(from, to), LETTER_ENTITIES);
      run.split('\n').forEach((piece, i) => {
        if (i > 0) text += '\n';
        const col = i === 0 ? from - lineStart + (lineInBlock === 0 ? column : 1) : 1;
        segments.push({ offset: text.length, line: line + lineInBlock + i, column: col });
        text += piece;
      });
    };
    const flush = () => {
      const blockIndex = this.blocks.length;
      if (text.trim() !== '') {
        /** A source offset → its offset in the text (within the run that holds it; binary search). */
        const toText = (at: number) => {
          let lo = 0;
          let hi = runs.length - 1;
          if (hi < 0 || runs[0].from > at) return 0;
          while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (runs[mid].from <= at) lo = mid;
            else hi = mid - 1;
          }
          return Math.min(text.length, runs[lo].offset + (at - runs[lo].from));
        };
        const firstFrom = runs[0]?.from ?? 0;
        const lastTo = runs.at(-1)?.to ?? 0;
        for (const l of mdLinks) {
          if (l.from < firstFrom || l.from >= lastTo) continue;          const start = toText(l.from);
          const end = toText(l.to);
          links.push({ href: l.href, text: text.slice(start, end).trim(), location: { line: 0, column: 0 }, block: blockIndex, start, end, source: 'markdown' });
        }
        links.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
        if (segments[0]?.offset !== 0) segments.unshift({ offset: 0, line, column });
        const block: TextBlock = { text, part: 'body', segments, kind: 'html' };
        this.blocks.push(block);
        for (const link of links) {
          link.block = blockIndex;
          link.location = locate(block, link.start ?? 0);
          this.links.push(link);
        }
      }
      text = '';
      segments = [];
      runs = [];
      links = [];
    };
    let last = 0;
    for (const tag of value.matchAll(HTML_TAG)) {
      if (!isHtmlTag(tag[0])) continue; // a placeholder such as <URL VRAGENLIJST> stays text
      addRun(last, tag.index);
      last = tag.index + tag[0].length;
      const name = /^<\/?([a-zA-Z][\w:-]*)/.exec(tag[0])?.[1]?.toLowerCase() ?? '';
      const href = HTML_LINK_OPEN.exec(tag[0]);
      if (href) open = { href: href[1] ?? href[2] ?? href[3] ?? '', start: text.length, tag: name };
      else if (open && tag[0].startsWith('</') && name === open.tag) {
        links.push({
          href: hrefOf(open.href),
          text: text.slice(open.start),
          location: { line: 0, column: 0 },
          block: -1,
          start: open.start,
          end: text.length,
          source: 'html',
        });
        open = undefined;
      } else if (name === 'br') text += '\n';
      else if (BLOCK_ELEMENTS.has(name) && !open) flush();
    }
    addRun(last, value.length);
    flush();
  }

  /** Record brieflint-disable comments; true when the value held one. */
  private directive(value: string, line: number, endLine: number): boolean {
    let found = false;
    for (const m of value.matchAll(DIRECTIVE)) {
      found = true;
      const rules = m[2]
        .split(/[\s,]+/)
        .map((r) => r.trim())
        .filter((r) => r && r !== '--');
      this.directives.push({ kind: m[1] as DisableDirective['kind'], rules, line: m[1] === 'disable-next-line' ? endLine : line });
    }
    return found;
  }
}

/** HTML element names: anything else in angle brackets (<URL VRAGENLIJST>, <X>) is a placeholder. */
const HTML_ELEMENTS = new Set(
  ('a abbr address article aside b big blockquote body br caption center cite code col colgroup dd del details div dl dt em ' +
    'figcaption figure font footer h1 h2 h3 h4 h5 h6 head header hr html i img ins kbd li link main mark meta nav ol p pre q s ' +
    'section small span strike strong style sub summary sup table tbody td tfoot th thead title tr tt u ul').split(' '),
);

function isHtmlTag(tag: string): boolean {
  if (tag.startsWith('<!--')) return true;
  const name = /^<\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(tag)?.[1];
  if (!name) return false;
  // A custom element (`<mj-button …>`) or any element with attributes is markup, not a placeholder.
  if (name.includes('-') || /^<[a-zA-Z][\w-]*\s+[\w:-]+\s*=/.test(tag)) return true;
  return HTML_ELEMENTS.has(name.toLowerCase()) && !/^<\/?[A-Z]{2,}[\s>]/.test(tag);
}

/** An HTML href as a browser reads it: entities decoded, line breaks and tabs inside it dropped (WHATWG URL). */
function hrefOf(raw: string): string {
  return decodeEntities(raw, LETTER_ENTITIES).replace(/[\t\n\r]/g, '').trim();
}

/** In letter text a no-break space stays U+00A0 (the extractors know it); only the basic named entities are decoded. */
const LETTER_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
