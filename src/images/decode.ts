/**
 * Raster images → greyscale pixels, with pure-JavaScript decoders (no native build): pngjs (PNG,
 * every bit depth, palette, interlace), jpeg-js (baseline and progressive JPEG, with its own
 * resolution and memory limits), omggif (GIF, first frame), bmp-ts (BMP: 1, 4, 8, 16, 24, 32 bit,
 * RLE). Transparent pixels are laid on white, as Word prints them: a QR code exported with a
 * transparent background reads as black on white.
 */
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { GifReader } from 'omggif';
import { decode as decodeBmp } from 'bmp-ts';
import type { ImageFormat } from '../types.js';

/** One byte per pixel, row by row. */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

/** An image whose bytes the decoder refused: damaged, truncated, or not what the header said. */
export class CorruptImage extends Error {}

export function decodeGray(format: ImageFormat, bytes: Buffer, maxPixels: number): Gray {
  try {
    switch (format) {
      case 'png': {
        const png = PNG.sync.read(bytes);
        return fromRgba(png.width, png.height, png.data, true);
      }
      case 'jpeg': {
        const img = jpeg.decode(bytes, {
          useTArray: true,
          formatAsRGBA: true,
          maxResolutionInMP: Math.ceil(maxPixels / 1_000_000),
          maxMemoryUsageInMB: 512,
        });
        return fromRgba(img.width, img.height, img.data, false);
      }
      case 'gif': {
        const reader = new GifReader(bytes);
        const rgba = new Uint8Array(reader.width * reader.height * 4);
        reader.decodeAndBlitFrameRGBA(0, rgba);
        return fromRgba(reader.width, reader.height, rgba, true);
      }
      case 'bmp': {
        const img = decodeBmp(bytes, { toRGBA: true });
        // 24-bit and most 32-bit BMPs leave the alpha byte 0: it is no transparency.
        return fromRgba(img.width, img.height, img.data, false);
      }
      default:
        throw new CorruptImage(`not a raster format: ${format}`);
    }
  } catch (error) {
    if (error instanceof CorruptImage) throw error;
    throw new CorruptImage((error as Error)?.message ?? String(error), { cause: error });
  }
}

/** RGBA → luma (ITU-R BT.601 weights, as jsQR uses), transparent pixels laid on white. */
function fromRgba(width: number, height: number, rgba: Uint8Array, alpha: boolean): Gray {
  const n = width * height;
  if (!(width > 0 && height > 0) || rgba.length < n * 4) throw new CorruptImage('the decoded pixels do not fill the image');
  const data = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    const luma = (rgba[j] * 77 + rgba[j + 1] * 150 + rgba[j + 2] * 29) >> 8;
    if (!alpha || rgba[j + 3] === 255) data[i] = luma;
    else {
      const a = rgba[j + 3];
      data[i] = (luma * a + 255 * (255 - a)) / 255;
    }
  }
  return { width, height, data };
}
