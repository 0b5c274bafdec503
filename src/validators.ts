import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv, ErrorObject } from 'ajv';
import { PACKAGE_ROOT } from './paths.js';

/** The ajv options every schema is validated with (also those of the precompiled validators). */
export const AJV_OPTIONS = { allErrors: true, strict: false } as const;

export type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** The schemas `npm run build` precompiles (scripts/compile-validators.js). */
export type PrecompiledName = 'config' | 'kccConfig' | 'briefingFrontMatter' | 'siteCacheEntry' | 'jsonReport' | 'sarifStructure';

interface Generated {
  hashes: Record<PrecompiledName, string>;
  validators: Record<PrecompiledName, Validator>;
}

const require = createRequire(import.meta.url);
let generated: Generated | null | undefined;

/** A fingerprint of a schema: a precompiled validator is used only for this exact schema. */
export function schemaHash(schema: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex');
}

/**
 * A validator for this schema: the one `npm run build` precompiled under this name with ajv's
 * standalone code generation, when it was made from the same schema; else compiled now (ajv
 * loads on first use, and compiling the config schema takes about 170 ms). Before the first
 * build there are no precompiled validators.
 */
export function validatorFor(name: PrecompiledName, schema: Record<string, unknown>): Validator {
  if (generated === undefined) {
    try {
      // By the package root, so the bundled CLI (dist/bundle/) finds it too.
      generated = require(join(PACKAGE_ROOT, 'dist', 'src', 'validators.generated.cjs')) as Generated;
    } catch {
      generated = null;
    }
  }
  if (generated && generated.hashes[name] === schemaHash(schema)) return generated.validators[name];
  const { Ajv: AjvClass } = require('ajv') as { Ajv: typeof Ajv };
  return new AjvClass(AJV_OPTIONS).compile(schema);
}
