import type { ErrorObject } from 'ajv';
import { validatorFor, type Validator } from '../../validators.js';
import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import { loadYaml, parseYamlDocument, YamlError } from '../../yaml.js';
import type { Message } from '../../types.js';
import type { Briefing, BriefingCovers, BriefingForm } from './types.js';
import { KnowledgeBaseError } from './errors.js';
import { dateNl, isoDate } from '../../model/date.js';
import { urlsInText } from '../../extract/urls.js';
import { uniq } from './uniq.js';

/**
 * A KCC briefing file as the folder adapter reads it (./folder.ts does the reading): Markdown with
 * YAML front matter, parsed and checked here, without touching the disk.
 *
 * ```markdown
 * ---
 * title: Kwijtschelding gemeentelijke belastingen 2027
 * letters: [kwijtschelding-2027]      # letter ids or kenmerken
 * kenmerken: [BEL/2027/0142]
 * files: ["brieven/kwijtschelding*.docx"]   # path globs, relative to the config file
 * mailingDate: 2027-02-01
 * recipients: 12500
 * validFrom: 2027-02-01
 * validUntil: 2027-03-29
 * urls: [voorbeeldstad.example/kwijtschelding]
 * forms:
 *   - name: Aanvraag kwijtschelding
 *     url: voorbeeldstad.example/kwijtschelding
 * phone: 14 0123
 * owner: Team Belastingen
 * updated: 2027-01-20
 * ---
 * ## Wat vertellen we bellers
 * …
 * ```
 * Every list key also takes a single value. Keys starting with `x-` are yours and ignored.
 */

/** The front-matter keys, in the order a briefing writes them. */
export const FRONT_MATTER_KEYS = [
  'id',
  'title',
  'letters',
  'kenmerken',
  'files',
  'mailingDate',
  'recipients',
  'validFrom',
  'validUntil',
  'urls',
  'forms',
  'phone',
  'owner',
  'updated',
] as const;

const TEXT = { type: 'string', minLength: 1 };
const TEXTS = { anyOf: [TEXT, { type: 'array', items: TEXT }] };
const IDS = { anyOf: [TEXT, { type: 'number' }, { type: 'array', items: { anyOf: [TEXT, { type: 'number' }] } }] };
const DATE = { type: 'string' }; // read by isoDate (the forms letters accept), for a clear message
const FORM = {
  anyOf: [
    TEXT,
    {
      type: 'object',
      additionalProperties: false,
      properties: { name: TEXT, url: TEXT },
      anyOf: [{ required: ['name'] }, { required: ['url'] }],
    },
  ],
};

/** JSON Schema of a briefing file's front matter. */
export const briefingFrontMatterSchema: Record<string, unknown> = {
  type: 'object',
  additionalProperties: false,
  patternProperties: { '^x-': {} },
  properties: {
    id: TEXT,
    title: TEXT,
    letters: IDS,
    kenmerken: IDS,
    files: TEXTS,
    mailingDate: DATE,
    recipients: { type: 'integer', minimum: 0 },
    validFrom: DATE,
    validUntil: DATE,
    urls: TEXTS,
    forms: { anyOf: [FORM, { type: 'array', items: FORM }] },
    phone: { anyOf: [TEXT, { type: 'number' }, { type: 'array', items: { anyOf: [TEXT, { type: 'number' }] } }] },
    owner: TEXT,
    updated: DATE,
  },
};

const EXPECTED: Record<string, Message> = {
  id: { nl: 'een tekst', en: 'a text' },
  title: { nl: 'een tekst', en: 'a text' },
  letters: { nl: 'een brief-id of kenmerk, of een lijst daarvan', en: 'a letter id or kenmerk, or a list of them' },
  kenmerken: { nl: 'een kenmerk of een lijst kenmerken', en: 'a kenmerk or a list of them' },
  files: { nl: 'een glob of een lijst globs', en: 'a glob or a list of globs' },
  mailingDate: { nl: 'een datum zoals 2027-02-01', en: 'a date like 2027-02-01' },
  validFrom: { nl: 'een datum zoals 2027-02-01', en: 'a date like 2027-02-01' },
  validUntil: { nl: 'een datum zoals 2027-03-31', en: 'a date like 2027-03-31' },
  updated: { nl: 'een datum zoals 2027-01-20', en: 'a date like 2027-01-20' },
  recipients: { nl: 'een geheel aantal (0 of meer)', en: 'a whole number (0 or more)' },
  urls: { nl: 'een URL of een lijst URL’s', en: 'a URL or a list of URLs' },
  forms: {
    nl: 'een URL of naam, of een lijst met `name:` en/of `url:`',
    en: 'a URL or name, or a list of items with `name:` and/or `url:`',
  },
  phone: { nl: 'een telefoonnummer of een lijst daarvan', en: 'a phone number or a list of them' },
  owner: { nl: 'een tekst', en: 'a text' },
};

