/**
 * What is wrong with a config file, in plain words: the key, what it should hold with an
 * example, and what the file says instead ("domains: alleen de domeinnaam, zonder https:// en /,
 * bijv. "lindendal.nl" (u schreef "https://www.lindendal.nl/")"), with "bedoelt u …?" for an
 * unknown key, rule or option. Syntax errors name the line and column and show the line. Never
 * the validator's or the parser's own (English) text.
 */
import type { ErrorObject } from 'ajv';
import type { ParseError } from 'jsonc-parser';
import type { YAMLParseError } from 'yaml';
import type { Message } from '../types.js';
import { isoDate } from '../model/date.js';
import { domainName } from '../model/url.js';
import { didYouMean } from '../i18n/suggest.js';

type Json = unknown;

// ---------------------------------------------------------------------------------------------
// Validation errors

/** What a key holds, with an example made from the bad value where possible. */
interface Expectation {
  nl: string;
  en: string;
  example?: (value: Json) => string | undefined;
}


const quote = (s: string) => JSON.stringify(s);
const DOMAIN: Expectation = {
  nl: 'alleen de domeinnaam, zonder https:// en /',
  en: 'only the domain name, without https:// and /',
  example: (v) => quote((typeof v === 'string' ? domainName(v) : undefined) ?? 'lindendal.nl'),
};
const DOMAINS: Expectation = {
  nl: 'een lijst van domeinnamen',
  en: 'a list of domain names',
  example: (v) => `[${quote((typeof v === 'string' ? domainName(v) : undefined) ?? 'lindendal.nl')}]`,
};
const CA: Expectation = {
  nl: 'een PEM-bestand (pad vanaf de configuratie) of een lijst daarvan',
  en: 'a PEM file (path from the config) or a list of them',
  example: () => quote('certs/gemeente-ca.pem'),
};
const MILLISECONDS: Expectation = { nl: 'milliseconden, een geheel getal', en: 'milliseconds, a whole number', example: () => '10000' };
const ENV_NAME: Expectation = {
  nl: 'de naam van een omgevingsvariabele (letters, cijfers en _), niet de waarde zelf',
  en: 'the name of an environment variable (letters, digits and _), not its value',
  example: () => quote('BRIEFLINT_TOKEN'),
};
const HTTP_URL: Expectation = {
  nl: 'een webadres dat begint met https://',
  en: 'a web address starting with https://',
  example: () => quote('https://objecten.lindendal.nl/api/v2/'),
};

/** By key, with `[]` for a list item and `*` for any name. */
const EXPECTED: Record<string, Expectation> = {
  'domains[]': DOMAIN,
  'allowedDomains[]': DOMAIN,
  domains: DOMAINS,
  allowedDomains: DOMAINS,
  ignore: { nl: 'een lijst van globs', en: 'a list of globs', example: () => '["brieven/archief/**"]' },
  'manifest[].mailingDate': {
    nl: 'een datum als JJJJ-MM-DD',
    en: 'a date as YYYY-MM-DD',
    example: (v) => quote(isoDate(v) ?? '2027-03-01'),
  },
  'manifest[].recipients': { nl: 'het aantal ontvangers, een geheel getal', en: 'the number of recipients, a whole number', example: () => '1250' },
  'manifest[].files': { nl: 'een glob van brieven', en: 'a glob of letters', example: () => quote('brieven/afvalpas-*.docx') },
  ca: CA,
  'ca[]': CA,
  'site.ca': CA,
  'site.ca[]': CA,
  'kcc.ca': CA,
  'kcc.ca[]': CA,
  'rules.*': {
    nl: 'een ernst, "off", "warn" of "error", of [ernst, { opties }]',
    en: 'a severity, "off", "warn" or "error", or [severity, { options }]',
    example: () => '"warn"',
  },
  'rules.*[0]': { nl: '"off", "warn" of "error"', en: '"off", "warn" or "error"', example: () => '"error"' },
  'site.cacheTtl': {
    nl: 'seconden, of een duur als "30m", "12h" of "7d"',
    en: 'seconds, or a duration such as "30m", "12h" or "7d"',
    example: () => quote('12h'),
  },
  'site.cache': { nl: 'een bestandsnaam, of false voor geen cache', en: 'a file name, or false for no cache', example: () => quote('.brieflint-cache.json') },
  'site.timeout': MILLISECONDS,
  'forms.timeout': MILLISECONDS,
  'kcc.timeout': MILLISECONDS,
  'site.connectTo[]': {
    nl: 'host:poort:adres:poort, zoals curl --connect-to',
    en: 'host:port:address:port, as curl --connect-to',
    example: () => quote('lindendal.nl:443:10.1.2.3:8443'),
  },
  'kcc.url': HTTP_URL,
  'kcc.objecttype': HTTP_URL,
  'kcc.tokenEnv': ENV_NAME,
  'kcc.authEnv': ENV_NAME,
  'forms.tokenEnv': ENV_NAME,
  'kcc.fields.*': {
    nl: 'een veldpad of een lijst van veldpaden',
    en: 'a field path or a list of field paths',
    example: () => quote('record.data.trefwoorden'),
  },
};

