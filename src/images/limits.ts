/**
 * The bounds on reading a letter's images (shared by the readers that load bytes and src/images).
 */
import type { ImageProblem } from '../types.js';

/**
 * Most bytes of one image that are loaded (a .docx part's declared size, a Markdown image's file
 * size). A QR code, even at print resolution, is a few hundred kilobytes; a larger image is a photo.
 */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Most pixels that are decoded: 16 megapixels (an A4 page scanned at 400 dpi). */
export const MAX_IMAGE_PIXELS = 16_000_000;

/** An image whose bytes could not be loaded, and why. */
export class ImageLoadError extends Error {
  constructor(readonly problem: ImageProblem) {
    super(problem);
  }
}
