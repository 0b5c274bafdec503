// A child process of bench/run.mjs: times one offline workload on a list of files, one file at a
// time, and prints one JSON line. Run in its own process so its peak RSS is its own.
//   node bench/offline.mjs <pipeline|mammoth> <files.json> [warmup]
//   pipeline: brieflint's read → images → extract (readLetter, the QR search in its pictures,
//             extractReferences), as `brieflint check` reads a letter; references kept
//   mammoth:  mammoth.convertToHtml on the same files (the library brieflint reads .docx with)
//   remark:   read the file and parse it with unified + remark-parse alone (no plugins): the
//             Markdown parser's own time, for the offline target
import { readFile } from 'node:fs/promises';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { relative } from 'node:path';
import mammoth from 'mammoth';
import { readLetter } from '../dist/src/letters/index.js';
import { readImages } from '../dist/src/read/one.js';
import { extractReferences } from '../dist/src/extract/index.js';

const [mode, listFile, warmupArg] = process.argv.slice(2);
const files = JSON.parse(await readFile(listFile, 'utf8'));
const warmup = Math.min(Number(warmupArg ?? 20), files.length);

const kept = [];
let urls = 0;
let codes = 0;
const work = {
  async pipeline(path, keep) {
    const letter = await readLetter(path, relative(process.cwd(), path).split('\\').join('/'));
    await readImages(letter, path, process.cwd());
    const refs = extractReferences(letter);
    urls += refs.urls.length;
    codes += refs.qr?.length ?? 0;
    if (keep) kept.push(refs); // what a streaming run keeps: references, not the letter
  },
  async remark(path) {
    const tree = unified().use(remarkParse).parse(await readFile(path, 'utf8'));
    urls += tree.children.length;
  },
  async mammoth(path) {
    const result = await mammoth.convertToHtml({ path });
    urls += (result.value.match(/href=/g) ?? []).length;
  },
}[mode];
if (!work) throw new Error(`unknown mode ${mode}`);

for (let i = 0; i < warmup; i++) await work(files[i], false);
urls = 0;
codes = 0;
const start = performance.now();
for (const f of files) await work(f, true);
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ mode, letters: files.length, ms, lettersPerSecond: (files.length / ms) * 1000, urls, codes, kept: kept.length })}\n`);
