/**
 * `brieflint briefing <letter>`: a ready-to-fill KCC briefing for the folder adapter, filled from
 * the letter (ids, mailing date, volume, URLs, forms, phone numbers). The KCC lead completes the
 * TODOs: what to tell callers, when to escalate.
 */
import { stringify } from 'yaml';
import type { Letter, QrRef, References } from './types.js';
import { hasPlaceholder, letterForms, letterUrlKey } from './model/briefing-match.js';
import { qrDestinations } from './model/briefing-mismatch.js';
import { pageOf, urlKey, withoutHttps } from './model/url.js';
import { normalizePhone } from './extract/phones.js';
import { addDays, dateNl } from './model/date.js';

/** How long a new briefing is valid after the mailing date: residents call for weeks. */
export const BRIEFING_WEEKS = 8;

/** The file name for a letter's briefing: its id as a safe slug, e.g. "kwijtschelding-2027.md". */
export function briefingFileName(letter: Pick<Letter, 'path' | 'meta'>): string {
  const base = letter.meta.id || letter.path.split('/').pop()?.replace(/\.[^.]+$/, '') || 'briefing';
  const slug = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'briefing'}.md`;
}

/** A YAML scalar, quoted only when it has to be. */
function y(value: string | number): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/**
 * What a briefing names from the letter: its printed URLs and where its QR codes lead (`urls`, the
 * codes' also in `qrUrls`), its payment QR codes, its forms (URL or the call's words), its phone numbers.
 */
export function briefingContents(refs: References): {
  urls: string[];
  qrUrls: string[];
  payments: QrRef[];
  forms: Array<{ url?: string; text: string }>;
  phones: string[];
} {
  const urls: string[] = [];
  const seenUrls = new Set<string>();
  for (const u of refs.urls) {
    if (!u.visible || hasPlaceholder(u)) continue;
    const k = letterUrlKey(u);
    if (seenUrls.has(k)) continue;
    seenUrls.add(k);
    urls.push(u.printed);
  }
  // Where the letter's QR codes lead: residents who scan one land there, and may call about it.
  const qrUrls: string[] = [];
  for (const q of qrDestinations(refs)) {
    const k = urlKey(pageOf(q.href!));
    if (seenUrls.has(k)) continue;
    seenUrls.add(k);
    const shown = withoutHttps(pageOf(q.href!));
    urls.push(shown);
    qrUrls.push(shown);
  }
  const payments = (refs.qr ?? []).filter((q) => q.kind === 'epc' && q.payment);
  const forms: Array<{ url?: string; text: string }> = [];
  const seenForms = new Set<string>();
  for (const f of letterForms(refs)) {
    const url = f.url ? (f.url.visible ? f.url.printed : f.url.href) : undefined;
    const key = url ? letterUrlKey(f.url!) : `text:${f.mention.text.toLowerCase()}`;
    if (seenForms.has(key)) continue;
    seenForms.add(key);
    forms.push({ ...(url ? { url } : {}), text: f.mention.text });
  }
  const phones: string[] = [];
  const seenPhones = new Set<string>();
  for (const p of refs.phones) {
    const n = normalizePhone(p.normalized || p.printed);
    if (seenPhones.has(n)) continue;
    seenPhones.add(n);
    phones.push(p.printed);
  }
  return { urls, qrUrls, payments, forms, phones };
}

/**
 * The Markdown briefing. Front matter: letters/kenmerken, mailingDate, recipients,
 * validFrom = mailing date (or today), validUntil = that + 8 weeks, urls, forms, phone, owner,
 * updated = today. Loads with the folder adapter as written.
 */
export function renderBriefing(letter: Letter, refs: References, today: string): string {
  const { id, kenmerk, mailingDate, recipients, owner } = letter.meta;
  const title = letter.meta.title ?? id;
  const from = mailingDate ?? today;
  const until = addDays(from, BRIEFING_WEEKS * 7);
  const { urls, qrUrls, payments, forms, phones } = briefingContents(refs);

  const fm: string[] = ['---'];
  fm.push(`title: ${y(`KCC-briefing: ${title}`)}`);
  fm.push(`letters: [${y(id)}]`);
  if (kenmerk) fm.push(`kenmerken: [${y(kenmerk)}]`);
  if (mailingDate) fm.push(`mailingDate: ${mailingDate}`);
  else fm.push('# TODO: de brief heeft geen verzenddatum — vul hem in (mailingDate: JJJJ-MM-DD) en pas validFrom/validUntil aan');
  if (recipients !== undefined) fm.push(`recipients: ${recipients}`);
  else fm.push('# TODO: aantal ontvangers (recipients: 1234)');
  fm.push(`validFrom: ${from}`);
  fm.push(`validUntil: ${until}`);
  if (urls.length > 0) {
    fm.push('urls:');
    for (const u of urls) fm.push(`  - ${y(u)}`);
  } else fm.push('urls: []');
  if (forms.length > 0) {
    fm.push('forms:');
    for (const f of forms) {
      if (f.url) {
        fm.push(`  - url: ${y(f.url)}`);
        fm.push(`    # TODO: naam van het formulier (name: …); de brief zegt “${f.text.replace(/\s+/g, ' ')}”`);
      } else {
        fm.push(`  - name: ${y(`TODO: naam van het formulier (de brief zegt “${f.text.replace(/\s+/g, ' ')}”)`)}`);
      }
    }
  }
  if (phones.length > 0) {
    fm.push('phone:');
    for (const p of phones) fm.push(`  - ${y(p)}`);
  }
  fm.push(`owner: ${y(owner ?? 'TODO: team of persoon die deze briefing bijhoudt')}`);
  fm.push(`updated: ${today}`);
  fm.push('---');

  const facts: string[] = [];
  facts.push(
    mailingDate
      ? `- Verzonden op ${dateNl(mailingDate)}${recipients !== undefined ? ` aan ${recipients.toLocaleString('nl-NL')} ontvangers` : ' (TODO: aantal ontvangers)'}.`
      : '- Verzenddatum: TODO.',
  );
  if (kenmerk) facts.push(`- Kenmerk: ${kenmerk}.`);
  if (urls.length > 0) facts.push(`- De brief verwijst naar: ${urls.join(', ')}.`);
  for (const q of qrUrls) facts.push(`- QR-code naar ${q}.`);
  for (const q of payments) {
    const p = q.payment!;
    const to = [p.name, p.iban].filter(Boolean).join(', ');
    facts.push(`- QR-code om te betalen${p.amount ? `: ${p.amount}` : ''}${to ? ` aan ${to}` : ''}${p.reference ? ` (kenmerk ${p.reference})` : ''}.`);
  }
  for (const f of forms) facts.push(`- Formulier${f.url ? ` op ${f.url}` : ''} (“${f.text.replace(/\s+/g, ' ')}”).`);
  if (phones.length > 0) facts.push(`- Telefoonnummer in de brief: ${phones.join(', ')}.`);
  const logins = [...new Set(refs.logins.map((l) => ({ digid: 'DigiD', eherkenning: 'eHerkenning', eidas: 'eIDAS' })[l.kind]))];
  if (logins.length > 0) facts.push(`- Inloggen met ${logins.join(' of ')}.`);

  const body = [
    `# KCC-briefing: ${title}`,
    '',
    `<!-- Gemaakt door brieflint op ${today} uit ${letter.path}. Vul elke TODO in en haal deze regel weg. -->`,
    '',
    '## Wat staat er in de brief',
    '',
    ...facts,
    '',
    'TODO: vat in twee of drie zinnen samen waarom inwoners deze brief krijgen, wat zij moeten doen en vóór wanneer.',
    '',
    '## Wat vertellen we bellers',
    '',
    'TODO: de vragen die we verwachten, met het antwoord. Bijvoorbeeld:',
    '',
    '- **Waarom krijg ik deze brief?** TODO',
    '- **Wat moet ik doen, en vóór wanneer?** TODO',
    '- **Het lukt me niet online.** TODO: hoe helpen we bellers zonder computer of DigiD?',
    '',
    '## Wanneer escaleren',
    '',
    'TODO: wanneer verbindt het KCC door, naar wie (team, nummer of wachtrij), en wat legt het vast.',
    '',
  ];
  return `${fm.join('\n')}\n\n${body.join('\n')}`;
}