/** The example date each date field's message gives, in every form it accepts. */
const DATE_EXAMPLE = { mailingDate: '2027-02-01', validFrom: '2027-02-01', validUntil: '2027-03-31', updated: '2027-01-20' } as const;

let validateFrontMatter: Validator | undefined;

/** A parsed briefing file, with what the folder adapter needs to name an id used twice. */
export interface ParsedFile {
  briefing: Briefing;
  explicitId: boolean;
  /** The line of the `id:` key, when the front matter names one. */
  idLine?: () => number | undefined;
}

/**
 * One briefing file. `file` is the path shown in messages and stored as Briefing.location
 * (relative to the config root); `defaultId` is used when the front matter has no `id`.
 */
export function parseBriefingFile(text: string, file: string, defaultId: string): Briefing {
  return parseFile(text, file, defaultId).briefing;
}

export function parseFile(text: string, file: string, defaultId: string): ParsedFile {
  const src = text.replace(/^\uFEFF/, '');
  const m = /^---[ \t]*\r?\n([\s\S]*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*\r?$(?:\n)?/m.exec(src);
  if (!src.startsWith('---') || !m || m.index !== 0) {
    throw new KnowledgeBaseError(file, {
      nl: 'geen front matter: een briefing begint met een YAML-blok tussen twee regels `---` (met bijvoorbeeld `letters:` en `validUntil:`)',
      en: 'no front matter: a briefing starts with a YAML block between two `---` lines (with e.g. `letters:` and `validUntil:`)',
    });
  }
  const yamlText = m[1];
  const body = src.slice(m[0].length).trim();
  // js-yaml reads plain front matter (several times faster than `yaml`'s document model, which
  // was a quarter of a one-letter run with 200 briefings); the document model is built only when
  // something needs it: an error to place on its line, a number to keep as written, an anchor or tag.
  const fast = plainYaml(yamlText);
  let parsed: ReturnType<typeof parseYamlDocument> | undefined;
  const full = (): ReturnType<typeof parseYamlDocument> => (parsed ??= parseYamlDocument(yamlText, { uniqueKeys: true }));
  if (!fast.ok) {
    try {
      full();
    } catch (cause) {
      if (!(cause instanceof YamlError)) throw cause;
      // The YAML starts on line 2 of the file, after the opening `---`; a fault of the whole block is at the `---`.
      const line = cause.line === undefined ? 1 : cause.line + 1;
      throw new KnowledgeBaseError(file, {
        nl: `regel ${line}: front matter is geen geldige YAML (${cause.detail.nl})`,
        en: `line ${line}: front matter is not valid YAML (${cause.detail.en})`,
      }, { cause, line });
    }
  }
  const data: unknown = (fast.ok ? fast.value : full().value) ?? {};
  const lineOf = (key: string): number | undefined => {
    try {
      const { doc, lineCounter } = full();
      return keyLine(doc, lineCounter, key);
    } catch {
      return undefined;
    }
  };
  const fail = (field: string, reason: Message): never => {
    const line = lineOf(field);
    throw new KnowledgeBaseError(
      file,
      {
        nl: `${line ? `regel ${line}, ` : ''}veld "${field}": ${reason.nl}`,
        en: `${line ? `line ${line}, ` : ''}field "${field}": ${reason.en}`,
      },
      { field, ...(line ? { line } : {}) },
    );
  };
  /** A top-level scalar or list of scalars as strings; numbers as written in the source (from the document model). */
  const strings = (key: string): string[] => {
    const v = (data as Record<string, unknown>)[key];
    const items = list(v);
    if (!fast.ok || items.some((x) => typeof x === 'number')) return scalarStrings(full().doc, key);
    return items.filter((x) => x !== null && (typeof x !== 'object')).map(String);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new KnowledgeBaseError(file, {
      nl: 'front matter moet een lijst sleutels met waarden zijn (zoals `letters: [mijn-brief]`)',
      en: 'front matter must be a mapping of keys to values (like `letters: [my-letter]`)',
    });
  }
  const fm = data as Record<string, unknown>;

  validateFrontMatter ??= validatorFor('briefingFrontMatter', briefingFrontMatterSchema);
  if (!validateFrontMatter(fm)) {
    const e = pickError(validateFrontMatter.errors ?? []);
    if (e.keyword === 'additionalProperties') {
      const key = String(e.params.additionalProperty);
      const near = suggest(key);
      fail(key, {
        nl: `onbekend veld${near ? ` — bedoel je "${near}"?` : ''} (eigen velden beginnen met "x-")`,
        en: `unknown field${near ? ` — did you mean "${near}"?` : ''} (your own fields start with "x-")`,
      });
    }
    const field = e.instancePath.split('/')[1] ?? '';
    const got = JSON.stringify(fm[field]);
    const exp = EXPECTED[field] ?? { nl: 'een geldige waarde', en: 'a valid value' };
    fail(field, { nl: `moet ${exp.nl} zijn (staat er: ${got})`, en: `must be ${exp.en} (got ${got})` });
  }

  // Dates in the forms letters accept: 2027-04-30, 30-04-2027, 30 april 2027 (src/model/date.ts isoDate).
  for (const key of ['mailingDate', 'validFrom', 'validUntil', 'updated'] as const) {
    const v = fm[key];
    if (v === undefined) continue;
    const iso = isoDate(v);
    if (iso === undefined) {
      const [y, m, d] = DATE_EXAMPLE[key].split('-');
      const forms = `${DATE_EXAMPLE[key]}, ${d}-${m}-${y} ${'{or}'} ${dateNl(DATE_EXAMPLE[key])}`;
      fail(key, {
        nl: `moet een datum zijn, zoals ${forms.replace('{or}', 'of')} (staat er: ${JSON.stringify(v)})`,
        en: `must be a date, like ${forms.replace('{or}', 'or')} (got ${JSON.stringify(v)})`,
      });
    }
    fm[key] = iso;
  }
  const validFrom = fm.validFrom as string | undefined;
  const validUntil = fm.validUntil as string | undefined;
  if (validFrom && validUntil && validUntil < validFrom) {
    fail('validUntil', {
      nl: `${validUntil} ligt vóór validFrom ${validFrom}`,
      en: `${validUntil} is before validFrom ${validFrom}`,
    });
  }

  // Numbers keep their digits as written: `phone: 0201234567` must not lose its leading zero.
  const letters = strings('letters');
  const kenmerken = strings('kenmerken');
  const files = list(fm.files).map(String);
  if (letters.length + kenmerken.length + files.length === 0) {
    fail('letters', {
      nl: 'de briefing noemt geen brief: zet het brief-id of kenmerk in `letters:` (of een pad-glob in `files:`)',
      en: 'the briefing names no letter: put the letter id or kenmerk in `letters:` (or a path glob in `files:`)',
    });
  }
  for (const g of files) {
    if (g.startsWith('/') || /^[a-z]:[\\/]/i.test(g)) {
      fail('files', {
        nl: `"${g}" moet een pad relatief aan de configuratie zijn`,
        en: `"${g}" must be a path relative to the config file`,
      });
    }
  }

  const forms: BriefingForm[] = list(fm.forms).map((f) => {
    if (typeof f === 'string') return urlRatherThanName(f) ? { url: f } : { name: f };
    const o = f as { name?: string; url?: string };
    return { ...(o.name !== undefined ? { name: o.name } : {}), ...(o.url !== undefined ? { url: o.url } : {}) };
  });
  const declaredUrls = list(fm.urls).map(String);
  const briefing: Briefing = {
    source: 'folder',
    id: fm.id !== undefined ? String(fm.id) : defaultId,
    location: file,
    ...(fm.title !== undefined ? { title: String(fm.title) } : {}),
    covers: { ids: letters, kenmerken, paths: files },
    ...(fm.mailingDate !== undefined ? { mailingDate: fm.mailingDate as string } : {}),
    ...(fm.recipients !== undefined ? { recipients: fm.recipients as number } : {}),
    ...(validFrom !== undefined ? { validFrom } : {}),
    ...(validUntil !== undefined ? { validUntil } : {}),
    urls: uniq([...declaredUrls, ...urlsInText(body)]),
    forms,
    phone: strings('phone'),
    ...(fm.owner !== undefined ? { owner: String(fm.owner) } : {}),
    ...(fm.updated !== undefined ? { lastUpdated: fm.updated as string } : {}),
    body,
  };
  // The line of `id:` is needed only when another briefing has the same id: found then.
  return { briefing, explicitId: fm.id !== undefined, ...(fm.id !== undefined ? { idLine: () => lineOf('id') } : {}) };
}

/**
 * Front matter without anchors, aliases, tags or directives, read with js-yaml (the same limits as
 * every YAML read); `ok: false` for anything else, or an error (then `yaml` reads it and says where).
 */
function plainYaml(text: string): { ok: true; value: unknown } | { ok: false } {
  if (/(?:^|[\s[{,:-])[&*!]|^%/m.test(text)) return { ok: false };
  try {
    return { ok: true, value: loadYaml(text) };
  } catch {
    return { ok: false };
  }
}

/** What a briefing file that failed names as its letters, as far as its front matter parses. */
export function coversOf(text: string): BriefingCovers | undefined {
  const m = /^---[ \t]*\r?\n([\s\S]*?)(?:\r?\n)?^(?:---|\.\.\.)[ \t]*\r?$/m.exec(text.replace(/^\uFEFF/, ''));
  if (!m || m.index !== 0) return undefined;
  let doc: Document;
  try {
    doc = parseYamlDocument(m[1], { uniqueKeys: false }).doc; // the same limits as every YAML read
  } catch {
    return undefined;
  }
  if (!isMap(doc.contents)) return undefined;
  const files = doc.get('files');
  return {
    ids: scalarStrings(doc, 'letters'),
    kenmerken: scalarStrings(doc, 'kenmerken'),
    paths: list(isSeq(files) ? (files.toJSON() as unknown[]) : files).filter((f): f is string => typeof f === 'string'),
  };
}

/** A top-level scalar or list of scalars as strings, numbers as written in the source. */
function scalarStrings(doc: Document, key: string): string[] {
  const node = doc.get(key, true);
  const one = (n: unknown): string[] => {
    if (!isScalar(n) || n.value === null || n.value === undefined) return [];
    if (typeof n.value === 'number' && typeof n.source === 'string') return [n.source];
    return [String(n.value)];
  };
  if (isSeq(node)) return node.items.flatMap(one);
  return one(node);
}

function list(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/**
 * A `forms:` entry written as an address (a scheme, `www.` or a host with a path) rather than a
 * form's name. Stricter than the extractor's looksLikeUrl: a bare `gemeente.nl` stays a name.
 */
function urlRatherThanName(s: string): boolean {
  return /^(https?:\/\/|www\.)/i.test(s) || /^[a-z0-9-]+(\.[a-z0-9-]+)+\//i.test(s);
}

/** The error that names the field best: unknown keys first, then the deepest. */
function pickError(errors: ErrorObject[]): ErrorObject {
  const unknown = errors.find((e) => e.keyword === 'additionalProperties' && e.instancePath === '');
  if (unknown) return unknown;
  return [...errors].sort((a, b) => a.instancePath.split('/').length - b.instancePath.split('/').length)[0];
}

function suggest(key: string): string | undefined {
  const k = key.toLowerCase();
  const aliases: Record<string, string> = {
    letter: 'letters',
    brief: 'letters',
    brieven: 'letters',
    ids: 'letters',
    kenmerk: 'kenmerken',
    file: 'files',
    paths: 'files',
    url: 'urls',
    links: 'urls',
    form: 'forms',
    formulieren: 'forms',
    formulier: 'forms',
    telefoon: 'phone',
    phones: 'phone',
    verzenddatum: 'mailingDate',
    geldigvanaf: 'validFrom',
    geldigtot: 'validUntil',
    eigenaar: 'owner',
    bijgewerkt: 'updated',
    lastupdated: 'updated',
    ontvangers: 'recipients',
    titel: 'title',
  };
  if (aliases[k]) return aliases[k];
  let best: string | undefined;
  let bestD = 3;
  for (const cand of FRONT_MATTER_KEYS) {
    const d = distance(k, cand.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = cand;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

/** 1-based line in the file (the opening `---` is line 1) of a top-level key. */
function keyLine(doc: Document, lc: LineCounter, key: string): number | undefined {
  if (!isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) {
      return lc.linePos(pair.key.range[0]).line + 1;
    }
  }
  return undefined;
}
