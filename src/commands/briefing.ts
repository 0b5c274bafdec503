/** `brieflint briefing <letter>`: a ready-to-fill KCC briefing for a letter. */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Lang } from '../types.js';
import { allRules } from '../../rules/index.js';
import { loadConfig } from '../config/index.js';
import { configSections } from '../config/sections.js';
import { applyManifest, readError, readImages } from '../read/one.js';
import { escapeControls } from '../report/escape.js';
import { resolveKccConfig } from '../facts/kcc/config.js';
import { LetterReadError, readLetter } from '../letters/index.js';
import { extractReferences } from '../extract/index.js';
import { localToday } from '../model/date.js';
import { EXIT, guarded, type Io } from './io.js';

export interface BriefingFlags {
  config?: string;
  out?: string;
  force?: boolean;
  /** Refresh the facts of the existing briefing and keep what the KCC lead wrote (src/commands/briefing-update.ts). */
  update?: boolean;
  lang?: Lang;
  today?: string;
}

export async function writeBriefing(path: string, flags: BriefingFlags, io: Io): Promise<number> {
  return guarded(io, flags.lang ?? 'nl', async () => {
    const config = await loadConfig(io.cwd, allRules, configSections, flags.config);
    const lang: Lang = flags.lang ?? config.lang ?? 'nl';
    const absolute = resolve(io.cwd, path);
    if (!existsSync(absolute)) throw new LetterReadError(path, { nl: 'bestand bestaat niet', en: 'no such file' });
    const display = relative(io.cwd, absolute).split('\\').join('/');
    // A bug inside a reader is reported as "onverwachte fout" with the file, never as a stack trace.
    const letter = await readLetter(absolute, display).catch((error: unknown) => {
      throw error instanceof LetterReadError ? error : new LetterReadError(display, readError(error), { cause: error });
    });
    applyManifest(letter, absolute, config);
    await readImages(letter, absolute, config.root); // where the letter's QR codes lead
    // Loaded for this command only (it brings the yaml package): check starts faster.
    const { briefingFileName, renderBriefing } = await import('../briefing.js');
    const dir = flags.out ? resolve(io.cwd, flags.out) : resolve(config.root, resolveKccConfig(config.kcc).folder);
    const target = join(dir, briefingFileName(letter));
    if (flags.update) return (await import('./briefing-update.js')).updateBriefingFile(letter, dir, target, flags.today ?? localToday(), lang, io);
    const shown = relative(io.cwd, target) || target;
    if (existsSync(target) && !flags.force) {
      io.stderr(
        lang === 'nl'
          ? `brieflint: ${shown} bestaat al; gebruik --force om het te overschrijven\n`
          : `brieflint: ${shown} already exists; use --force to overwrite it\n`,
      );
      return EXIT.failure;
    }
    await mkdir(dir, { recursive: true });
    await writeFile(target, renderBriefing(letter, extractReferences(letter), flags.today ?? localToday()));
    io.stdout(lang === 'nl' ? `Briefing geschreven: ${escapeControls(shown)}\n` : `Briefing written: ${escapeControls(shown)}\n`);
    return EXIT.clean;
  });
}

