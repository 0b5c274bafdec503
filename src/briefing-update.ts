/**
 * `brieflint briefing <letter> --update`: refresh the facts in an existing briefing's front matter
 * from the letter — ids and kenmerk, mailing date, recipients, URLs, forms, phone numbers, and the
 * validity while it still follows the mailing date — and keep everything the KCC lead wrote: the
 * body, the title and owner, form names, comments, and any other field. Says what changed.
 */
import { isMap, isScalar, isSeq, parseDocument, Pair, Scalar, YAMLMap, YAMLSeq, type Document } from 'yaml';
import type { Letter, Message, References } from './types.js';
import { BRIEFING_WEEKS, briefingContents } from './briefing.js';
import { FRONT_MATTER_KEYS } from './facts/kcc/front-matter.js';
import { addDays } from './model/date.js';
import { urlsInText } from './extract/urls.js';
import { urlKey } from './model/url.js';
import { normalizePhone } from './extract/phones.js';

/** One change to a front-matter field: a value replaced, or list entries added and removed. */
export interface BriefingChange {
  key: string;
  from?: string;
  to?: string;
  added?: string[];
  removed?: string[];
}

export interface BriefingUpdate {
  /** The updated file (the input itself when nothing changed). */
  text: string;
  changes: BriefingChange[];
  /** What the lead should look at (the body names a URL the letter no longer prints …). */
  notes: Message[];
}

/** A briefing file without front matter, or with front matter that is no YAML mapping. */
export class BriefingUpdateError extends Error {}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*\r?$(?:\n)?/m;
/** The TODO lines `brieflint briefing` writes for facts the letter did not have yet. */
const TODO_MAILING_DATE = /^# TODO: de brief heeft geen verzenddatum.*(?:\r?\n|$)/m;
const TODO_RECIPIENTS = /^# TODO: aantal ontvangers.*(?:\r?\n|$)/m;

