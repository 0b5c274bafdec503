import { LetterReadError } from './errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decode a text letter (Markdown, plain text): UTF-8 only, BOM removed, CRLF and lone CR turned
 * into LF, NUL bytes dropped. An empty file or invalid UTF-8 is a LetterReadError.
 */
export function decodeText(displayPath: string, data: Uint8Array): string {
  if (data.length === 0) {
    throw new LetterReadError(displayPath, {
      nl: 'het bestand is leeg',
      en: 'the file is empty',
    });
  }
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) {
    throw new LetterReadError(displayPath, {
      nl: 'het bestand is UTF-16; sla het op als UTF-8',
      en: 'the file is UTF-16; save it as UTF-8',
    });
  }
  let text: string;
  try {
    text = utf8.decode(data);
  } catch (cause) {
    const at = firstInvalidUtf8(data);
    throw new LetterReadError(
      displayPath,
      {
        nl: `geen geldige UTF-8 (byte ${at}); sla het bestand op als UTF-8`,
        en: `not valid UTF-8 (byte ${at}); save the file as UTF-8`,
      },
      { cause },
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (text.includes('\0')) text = text.replaceAll('\0', '');
  if (text.trim() === '') {
    throw new LetterReadError(displayPath, {
      nl: 'het bestand bevat geen tekst',
      en: 'the file holds no text',
    });
  }
  return text;
}

/** Byte offset of the first invalid UTF-8 sequence (for the message). */
function firstInvalidUtf8(data: Uint8Array): number {
  const lenient = new TextDecoder('utf-8').decode(data);
  const at = lenient.indexOf('\uFFFD');
  return at === -1 ? 0 : Buffer.byteLength(lenient.slice(0, at), 'utf8');
}
