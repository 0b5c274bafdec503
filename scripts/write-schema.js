// Writes schema/brieflint.config.schema.json and schema/brieflint.report.schema.json from the
// built code (`npm run schema`), so the published JSON Schemas always match what brieflint
// validates. A test checks they are up to date.
import { writeFileSync } from 'node:fs';
import { configSchemaJson } from '../dist/src/config/published.js';
import { reportSchemaJson } from '../dist/src/report/schema.js';

writeFileSync(new URL('../schema/brieflint.config.schema.json', import.meta.url), configSchemaJson());
writeFileSync(new URL('../schema/brieflint.report.schema.json', import.meta.url), reportSchemaJson());
