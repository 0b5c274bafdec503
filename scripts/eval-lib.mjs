// The labelled evaluation set (fixtures/eval/*.yaml) and how brieflint scores on it.
// Used by `npm run eval` (scripts/eval.mjs, on the built dist/) and by the floor test
// (test/eval/floor.test.ts, on the TypeScript sources): the caller passes brieflint's functions.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Call kinds that send the reader online by themselves (appointment and report only when the text says so). */
export const KINDS = [
  'online-form', 'online-application', 'website', 'portal', 'appointment', 'report', 'login', 'qr-code',
  'paper-form', 'phone', 'visit',
];

/** The targets for reading letters (README, Measured recall): printed next to the figures, never asserted. */
export const TARGETS = { online: { precision: 0.95, recall: 0.95 }, placeholders: { precision: 0.95, recall: 0.95 }, falseUrls: 0 };

/** Every item of every YAML file in `dir`, with the file's source and licence. */
export function loadEvalSet(dir) {
  const items = [];
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    let doc;
    try {
      doc = parse(readFileSync(join(dir, file), 'utf8'));
    } catch (cause) {
      throw new Error(`fixtures/eval/${file}: ${cause instanceof Error ? cause.message.split('\n')[0] : cause}`, { cause });
    }
    for (const item of doc.items ?? []) {
      items.push({
        file,
        source: doc.source,
        licence: doc.licence,
        format: 'txt',
        calls: [],
        urls: [],
        placeholders: [],
        otherPlaceholders: [],
        ...item,
      });
    }
  }
  return items;
}

/** The missing-url verdict a label implies (see fixtures/eval/README.md). */
export function expectsMissingUrl(item) {
  if (typeof item.missingUrl === 'boolean') return item.missingUrl;
  return item.online === true && item.urls.length === 0 && item.placeholders.length === 0;
}

const squash = (s) => String(s).replace(/\s+/g, '');

/**
 * Run every item through read → extract → the offline rules and compare with its labels.
 * api: { readText(path, bytes), readMarkdown(path, bytes), extractReferences(letter),
 *        runRules(letter, refs, facts, config, rules, lang), rules, config }
 */
export function evaluate(items, api) {
  const results = [];
  for (const item of items) {
    const path = `eval/${item.id}.${item.format === 'md' ? 'md' : 'txt'}`;
    const bytes = Buffer.from(item.text, 'utf8');
    const letter = item.format === 'md' ? api.readMarkdown(path, bytes) : api.readText(path, bytes);
    const refs = api.extractReferences(letter);
    const findings = api.runRules(letter, refs, { offline: true, today: '2027-01-10' }, api.config, api.rules, 'nl');
    const mentions = refs.forms;
    const online = mentions.some((m) => m.online ?? ['online-form', 'online-application', 'website', 'portal'].includes(m.kind));
    results.push({
      item,
      got: {
        online,
        calls: [...new Set(mentions.map((m) => m.kind))].sort(),
        mentions: mentions.map((m) => `${m.kind}${m.online ? '+' : ''} “${m.text}”`),
        urls: refs.urls.filter((u) => u.visible).map((u) => u.printed),
        placeholders: refs.placeholders.filter((p) => p.inUrl).map((p) => p.printed),
        rules: [...new Set(findings.map((f) => f.rule))].sort(),
      },
    });
  }
  return results;
}

function ratio(n, d) {
  return d === 0 ? 1 : n / d;
}

function counts() {
  return { tp: 0, fp: 0, fn: 0 };
}

function pr(c) {
  return { ...c, precision: ratio(c.tp, c.tp + c.fp), recall: ratio(c.tp, c.tp + c.fn) };
}

/** Compare two lists as sets (the labels list each address once); returns [matched, onlyInGot, onlyInWant]. */
function match(gotList, wantList) {
  const got = [...new Set(gotList.map(squash))];
  const left = [...new Set(wantList.map(squash))];
  const extra = [];
  let matched = 0;
  for (const g of got) {
    const i = left.indexOf(g);
    if (i === -1) extra.push(g);
    else {
      left.splice(i, 1);
      matched++;
    }
  }
  return [matched, extra, left];
}

