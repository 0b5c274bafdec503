// The layering, held by a test: reading and fetching happen before the rules, never in them.
// The rules, the extractor, the engine, the reports and the pure model reach no file system,
// network, subprocess or environment, not even through another module; the rules and the model
// take nothing at run time from the packages that gather facts; the extractor does not reach back
// into the letter readers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../adoption/helpers.js';
import { boundaryViolations, describe as chainOf, moduleName, moduleUses, PROCESS_ENV, sourceFiles, type Boundary, type SourceSet } from './import-graph.js';

/** Node's modules (and undici) that read or write outside the process. */
const IO_MODULES = ['fs', 'net', 'undici', 'http', 'https', 'http2', 'tls', 'dns', 'dgram', 'child_process'];

const BOUNDARIES: Record<string, Boundary> = {
  'pure code does no I/O and reads no environment': {
    paths: ['rules', 'src/extract', 'src/engine.ts', 'src/report', 'src/model'],
    modules: IO_MODULES,
    env: true,
  },
  'rules, model and engine take nothing from the fact-gathering and reading packages': {
    paths: ['rules', 'src/model', 'src/engine.ts'],
    sources: ['src/facts', 'src/http', 'src/letters', 'src/read', 'src/images'],
  },
  'the extractor does not reach back into the letter readers': {
    paths: ['src/extract'],
    sources: ['src/letters', 'src/read'],
  },
};

const DISK: SourceSet = { root: ROOT };

describe('the boundaries of the sources', () => {
  for (const [name, boundary] of Object.entries(BOUNDARIES)) {
    it(name, () => {
      const lines = [...new Set(boundaryViolations(DISK, boundary).map(chainOf))];
      expect(lines).toEqual([]);
    });
  }

  it('walks the real sources: every rule, and through the imports into src/', () => {
    const rules = sourceFiles(DISK, ['rules']);
    expect(rules).toContain('rules/dead-url.ts');
    expect(rules).toContain('rules/index.ts');
    expect(rules.length).toBeGreaterThanOrEqual(19);
    // A planted source under src/ that only a rule imports is reached: relative imports are followed.
    const set: SourceSet = { root: ROOT, overlay: { 'src/rule.ts': `${readFileSync(join(ROOT, 'src/rule.ts'), 'utf8')}\nimport 'node:net';\n` } };
    const found = boundaryViolations(set, { paths: ['rules/dead-url.ts'], modules: ['net'] });
    expect(found.map(chainOf)).toEqual(['rules/dead-url.ts → src/rule.ts → node:net']);
  });
});

describe('a planted violation fails the boundary, naming the chain', () => {
  const pure = BOUNDARIES['pure code does no I/O and reads no environment'];
  const layered = BOUNDARIES['rules, model and engine take nothing from the fact-gathering and reading packages'];
  const rule = readFileSync(join(ROOT, 'rules/dead-url.ts'), 'utf8');

  it("import 'node:fs' in a rule", () => {
    const set: SourceSet = { root: ROOT, overlay: { 'rules/dead-url.ts': `import 'node:fs';\n${rule}` } };
    const lines = boundaryViolations(set, pure).map(chainOf);
    expect(lines).toContain('rules/dead-url.ts → node:fs');
    // Through the rule list, the engine's way in: the chain names each step.
    expect(lines).toContain('rules/index.ts → rules/dead-url.ts → node:fs');
  });

  it('fs/promises in a helper a rule imports, and process.env in a report', () => {
    const set: SourceSet = {
      root: ROOT,
      overlay: {
        'rules/dead-url.ts': `import { cached } from '../src/model/planted.js';\n${rule}`,
        'src/model/planted.ts': "import { readFile } from 'node:fs/promises';\nexport const cached = readFile;\n",
        'src/report/planted.ts': 'export const lang = process.env.LANG;\n',
      },
    };
    const lines = boundaryViolations(set, pure).map(chainOf);
    expect(lines).toContain('rules/dead-url.ts → src/model/planted.ts → node:fs/promises');
    expect(lines).toContain(`src/report/planted.ts → ${PROCESS_ENV}`);
  });

  it('a rule that imports a fact-gathering package at run time (a type-only import is free)', () => {
    const set: SourceSet = {
      root: ROOT,
      overlay: {
        'rules/planted.ts': "import type { SiteFacts } from '../src/facts/site/types.js';\nimport { gatherFacts } from '../src/facts/index.js';\nexport const x: SiteFacts | typeof gatherFacts = gatherFacts;\n",
      },
    };
    const planted = boundaryViolations(set, layered).filter((v) => v.from === 'rules/planted.ts');
    expect(planted.map(chainOf)).toEqual(['rules/planted.ts → src/facts/index.ts']);
  });
});

describe('reading the imports', () => {
  it('runtime imports, re-exports and dynamic imports count; type-only ones do not', () => {
    const u = moduleUses(
      [
        "import type { A } from './a.js';",
        "import { type B } from './b.js';",
        "import { c, type C } from './c.js';",
        "export { d } from './d.js';",
        "export type { E } from './e.js';",
        "const f = await import('node:fs');",
        "import './g.js';",
      ].join('\n'),
    );
    expect(u.imports).toEqual(['./c.js', './d.js', 'node:fs', './g.js']);
    expect(u.processEnv).toBe(false);
  });

  it('process.env in its spellings', () => {
    expect(moduleUses('const x = process.env.HOME;').processEnv).toBe(true);
    expect(moduleUses("const x = process['env'];").processEnv).toBe(true);
    expect(moduleUses('const x = globalThis.process.env;').processEnv).toBe(true);
    expect(moduleUses("import { env } from 'node:process';").processEnv).toBe(true);
    expect(moduleUses('const x = process.argv;').processEnv).toBe(false);
  });

  it('a module by its name: node: prefix and subpaths', () => {
    expect(moduleName('node:fs/promises')).toBe('fs');
    expect(moduleName('fs')).toBe('fs');
    expect(moduleName('undici')).toBe('undici');
    expect(moduleName('@scope/pkg/sub')).toBe('@scope/pkg');
  });
});
