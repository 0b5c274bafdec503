import { describe, expect, it } from 'vitest';
import { readAhead } from '../../src/read/ahead.js';

describe('readAhead', () => {
  it('gives every item in order with what was loaded for it', async () => {
    const items = Array.from({ length: 25 }, (_, i) => i);
    // Later items load faster: order must still hold.
    const load = (i: number) => new Promise<string>((r) => setTimeout(() => r(`#${i}`), 25 - i));
    const seen: Array<[number, string]> = [];
    for await (const pair of readAhead(items, 4, load)) seen.push(pair);
    expect(seen).toEqual(items.map((i) => [i, `#${i}`]));
  });

  it('loads at most `ahead` items beyond the one being handled', async () => {
    let started = 0;
    const load = async (i: number) => {
      started++;
      return i;
    };
    let handled = 0;
    for await (const [i] of readAhead(Array.from({ length: 40 }, (_, i) => i), 3, load)) {
      handled++;
      expect(i).toBe(handled - 1);
      expect(started).toBeLessThanOrEqual(handled + 3);
    }
    expect(started).toBe(40);
  });

  it('lets the event loop turn between two items (responses are handled between letters)', async () => {
    const order: string[] = [];
    for await (const [i] of readAhead([0, 1, 2], 3, async (i: number) => i)) {
      order.push(`item ${i}`);
      if (i === 0) setImmediate(() => order.push('event'));
    }
    expect(order).toEqual(['item 0', 'event', 'item 1', 'item 2']);
  });

  it('handles no items', async () => {
    const all: unknown[] = [];
    for await (const x of readAhead([], 8, async () => 1)) all.push(x);
    expect(all).toEqual([]);
  });
});
