// Writes schema/brieflint.config.schema.json from the built code (`npm run schema`), so the
// published JSON Schema always matches what brieflint validates. A test checks it is up to date.
import { writeFileSync } from 'node:fs';
import { configSchemaJson } from '../dist/src/config/published.js';

const target = new URL('../schema/brieflint.config.schema.json', import.meta.url);
writeFileSync(target, configSchemaJson());
