import { defineRule } from '../src/rule.js';
import type { FormMention, LoginMention } from '../src/types.js';

const ONLINE: ReadonlySet<FormMention['kind']> = new Set(['online-form', 'online-application', 'website', 'portal']);

export default defineRule({
  meta: {
    id: 'missing-url',
    defaultSeverity: 'error',
    description: {
      nl: 'Een brief die lezers naar een website, formulier of portaal stuurt, moet het adres noemen.',
      en: 'A letter that sends readers to a website, form or portal must print its address.',
    },
    defaultOptions: {},
  },
  check({ refs }) {
    const online: Array<FormMention | LoginMention> = [...refs.forms.filter((f) => ONLINE.has(f.kind)), ...refs.logins];
    if (online.length === 0) return [];
    if (refs.urls.some((u) => u.visible)) return [];
    if (refs.placeholders.some((p) => p.inUrl)) return []; // placeholder-url reports the gap
    const first = online.reduce((a, b) => (b.location.line < a.location.line ? b : a));
    const hidden = refs.urls.find((u) => u.linked && !u.visible && /^https?:\/\//i.test(u.href));
    const hiddenNl = hidden ? ` De link “${hidden.linkText ?? ''}” is op papier onzichtbaar: druk ${hidden.href} af.` : '';
    const hiddenEn = hidden ? ` The link “${hidden.linkText ?? ''}” is invisible on paper: print ${hidden.href}.` : '';
    return [
      {
        message: {
          nl: `De brief stuurt lezers online (“${first.text}”) maar noemt geen webadres.${hiddenNl}`,
          en: `The letter sends readers online (“${first.text}”) but prints no web address.${hiddenEn}`,
        },
        location: first.location,
      },
    ];
  },
});
