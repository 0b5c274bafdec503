import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAtomically, writeAtomically } from '../../src/cache/locked.js';

describe('atomic writes', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const dir = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'brieflint-atomic-'));
    dirs.push(d);
    return d;
  };

  it('createAtomically writes a new file whole and leaves no temporary file', async () => {
    const d = dir();
    const text = 'x'.repeat(200_000);
    await createAtomically(join(d, 'b.md'), text);
    expect(readFileSync(join(d, 'b.md'), 'utf8')).toBe(text);
    expect(readdirSync(d)).toEqual(['b.md']);
  });

  it('createAtomically never writes over an existing file: EEXIST, the file as it was, no temporary file', async () => {
    const d = dir();
    writeFileSync(join(d, 'b.md'), 'van de KCC-lead');
    await expect(createAtomically(join(d, 'b.md'), 'nieuw')).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(join(d, 'b.md'), 'utf8')).toBe('van de KCC-lead');
    expect(readdirSync(d)).toEqual(['b.md']);
  });

  it('of two creators at once, exactly one wins and the file is whole', async () => {
    const d = dir();
    const results = await Promise.allSettled([createAtomically(join(d, 'b.md'), 'a'.repeat(100_000)), createAtomically(join(d, 'b.md'), 'b'.repeat(100_000))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(readFileSync(join(d, 'b.md'), 'utf8')).toMatch(/^(a{100000}|b{100000})$/);
    expect(readdirSync(d)).toEqual(['b.md']);
  });

  it('writeAtomically replaces a file', async () => {
    const d = dir();
    writeFileSync(join(d, 'c.json'), 'oud');
    await writeAtomically(join(d, 'c.json'), 'nieuw');
    expect(readFileSync(join(d, 'c.json'), 'utf8')).toBe('nieuw');
    expect(readdirSync(d)).toEqual(['c.json']);
  });
});
