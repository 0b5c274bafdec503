/**
 * Request bodies of `serve`, read with hard limits before anything is parsed: an upload of
 * letters (multipart/form-data) is held in memory only — never written to disk — and each
 * `.docx` in it is then read by the same reader as `check`, with its zip-bomb and size limits.
 */
import type { IncomingMessage } from 'node:http';
import type { Message } from '../types.js';

export const UPLOAD_LIMITS = {
  /** Letters in one upload. */
  files: 20,
  /** Bytes of one letter. */
  fileBytes: 20 * 1024 * 1024,
  /** Bytes of the whole request body. */
  totalBytes: 50 * 1024 * 1024,
  /** Bytes of a JSON body (a briefing). */
  jsonBytes: 512 * 1024,
};

/** A request refused with an HTTP status and a message for the page. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly reason: Message,
  ) {
    super(reason.en);
  }
}

/** The body, up to `max` bytes; more is a 413 (the connection is not read further). */
export async function readBody(req: IncomingMessage, max: number, tooBig: Message): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) throw new RequestError(413, tooBig);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw new RequestError(413, tooBig); // the answer closes the connection
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

export interface Upload {
  files: Array<{ name: string; data: Buffer }>;
  /** Other fields: `path` (a folder letter), `lang`. */
  fields: Map<string, string[]>;
}

const MB = 1024 * 1024;

/** A file name from the browser as a plain name: no folders, no control characters. */
export function safeName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base === '' || base === '.' || base === '..' ? 'brief' : base).slice(0, 200);
}

/** Parse a multipart/form-data body (already read within the limits) and check the count and sizes. */
export async function parseUpload(body: Buffer, contentType: string | undefined): Promise<Upload> {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) {
    throw new RequestError(415, { nl: 'De upload kon niet worden gelezen (geen multipart/form-data).', en: 'The upload could not be read (not multipart/form-data).' });
  }
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw new RequestError(400, { nl: 'De upload kon niet worden gelezen.', en: 'The upload could not be read.' });
  }
  const files: Upload['files'] = [];
  const fields = new Map<string, string[]>();
  const taken = new Set<string>();
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string') {
      fields.set(key, [...(fields.get(key) ?? []), value]);
      continue;
    }
    if (files.length >= UPLOAD_LIMITS.files) {
      throw new RequestError(413, { nl: `Te veel bestanden: hoogstens ${UPLOAD_LIMITS.files} tegelijk.`, en: `Too many files: at most ${UPLOAD_LIMITS.files} at once.` });
    }
    let name = safeName(value.name);
    if (value.size > UPLOAD_LIMITS.fileBytes) {
      const max = Math.round(UPLOAD_LIMITS.fileBytes / MB);
      throw new RequestError(413, { nl: `${name} is te groot: hoogstens ${max} MB per bestand.`, en: `${name} is too big: at most ${max} MB per file.` });
    }
    // Two files of the same name in one upload: the second is "brief (2).docx".
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = safeName(value.name).replace(/(\.[^.]*)?$/, (ext) => ` (${n})${ext}`);
    taken.add(name.toLowerCase());
    files.push({ name, data: Buffer.from(await value.arrayBuffer()) });
  }
  return { files, fields };
}

export function tooBigMessage(): Message {
  const max = Math.round(UPLOAD_LIMITS.totalBytes / MB);
  return { nl: `De upload is te groot: hoogstens ${max} MB samen.`, en: `The upload is too big: at most ${max} MB together.` };
}