/** Precision and recall per label and per rule, and the items brieflint gets wrong. */
export function score(results) {
  const online = counts();
  const placeholders = counts();
  const urls = counts();
  const kinds = Object.fromEntries(KINDS.map((k) => [k, counts()]));
  const rules = { 'missing-url': counts(), 'placeholder-url': counts() };
  const wrong = [];
  for (const { item, got } of results) {
    const problems = [];
    if (got.online && item.online) online.tp++;
    else if (got.online) {
      online.fp++;
      problems.push('sends online: no, brieflint says yes');
    } else if (item.online) {
      online.fn++;
      problems.push('sends online: yes, brieflint says no');
    }
    for (const k of KINDS) {
      const want = item.calls.includes(k);
      const has = got.calls.includes(k);
      if (want && has) kinds[k].tp++;
      else if (has) kinds[k].fp++;
      else if (want) kinds[k].fn++;
    }
    const wantKinds = [...item.calls].sort().join(',');
    if (wantKinds !== got.calls.join(',')) problems.push(`calls: want [${wantKinds}], got [${got.calls.join(',')}]`);
    const [pm, pExtra, pMissed] = match(got.placeholders, item.placeholders);
    placeholders.tp += pm;
    placeholders.fp += pExtra.length;
    placeholders.fn += pMissed.length;
    if (pExtra.length) problems.push(`not an address placeholder: ${pExtra.join(' ')}`);
    if (pMissed.length) problems.push(`address placeholder missed: ${pMissed.join(' ')}`);
    const [um, uExtra, uMissed] = match(got.urls, item.urls);
    urls.tp += um;
    urls.fp += uExtra.length;
    urls.fn += uMissed.length;
    if (uExtra.length) problems.push(`false URL: ${uExtra.join(' ')}`);
    if (uMissed.length) problems.push(`URL missed: ${uMissed.join(' ')}`);
    const want = {
      'missing-url': expectsMissingUrl(item),
      'placeholder-url': item.placeholders.length > 0,
    };
    for (const [rule, expected] of Object.entries(want)) {
      const fired = got.rules.includes(rule);
      if (expected && fired) rules[rule].tp++;
      else if (fired) {
        rules[rule].fp++;
        problems.push(`${rule} fired, should not`);
      } else if (expected) {
        rules[rule].fn++;
        problems.push(`${rule} should fire`);
      }
    }
    if (problems.length) wrong.push({ item, got, problems });
  }
  return {
    items: results.length,
    online: pr(online),
    placeholders: pr(placeholders),
    urls: { ...pr(urls), falseUrls: urls.fp },
    kinds: Object.fromEntries(Object.entries(kinds).map(([k, c]) => [k, pr(c)])),
    rules: Object.fromEntries(Object.entries(rules).map(([k, c]) => [k, pr(c)])),
    wrong,
  };
}

const pct = (x) => x.toFixed(3);

/** The score as text: a table per label and rule, the targets, then every item it gets wrong. */
export function formatScore(s, { details = true } = {}) {
  const met = (ok) => (ok ? 'met' : 'NOT MET');
  const lines = [];
  lines.push(`brieflint eval — ${s.items} labelled items (${s.set ?? 'fixtures/eval/'})`);
  lines.push('');
  lines.push('label                 precision  recall   tp   fp   fn');
  const row = (name, c) =>
    lines.push(`${name.padEnd(21)} ${pct(c.precision).padStart(9)} ${pct(c.recall).padStart(7)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}`);
  row('sends online', s.online);
  row('address placeholder', s.placeholders);
  row('printed URL', s.urls);
  for (const [k, c] of Object.entries(s.kinds)) row(`  call: ${k}`, c);
  for (const [k, c] of Object.entries(s.rules)) row(`rule: ${k}`, c);
  lines.push('');
  lines.push('targets');
  const t = TARGETS;
  lines.push(`  sends online: precision ≥ ${t.online.precision} (${pct(s.online.precision)}) and recall ≥ ${t.online.recall} (${pct(s.online.recall)}): ${met(s.online.precision >= t.online.precision && s.online.recall >= t.online.recall)}`);
  lines.push(`  address placeholders: precision ≥ ${t.placeholders.precision} (${pct(s.placeholders.precision)}) and recall ≥ ${t.placeholders.recall} (${pct(s.placeholders.recall)}): ${met(s.placeholders.precision >= t.placeholders.precision && s.placeholders.recall >= t.placeholders.recall)}`);
  lines.push(`  false URLs: ${s.urls.falseUrls} (target ${t.falseUrls}): ${met(s.urls.falseUrls <= t.falseUrls)}`);
  if (details && s.wrong.length) {
    lines.push('');
    lines.push(`items brieflint gets wrong (${s.wrong.length})`);
    for (const w of s.wrong) {
      const text = w.item.text.trim().replace(/\s+/g, ' ');
      lines.push(`- ${w.item.id} (${w.item.file}): ${text.length > 140 ? `${text.slice(0, 137)}…` : text}`);
      for (const p of w.problems) lines.push(`    ${p}`);
      if (w.got.mentions.length) lines.push(`    mentions: ${w.got.mentions.join(' | ')}`);
    }
  }
  return lines.join('\n');
}