const TYPE_WORDS: Record<string, Message> = {
  array: { nl: 'een lijst [ … ]', en: 'a list [ … ]' },
  string: { nl: 'tekst tussen aanhalingstekens', en: 'text in quotes' },
  integer: { nl: 'een geheel getal', en: 'a whole number' },
  number: { nl: 'een getal', en: 'a number' },
  boolean: { nl: 'true of false', en: 'true or false' },
  object: { nl: 'een object { … }', en: 'an object { … }' },
  null: { nl: 'null', en: 'null' },
};

function segments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** "/rules/pretty-url/1/maxLength" → "rules.pretty-url[1].maxLength". */
export function pointerToKey(pointer: string): string {
  return segments(pointer).reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

/** The key as shown: without the index of a plain list item (its value is shown instead). */
function shownKey(pointer: string, value: Json): string {
  const key = pointerToKey(pointer);
  return value === null || typeof value !== 'object' ? key.replace(/\[\d+\]$/, '') : key;
}

/** The EXPECTED key for an instance path: indices as [], rule ids and kcc field names as *. */
function patternKey(pointer: string): string {
  const all = segments(pointer);
  const parts = all[0] === 'overrides' && /^\d+$/.test(all[1] ?? '') && all[2] === 'rules' ? all.slice(2) : all;
  if (parts[0] === 'rules' && parts[1] !== undefined) parts[1] = '*';
  if (parts[0] === 'kcc' && parts[1] === 'fields' && parts[2] !== undefined) parts[2] = '*';
  return parts.reduce((acc, part) => (/^\d+$/.test(part) ? (acc.startsWith('rules.*') && !acc.includes('[') ? `${acc}[${part}]` : `${acc}[]`) : acc ? `${acc}.${part}` : part), '');
}

function valueAt(data: Json, pointer: string): Json {
  let value = data;
  for (const part of segments(pointer)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, Json>)[part];
  }
  return value;
}

