/**
 * A rule's documentation (rules/<id>.md) as a page of `serve`, so each finding links to why it
 * matters and what to do. Markdown → HTML through mdast and the auto-escaping `html` tag: raw
 * HTML in the docs is shown as text, links to other rules stay on the server, other links only
 * when they are http(s).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Nodes, Root } from 'mdast';
import type { Lang } from '../types.js';
import { html, type SafeHtml } from '../report/html-template.js';
import { safeHref } from '../report/escape.js';

function remarkGfmTables(this: { data(): Record<string, unknown[] | undefined> }) {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const parser = unified().use(remarkParse).use(remarkGfmTables as never);

/** Where a link in a rule doc goes from the server: another rule's page, an http(s) URL, or nowhere. */
function docHref(url: string, lang: Lang, ruleIds: ReadonlySet<string>): string | undefined {
  const rule = /^(?:\.\/)?([a-z0-9-]+)\.md(#.*)?$/.exec(url);
  if (rule && ruleIds.has(rule[1])) return `/rules/${rule[1]}?lang=${lang}${rule[2] ?? ''}`;
  if (/^#/.test(url)) return url;
  return /^https?:\/\//i.test(url) ? safeHref(url) : undefined;
}

/** The rule doc's Markdown as HTML; `shift` moves its headings down (its `#` becomes the page's h1). */
export function markdownToHtml(markdown: string, lang: Lang, ruleIds: ReadonlySet<string>): SafeHtml {
  const tree = parser.parse(markdown) as Root;
  const render = (node: Nodes): SafeHtml | string => {
    const kids = () => ('children' in node ? (node.children as Nodes[]).map(render) : []);
    switch (node.type) {
      case 'root':
        return html`${kids()}`;
      case 'heading': {
        const level = Math.min(6, node.depth);
        const inner = kids();
        return [html`<h1>${inner}</h1>`, html`<h2>${inner}</h2>`, html`<h3>${inner}</h3>`, html`<h4>${inner}</h4>`, html`<h5>${inner}</h5>`, html`<h6>${inner}</h6>`][level - 1];
      }
      case 'paragraph':
        return html`<p>${kids()}</p>\n`;
      case 'text':
        return node.value;
      case 'emphasis':
        return html`<em>${kids()}</em>`;
      case 'strong':
        return html`<strong>${kids()}</strong>`;
      case 'delete':
        return html`<del>${kids()}</del>`;
      case 'inlineCode':
        return html`<code>${node.value}</code>`;
      case 'code':
        return html`<pre class="doc-code"${node.lang ? html` data-lang="${node.lang}"` : ''}><code>${node.value}</code></pre>\n`;
      case 'break':
        return html`<br>`;
      case 'thematicBreak':
        return html`<hr>`;
      case 'blockquote':
        return html`<blockquote>${kids()}</blockquote>\n`;
      case 'list':
        return node.ordered ? html`<ol>${kids()}</ol>\n` : html`<ul>${kids()}</ul>\n`;
      case 'listItem':
        return html`<li>${kids()}</li>\n`;
      case 'link': {
        const href = docHref(node.url, lang, ruleIds);
        return href ? html`<a href="${href}">${kids()}</a>` : html`${kids()}`;
      }
      case 'linkReference':
        return html`${kids()}`;
      case 'html':
        return html`<code>${node.value}</code>`;
      case 'table': {
        const [head, ...rows] = node.children;
        const cells = (row: typeof head, tag: 'th' | 'td') =>
          row.children.map((c) => (tag === 'th' ? html`<th scope="col">${c.children.map(render)}</th>` : html`<td>${c.children.map(render)}</td>`));
        return html`<div class="doc-table"><table><thead><tr>${head ? cells(head, 'th') : ''}</tr></thead><tbody>${rows.map(
          (r) => html`<tr>${cells(r, 'td')}</tr>`,
        )}</tbody></table></div>\n`;
      }
      case 'image':
        return node.alt ?? '';
      default:
        return 'value' in node && typeof node.value === 'string' ? node.value : html`${kids()}`;
    }
  };
  return html`${render(tree)}`;
}
