import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

/**
 * A validator for the official SARIF 2.1.0 schema, unmodified (see README.md here): draft 2020-12,
 * a stray `anyOf` under region.properties (so no meta-schema check), and `(?i)` inline flags in
 * two patterns, which JavaScript regular expressions do not know.
 */
export function sarifValidator() {
  const schema = JSON.parse(readFileSync(new URL('./sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
  const regExp = Object.assign(
    (pattern: string, flags: string) =>
      pattern.includes('(?i)') ? new RegExp(pattern.replace('(?i)', ''), `${flags}i`) : new RegExp(pattern, flags),
    { code: 'sarifRegExp' },
  );
  const ajv = new Ajv2020({ strict: false, validateSchema: false, allErrors: true, code: { regExp } });
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(s) && URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/.test(s) && !/%(?![0-9A-Fa-f]{2})/.test(s));
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s));
  return ajv.compile(schema);
}
