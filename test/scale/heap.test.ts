import { describe, expect, it } from 'vitest';
import { heapFlag, LARGE_RUN } from '../../src/heap.js';

describe('heap growth for large runs', () => {
  it('is left to V8 for ordinary runs', () => {
    expect(heapFlag(1, [], '')).toBeUndefined();
    expect(heapFlag(LARGE_RUN - 1, [], '')).toBeUndefined();
  });

  it('is kept close to what the run holds from LARGE_RUN letters on', () => {
    expect(heapFlag(LARGE_RUN, [], '')).toBe('--heap-growing-percent=10');
    expect(heapFlag(100_000, [], '')).toBe('--heap-growing-percent=10');
  });

  it.each([
    ['NODE_OPTIONS heap size', [], '--max-old-space-size=4096'],
    ['NODE_OPTIONS with underscores', [], '--trace-warnings --max_old_space_size=512'],
    ['node argument', ['--max-old-space-size=200'], ''],
    ['own growth setting', ['--heap-growing-percent=50'], ''],
  ])('never overrides what the user set: %s', (_, execArgv, nodeOptions) => {
    expect(heapFlag(50_000, execArgv as string[], nodeOptions as string)).toBeUndefined();
  });
});
