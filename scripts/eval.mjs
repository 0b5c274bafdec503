// npm run eval: score brieflint's reading of letters on the hand-labelled set in fixtures/eval/.
// Prints precision and recall per label and per rule, the targets, and every item it gets wrong.
//   node scripts/eval.mjs [--json] [--quiet]
import { fileURLToPath } from 'node:url';
import { readText } from '../dist/src/letters/text.js';
import { readMarkdown } from '../dist/src/letters/markdown.js';
import { extractReferences } from '../dist/src/extract/index.js';
import { runRules } from '../dist/src/engine.js';
import { resolveConfig } from '../dist/src/config/index.js';
import missingUrl from '../dist/rules/missing-url.js';
import placeholderUrl from '../dist/rules/placeholder-url.js';
import { evaluate, formatScore, loadEvalSet, score } from './eval-lib.mjs';

const setName = process.argv.includes('--holdout') ? 'eval-holdout' : 'eval';
const dir = fileURLToPath(new URL(`../fixtures/${setName}/`, import.meta.url));
const rules = [missingUrl, placeholderUrl];
const config = resolveConfig({}, dir, rules);
const only = process.argv.flatMap((a, i) => (a === '--id' ? [process.argv[i + 1]] : []));
const items = loadEvalSet(dir).filter((item) => only.length === 0 || only.includes(item.id));
const s = score(evaluate(items, { readText, readMarkdown, extractReferences, runRules, rules, config }));
if (process.argv.includes('--json')) {
  const { wrong, ...figures } = s;
  console.log(JSON.stringify({ ...figures, wrong: wrong.map((w) => ({ id: w.item.id, problems: w.problems })) }, null, 2));
} else {
  console.log(formatScore(s, { details: !process.argv.includes('--quiet') }));
}
