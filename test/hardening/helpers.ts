import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The CLI in-process, projects in temp folders, the KCC rules off: one home, in test/cli/run.ts. */
export { cli, NO_KCC, project } from '../cli/run.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin/brieflint.js');

export const GOOD_LETTER = '---\nid: goed\n---\n\nVraag het aan op voorbeeldstad.example/afval. Bel 14 0123.\n';
