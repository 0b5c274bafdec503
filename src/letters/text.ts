import type { Letter, TextBlock } from '../types.js';
import { idFromPath } from './meta.js';
import { segmentsForLines } from './locate.js';
import { decodeText } from './text-input.js';
import { checkTextSize } from './complexity.js';

/** Read a plain-text letter or e-mail template: one block per paragraph (blank-line separated). */
export function readText(displayPath: string, data: Uint8Array): Letter {
  const source = decodeText(displayPath, data);
  checkTextSize(displayPath, source);
  return {
    path: displayPath,
    format: 'text',
    meta: { id: idFromPath(displayPath) },
    blocks: textBlocks(source),
    links: [],
    directives: [],
  };
}

/** Split text into paragraphs; each keeps the line:column of its lines. */
export function textBlocks(source: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const lines = source.split('\n');
  let start = -1;
  const flush = (end: number) => {
    if (start === -1) return;
    const text = lines.slice(start, end).join('\n');
    blocks.push({ text, part: 'body', segments: segmentsForLines(text, start + 1, 1), kind: 'paragraph' });
    start = -1;
  };
  lines.forEach((line, i) => {
    if (line.trim() === '') flush(i);
    else if (start === -1) start = i;
  });
  flush(lines.length);
  return blocks;
}
