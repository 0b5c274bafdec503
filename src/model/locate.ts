import type { Location, TextBlock } from '../types.js';

/** The line:column of a character offset in a block's text (see TextBlock.segments). */
export function locate(block: TextBlock, offset: number): Location {
  const segs = block.segments;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid].offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  const seg = segs[lo] ?? { offset: 0, line: 1, column: 1 };
  return { line: seg.line, column: seg.column + Math.max(0, offset - seg.offset), part: block.part };
}

/** Segments for text that starts at line:column and whose '\n' start a new line at column 1. */
export function segmentsForLines(text: string, line: number, column: number): TextBlock['segments'] {
  const segments = [{ offset: 0, line, column }];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    segments.push({ offset: i + 1, line: line + segments.length, column: 1 });
  }
  return segments;
}
