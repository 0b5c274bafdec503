/**
 * The labelled evaluation set (fixtures/eval/, see its README) as a floor: `npm run eval` prints the
 * figures and the targets; this test only makes sure that no change silently lowers them. The
 * floors sit a little under the score when they were last raised — raise them when the score rises.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/letters/text.js';
import { readMarkdown } from '../../src/letters/markdown.js';
import { extractReferences } from '../../src/extract/index.js';
import { runRules } from '../../src/engine.js';
import { resolveConfig } from '../../src/config/index.js';
import missingUrl from '../../rules/missing-url.js';
import placeholderUrl from '../../rules/placeholder-url.js';
// @ts-expect-error a plain ES module shared with scripts/eval.mjs
import { evaluate, loadEvalSet, score } from '../../scripts/eval-lib.mjs';

const FLOORS = {
  eval: { items: 436, online: { precision: 0.975, recall: 0.965 }, placeholders: { precision: 0.98, recall: 0.98 }, falseUrls: 0 },
  'eval-holdout': { items: 228, online: { precision: 0.965, recall: 0.955 }, placeholders: { precision: 0.98, recall: 0.98 }, falseUrls: 0 },
};

function run(folder: string) {
  const dir = fileURLToPath(new URL(`../../fixtures/${folder}/`, import.meta.url));
  const rules = [missingUrl, placeholderUrl];
  const config = resolveConfig({}, dir, rules);
  return score(evaluate(loadEvalSet(dir), { readText, readMarkdown, extractReferences, runRules, rules, config }));
}

describe('evaluation sets: no change lowers the score', () => {
  it.each(Object.entries(FLOORS))('fixtures/%s', (folder, f) => {
    const s = run(folder);
    expect(s.items).toBeGreaterThanOrEqual(f.items);
    expect(s.online.precision).toBeGreaterThanOrEqual(f.online.precision);
    expect(s.online.recall).toBeGreaterThanOrEqual(f.online.recall);
    expect(s.placeholders.precision).toBeGreaterThanOrEqual(f.placeholders.precision);
    expect(s.placeholders.recall).toBeGreaterThanOrEqual(f.placeholders.recall);
    expect(s.urls.falseUrls).toBeLessThanOrEqual(f.falseUrls);
  });
});