/** Update the briefing `text` with what `letter` says now; `today` becomes `updated` when anything changed. */
export function updateBriefing(text: string, letter: Letter, refs: References, today: string): BriefingUpdate {
  const src = text.replace(/^\uFEFF/, '');
  const m = FRONT_MATTER.exec(src);
  if (!src.startsWith('---') || !m || m.index !== 0) throw new BriefingUpdateError('no front matter');
  const body = src.slice(m[0].length);
  const { mailingDate, recipients, id, kenmerk } = letter.meta;
  let yamlText = m[1];
  if (mailingDate) yamlText = yamlText.replace(TODO_MAILING_DATE, '');
  if (recipients !== undefined) yamlText = yamlText.replace(TODO_RECIPIENTS, '');
  const doc = parseDocument(yamlText, { uniqueKeys: true });
  if (doc.errors.length > 0 || !isMap(doc.contents)) throw new BriefingUpdateError('front matter is no YAML mapping');
  const fm = new FrontMatter(doc);
  const changes: BriefingChange[] = [];
  const notes: Message[] = [];
  const fresh = briefingContents(refs);

  // Ids and kenmerk: added when missing; what the lead added stays.
  for (const [key, value, others] of [
    ['letters', id, ['kenmerken']],
    ['kenmerken', kenmerk, ['letters']],
  ] as const) {
    if (!value) continue;
    const named = [key, ...others].flatMap((k) => fm.list(k)).map((v) => v.toLowerCase());
    if (named.includes(value.toLowerCase())) continue;
    fm.setList(key, [...fm.list(key), value], (v) => v.toLowerCase(), true);
    changes.push({ key, added: [value] });
  }

  // The mailing date, the number of recipients, and the validity while it follows the mailing date.
  const oldMailing = fm.scalar('mailingDate');
  const oldFrom = fm.scalar('validFrom');
  const oldUntil = fm.scalar('validUntil');
  const oldUpdated = fm.scalar('updated');
  if (mailingDate && mailingDate !== oldMailing) {
    fm.set('mailingDate', mailingDate);
    changes.push({ key: 'mailingDate', ...(oldMailing ? { from: oldMailing } : {}), to: mailingDate });
    // As brieflint wrote it: valid from the mailing date (or, without one, from the day it was written) …
    const follows = oldFrom !== undefined && (oldMailing ? oldFrom === oldMailing : oldFrom === oldUpdated);
    if (follows) {
      fm.set('validFrom', mailingDate);
      changes.push({ key: 'validFrom', from: oldFrom, to: mailingDate });
      // … for 8 weeks: the end moves along, unless the lead set another one.
      if (oldUntil === addDays(oldFrom, BRIEFING_WEEKS * 7)) {
        const until = addDays(mailingDate, BRIEFING_WEEKS * 7);
        fm.set('validUntil', until);
        changes.push({ key: 'validUntil', from: oldUntil, to: until });
      }
    } else if (oldFrom !== undefined || oldUntil !== undefined) {
      notes.push({
        nl: `de geldigheid (${oldFrom ?? '…'} tot en met ${oldUntil ?? '…'}) is niet aangepast: die volgt de oude verzenddatum niet; kijk of hij nog klopt`,
        en: `the validity (${oldFrom ?? '…'} to ${oldUntil ?? '…'}) was not changed: it does not follow the old mailing date; check whether it still holds`,
      });
    }
  }
  if (recipients !== undefined && String(recipients) !== fm.scalar('recipients')) {
    const old = fm.scalar('recipients');
    fm.set('recipients', recipients);
    changes.push({ key: 'recipients', ...(old !== undefined ? { from: old } : {}), to: String(recipients) });
  }

  // URLs and phone numbers: what the letter prints now (entries it still prints keep their spelling).
  const urlChange = fm.replaceList('urls', fresh.urls, urlKey);
  if (urlChange) changes.push(urlChange);
  const phoneChange = fm.replaceList('phone', [...new Set(fresh.phones)], normalizePhone);
  if (phoneChange) changes.push(phoneChange);
  const formChange = fm.replaceForms(fresh.forms);
  if (formChange) changes.push(formChange);

  // What the body still says about addresses the letter no longer prints.
  const gone = new Set((urlChange?.removed ?? []).map(urlKey));
  const stale = urlsInText(body).filter((u) => gone.has(urlKey(u)));
  if (stale.length) {
    notes.push({ nl: `de tekst van de briefing noemt nog ${stale.join(', ')}`, en: `the briefing's text still names ${stale.join(', ')}` });
  }

  if (changes.length === 0) return { text, changes, notes };
  fm.set('updated', today);
  changes.push({ key: 'updated', ...(oldUpdated ? { from: oldUpdated } : {}), to: today });
  return { text: `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n${body}`, changes, notes };
}

/** The front matter as a YAML document, edited in place so that comments and the lead's fields stay. */
class FrontMatter {
  private readonly map: YAMLMap;
  constructor(private readonly doc: Document) {
    this.map = doc.contents as YAMLMap;
  }

  private node(key: string): unknown {
    return this.map.get(key, true);
  }

  /** A scalar field as text (dates and numbers as written). */
  scalar(key: string): string | undefined {
    const n = this.node(key);
    if (!isScalar(n) || n.value === null || n.value === undefined) return undefined;
    return String(n.value);
  }

  /** A list field's scalar entries (a single value is a list of one). */
  list(key: string): string[] {
    const n = this.node(key);
    if (isScalar(n)) return n.value === null || n.value === undefined ? [] : [String(n.value)];
    if (isSeq(n)) return n.items.flatMap((i) => (isScalar(i) && i.value !== null && i.value !== undefined ? [String(i.value)] : []));
    return [];
  }

  set(key: string, value: string | number): void {
    const n = this.node(key);
    if (isScalar(n)) n.value = value;
    else this.put(key, this.doc.createNode(value));
  }

