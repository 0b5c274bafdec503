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

//   --holdout      only the held-out set (fixtures/eval-holdout/); --dev only the development set
//   --id ID        only these items (repeatable); --json the figures as JSON; --quiet no item list
const args = process.argv.slice(2);
const sets = args.includes('--holdout') ? ['eval-holdout'] : args.includes('--dev') ? ['eval'] : ['eval', 'eval-holdout'];
const only = args.flatMap((a, i) => (a === '--id' ? [args[i + 1]] : []));
const rules = [missingUrl, placeholderUrl];
const out = [];
for (const name of sets) {
  const dir = fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));
  const config = resolveConfig({}, dir, rules);
  const items = loadEvalSet(dir).filter((item) => only.length === 0 || only.includes(item.id));
  const s = { ...score(evaluate(items, { readText, readMarkdown, extractReferences, runRules, rules, config })), set: `fixtures/${name}/` };
  if (args.includes('--json')) {
    const { wrong, ...figures } = s;
    out.push({ ...figures, wrong: wrong.map((w) => ({ id: w.item.id, problems: w.problems })) });
  } else {
    console.log(formatScore(s, { details: !args.includes('--quiet') }));
    console.log('');
  }
}
if (args.includes('--json')) console.log(JSON.stringify(out.length === 1 ? out[0] : out, null, 2));
