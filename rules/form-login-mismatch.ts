import { defineRule } from '../src/rule.js';
import type { LoginMention, Report, UrlRef } from '../src/types.js';
import { LOGIN_NAME, blockAt, formLabel, formResults, hasForm, loginKinds, onlineFormUrls, type LoginKind } from '../src/model/form-results.js';
import type { FormResult } from '../src/facts/forms/types.js';
import type { UrlResult } from '../src/facts/site/types.js';

type Told = 'digid' | 'eherkenning';
const TOLD: readonly Told[] = ['digid', 'eherkenning'];

const names = (kinds: Iterable<LoginKind>, or: string) => {
  const list = [...kinds].map((k) => LOGIN_NAME[k]);
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} ${or} ${list[list.length - 1]}`;
};

/** DigiD / eHerkenning the form insists on (empty when no log-in is required or it is unknown which). */
function requiredLogins(form: FormResult | undefined, page: UrlResult | undefined): Set<Told> {
  const out = new Set<Told>();
  if (form && hasForm(form) && form.loginRequired) {
    for (const k of loginKinds(form.loginOptions)) if (k === 'digid' || k === 'eherkenning') out.add(k);
  }
  if (out.size === 0 && page?.kind === 'protected' && (page.login?.provider === 'digid' || page.login?.provider === 'eherkenning')) {
    out.add(page.login.provider);
  }
  return out;
}

/**
 * The log-in means a found form offers, when that is known: Open Formulieren says so; a plain
 * HTML form on a page that says nothing about DigiD or eHerkenning offers none. Undefined: unknown.
 */
function offeredLogins(form: FormResult, page: UrlResult): Set<LoginKind> | undefined {
  if (!hasForm(form) || form.state === 'missing' || form.state === 'unknown') return undefined;
  if (form.platform === 'open-formulieren') return form.loginOptions ? loginKinds(form.loginOptions) : undefined;
  if (form.platform === 'html' && form.source === 'form' && page.kind === 'ok' && page.body !== undefined) {
    const out = new Set<LoginKind>();
    if (/digid/i.test(page.body)) out.add('digid');
    if (/e-?herkenning/i.test(page.body)) out.add('eherkenning');
    return out;
  }
  return undefined;
}

/**
 * The letter and the form disagree about logging in: the letter says "log in with DigiD" but the
 * form asks for no DigiD log-in, or the form requires DigiD or eHerkenning and the letter does not
 * tell the reader.
 */
export default defineRule({
  meta: {
    id: 'form-login-mismatch',
    defaultSeverity: 'warn',
    description: {
      nl: 'De brief en het formulier zeggen iets anders over inloggen: de brief noemt DigiD maar het formulier vraagt er niet om, of het formulier vraagt om DigiD of eHerkenning en de brief zegt dat niet.',
      en: 'The letter and the form disagree about logging in: the letter mentions DigiD but the form does not ask for it, or the form requires DigiD or eHerkenning and the letter does not say so.',
    },
    needs: ['site', 'forms'],
    defaultOptions: {},
  },
  check({ letter, refs, facts, config, about }) {
    const site = facts.site;
    const forms = facts.forms;
    if (!site || !forms) return [];
    const reports: Report[] = [];
    const told = new Set(refs.logins.map((l) => l.kind));

    // 1. The form requires DigiD / eHerkenning and the letter does not say so.
    const candidates: Array<{ ref: UrlRef; href: string }> = [
      ...formResults(refs, facts, about?.addresses).map((r) => ({ ref: r.ref, href: r.href })),
      ...onlineFormUrls(letter, refs, config.domains).map((f) => ({ ref: f.url, href: f.url.href })),
    ];
    const checked = new Set<string>();
    for (const { ref, href } of candidates) {
      if (checked.has(href)) continue;
      checked.add(href);
      const form = forms.urls[href];
      const needed = requiredLogins(form, site.urls[href]);
      if (needed.size === 0 || [...needed].some((k) => told.has(k))) continue;
      const what = form && hasForm(form) ? formLabel(form) : { nl: 'het formulier', en: 'the form' };
      const how = names(needed, 'of');
      const howEn = names(needed, 'or');
      reports.push({
        message: {
          nl: `Voor ${what.nl} op ${ref.printed} moet de lezer inloggen met ${how}, maar dat staat niet in de brief.`,
          en: `To use ${what.en} at ${ref.printed} the reader must log in with ${howEn}, but the letter does not say so.`,
        },
        location: ref.location,
        url: href,
        hint: {
          nl: `Zeg in de brief dat de lezer ${how} nodig heeft, en wat te doen zonder ${how}.`,
          en: `Tell the reader in the letter that ${howEn} is needed, and what to do without it.`,
        },
      });
    }

    // 2. The letter mentions DigiD / eHerkenning, but the form it points at does not ask for it.
    const withForm = formResults(refs, facts, about?.addresses).filter(({ form, site: page }) => offeredLogins(form, page) !== undefined);
    const distinct = new Set(withForm.map((r) => r.href));
    const reported = new Set<string>();
    for (const login of refs.logins) {
      if (!TOLD.includes(login.kind as Told)) continue;
      const target = formFor(login, withForm, distinct.size === 1);
      if (!target) continue;
      const offered = offeredLogins(target.form, target.site) as Set<LoginKind>;
      if (offered.has(login.kind as Told)) continue;
      const key = `${target.href} ${login.kind}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const name = LOGIN_NAME[login.kind as Told];
      const label = formLabel(target.form);
      const instead =
        offered.size === 0
          ? { nl: 'vraagt niet om in te loggen', en: 'asks for no log-in' }
          : { nl: `vraagt om ${names(offered, 'of')}, niet om ${name}`, en: `asks for ${names(offered, 'or')}, not ${name}` };
      reports.push({
        message: {
          nl: `De brief noemt ${name}, maar ${label.nl} op ${target.ref.printed} ${instead.nl}.`,
          en: `The letter mentions ${name}, but ${label.en} at ${target.ref.printed} ${instead.en}.`,
        },
        location: login.location,
        url: target.href,
        hint: {
          nl: `Haal ${name} uit de brief, of stel de inlog met ${name} in op het formulier.`,
          en: `Take ${name} out of the letter, or set up the ${name} log-in on the form.`,
        },
      });
    }
    return reports;

    /** The form a log-in mention is about: one in the same block, else the letter's only form. */
    function formFor<T extends { ref: UrlRef }>(login: LoginMention, list: T[], onlyOne: boolean): T | undefined {
      const block = blockAt(letter, login.location);
      if (block !== undefined) {
        const here = list.find((r) => blockAt(letter, r.ref.location) === block);
        if (here) return here;
      }
      return onlyOne ? list[0] : undefined;
    }
  },
});
