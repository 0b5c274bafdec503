/**
 * Finding a QR code in greyscale pixels with jsQR, bounded: only an image that could hold a code
 * is searched, and never at more than MAX_SEARCH_SIDE pixels a side.
 *
 * jsQR's cost grows with what looks like a finder pattern: a clean QR code or logo of 800 × 800
 * takes tens of milliseconds, but a photo or a dithered picture can take seconds. So before jsQR:
 *  - the image is shrunk (box filter, whole factor) to at most MAX_SEARCH_SIDE pixels a side;
 *  - it must have two tones (a code is dark modules on a light ground; a photo is mostly
 *    mid-tones): at least 70 % of its pixels in the darkest or lightest quarter of its range;
 *  - it must not be noise: at most 30 % of neighbouring pixels differ in tone along a row (a code at
 *    two pixels per module stays under 25 %; dithering is near 50 %).
 * jsQR looks for dark modules on a light ground only (`dontInvert`): a light code on a dark ground
 * is rare on paper and would double the cost of every image without a code.
 */
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import type { DecodedCode, ImageProblem, Region } from '../types.js';
import type { Gray } from './decode.js';

/** The smallest QR code (version 1) is 21 modules a side. */
export const MIN_SIDE = 21;
/** Longer than this × its width (or the reverse) is a banner or a logo, not a code. */
export const MAX_ASPECT = 2.5;
/** jsQR never searches more pixels than this a side. */
export const MAX_SEARCH_SIDE = 800;
/** The thumbnail of a code on the KCC page: at most this many pixels a side. */
export const THUMBNAIL_SIDE = 96;

const TWO_TONES = 0.7;
const MAX_TRANSITIONS = 0.3;

// jsqr is CommonJS whose module.exports is the function, with itself as `default` too; its types
// declare only the default export, which NodeNext sees as a property of module.exports.
const jsQR = (jsQRModule as unknown as { default: typeof jsQRModule.default }).default;

export type QrSearch = { code: DecodedCode } | { none: true } | { skipped: ImageProblem };

/** Whether an image of this size could hold a code (before decoding it). */
export function shapeProblem(width: number, height: number): ImageProblem | undefined {
  if (Math.min(width, height) < MIN_SIDE) return 'too-small';
  if (Math.max(width, height) / Math.min(width, height) > MAX_ASPECT) return 'not-square';
  return undefined;
}

export function findQrCode(image: Gray): QrSearch {
  const shape = shapeProblem(image.width, image.height);
  if (shape) return { skipped: shape };
  const factor = Math.ceil(Math.max(image.width, image.height) / MAX_SEARCH_SIDE);
  const small = factor > 1 ? shrink(image, factor) : image;
  const tone = toneProblem(small);
  if (tone) return { skipped: tone };
  const rgba = new Uint8ClampedArray(small.width * small.height * 4);
  for (let i = 0, j = 0; i < small.data.length; i++, j += 4) {
    rgba[j] = rgba[j + 1] = rgba[j + 2] = small.data[i];
    rgba[j + 3] = 255;
  }
  const found = jsQR(rgba, small.width, small.height, { inversionAttempts: 'dontInvert' });
  if (!found) return { none: true };
  const corners = [found.location.topLeftCorner, found.location.topRightCorner, found.location.bottomLeftCorner, found.location.bottomRightCorner];
  const xs = corners.map((c) => c.x * factor);
  const ys = corners.map((c) => c.y * factor);
  const side = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  // The corners are the code's outer edge; keep two modules of quiet zone around it.
  const pad = Math.round((side / (found.version * 4 + 17)) * 2);
  const x = clamp(Math.floor(Math.min(...xs)) - pad, 0, image.width - 1);
  const y = clamp(Math.floor(Math.min(...ys)) - pad, 0, image.height - 1);
  const region: Region = {
    x,
    y,
    width: clamp(Math.ceil(Math.max(...xs)) + pad, x + 1, image.width) - x,
    height: clamp(Math.ceil(Math.max(...ys)) + pad, y + 1, image.height) - y,
  };
  return { code: { payload: payloadText(found.binaryData, found.data), region, version: found.version, thumbnail: thumbnail(image, region) } };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/** The code's bytes as UTF-8 (what phones assume), or as jsQR read them when they are not UTF-8. */
function payloadText(bytes: number[], fallback: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return fallback;
  }
}

/** Average each factor × factor block into one pixel. */
function shrink(image: Gray, factor: number): Gray {
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const data = new Uint8Array(width * height);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * image.width + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += image.data[row + dx];
      }
      data[y * width + x] = sum / area;
    }
  }
  return { width, height, data };
}

/** Why these pixels hold no code: not two tones (a photo), or noise (dithering). */
export function toneProblem(image: Gray): ImageProblem | undefined {
  const histogram = new Uint32Array(256);
  for (const v of image.data) histogram[v]++;
  const n = image.data.length;
  const percentile = (p: number) => {
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += histogram[v];
      if (seen >= n * p) return v;
    }
    return 255;
  };
  const lo = percentile(0.02);
  const hi = percentile(0.98);
  const range = hi - lo;
  if (range < 64) return 'no-contrast';
  let extreme = 0;
  for (let v = 0; v < 256; v++) if (v <= lo + range / 4 || v >= hi - range / 4) extreme += histogram[v];
  if (extreme < n * TWO_TONES) return 'no-contrast';
  const mid = (lo + hi) / 2;
  let transitions = 0;
  let pairs = 0;
  for (let y = 0; y < image.height; y += 2) {
    const row = y * image.width;
    for (let x = 1; x < image.width; x++) {
      if (image.data[row + x] > mid !== image.data[row + x - 1] > mid) transitions++;
      pairs++;
    }
  }
  return pairs > 0 && transitions / pairs > MAX_TRANSITIONS ? 'noise' : undefined;
}

/**
 * The code's region as a small black-and-white PNG `data:` URL: shrunk (box filter) to at most
 * THUMBNAIL_SIDE pixels a side and thresholded halfway between its darkest and lightest pixel, so
 * it stays about a kilobyte whatever the source (JPEG noise compresses badly).
 */
function thumbnail(image: Gray, r: Region): string {
  const scale = Math.max(1, Math.max(r.width, r.height) / THUMBNAIL_SIDE);
  const width = Math.max(1, Math.round(r.width / scale));
  const height = Math.max(1, Math.round(r.height / scale));
  const png = new PNG({ width, height, colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 });
  const out = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    const y0 = r.y + Math.floor(y * scale);
    const y1 = Math.max(y0 + 1, r.y + Math.floor((y + 1) * scale));
    for (let x = 0; x < width; x++) {
      const x0 = r.x + Math.floor(x * scale);
      const x1 = Math.max(x0 + 1, r.x + Math.floor((x + 1) * scale));
      let sum = 0;
      let count = 0;
      for (let yy = y0; yy < y1 && yy < image.height; yy++) {
        for (let xx = x0; xx < x1 && xx < image.width; xx++) {
          sum += image.data[yy * image.width + xx];
          count++;
        }
      }
      out[y * width + x] = count ? sum / count : 255;
    }
  }
  let lo = 255;
  let hi = 0;
  for (const v of out) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const mid = (lo + hi) / 2;
  for (let i = 0; i < out.length; i++) out[i] = out[i] <= mid ? 0 : 255;
  png.data = out;
  const bytes = PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 });
  return `data:image/png;base64,${bytes.toString('base64')}`;
}
