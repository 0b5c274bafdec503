// The import graph of brieflint's TypeScript sources, read with the TypeScript parser: every
// runtime import, `export … from` and dynamic `import('…')` with a literal specifier, and every use
// of `process.env`. Relative imports are followed through the sources; packages and Node's
// built-in modules are leaves. Type-only imports are left out: they do not exist at run time.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** What one source file reaches at run time. */
export interface ModuleUses {
  /** Specifiers as written: './x.js', 'node:fs', 'undici'. */
  imports: string[];
  /** It reads `process.env` (or takes `env` from 'node:process'). */
  processEnv: boolean;
}

/** A forbidden module or `process.env`, reached from `from` along `chain` (relative paths, `from` first). */
export interface Violation {
  from: string;
  reaches: string;
  chain: string[];
}

/** Marks `process.env` in a violation's `reaches`. */
export const PROCESS_ENV = 'process.env';

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // import 'x': a side effect
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  if (!bindings || ts.isNamespaceImport(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

const PROCESS_MODULES = new Set(['process', 'node:process']);

/** The runtime imports and `process.env` uses of one TypeScript source text. */
export function moduleUses(source: string, fileName = 'module.ts'): ModuleUses {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const imports: string[] = [];
  let processEnv = false;
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!isTypeOnlyImport(node)) imports.push(node.moduleSpecifier.text);
      const bindings = node.importClause?.namedBindings;
      if (PROCESS_MODULES.has(node.moduleSpecifier.text) && bindings && ts.isNamedImports(bindings)) {
        if (bindings.elements.some((e) => (e.propertyName ?? e.name).text === 'env')) processEnv = true;
      }
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!isTypeOnlyExport(node)) imports.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg))) imports.push(arg.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const ref = node.moduleReference.expression;
      if (!node.isTypeOnly && ts.isStringLiteral(ref)) imports.push(ref.text);
    } else if (ts.isPropertyAccessExpression(node) && node.name.text === 'env' && isProcess(node.expression)) {
      processEnv = true;
    } else if (ts.isElementAccessExpression(node) && isProcess(node.expression)) {
      const arg = node.argumentExpression;
      if (ts.isStringLiteral(arg) && arg.text === 'env') processEnv = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { imports, processEnv };
}

function isProcess(e: ts.Expression): boolean {
  if (ts.isIdentifier(e)) return e.text === 'process';
  // globalThis.process
  return ts.isPropertyAccessExpression(e) && e.name.text === 'process' && ts.isIdentifier(e.expression) && e.expression.text === 'globalThis';
}

/** Where the sources come from: the disk, or a set of files in memory (paths relative to the root). */
export interface SourceSet {
  root: string;
  /** Files that replace or add to those on disk, by path relative to the root ('rules/x.ts'). */
  overlay?: Record<string, string>;
}

function slash(p: string): string {
  return p.split(sep).join('/');
}

function readSource(set: SourceSet, rel: string): string | undefined {
  if (set.overlay && rel in set.overlay) return set.overlay[rel];
  const abs = join(set.root, rel);
  return existsSync(abs) && statSync(abs).isFile() ? readFileSync(abs, 'utf8') : undefined;
}

function exists(set: SourceSet, rel: string): boolean {
  return (!!set.overlay && rel in set.overlay) || (existsSync(join(set.root, rel)) && statSync(join(set.root, rel)).isFile());
}

/** The source file a relative specifier names: './x.js' is './x.ts', './dir' is './dir/index.ts'. */
export function resolveRelative(set: SourceSet, fromRel: string, specifier: string): string | undefined {
  const base = slash(relative(set.root, resolve(set.root, dirname(fromRel), specifier)));
  const stem = base.replace(/\.(?:m|c)?js$/, '');
  const candidates = [base, `${stem}.ts`, `${stem}.mts`, `${stem}.tsx`, `${base}/index.ts`];
  return candidates.find((c) => /\.(?:m|c)?tsx?$/.test(c) && exists(set, c));
}

