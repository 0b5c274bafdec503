import { describe, expect, it } from 'vitest';
import { parseShard, shardFiles, ShardError } from '../../src/shard.js';

const files = (n: number, prefix = 'brieven') =>
  Array.from({ length: n }, (_, i) => ({ display: `${prefix}/${i % 7 === 0 ? 'sub/' : ''}brief-${String(i).padStart(5, '0')}.md` }));

function split<T extends { display: string }>(list: T[], total: number): T[][] {
  return Array.from({ length: total }, (_, i) => shardFiles(list, { index: i + 1, total }));
}

describe('parseShard', () => {
  it('reads i/n, 1-based', () => {
    expect(parseShard('1/4')).toEqual({ index: 1, total: 4 });
    expect(parseShard(' 4 / 4 ')).toEqual({ index: 4, total: 4 });
    expect(parseShard('1/1')).toEqual({ index: 1, total: 1 });
  });

  it.each([
    ['0/4', /between 1 and 4.*count from 1/],
    ['5/4', /between 1 and 4/],
    ['1/0', /at least 1/],
    ['4', /expected i\/n such as 2\/4/],
    ['a/b', /expected i\/n/],
    ['-1/4', /expected i\/n/],
    ['1.5/4', /expected i\/n/],
    ['', /expected i\/n/],
  ])('rejects %j with a clear message', (value, message) => {
    expect(() => parseShard(value)).toThrow(ShardError);
    expect(() => parseShard(value)).toThrow(message);
  });
});

describe('shardFiles', () => {
  it('partitions the input exactly: every file in exactly one shard, original order kept', () => {
    const list = files(1000);
    for (const total of [1, 2, 3, 4, 7, 8, 16]) {
      const shards = split(list, total);
      const all = shards.flat();
      expect(all).toHaveLength(list.length);
      expect(new Set(all).size).toBe(list.length);
      for (const shard of shards) {
        const positions = shard.map((f) => list.indexOf(f));
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      }
    }
  });

  it('balances exactly: shard sizes differ by at most one file', () => {
    for (const n of [0, 1, 3, 10, 99, 1000, 1001]) {
      for (const total of [2, 4, 5, 8]) {
        const sizes = split(files(n), total).map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
      }
    }
  });

  it('leaves shards empty rather than failing when there are fewer files than shards', () => {
    const shards = split(files(2), 4);
    expect(shards.flat()).toHaveLength(2);
    expect(shards.filter((s) => s.length === 0)).toHaveLength(2);
  });

  it('is deterministic: the same files in any order give the same shards', () => {
    const list = files(500);
    const shuffled = [...list].sort((a, b) => (a.display.split('').reverse().join('') < b.display.split('').reverse().join('') ? -1 : 1));
    for (let i = 1; i <= 4; i++) {
      const a = shardFiles(list, { index: i, total: 4 }).map((f) => f.display).sort();
      const b = shardFiles(shuffled, { index: i, total: 4 }).map((f) => f.display).sort();
      expect(b).toEqual(a);
    }
  });

  it('is the same on Windows and POSIX runners (slashes, leading ./)', () => {
    const posix = files(200);
    const windows = posix.map((f) => ({ display: `.\\${f.display.replace(/\//g, '\\')}` }));
    for (let i = 1; i <= 4; i++) {
      const a = shardFiles(posix, { index: i, total: 4 }).map((f) => posix.indexOf(f));
      const b = shardFiles(windows, { index: i, total: 4 }).map((f) => windows.indexOf(f));
      expect(b).toEqual(a);
    }
  });

  it('stays stable when files are added or removed: at most n − 1 other files change shard', () => {
    const list = files(1000);
    const where = (l: Array<{ display: string }>, total: number) => {
      const m = new Map<string, number>();
      split(l, total).forEach((s, i) => s.forEach((f) => m.set(f.display, i)));
      return m;
    };
    for (const total of [2, 4, 8]) {
      const before = where(list, total);
      for (const changed of [
        [...list, { display: 'brieven/nieuw-2027.md' }],
        [{ display: 'aaa/eerste.md' }, ...list],
        list.filter((_, i) => i !== 123),
      ]) {
        const after = where(changed, total);
        let moved = 0;
        for (const [path, shard] of before) if (after.has(path) && after.get(path) !== shard) moved++;
        expect(moved).toBeLessThanOrEqual(total - 1);
      }
    }
  });

  it('spreads a folder over every shard (heavy .docx templates do not land together)', () => {
    const list = [...files(900, 'md'), ...Array.from({ length: 100 }, (_, i) => ({ display: `docx/sjabloon-${i}.docx` }))];
    for (const shard of split(list, 4)) {
      const docx = shard.filter((f) => f.display.endsWith('.docx')).length;
      expect(docx).toBeGreaterThan(10);
      expect(docx).toBeLessThan(40);
    }
  });

  it('rejects an invalid shard object', () => {
    expect(() => shardFiles(files(3), { index: 0, total: 2 })).toThrow(ShardError);
    expect(() => shardFiles(files(3), { index: 3, total: 2 })).toThrow(ShardError);
  });
});
