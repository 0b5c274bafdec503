import type { ErrorObject } from 'ajv';
import { schemaHash } from './schema.js';

/** The ajv options the config is validated with (also those of the precompiled validator). */
export const AJV_OPTIONS = { allErrors: true, strict: false } as const;

export type ConfigValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

interface Precompiled {
  hash: string;
  default: ConfigValidator;
}

/**
 * A validator for this schema: the one `npm run build` precompiled (scripts/compile-config-validator.js)
 * when it was made from the same schema, else compiled now with ajv (about 170 ms). From the
 * TypeScript sources there is no precompiled one.
 */
export async function configValidator(schema: Record<string, unknown>): Promise<ConfigValidator> {
  const generated = await import(new URL('./validator.generated.js', import.meta.url).href).then(
    (m: Precompiled) => m,
    () => undefined,
  );
  if (generated && generated.hash === schemaHash(schema)) return generated.default;
  const { Ajv } = await import('ajv');
  return new Ajv(AJV_OPTIONS).compile(schema);
}