/** The TypeScript files under the given paths (files or folders, relative to the root), overlay included. */
export function sourceFiles(set: SourceSet, paths: readonly string[]): string[] {
  const out = new Set<string>();
  const walk = (rel: string) => {
    const abs = join(set.root, rel);
    if (!existsSync(abs)) return;
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) walk(rel ? `${rel}/${name}` : name);
    } else if (/\.(?:m|c)?tsx?$/.test(rel) && !/\.d\.ts$|\.test\.ts$/.test(rel)) out.add(rel);
  };
  for (const p of paths) walk(p);
  for (const rel of Object.keys(set.overlay ?? {})) {
    if (under(rel, paths) && !/\.test\.ts$/.test(rel)) out.add(rel);
  }
  return [...out].sort();
}

/** What a part of the sources must not reach, directly or through the sources it imports. */
export interface Boundary {
  /** Files or folders (relative to the root) held to the boundary: 'rules', 'src/engine.ts'. */
  paths: readonly string[];
  /** Modules they must not reach, by name: 'fs' also stands for 'node:fs', 'fs/promises' and 'node:fs/promises'. */
  modules?: readonly string[];
  /** Source files or folders they must not reach at run time: 'src/facts' (type-only imports are free). */
  sources?: readonly string[];
  /** They must not read `process.env`. */
  env?: boolean;
}

/** The module a specifier names, without `node:` and without a subpath: 'node:fs/promises' → 'fs'. */
export function moduleName(specifier: string): string {
  const bare = specifier.replace(/^node:/, '');
  const parts = bare.split('/');
  return bare.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function under(rel: string, paths: readonly string[]): boolean {
  return paths.some((p) => {
    const dir = p.replace(/\/$/, '');
    return rel === dir || rel.startsWith(`${dir}/`);
  });
}

/**
 * For each file under `boundary.paths`: every forbidden module, source or `process.env` it reaches,
 * directly or through the sources it imports, each with the shortest chain of imports that leads there.
 */
export function boundaryViolations(set: SourceSet, boundary: Boundary): Violation[] {
  const cache = new Map<string, ModuleUses>();
  const uses = (rel: string): ModuleUses => {
    let u = cache.get(rel);
    if (!u) {
      const text = readSource(set, rel);
      u = text === undefined ? { imports: [], processEnv: false } : moduleUses(text, rel);
      cache.set(rel, u);
    }
    return u;
  };
  const banned = new Set(boundary.modules ?? []);
  const bannedSources = boundary.sources ?? [];
  const violations: Violation[] = [];
  for (const start of sourceFiles(set, boundary.paths)) {
    // Breadth first, so the chain shown is a shortest one.
    const parent = new Map<string, string | undefined>([[start, undefined]]);
    const queue = [start];
    const chainTo = (rel: string): string[] => {
      const chain: string[] = [];
      for (let at: string | undefined = rel; at !== undefined; at = parent.get(at)) chain.unshift(at);
      return chain;
    };
    for (let i = 0; i < queue.length; i++) {
      const rel = queue[i];
      const u = uses(rel);
      if (boundary.env && u.processEnv) violations.push({ from: start, reaches: PROCESS_ENV, chain: chainTo(rel) });
      for (const spec of u.imports) {
        if (!spec.startsWith('.')) {
          if (banned.has(moduleName(spec))) violations.push({ from: start, reaches: spec, chain: chainTo(rel) });
          continue;
        }
        const target = resolveRelative(set, rel, spec);
        if (!target || parent.has(target)) continue;
        parent.set(target, rel);
        if (under(target, bannedSources)) {
          // Named, not followed: what lies behind it is that source's own business.
          violations.push({ from: start, reaches: target, chain: chainTo(rel) });
          continue;
        }
        queue.push(target);
      }
    }
  }
  return violations;
}

/** One line a violation: `rules/x.ts → src/y.ts → node:fs`. */
export function describe(v: Violation): string {
  return [...v.chain, v.reaches].join(' → ');
}
