import type { Letter, TextBlock } from '../types.js';
import { idFromPath } from './meta.js';
import { decodeText } from './text-input.js';
import { checkTextSize } from './complexity.js';
import { textDirectives } from './text-directives.js';

/**
 * Read a plain-text letter or e-mail template: one block per paragraph (blank-line separated).
 * Lines that hold a brieflint-disable directive (see text-directives.ts) are directives, not text.
 */
export function readText(displayPath: string, data: Uint8Array): Letter {
  const source = decodeText(displayPath, data);
  checkTextSize(displayPath, source);
  const lines = source.split('\n');
  const directives = textDirectives(lines);
  return {
    path: displayPath,
    format: 'text',
    meta: { id: idFromPath(displayPath) },
    blocks: textBlocks(source, new Set(directives.map((d) => d.line - 1))),
    links: [],
    directives,
  };
}

/**
 * Split text into paragraphs; each keeps the line:column of its lines. Lines in `skip` (0-based)
 * are left out: they neither belong to a paragraph nor end one.
 */
export function textBlocks(source: string, skip?: ReadonlySet<number>): TextBlock[] {
  const blocks: TextBlock[] = [];
  const lines = source.split('\n');
  let current: number[] = [];
  const flush = () => {
    if (current.length === 0) return;
    let text = '';
    const segments: TextBlock['segments'] = [];
    current.forEach((i, k) => {
      if (k > 0) text += '\n';
      segments.push({ offset: text.length, line: i + 1, column: 1 });
      text += lines[i];
    });
    blocks.push({ text, part: 'body', segments, kind: 'paragraph' });
    current = [];
  };
  lines.forEach((line, i) => {
    if (skip?.has(i)) return;
    if (line.trim() === '') flush();
    else current.push(i);
  });
  flush();
  return blocks;
}
