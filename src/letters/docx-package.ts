/**
 * The .docx package: recognise what the bytes are, open the zip safely, find the main document,
 * and read its XML parts and relationships (Open Packaging Conventions).
 */
import { posix } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Document, Element } from '@xmldom/xmldom';
import type { Message } from '../types.js';
import { LetterReadError } from './errors.js';
import { openZip } from './zip.js';
import type { ZipArchive } from './zip.js';

export interface Relationship {
  id: string;
  /** The relationship type URI (transitional or strict). */
  type: string;
  /** As written in the part: a URL, `cid:…`, or a part name relative to the source part. */
  target: string;
  external: boolean;
}

export interface DocxPackage {
  readonly zip: ZipArchive;
  /** Part name of the main document, e.g. `word/document.xml`. */
  readonly mainDocument: string;
  /** The part as XML, or undefined when absent. */
  readXml(part: string): Promise<Document | undefined>;
  /** The relationships of a part (`dir/_rels/name.rels`); empty when it has none. */
  relationships(part: string): Promise<Relationship[]>;
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** The stream name of an encrypted OOXML file inside its OLE container (MS-OFFCRYPTO). */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const DEFAULT_MAIN_DOCUMENT = 'word/document.xml';

export async function openDocxPackage(displayPath: string, data: Buffer): Promise<DocxPackage> {
  rejectNonPackage(displayPath, data);
  const zip = await openZip(displayPath, data);
  const readXml = async (part: string) =>
    zip.has(part) ? parseXml(displayPath, part, stripBom((await zip.read(part)).toString('utf8'))) : undefined;
  const cache = new Map<string, Promise<Relationship[]>>();
  const relationships = (part: string) => {
    const rels = cache.get(part) ?? readXml(relsPartName(part)).then(readRelationships);
    cache.set(part, rels);
    return rels;
  };
  const mainDocument = findMainDocument(await relationships(''));
  if (!zip.has(mainDocument)) throw new LetterReadError(displayPath, notWordDocument(mainDocument));
  return { zip, mainDocument, readXml, relationships };
}

/** Empty files and OLE compound files (old .doc, password-protected .docx) are not zip packages. */
function rejectNonPackage(displayPath: string, data: Buffer): void {
  if (data.length === 0) throw new LetterReadError(displayPath, emptyFile());
  if (data.subarray(0, OLE_MAGIC.length).equals(OLE_MAGIC)) {
    throw new LetterReadError(displayPath, data.includes(ENCRYPTED_PACKAGE) ? passwordProtected() : binaryDoc());
  }
}

function findMainDocument(packageRels: Relationship[]): string {
  const rel = packageRels.find((r) => r.type.endsWith('/officeDocument') && !r.external);
  return rel ? resolvePartName('', rel.target) : DEFAULT_MAIN_DOCUMENT;
}

/** `word/document.xml` → `word/_rels/document.xml.rels`; the package itself ('') → `_rels/.rels`. */
function relsPartName(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

/** A part name for a relationship target, relative to the source part's folder. */
export function resolvePartName(sourcePart: string, target: string): string {
  const joined = target.startsWith('/') ? target : posix.join(posix.dirname(sourcePart), target);
  return posix.normalize(joined).replace(/^\/+/, '');
}

function readRelationships(xml: Document | undefined): Relationship[] {
  if (!xml?.documentElement) return [];
  return childElements(xml.documentElement)
    .filter((el) => el.localName === 'Relationship')
    .map((el) => ({
      id: el.getAttribute('Id') ?? '',
      type: el.getAttribute('Type') ?? '',
      target: el.getAttribute('Target') ?? '',
      external: el.getAttribute('TargetMode') === 'External',
    }));
}

// ---------------------------------------------------------------------------------------------
// XML helpers, namespace-agnostic so that Strict OOXML reads like transitional.

export function parseXml(displayPath: string, part: string, text: string): Document {
  const parser = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') throw new Error(msg);
    },
  });
  try {
    return parser.parseFromString(text, 'application/xml');
  } catch (cause) {
    throw new LetterReadError(displayPath, invalidXml(part), { cause });
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

export function firstChild(el: Element, localName: string): Element | undefined {
  return childElements(el).find((c) => c.localName === localName);
}

/** The value of the attribute with this local name, whatever its namespace prefix. */
export function attr(el: Element, localName: string): string | undefined {
  for (const a of Array.from(el.attributes)) if (a.localName === localName) return a.value;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Reasons.

function emptyFile(): Message {
  return { nl: 'Het bestand is leeg (0 bytes).', en: 'The file is empty (0 bytes).' };
}

function passwordProtected(): Message {
  return {
    nl: 'Het Word-bestand is met een wachtwoord beveiligd (versleuteld). Verwijder het wachtwoord in Word en sla het bestand opnieuw op.',
    en: 'The Word file is password-protected (encrypted). Remove the password in Word and save the file again.',
  };
}

function binaryDoc(): Message {
  return {
    nl: 'Dit is een oud binair Word-bestand (.doc), geen .docx. Open het in Word en sla het op als .docx.',
    en: 'This is an old binary Word file (.doc), not a .docx. Open it in Word and save it as .docx.',
  };
}

function notWordDocument(mainDocument: string): Message {
  return {
    nl: `Dit zip-archief is geen Word-document: ${mainDocument} ontbreekt.`,
    en: `This zip archive is not a Word document: ${mainDocument} is missing.`,
  };
}

function invalidXml(part: string): Message {
  return {
    nl: `Onderdeel ${part} is geen geldige XML; het bestand is beschadigd. Sla het opnieuw op vanuit Word.`,
    en: `Part ${part} is not valid XML; the file is damaged. Save it again from Word.`,
  };
}
