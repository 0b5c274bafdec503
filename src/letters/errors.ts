import type { Message } from '../types.js';

/**
 * A letter that could not be read: bad zip, old .doc, encrypted file, invalid UTF-8 …
 * The run goes on with the other files; the file is reported as unreadable and the exit code is 2.
 */
export class LetterReadError extends Error {
  readonly path: string;
  readonly reason: Message;
  constructor(path: string, reason: Message, options?: { cause?: unknown }) {
    super(`${path}: ${reason.en}`, options);
    this.name = 'LetterReadError';
    this.path = path;
    this.reason = reason;
  }
}