  /** Set a list field to `values`, reusing the nodes of entries that stay (same key). */
  setList(key: string, values: string[], keyOf: (v: string) => string, flow = false): void {
    const n = this.node(key);
    const old = isSeq(n) ? n.items : isScalar(n) ? [n] : [];
    const seq = new YAMLSeq(this.doc.schema);
    seq.flow = isSeq(n) ? !!n.flow : flow || isScalar(n);
    for (const v of values) {
      const keep = old.find((i) => isScalar(i) && i.value !== null && keyOf(String(i.value)) === keyOf(v));
      seq.items.push(keep ?? this.doc.createNode(v));
    }
    if (isSeq(n)) {
      seq.commentBefore = n.commentBefore;
      seq.comment = n.comment;
    }
    this.put(key, seq);
  }

  /** Make a list field name exactly `fresh` (compared by `keyOf`); the change, or undefined when it already does. */
  replaceList(key: string, fresh: string[], keyOf: (v: string) => string): BriefingChange | undefined {
    const old = this.list(key);
    const oldKeys = new Set(old.map(keyOf));
    const freshKeys = new Set(fresh.map(keyOf));
    const added = fresh.filter((v) => !oldKeys.has(keyOf(v)));
    const removed = old.filter((v) => !freshKeys.has(keyOf(v)));
    if (added.length === 0 && removed.length === 0) return undefined;
    if (fresh.length === 0 && this.node(key) !== undefined && key !== 'urls') this.map.delete(key);
    else this.setList(key, fresh, keyOf);
    return { key, ...(added.length ? { added } : {}), ...(removed.length ? { removed } : {}) };
  }

  /**
   * Forms: an entry whose URL the letter still names keeps its node (the name the lead gave it);
   * entries without a URL match the letter's forms without a URL in order; new forms get a TODO for
   * their name, as `brieflint briefing` writes them; forms the letter no longer names go.
   */
  replaceForms(fresh: Array<{ url?: string; text: string }>): BriefingChange | undefined {
    const n = this.node('forms');
    const old = isSeq(n) ? n.items.filter(isMap) : isMap(n) ? [n] : [];
    const urlOf = (item: YAMLMap): string | undefined => {
      const u = item.get('url');
      return typeof u === 'string' && u.trim() ? u : undefined;
    };
    const label = (item: YAMLMap) => urlOf(item) ?? String(item.get('name') ?? '');
    const withoutUrl = old.filter((i) => !urlOf(i));
    const used = new Set<YAMLMap>();
    const items: YAMLMap[] = [];
    const added: string[] = [];
    for (const f of fresh) {
      const keep = f.url ? old.find((i) => !used.has(i) && urlOf(i) && urlKey(urlOf(i)!) === urlKey(f.url!)) : withoutUrl.find((i) => !used.has(i));
      if (keep) {
        used.add(keep);
        items.push(keep);
        continue;
      }
      const entry = new YAMLMap(this.doc.schema);
      const words = f.text.replace(/\s+/g, ' ');
      if (f.url) {
        entry.set('url', f.url);
        entry.comment = ` TODO: naam van het formulier (name: …); de brief zegt “${words}”`;
      } else entry.set('name', `TODO: naam van het formulier (de brief zegt “${words}”)`);
      items.push(entry);
      added.push(f.url ?? `“${words}”`);
    }
    const removed = old.filter((i) => !used.has(i)).map(label);
    if (added.length === 0 && removed.length === 0) return undefined;
    if (items.length === 0) this.map.delete('forms');
    else {
      const seq = new YAMLSeq(this.doc.schema);
      seq.items.push(...items);
      this.put('forms', seq);
    }
    return { key: 'forms', ...(added.length ? { added } : {}), ...(removed.length ? { removed } : {}) };
  }

  /** Replace a field's value, or add the field where `brieflint briefing` puts it. */
  private put(key: string, value: unknown): void {
    const pair = this.map.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (pair) {
      pair.value = value;
      return;
    }
    const order = FRONT_MATTER_KEYS as readonly string[];
    const rank = order.indexOf(key);
    const before = this.map.items.findIndex((p) => {
      const k = isScalar(p.key) ? String(p.key.value) : '';
      const r = order.indexOf(k);
      return r > rank;
    });
    const created = new Pair(new Scalar(key), value);
    if (before === -1 || rank === -1) this.map.items.push(created);
    else this.map.items.splice(before, 0, created);
  }
}
