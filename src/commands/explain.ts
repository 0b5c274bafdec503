/** `brieflint explain <rule>`: a rule's documentation. */
import { readFile } from 'node:fs/promises';
import { allRules, findRule } from '../../rules/index.js';
import { ruleDocPath } from '../paths.js';
import { EXIT, type Io } from './io.js';

export async function explain(id: string, io: Io): Promise<number> {
  const rule = findRule(id);
  if (!rule) {
    io.stderr(`brieflint: unknown rule "${id}". Rules: ${allRules.map((r) => r.meta.id).join(', ')}\n`);
    return EXIT.failure;
  }
  io.stdout(await readFile(ruleDocPath(id), 'utf8'));
  return EXIT.clean;
}

