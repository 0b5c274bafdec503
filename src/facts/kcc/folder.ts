import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { Message } from '../../types.js';
import type { Briefing, BriefingCovers, KnowledgeBase } from './types.js';
import { KnowledgeBaseError } from './errors.js';
import { coversOf, parseFile, type ParsedFile } from './front-matter.js';

/**
 * A briefing file that could not be read as a briefing (bad front matter, unreadable, an id used
 * twice). It is reported on that file, and the other briefings and every letter are still
 * checked; a letter it may cover is not called "briefing missing" without saying so.
 */
export interface InvalidBriefing {
  /** The file, relative to the config root. */
  location: string;
  reason: Message;
  line?: number;
  field?: string;
  /** What the file names as its letters, as far as its front matter could be read. */
  covers?: BriefingCovers;
  /** The file's text, to find a letter's id or kenmerk in when the front matter could not be read. */
  text: string;
}

const SKIP_FILE = /^(readme|index|changelog)\.md$/i;

/**
 * The embedded default: a folder of Markdown briefings with YAML front matter, next to the letters
 * (the format and its parser are in ./front-matter.ts). Reads every `*.md` under the folder
 * (recursively; README.md, `_*` and dot files skipped).
 */
export class FolderKnowledgeBase implements KnowledgeBase {
  readonly source = 'folder' as const;
  readonly location: string;
  private readonly dir: string;
  private readonly root: string;

  /** `folder` is relative to `root` (the config root) or absolute. */
  constructor(folder: string, root: string) {
    this.root = root;
    this.dir = resolve(root, folder);
    this.location = toPosix(relative(root, this.dir)) || '.';
  }

  /** Set by load() when the folder does not exist: its absolute path. */
  missing?: string;
  /** Set by load(): the briefing files that could not be read as briefings (the others are returned). */
  invalid: InvalidBriefing[] = [];

  async load(): Promise<Briefing[]> {
    let info;
    try {
      info = await stat(this.dir);
    } catch (cause) {
      // No folder yet (a first run): no briefings. kcc-briefing-missing says so once, and every
      // letter is still checked (KccFacts.missing).
      if ((cause as NodeJS.ErrnoException).code === 'ENOENT' || (cause as NodeJS.ErrnoException).code === 'ENOTDIR') {
        this.missing = this.dir;
        return [];
      }
      throw new KnowledgeBaseError(
        this.location,
        { nl: `kan de map met KCC-briefings niet lezen (${(cause as NodeJS.ErrnoException).code ?? 'fout'})`, en: `cannot read the KCC briefing folder (${(cause as NodeJS.ErrnoException).code ?? 'error'})` },
        { cause },
      );
    }
    if (!info.isDirectory()) {
      throw new KnowledgeBaseError(this.location, { nl: 'is geen map', en: 'is not a folder' });
    }
    const files = (await this.list(this.dir)).sort();
    const invalid: InvalidBriefing[] = [];
    const parsed: ParsedFile[] = [];
    const texts = new Map<string, string>();
    for (const abs of files) {
      const file = toPosix(relative(this.root, abs));
      const defaultId = toPosix(relative(this.dir, abs)).replace(/\.md$/i, '');
      let text: string;
      try {
        text = readFileSync(abs, 'utf8'); // one synchronous read: cheaper than a FileHandle for a small file
      } catch (cause) {
        invalid.push({ location: file, reason: { nl: `kan het bestand niet lezen (${(cause as NodeJS.ErrnoException).code ?? 'fout'})`, en: `cannot read the file (${(cause as NodeJS.ErrnoException).code ?? 'error'})` }, text: '' });
        continue;
      }
      texts.set(file, text);
      try {
        parsed.push(parseFile(text, file, defaultId));
      } catch (e) {
        // A bug in the reader is named, never a stack trace; the letters are still checked.
        const error = e instanceof KnowledgeBaseError ? e : unexpected(file, e);
        const covers = coversOf(text);
        invalid.push({
          location: file,
          reason: error.reason,
          ...(error.line !== undefined ? { line: error.line } : {}),
          ...(error.field !== undefined ? { field: error.field } : {}),
          ...(covers ? { covers } : {}),
          text,
        });
      }
    }
    const seen = new Map<string, string>();
    const briefings: Briefing[] = [];
    for (const p of parsed) {
      const other = seen.get(p.briefing.id);
      if (other !== undefined) {
        const line = p.idLine?.();
        invalid.push({
          location: p.briefing.location,
          reason: {
            nl: `${line ? `regel ${line}, ` : ''}veld "id": "${p.briefing.id}" wordt ook gebruikt door ${other}`,
            en: `${line ? `line ${line}, ` : ''}field "id": "${p.briefing.id}" is also used by ${other}`,
          },
          ...(line ? { line } : {}),
          field: 'id',
          covers: p.briefing.covers,
          text: texts.get(p.briefing.location) ?? '',
        });
        continue;
      }
      seen.set(p.briefing.id, p.briefing.location);
      briefings.push(p.briefing);
    }
    this.invalid = invalid.sort((a, b) => a.location.localeCompare(b.location));
    return briefings;
  }

  private async list(dir: string): Promise<string[]> {
    const out: string[] = [];
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name.startsWith('_') || e.name === 'node_modules') continue;
      const abs = join(dir, e.name);
      if (e.isDirectory()) out.push(...(await this.list(abs)));
      else if (e.isFile() && /\.md$/i.test(e.name) && !SKIP_FILE.test(e.name)) out.push(abs);
    }
    return out;
  }
}

/** An internal error while reading one briefing: the file and what went wrong, for a bug report. */
function unexpected(file: string, error: unknown): KnowledgeBaseError {
  const detail = error instanceof Error ? error.message : String(error);
  return new KnowledgeBaseError(file, { nl: `onverwachte fout bij lezen: ${detail}`, en: `unexpected error while reading: ${detail}` }, { cause: error });
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
