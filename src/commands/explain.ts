/** `brieflint explain <rule>`: a rule's documentation, in Dutch or English, laid out for a terminal. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Lang } from '../types.js';
import { allRules, findRule } from '../../rules/index.js';
import { ruleDocPath } from '../paths.js';
import { didYouMean } from '../i18n/suggest.js';
import { renderMarkdown } from '../render/terminal-markdown.js';
import { EXIT, type Io } from './io.js';

export interface ExplainFlags {
  lang: Lang;
  /** false with --no-color. */
  color?: boolean;
}

export async function explain(id: string, flags: ExplainFlags, io: Io): Promise<number> {
  const lang = flags.lang;
  const rule = findRule(id);
  if (!rule) {
    const ids = allRules.map((r) => r.meta.id);
    const suggestion = didYouMean(id, ids)[lang];
    io.stderr(
      lang === 'nl'
        ? `brieflint: onbekende regel “${id}”${suggestion || `. Regels: ${ids.join(', ')}`}\n`
        : `brieflint: unknown rule “${id}”${suggestion || `. Rules: ${ids.join(', ')}`}\n`,
    );
    return EXIT.failure;
  }
  const localized = ruleDocPath(id, lang);
  const markdown = await readFile(existsSync(localized) ? localized : ruleDocPath(id), 'utf8');
  const color = flags.color !== false && io.isTTY && !io.env.NO_COLOR;
  io.stdout(renderMarkdown(markdown, { color, ...(io.columns ? { width: io.columns } : {}) }));
  return EXIT.clean;
}
