/**
 * Markdown for a terminal (`brieflint explain`): headings, paragraphs, lists, code blocks and
 * tables laid out as text, without Markdown's marks. Colour (bold headings, cyan code) only when
 * asked for; plain text otherwise, so a pipe gets clean lines.
 *
 * Its own small renderer over remark-parse's tree (already brieflint's Markdown reader), rather
 * than marked + marked-terminal: those bring a second Markdown parser and a syntax highlighter
 * with some twenty dependencies, for the few node types the rule docs use.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { Chalk, type ChalkInstance } from 'chalk';
import type { Code, Heading, List, ListItem, Nodes, Parent, PhrasingContent, Root, RootContent, Table } from 'mdast';

export interface TerminalOptions {
  /** ANSI colours and bold (a terminal that is not NO_COLOR). */
  color: boolean;
  /** Columns to wrap at (capped at 100; default 80). */
  width?: number;
}

function remarkGfmTables(this: { data(): Record<string, unknown[] | undefined> }) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const parser = unified().use(remarkParse).use(remarkGfmTables as never);

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/** Width on screen, without colour codes. */
export function visibleLength(s: string): number {
  return [...s.replace(ANSI, '')].length;
}

/** Words of `text` in lines of at most `width` visible characters (a longer word keeps its own line). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const hard of text.split('\n')) {
    let line = '';
    for (const word of hard.split(' ').filter((w) => w !== '')) {
      if (line && visibleLength(line) + 1 + visibleLength(word) > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line);
  }
  return lines;
}

class Renderer {
  readonly c: ChalkInstance;
  readonly width: number;

  constructor(options: TerminalOptions) {
    this.c = new Chalk({ level: options.color ? 1 : 0 });
    this.width = Math.max(40, Math.min(options.width ?? 80, 100));
  }

  document(root: Root): string {
    const out: string[] = [];
    let indent = 0;
    for (const node of root.children) {
      if (node.type === 'heading') {
        indent = node.depth === 1 ? 0 : node.depth === 2 ? 2 : 4;
        if (out.length) out.push('');
        out.push(...this.heading(node));
        continue;
      }
      if (out.length) out.push('');
      out.push(...this.block(node, indent));
    }
    return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
  }

  heading(node: Heading): string[] {
    const text = this.inline(node.children);
    const pad = ' '.repeat(node.depth === 1 ? 0 : node.depth === 2 ? 0 : 2);
    if (node.depth === 1) return [this.c.bold.underline(text)];
    return [pad + this.c.bold(node.depth === 2 ? this.c.cyan(text) : text)];
  }

  block(node: RootContent, indent: number): string[] {
    const pad = ' '.repeat(indent);
    switch (node.type) {
      case 'paragraph':
        return wrap(this.inline(node.children), this.width - indent).map((l) => pad + l);
      case 'heading':
        return this.heading(node).map((l) => pad + l);
      case 'list':
        return this.list(node, indent);
      case 'code':
        return this.code(node, indent);
      case 'table':
        return this.table(node, indent);
      case 'blockquote':
        return node.children.flatMap((child, i) => [...(i ? [''] : []), ...this.block(child, 0)]).map((l) => `${pad}${this.c.dim('│')} ${l}`);
      case 'thematicBreak':
        return [pad + this.c.dim('─'.repeat(Math.min(40, this.width - indent)))];
      case 'html':
        return node.value.split('\n').map((l) => pad + l);
      default:
        return 'children' in node ? (node as Parent).children.flatMap((child) => this.block(child as RootContent, indent)) : [];
    }
  }

  list(node: List, indent: number): string[] {
    const out: string[] = [];
    node.children.forEach((item: ListItem, i) => {
      const marker = node.ordered ? `${(node.start ?? 1) + i}.` : '•';
      const body = item.children.flatMap((child, j) => [...(j && node.spread ? [''] : []), ...this.block(child, indent + marker.length + 1)]);
      if (node.spread && i) out.push('');
      const first = body[0] ?? '';
      out.push(`${' '.repeat(indent)}${this.c.dim(marker)} ${first.slice(indent + marker.length + 1)}`, ...body.slice(1));
    });
    return out;
  }

  code(node: Code, indent: number): string[] {
    const pad = ' '.repeat(indent + 2);
    const label = (node.meta ?? '').trim();
    const lines = node.value.split('\n').map((l) => (l.trim() ? pad + this.c.cyan(l) : ''));
    return label ? [' '.repeat(indent) + this.c.dim(`${label}:`), ...lines] : lines;
  }

  table(node: Table, indent: number): string[] {
    const rows = node.children.map((row) => row.children.map((cell) => this.inline(cell.children)));
    const columns = Math.max(...rows.map((r) => r.length));
    const gap = 2;
    const available = this.width - indent - gap * (columns - 1);
    const widths = Array.from({ length: columns }, (_, i) => Math.max(1, ...rows.map((r) => visibleLength(r[i] ?? ''))));
    // Too wide: narrow the widest column, a character at a time, down to 12.
    while (widths.reduce((a, b) => a + b, 0) > available) {
      const widest = widths.indexOf(Math.max(...widths));
      if (widths[widest] <= 12) break;
      widths[widest] -= 1;
    }
    const out: string[] = [];
    rows.forEach((row, r) => {
      const cells = widths.map((w, i) => wrap(row[i] ?? '', w));
      const height = Math.max(...cells.map((c) => c.length));
      for (let k = 0; k < height; k++) {
        const line = cells
          .map((c, i) => {
            const text = c[k] ?? '';
            const shown = r === 0 ? this.c.bold(text) : text;
            return i === columns - 1 ? shown : shown + ' '.repeat(Math.max(0, widths[i] - visibleLength(text)));
          })
          .join(' '.repeat(gap));
        out.push(' '.repeat(indent) + line.trimEnd());
      }
      if (r === 0) out.push(' '.repeat(indent) + this.c.dim(widths.map((w) => '─'.repeat(w)).join(' '.repeat(gap))));
    });
    return out;
  }

  inline(nodes: PhrasingContent[]): string {
    return nodes.map((n) => this.phrase(n)).join('');
  }

  phrase(node: PhrasingContent | Nodes): string {
    switch (node.type) {
      case 'text':
        return node.value.replace(/\s*\n\s*/g, ' ');
      case 'strong':
        return this.c.bold(this.inline(node.children));
      case 'emphasis':
        return this.c.italic(this.inline(node.children));
      case 'delete':
        return this.c.strikethrough(this.inline(node.children));
      case 'inlineCode':
        return this.c.cyan(node.value);
      case 'break':
        return '\n';
      case 'link': {
        const text = this.inline(node.children);
        // Links between rule docs read as the rule's name; a web address is shown after its text.
        if (!/^[a-z][a-z0-9+.-]*:/i.test(node.url) || node.url === text.replace(ANSI, '')) return text;
        return `${text} ${this.c.dim(`(${node.url})`)}`;
      }
      case 'image':
        return node.alt ?? '';
      case 'html':
        return node.value;
      default:
        return 'children' in node ? this.inline((node as Parent).children as PhrasingContent[]) : 'value' in node ? String(node.value) : '';
    }
  }
}

/** `markdown` laid out for a terminal (see the module comment). */
export function renderMarkdown(markdown: string, options: TerminalOptions): string {
  return new Renderer(options).document(parser.parse(markdown) as Root);
}
