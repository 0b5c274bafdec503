/**
 * A clone is all a reader has: no source, test, script, fixture or doc cites the tracker's issue
 * numbers or a design note outside the repository. A comment says the why itself.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIRS = ['src', 'rules', 'test', 'scripts', 'bench', 'fixtures', 'bin', 'assets', '.ci'];
const FILES = ['README.md', 'action.yml', 'package.json'];
const TEXT = /\.(ts|mts|js|mjs|cjs|md|yaml|yml|json|sh|txt|html|css)$/;

/** What a clone cannot follow: "issue 12", "Issue 14, defect 3", "(#12)", a note in ../shared/. */
const OUTSIDE = [
  { what: 'an issue number', pattern: /\bissues? #?\d+|\(#\d+\)/i },
  { what: 'a note outside the repository', pattern: /\.\.\/(?:\.\.\/)*shared\/(?!corpus\/)/ },
];

/** Every citation in a file's text, as `path:line: what`. */
function citations(path: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const { what, pattern } of OUTSIDE) if (pattern.test(line)) found.push(`${path}:${i + 1}: ${what}: ${line.trim()}`);
  });
  return found;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules' || e.name === '.corpus') return [];
    const path = join(dir, e.name);
    return e.isDirectory() ? walk(path) : TEXT.test(e.name) ? [path] : [];
  });
}

describe('the repository is self-contained', () => {
  it('no file cites an issue number or a note outside the repository', () => {
    // This file is left out: its examples below cite on purpose.
    const files = [...DIRS.flatMap((d) => walk(join(ROOT, d))), ...FILES.map((f) => join(ROOT, f))].filter((f) => f !== fileURLToPath(import.meta.url));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((f) => citations(relative(ROOT, f), readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('the check finds what it looks for, and leaves the optional corpus and HTML escapes alone', () => {
    expect(citations('src/a.ts', ' * The KCC page (issue 6 §2).\n * Issue 14, defect 1: …\n// fixed in (#12)\n')).toEqual([
      'src/a.ts:1: an issue number: * The KCC page (issue 6 §2).',
      'src/a.ts:2: an issue number: * Issue 14, defect 1: …',
      'src/a.ts:3: an issue number: // fixed in (#12)',
    ]);
    expect(citations('src/b.ts', ' * See ../../../../shared/DESIGN.md.')).toEqual(['src/b.ts:1: a note outside the repository: * See ../../../../shared/DESIGN.md.']);
    expect(citations('test/c.ts', "const CORPUS = new URL('../../../shared/corpus/docx/', import.meta.url);\n'&#39;' 'Brief met spatie #2.md' 'unknown issuer'")).toEqual([]);
  });
});
