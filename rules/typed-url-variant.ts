import { defineRule } from '../src/rule.js';
import type { Message, Report } from '../src/types.js';
import { VARIANT_LABEL, isLive, liveVariant, notLiveCause, siteResults } from '../src/model/site-results.js';
import { displayUrl } from '../src/model/url.js';
import type { VariantKind, VariantResult } from '../src/facts/site/types.js';

export interface TypedUrlVariantOptions {
  /** Which typed variants must work (default all). */
  variants: VariantKind[];
}

const ALL: VariantKind[] = ['https', 'www', 'no-www', 'http'];

function problemText(v: VariantResult): Message {
  const label = VARIANT_LABEL[v.variant];
  const typed = displayUrl(v.url);
  switch (v.problem) {
    case 'no-https':
      return {
        nl: `${typed} stuurt niet door naar https:// (de verbinding blijft onbeveiligd)`,
        en: `${typed} does not redirect to https:// (the connection stays insecure)`,
      };
    case 'other-page':
      return {
        nl: `${label.nl} komt de lezer op een andere pagina (${displayUrl(v.finalUrl)})`,
        en: `${label.en} the reader lands on another page (${displayUrl(v.finalUrl)})`,
      };
    default: {
      const cause = notLiveCause(v);
      return { nl: `${label.nl} werkt het niet, want ${cause.nl}`, en: `${label.en} it does not work, because ${cause.en}` };
    }
  }
}

/**
 * A resident types what the letter prints: `gemeente.nl/x`, perhaps with `www.` or `http://`.
 * Every such variant must reach the same live page, over HTTPS. Also reports a printed URL that
 * only works in another variant ("only with www.", "only over http://").
 */
export default defineRule<TypedUrlVariantOptions>({
  meta: {
    id: 'typed-url-variant',
    defaultSeverity: 'error',
    description: {
      nl: 'Een afgedrukt adres werkt niet zoals een inwoner het typt: met of zonder www., of met http://.',
      en: 'A printed URL does not work the way a resident types it: with or without www., or with http://.',
    },
    needs: ['site'],
    defaultOptions: { variants: ALL },
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        variants: { type: 'array', items: { enum: ALL }, uniqueItems: true, default: ALL },
      },
    },
  },
  check({ refs, facts, options, about }) {
    const wanted = new Set(options.variants ?? ALL);
    const reports: Report[] = [];
    // Variants are what a reader types: the printed address, not where a link takes an e-mail reader.
    for (const { ref, result, side } of siteResults(refs, facts, about?.addresses)) {
      if (side === 'link' || side === 'qr') continue; // a link is clicked, a QR code scanned: nobody types them
      const variants = result.variants.filter((v) => wanted.has(v.variant));
      if (!isLive(result.kind)) {
        const live = liveVariant({ ...result, variants });
        if (!live) continue;
        const works = displayUrl(live.url);
        const cause = notLiveCause(result);
        const onlyHttp = live.variant === 'http' || (live.finalUrl.startsWith('http:') && result.url.startsWith('https:'));
        reports.push({
          message: onlyHttp
            ? {
                nl: `${ref.printed} werkt alleen via onbeveiligd http:// (${works}), niet via https://: ${cause.nl}.`,
                en: `${ref.printed} only works over insecure http:// (${works}), not over https://: ${cause.en}.`,
              }
            : {
                nl: `${ref.printed} werkt alleen ${VARIANT_LABEL[live.variant].nl} (${works}); zoals afgedrukt: ${cause.nl}.`,
                en: `${ref.printed} only works ${VARIANT_LABEL[live.variant].en} (${works}); as printed: ${cause.en}.`,
              },
          location: ref.location,
          url: ref.href,
          hint: onlyHttp
            ? { nl: 'Zorg dat de site ook via HTTPS werkt.', en: 'Make the site work over HTTPS too.' }
            : {
                nl: `Laat ${displayUrl(result.url)} doorverwijzen naar ${works}, of druk ${works} af.`,
                en: `Redirect ${displayUrl(result.url)} to ${works}, or print ${works}.`,
              },
        });
        continue;
      }
      const failing = variants.filter((v) => v.problem);
      if (failing.length === 0) continue;
      const parts = failing.map(problemText);
      reports.push({
        message: {
          nl: `${ref.printed} werkt niet zoals een inwoner het kan typen: ${parts.map((p) => p.nl).join('; ')}.`,
          en: `${ref.printed} does not work the way a resident may type it: ${parts.map((p) => p.en).join('; ')}.`,
        },
        location: ref.location,
        url: ref.href,
        hint: {
          nl: 'Laat elke variant (met en zonder www., http://) doorverwijzen naar dezelfde pagina via https://.',
          en: 'Redirect every variant (with and without www., http://) to the same page over https://.',
        },
      });
    }
    return reports;
  },
});