function schemaAt(schema: Record<string, unknown>, schemaPath: string): Record<string, unknown> | undefined {
  let node: unknown = schema;
  for (const part of schemaPath.replace(/^#/, '').split('/').filter(Boolean)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node && typeof node === 'object' ? (node as Record<string, unknown>) : undefined;
}

/** A value as the user wrote it, shortened. */
function shown(value: Json): string {
  const text = value === undefined ? 'niets' : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function wrote(value: Json): Message {
  return { nl: ` (u schreef ${shown(value)})`, en: ` (you wrote ${shown(value).replace(/^niets$/, 'nothing')})` };
}

/** One message per wrong place in the config, at most `limit`. */
export function describeConfigErrors(errors: ErrorObject[], data: Json, schema: Record<string, unknown>, limit = 5): Message[] {
  const real = errors.filter((e) => !['anyOf', 'oneOf', 'if', 'allOf'].includes(e.keyword));
  // One group per place: a key's value, an unknown key, a missing key.
  const groups = new Map<string, ErrorObject[]>();
  for (const e of real) {
    const id =
      e.keyword === 'additionalProperties'
        ? `${e.instancePath}/${String(e.params.additionalProperty)} unknown`
        : e.keyword === 'required'
          ? `${e.instancePath}/${String(e.params.missingProperty)} missing`
          : e.instancePath;
    groups.set(id, [...(groups.get(id) ?? []), e]);
  }
  // A value whose parts are wrong is described by its parts (the deepest places).
  const paths = [...groups.values()].map((g) => g[0].instancePath);
  const leaves = [...groups.entries()].filter(([id, g]) => {
    if (id.endsWith(' unknown') || id.endsWith(' missing')) return true;
    const path = g[0].instancePath;
    return !paths.some((p) => p !== path && p.startsWith(`${path}/`));
  });
  return leaves.slice(0, limit).map(([, group]) => describeGroup(group, data, schema));
}

function describeGroup(group: ErrorObject[], data: Json, schema: Record<string, unknown>): Message {
  const e = group[0];
  if (e.keyword === 'additionalProperties') return unknownKey(e, schema);
  if (e.keyword === 'required') return missingKey(e);
  const value = valueAt(data, e.instancePath);
  const key = shownKey(e.instancePath, value) || '(top)';
  const known = EXPECTED[patternKey(e.instancePath)];
  const enums = group.flatMap((x) => (x.keyword === 'enum' ? (x.params.allowedValues as Json[]) : []));
  const suggestion = typeof value === 'string' && enums.length ? didYouMean(value, enums.map(String), '""') : { nl: '', en: '' };
  const expected = known ?? expectedFrom(group);
  const example = known?.example?.(value);
  const w = wrote(value);
  return {
    nl: `${key}: ${expected.nl}${example ? `, bijv. ${example}` : ''}${w.nl}${suggestion.nl}`,
    en: `${key}: ${expected.en}${example ? `, e.g. ${example}` : ''}${w.en}${suggestion.en}`,
  };
}

/** What the schema asks, in words, from the errors at one place (alternatives joined by "of"). */
function expectedFrom(group: ErrorObject[]): Message {
  const enums = group.flatMap((x) => (x.keyword === 'enum' ? (x.params.allowedValues as Json[]) : []));
  if (enums.length) {
    const list = enums.map((v) => JSON.stringify(v));
    const last = list.pop();
    return { nl: `kies ${list.length ? `${list.join(', ')} of ${last}` : last}`, en: `one of ${list.length ? `${list.join(', ')} or ${last}` : last}` };
  }
  const types = [...new Set(group.filter((x) => x.keyword === 'type').flatMap((x) => String(x.params.type).split(',')))];
  if (types.length) {
    const words = types.map((t) => TYPE_WORDS[t] ?? { nl: t, en: t });
    return { nl: words.map((w) => w.nl).join(' of '), en: words.map((w) => w.en).join(' or ') };
  }
  const e = group[0];
  const limit = e.params.limit as number;
  switch (e.keyword) {
    case 'const':
      return { nl: `moet ${JSON.stringify(e.params.allowedValue)} zijn`, en: `must be ${JSON.stringify(e.params.allowedValue)}` };
    case 'minimum':
      return { nl: `een getal van minstens ${limit}`, en: `a number of at least ${limit}` };
    case 'exclusiveMinimum':
      return { nl: `een getal groter dan ${limit}`, en: `a number greater than ${limit}` };
    case 'maximum':
      return { nl: `een getal van hoogstens ${limit}`, en: `a number of at most ${limit}` };
    case 'minLength':
      return { nl: 'mag niet leeg zijn', en: 'must not be empty' };
    case 'minItems':
      return limit === 1 ? { nl: 'mag geen lege lijst zijn', en: 'must not be an empty list' } : { nl: `een lijst van minstens ${limit}`, en: `a list of at least ${limit}` };
    case 'maxItems':
    case 'additionalItems':
      return { nl: `een lijst van hoogstens ${limit} delen`, en: `a list of at most ${limit} parts` };
    case 'pattern':
      return { nl: 'heeft niet de vorm die hier hoort', en: 'does not have the form this key needs' };
    case 'uniqueItems':
      return { nl: 'een lijst zonder dubbele waarden', en: 'a list without duplicates' };
    default:
      return { nl: 'ongeldige waarde', en: 'invalid value' };
  }
}

function unknownKey(e: ErrorObject, schema: Record<string, unknown>): Message {
  const name = String(e.params.additionalProperty);
  const parent = pointerToKey(e.instancePath);
  const full = parent ? `${parent}.${name}` : name;
  const node = schemaAt(schema, e.schemaPath.replace(/\/additionalProperties$/, ''));
  const known = Object.keys((node?.properties as Record<string, unknown> | undefined) ?? {}).filter((k) => k !== '$schema');
  // An override's rules (overrides[2].rules.…) are named like the top-level ones.
  const all = segments(e.instancePath);
  const parts = all[0] === 'overrides' && /^\d+$/.test(all[1] ?? '') && all[2] === 'rules' ? all.slice(2) : all;
  // Rules and rule options by their own name, other keys by their whole path.
  const prefix = parts[0] === 'rules' || !parent ? '' : `${parent}.`;
  const suggestion = didYouMean(name, known, '""', prefix);
  if (parts.length === 1 && parts[0] === 'rules') {
    return { nl: `onbekende regel "${name}" (sleutel "${full}")${suggestion.nl}`, en: `unknown rule "${name}" (key "${full}")${suggestion.en}` };
  }
  if (parts.length === 3 && parts[0] === 'rules' && parts[2] === '1') {
    return {
      nl: `onbekende optie "${name}" van regel ${parts[1]} (sleutel "${full}")${suggestion.nl}`,
      en: `unknown option "${name}" of rule ${parts[1]} (key "${full}")${suggestion.en}`,
    };
  }
  return { nl: `onbekende sleutel "${full}"${suggestion.nl}`, en: `unknown key "${full}"${suggestion.en}` };
}

function missingKey(e: ErrorObject): Message {
  const name = String(e.params.missingProperty);
  const parent = pointerToKey(e.instancePath);
  const full = parent ? `${parent}.${name}` : name;
  // kcc: `url` (and `objecttype`) are required by the adapter chosen (an if/then in the schema).
  const adapter = /\/then\/required$/.test(e.schemaPath) ? /adapter/.test(e.schemaPath) || parent === 'kcc' : false;
  if (adapter) return { nl: `"${full}" ontbreekt: de gekozen kcc.adapter heeft die nodig`, en: `"${full}" is missing: the chosen kcc.adapter needs it` };
  const hint = EXPECTED[`${patternKey(e.instancePath).replace(/\[\]$/, '')}[].${name}`] ?? EXPECTED[`${patternKey(e.instancePath)}.${name}`];
  const example = hint?.example?.(undefined);
  return {
    nl: `"${full}" ontbreekt${hint ? `: ${hint.nl}` : ''}${example ? `, bijv. ${example}` : ''}`,
    en: `"${full}" is missing${hint ? `: ${hint.en}` : ''}${example ? `, e.g. ${example}` : ''}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Syntax errors

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** The line, and a caret under the column. */
function excerpt(text: string, line: number, column: number): string {
  const source = (text.split('\n')[line - 1] ?? '').replace(/\r$/, '').replace(/\t/g, ' ');
  if (source.trim() === '') return '';
  // A long line is cut around the column.
  const start = Math.max(0, column - 60);
  const shownLine = (start > 0 ? '…' : '') + source.slice(start, start + 100);
  const caret = ' '.repeat(column - 1 - start + (start > 0 ? 1 : 0)) + '^';
  return `\n  ${shownLine}\n  ${caret}`;
}

const JSON_ERRORS: Record<string, Message> = {
  InvalidSymbol: { nl: 'hier staat een teken dat JSON niet kent', en: 'a character JSON does not know' },
  InvalidNumberFormat: { nl: 'een getal dat JSON niet kan lezen', en: 'a number JSON cannot read' },
  PropertyNameExpected: {
    nl: 'hier hoort een sleutel tussen dubbele aanhalingstekens, bijv. "domains"',
    en: 'a key in double quotes belongs here, e.g. "domains"',
  },
  ValueExpected: {
    nl: 'hier hoort een waarde: tekst tussen dubbele aanhalingstekens, een getal, true, false, een lijst [ … ] of een object { … }',
    en: 'a value belongs here: text in double quotes, a number, true, false, a list [ … ] or an object { … }',
  },
  ColonExpected: { nl: 'na een sleutel hoort een dubbele punt (:)', en: 'a colon (:) belongs after a key' },
  CommaExpected: { nl: 'hier ontbreekt een komma tussen twee items', en: 'a comma between two items is missing here' },
  CloseBraceExpected: { nl: 'hier ontbreekt een “}”', en: 'a “}” is missing here' },
  CloseBracketExpected: { nl: 'hier ontbreekt een “]”', en: 'a “]” is missing here' },
  EndOfFileExpected: { nl: 'na het einde van het object staat nog tekst', en: 'there is more text after the end of the object' },
  InvalidCommentToken: {
    nl: 'JSON kent geen commentaar (// of /* */); wie commentaar wil, gebruikt brieflint.config.yaml',
    en: 'JSON has no comments (// or /* */); use brieflint.config.yaml for comments',
  },
  UnexpectedEndOfComment: { nl: 'JSON kent geen commentaar (/* */)', en: 'JSON has no comments (/* */)' },
  UnexpectedEndOfString: { nl: 'een tekst zonder afsluitend aanhalingsteken', en: 'text without its closing quote' },
  InvalidEscapeCharacter: { nl: 'een ongeldige \\-reeks in een tekst (schrijf \\\\ voor een backslash)', en: 'an invalid \\ escape in a text (write \\\\ for a backslash)' },
  InvalidUnicode: { nl: 'een ongeldige \\u-reeks in een tekst', en: 'an invalid \\u escape in a text' },
  InvalidCharacter: { nl: 'een regeleinde of tab binnen een tekst', en: 'a line break or tab inside a text' },
};

/**
 * Why `text` is not JSON, with line, column and the line itself (jsonc-parser finds the place;
 * JSON.parse's own message is English and gives only an offset, or not even that). jsonc-parser
 * loads only for a broken file.
 */
export async function jsonSyntaxError(file: string, text: string): Promise<Message> {
  if (text.trim() === '') {
    return { nl: `${file}: het bestand is leeg; zet er ten minste {} in`, en: `${file}: the file is empty; put at least {} in it` };
  }
  const { parse: parseJsonc, printParseErrorCode } = await import('jsonc-parser');
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return { nl: `${file}: geen geldige JSON`, en: `${file}: not valid JSON` };
  const code = printParseErrorCode(first.error);
  let offset = first.offset;
  let what = JSON_ERRORS[code] ?? { nl: 'ongeldige JSON', en: 'invalid JSON' };
  // A comma after the last item: point at the comma.
  const closer = text[first.offset];
  const previous = /,\s*$/.exec(text.slice(0, first.offset));
  if ((closer === '}' || closer === ']') && previous && (code === 'PropertyNameExpected' || code === 'ValueExpected')) {
    offset = previous.index;
    what = { nl: `een komma te veel vóór “${closer}”: na het laatste item hoort geen komma`, en: `a comma too many before “${closer}”: no comma after the last item` };
  } else if (text[first.offset] === "'") {
    what = { nl: 'tekst en sleutels staan tussen dubbele aanhalingstekens ("…"), niet enkele', en: 'text and keys go in double quotes ("…"), not single ones' };
  }
  const { line, column } = lineAndColumn(text, offset);
  const shownText = excerpt(text, line, column);
  return {
    nl: `${file}, regel ${line}, kolom ${column}: geen geldige JSON: ${what.nl}${shownText}`,
    en: `${file}, line ${line}, column ${column}: not valid JSON: ${what.en}${shownText}`,
  };
}

const YAML_ERRORS: Record<string, Message> = {
  BAD_INDENT: { nl: 'de inspringing klopt niet', en: 'the indentation is wrong' },
  TAB_AS_INDENT: { nl: 'ingesprongen met een tab; YAML wil spaties', en: 'indented with a tab; YAML needs spaces' },
  DUPLICATE_KEY: { nl: 'deze sleutel staat er twee keer', en: 'this key appears twice' },
  MISSING_CHAR: { nl: 'hier ontbreekt een teken, bijv. een afsluitende ] of }', en: 'a character is missing here, e.g. a closing ] or }' },
  BLOCK_AS_IMPLICIT_KEY: { nl: 'een sleutel over meer regels: ontbreekt er een dubbele punt (:)?', en: 'a key over several lines: is a colon (:) missing?' },
  MULTILINE_IMPLICIT_KEY: { nl: 'een sleutel over meer regels: ontbreekt er een dubbele punt (:)?', en: 'a key over several lines: is a colon (:) missing?' },
  UNEXPECTED_TOKEN: { nl: 'hier staat iets wat YAML niet verwacht', en: 'something YAML does not expect' },
  BAD_SCALAR_START: { nl: 'een waarde die zo niet mag beginnen; zet haar tussen aanhalingstekens', en: 'a value that cannot start like this; put it in quotes' },
  BAD_DQ_ESCAPE: { nl: 'een ongeldige \\-reeks tussen dubbele aanhalingstekens', en: 'an invalid \\ escape in double quotes' },
};

/** Why `text` is not YAML, with line, column and the line itself. */
export function yamlSyntaxError(file: string, text: string, error: YAMLParseError): Message {
  // With prettyErrors off (src/yaml.ts) the parser gives an offset, not a line: count it here.
  const at =
    error.linePos?.[0] ??
    (error.pos?.[0] !== undefined ? (({ line, column }) => ({ line, col: column }))(lineAndColumn(text, error.pos[0])) : undefined);
  const own = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const what = YAML_ERRORS[error.code] ?? { nl: 'ongeldige YAML', en: own };
  if (!at) return { nl: `${file}: geen geldige YAML: ${what.nl}`, en: `${file}: not valid YAML: ${what.en}` };
  const shownText = excerpt(text, at.line, at.col);
  return {
    nl: `${file}, regel ${at.line}, kolom ${at.col}: geen geldige YAML: ${what.nl}${shownText}`,
    en: `${file}, line ${at.line}, column ${at.col}: not valid YAML: ${what.en}${shownText}`,
  };
}
