/**
 * The Word (.docx) reader: a letter draft → Letter.
 *
 * - src/letters/zip.ts          the zip, opened safely (zip bombs, truncated files)
 * - src/letters/docx-package.ts what the bytes are (empty, old .doc, password-protected), parts
 * - src/letters/docx-mammoth.ts body, footnotes, endnotes, text boxes: one mammoth pass
 * - src/letters/docx-headers.ts headers and footers, which mammoth does not read
 * - src/letters/docx-props.ts   core and custom document properties → LetterMeta
 * - src/letters/docx-fields.ts  HYPERLINK field instructions
 * - src/letters/docx-writer.ts  paragraphs and links → TextBlocks and Links with their locations
 * - src/letters/docx-comments.ts Word comments holding a brieflint-disable directive
 *
 * Blocks come in reading order: headers, body (with text boxes), notes (in order of first reference),
 * footers.
 */
import { posix } from 'node:path';
import type { Letter, LetterImage } from '../types.js';
import { ImageLoadError, MAX_IMAGE_BYTES } from '../images/limits.js';
import { readHeadersOrFooters } from './docx-headers.js';
import { readBodyWithMammoth } from './docx-mammoth.js';
import { openDocxPackage, resolvePartName } from './docx-package.js';
import type { DocxPackage } from './docx-package.js';
import { buildMeta, readCoreProperties, readCustomProperties } from './docx-props.js';
import { BlockWriter } from './docx-writer.js';
import { readHiddenStyles } from './docx-hidden.js';
import type { BodyContext } from './docx-mammoth.js';
import { commentDirectives, readComments, type CommentAnchor } from './docx-comments.js';

/** Read a .docx letter. Throws LetterReadError (with a Dutch and English reason) for bad input. */
export async function readDocx(displayPath: string, data: Buffer): Promise<Letter> {
  const pkg = await openDocxPackage(displayPath, data);
  const writer = new BlockWriter();
  const comments = new Map<string, CommentAnchor>();
  const context: BodyContext = { hidden: await readHiddenStyles(pkg), tracked: { insertions: 0, deletions: 0 }, comments };
  await readHeadersOrFooters(pkg, 'header', writer, context);
  await readBodyWithMammoth(displayPath, pkg, writer, context);
  await readHeadersOrFooters(pkg, 'footer', writer, context);
  // Word comments that hold a brieflint directive (only when the text has comment marks).
  const directives = comments.size > 0 ? commentDirectives(await readComments(pkg), comments, writer.blocks) : [];
  const { insertions, deletions } = context.tracked;
  return {
    path: displayPath,
    format: 'docx',
    meta: await readMeta(pkg, posix.parse(displayPath).name),
    blocks: writer.blocks,
    links: writer.links,
    directives,
    ...(insertions + deletions > 0 ? { trackedChanges: { insertions, deletions } } : {}),
    ...(writer.images.length ? { images: writer.images.map((image) => withLoader(pkg, image)) } : {}),
  };
}

/**
 * An image's bytes come from the package, when src/images asks for them: never more than
 * MAX_IMAGE_BYTES (the declared size is checked before inflating), and a missing or damaged part
 * is that image's problem, not the letter's.
 */
function withLoader(pkg: DocxPackage, image: LetterImage): LetterImage {
  if (image.external) return image;
  return {
    ...image,
    load: async () => {
      const size = pkg.zip.size(image.name);
      if (size === undefined) throw new ImageLoadError('missing');
      if (size > MAX_IMAGE_BYTES) throw new ImageLoadError('too-large');
      try {
        return await pkg.zip.read(image.name);
      } catch {
        throw new ImageLoadError('corrupt');
      }
    },
  };
}

async function readMeta(pkg: DocxPackage, fallbackId: string): Promise<Letter['meta']> {
  const rels = await pkg.relationships('');
  const partOf = (suffix: string, fallback: string) => {
    const rel = rels.find((r) => !r.external && r.type.endsWith(suffix));
    return rel ? resolvePartName('', rel.target) : fallback;
  };
  const [core, custom] = await Promise.all([
    pkg.readXml(partOf('/metadata/core-properties', 'docProps/core.xml')),
    pkg.readXml(partOf('/custom-properties', 'docProps/custom.xml')),
  ]);
  return buildMeta(fallbackId, readCoreProperties(core), readCustomProperties(custom));
}
