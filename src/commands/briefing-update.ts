/** `brieflint briefing <letter> --update`: the briefing's facts refreshed from the letter, the lead's text kept. */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { glob } from 'tinyglobby';
import type { Lang, Letter } from '../types.js';
import { extractReferences } from '../extract/index.js';
import { BriefingUpdateError, updateBriefing, type BriefingChange } from '../briefing-update.js';
import { parseBriefingFile } from '../facts/kcc/front-matter.js';
import { coverReason } from '../model/briefing-match.js';
import { KnowledgeBaseError } from '../facts/kcc/errors.js';
import { EXIT, type Io } from './io.js';

/**
 * Update the letter's briefing: `target` (the file `brieflint briefing` writes for it), or else the
 * one briefing in `dir` that names the letter's id or kenmerk. Exit 2 when there is none (or several).
 */
export async function updateBriefingFile(letter: Letter, dir: string, target: string, today: string, lang: Lang, io: Io): Promise<number> {
  const found = existsSync(target) ? [target] : await coveringFiles(letter, dir);
  const say = (nl: string, en: string) => io.stderr(`brieflint: ${lang === 'nl' ? nl : en}\n`);
  const show = (path: string) => relative(io.cwd, path) || path;
  if (found.length !== 1) {
    if (found.length === 0) {
      say(
        `geen briefing om bij te werken: ${show(target)} bestaat niet en geen briefing in ${show(dir)} noemt “${letter.meta.id}”; schrijf er een zonder --update`,
        `no briefing to update: ${show(target)} does not exist and no briefing in ${show(dir)} names “${letter.meta.id}”; write one without --update`,
      );
    } else {
      say(
        `meer dan één briefing noemt “${letter.meta.id}” (${found.map(show).join(', ')}); geef de briefing die u wilt bijwerken de naam ${show(target)}`,
        `more than one briefing names “${letter.meta.id}” (${found.map(show).join(', ')}); rename the one to update to ${show(target)}`,
      );
    }
    return EXIT.failure;
  }
  const file = found[0];
  const text = await readFile(file, 'utf8');
  // The briefing must be one the knowledge base can read, before and after.
  parseBriefingFile(text, show(file), letter.meta.id);
  let update;
  try {
    update = updateBriefing(text, letter, extractReferences(letter), today);
  } catch (error) {
    if (!(error instanceof BriefingUpdateError)) throw error;
    throw new KnowledgeBaseError(show(file), { nl: 'de front matter kan niet worden bijgewerkt', en: 'the front matter cannot be updated' });
  }
  if (update.changes.length === 0) {
    io.stdout(lang === 'nl' ? `Briefing is al actueel: ${show(file)}\n` : `Briefing already up to date: ${show(file)}\n`);
  } else {
    parseBriefingFile(update.text, show(file), letter.meta.id);
    await writeFile(file, update.text);
    io.stdout(`${lang === 'nl' ? `Briefing bijgewerkt: ${show(file)}` : `Briefing updated: ${show(file)}`}\n${update.changes.map((c) => `  ${describe(c)}\n`).join('')}`);
    io.stdout(lang === 'nl' ? 'De tekst van de KCC-lead is niet veranderd.\n' : "The KCC lead's text was not changed.\n");
  }
  for (const note of update.notes) io.stdout(`${lang === 'nl' ? 'Let op' : 'Note'}: ${note[lang]}\n`);
  return EXIT.clean;
}

function describe(c: BriefingChange): string {
  if (c.to !== undefined) return `${c.key}: ${c.from ?? '—'} → ${c.to}`;
  const parts = [...(c.added ?? []).map((a) => `+ ${a}`), ...(c.removed ?? []).map((r) => `− ${r}`)];
  return `${c.key}: ${parts.join(', ')}`;
}

/** The briefings in `dir` (as the folder adapter reads them) that name the letter's id or kenmerk. */
async function coveringFiles(letter: Letter, dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const files = await glob('**/*.md', { cwd: dir, absolute: true, ignore: ['**/README.md', '**/_*'] });
  const out: string[] = [];
  for (const file of files.sort()) {
    try {
      const b = parseBriefingFile(await readFile(file, 'utf8'), file, '');
      const why = coverReason(b, letter);
      if (why && why.kind !== 'path') out.push(file);
    } catch {
      // a briefing that cannot be read covers nothing here (check reports it)
    }
  }
  return out;
}
