import { describe, expect, it } from 'vitest';
import prettyUrl, { suggestPrettyUrl } from '../../rules/pretty-url.js';
import linkTextMismatch from '../../rules/link-text-mismatch.js';
import invalidLinkTarget from '../../rules/invalid-link-target.js';
import missingUrl from '../../rules/missing-url.js';
import placeholderUrl from '../../rules/placeholder-url.js';
import invalidMetadata from '../../rules/invalid-metadata.js';
import trackedChanges from '../../rules/tracked-changes.js';
import { readMarkdown } from '../../src/letters/markdown.js';
import { at, bare, letter, linked, refs } from '../helpers.js';
import { contains, ruleTester } from '../rule-tester.js';

const FLAGGED: Array<[string, string]> = [
  ['voorbeeldstad.example/Kwijtschelding', 'uppercase letters'],
  ['http://voorbeeldstad.example/afval', 'printed with insecure http://'],
  ['bit.ly/3xYzAbC', 'a URL shortener'],
  ['andere-gemeente.example/afval', 'not on an own domain (andere-gemeente.example)'],
  ['voorbeeldstad.example/afval?id=3', 'a query string'],
  ['voorbeeldstad.example/afval#kopje', 'a fragment'],
  ['voorbeeldstad.example/afval.aspx', 'a file extension (.aspx)'],
  ['voorbeeldstad.example/a/b/c', '3 path segments (max 2)'],
  ['voorbeeldstad.example/product/12345', 'a numeric id'],
  ['voorbeeldstad.example/f/0b6d0c3e-8f5a-4c1e-9a57-2f6a3b1c9d4e', 'a GUID/UUID'],
  ['voorbeeldstad.example/afval%20pas', '%-escapes'],
  ['voorbeeldstad.example/afval_pas', 'an underscore'],
  ['voorbeeldstad.example/kwijtschelding-aanvragen-2027-en-verder', 'too long (61 characters, max 40)'],
  ['voorbeeldstad.example/aanvraag-copy', 'a copied form (-copy in the address)'],
];
const LONG = 'https://www.voorbeeldstad.example/Content/Afval/Afvalpas_Aanvragen.aspx?id=4711';

ruleTester(prettyUrl).run({
  valid: [
    { name: 'a short own-domain address and allowed government domains', refs: refs({ urls: [bare('voorbeeldstad.example/afval'), bare('www.digid.nl'), bare('https://mijn.voorbeeldstad.example/afval')] }) },
    { name: 'judges the printed link text, not the hidden target', refs: refs({ urls: [linked('voorbeeldstad.example/afspraak', 'https://voorbeeldstad.example/afspraak?bron=brief#balie')] }) },
    { name: 'respects maxLength', refs: refs({ urls: [bare('voorbeeldstad.example/kwijtschelding-aanvragen-nu')] }), options: { maxLength: 60 } },
    { name: 'ignores hidden link targets', refs: refs({ urls: [linked('klik hier', 'https://x.example/Lang_Adres.aspx')] }) },
    { name: 'skips the own-domain criterion while no domains are configured', refs: refs({ urls: [bare('andere-gemeente.example/afval')] }), config: { domains: [] } },
    { name: 'a capitalised host name is not uppercase (host names are case-insensitive)', refs: refs({ urls: [bare('Voorbeeldstad.example/afval')] }) },
    { name: 'capitalised government hosts', refs: refs({ urls: [bare('www.digid.nl'), bare('Mijnoverheid.nl')] }) },
    { name: 'a year in a slug is a word, not an id', refs: refs({ urls: [bare('voorbeeldstad.example/afvalpas-2027'), bare('voorbeeldstad.example/2027')] }) },
  ],
  invalid: [
    ...FLAGGED.map(([printed, problem]) => ({
      name: `flags ${printed}: ${problem}`,
      refs: refs({ urls: [bare(printed, 4, 7)] }),
      errors: [{ en: contains(problem), location: at(4, 7), url: bare(printed).href }],
    })),
    {
      name: 'a shortener gets no suggestion built from its code',
      refs: refs({ urls: [bare('bit.ly/3xYzAbC')] }),
      errors: [{ en: contains('a URL shortener'), nl: { excludes: ['3xyzabc', 'bijvoorbeeld'] } }],
    },
    {
      name: 'a numeric id next to a year is still an id',
      refs: refs({ urls: [bare('voorbeeldstad.example/besluit-2027-48213')] }),
      errors: [{ en: contains('a numeric id') }],
    },
    {
      name: 'names every failing criterion in one message, in Dutch too, with a suggestion',
      refs: refs({ urls: [bare(LONG)] }),
      errors: [
        {
          nl: `${LONG} is niet makkelijk over te typen: te lang (71 tekens, max 40), hoofdletters, 3 padniveaus (max 2), een querystring (?…), een bestandsextensie (.aspx), een underscore (_). Gebruik een kort adres, bijvoorbeeld voorbeeldstad.example/afvalpas-aanvragen.`,
        },
      ],
    },
    {
      name: 'judges the printed link text: an ugly text fails though its target is short',
      refs: refs({ urls: [linked('voorbeeldstad.example/Afspraak_Maken', 'https://voorbeeldstad.example/afspraak')] }),
      errors: [{ en: contains('uppercase letters, an underscore (_)') }],
    },
    {
      name: 'requireSchemeless flags a printed https://',
      refs: refs({ urls: [bare('https://voorbeeldstad.example/afval')] }),
      options: { requireSchemeless: true },
      errors: [{ en: contains('printed with https://') }],
    },
  ],
});

describe('pretty-url: suggestions', () => {
  it('suggests the last meaningful words on the own domain', () => {
    expect(suggestPrettyUrl('https://www.voorbeeldstad.example/pages/12/Kwijtschelding_Aanvragen.aspx', ['voorbeeldstad.example'])).toBe('voorbeeldstad.example/kwijtschelding-aanvragen');
    expect(suggestPrettyUrl('https://elders.example/Regeling.pdf', ['voorbeeldstad.example'])).toBe('voorbeeldstad.example/regeling');
    expect(suggestPrettyUrl('https://Waarstaatjegemeente.nl', ['voorbeeldstad.example'])).toBeUndefined();
  });
});

ruleTester(linkTextMismatch).run({
  valid: [
    {
      name: 'ignores scheme, www., trailing slash, host case, and link text that is no address',
      refs: refs({ urls: [linked('Voorbeeldstad.example/afval', 'https://www.voorbeeldstad.example/afval/'), linked('klik hier', 'https://voorbeeldstad.example/iets-anders')] }),
    },
  ],
  invalid: [
    {
      name: 'flags link text that is an address other than the target',
      refs: refs({ urls: [linked('voorbeeldstad.example/zonnepanelen', 'https://www.voorbeeldstad.example/subsidie-zon', 3)] }),
      errors: [
        {
          en: 'The link text voorbeeldstad.example/zonnepanelen points to a different address: https://www.voorbeeldstad.example/subsidie-zon. A reader of the printed letter types voorbeeldstad.example/zonnepanelen.',
          location: at(3),
        },
      ],
    },
  ],
});

ruleTester(invalidLinkTarget).run({
  valid: [
    {
      name: 'accepts full web addresses, in-document anchors, and ignores bare text',
      refs: refs({ urls: [linked('formulier', 'https://voorbeeldstad.example/a'), linked('kopje', '#kopje'), bare('voorbeeldstad.example/b')] }),
    },
  ],
  invalid: (
    [
      ['aanvraagformulier.docx', 'a relative name instead of a full web address'],
      ['www.voorbeeldstad.example/afval', 'an address without https://'],
      ['%3e%20Vul%20in', 'pasted text instead of an address'],
      ['file:///C:/Users/jan/brief.docx', 'a file on somebody’s computer (file:)'],
      ['cid:image001.png@01D2', 'an embedded e-mail part (cid:)'],
      ['javascript:alert(1)', 'a javascript: address'],
      ['', 'an empty link target'],
    ] as const
  ).map(([href, reason]) => ({
    name: `flags ${JSON.stringify(href)}`,
    refs: refs({ urls: [linked('het formulier', href, 2, false)] }),
    errors: [{ en: contains(reason) }],
  })),
});

const online = { kind: 'online-form' as const, text: 'vul het formulier in op onze website', location: at(5, 3) };
const footer = { ...bare('www.voorbeeldstad.example'), location: { line: 1, column: 1, part: 'footer' as const } };

ruleTester(missingUrl).run({
  valid: [
    { name: 'a DigiD mention on its own sends nobody anywhere', refs: refs({ logins: [{ kind: 'digid', text: 'DigiD', location: at(2) }] }) },
    { name: 'a call that is not online', refs: refs({ forms: [{ kind: 'appointment', text: 'Maak een afspraak', location: at(2), online: false }] }) },
    { name: 'a letterhead or home page serves a look-it-up call', refs: refs({ forms: [{ kind: 'website', text: 'Kijk op onze website', location: at(3), online: true }], urls: [footer] }) },
    { name: 'passes with a visible address', refs: refs({ forms: [online], urls: [bare('voorbeeldstad.example/a')] }) },
    { name: 'passes with only paper forms', refs: refs({ forms: [{ kind: 'paper-form', text: 'het formulier bij deze brief', location: at(1) }] }) },
    { name: 'passes when a placeholder holds the place', refs: refs({ forms: [online], placeholders: [{ printed: '{{ url }}', inUrl: true, location: at(5) }] }) },
  ],
  invalid: [
    {
      name: 'flags a letter that sends readers online without a visible address',
      refs: refs({ forms: [online] }),
      errors: [{ en: 'The letter sends readers online (“vul het formulier in op onze website”) but prints no web address.', location: at(5, 3) }],
    },
    {
      name: 'names an invisible web link, and asks for a short address instead of its long target',
      refs: refs({
        forms: [{ kind: 'login', text: 'Log in met', location: at(2), online: true, url: 1 }],
        urls: [linked('checklist', 'checklist-pagina', 1, false), linked('klik hier', LONG, 2, false)],
      }),
      errors: [
        {
          en: 'The letter sends readers online (“Log in met”) but prints no web address. The link “klik hier” is invisible on paper.',
          hint: { en: 'Print a short address that leads to the page, for example voorbeeldstad.example/afvalpas-aanvragen (and have it redirect), not the long address behind the link.' },
        },
      ],
    },
    {
      name: 'a letterhead or home page does not serve a form',
      refs: refs({ forms: [online], urls: [footer] }),
      errors: [{ en: 'The letter sends readers online (“vul het formulier in op onze website”) but prints no web address.' }],
    },
  ],
});

ruleTester(placeholderUrl).run({
  valid: [{ name: 'a placeholder that is no address', refs: refs({ placeholders: [{ printed: '{{ naam }}', inUrl: false, location: at(1) }] }) }],
  invalid: [
    {
      name: 'flags placeholders in or instead of a URL only',
      refs: refs({
        placeholders: [
          { printed: '<URL VRAGENLIJST>', inUrl: true, location: at(7, 12) },
          { printed: '{{ naam }}', inUrl: false, location: at(1) },
        ],
      }),
      errors: [{ nl: 'Placeholder <URL VRAGENLIJST> staat waar een webadres hoort: vul het echte adres in voordat de brief verstuurd wordt.', location: at(7, 12) }],
    },
  ],
});

ruleTester(invalidMetadata).run({
  valid: [
    // YAML reads a bare 1.250 as the number 1.25: only the quoted form keeps the Dutch thousands dot.
    { name: 'reads Dutch long dates and a quoted count with a thousands dot', path: 'brief.md', text: "---\nmailingDate: 1 maart 2027\nrecipients: '1.250'\n---\n\nTekst\n" },
  ],
  invalid: [
    {
      name: 'reports a mailing date or count it cannot read',
      path: 'brief.md',
      text: '---\nverzenddatum: begin maart\noplage: veel\n---\n\nTekst\n',
      errors: [
        { en: 'verzenddatum “begin maart” is not a date brieflint can read: write YYYY-MM-DD (e.g. 2027-03-01). Without a mailing date the KCC briefing is checked against today.', location: null },
        { en: 'oplage “veel” is not a count: write a number, e.g. 1250.', location: null },
      ],
    },
    {
      name: 'a bare 1.250 is read as 1.25, not a count',
      path: 'brief.md',
      text: '---\nrecipients: 1.250\n---\n\nTekst\n',
      errors: [{ nl: 'recipients “1.25” is geen aantal: schrijf een getal, bijv. 1250.' }],
    },
  ],
});

describe('invalid-metadata: what the reader makes of the front matter', () => {
  it('an unreadable date is no date; Dutch long dates and quoted counts are read', () => {
    expect(readMarkdown('brief.md', Buffer.from('---\nverzenddatum: begin maart\noplage: veel\n---\n\nTekst\n')).meta.mailingDate).toBeUndefined();
    expect(readMarkdown('brief.md', Buffer.from("---\nmailingDate: 1 maart 2027\nrecipients: '1.250'\n---\n\nTekst\n")).meta).toMatchObject({ mailingDate: '2027-03-01', recipients: 1250 });
  });
});

ruleTester(trackedChanges).run({
  valid: [{ name: 'a letter without tracked changes', letter: letter() }],
  invalid: [
    {
      name: 'one warning for the letter, counting insertions and deletions',
      letter: letter({ format: 'docx', trackedChanges: { insertions: 2, deletions: 1 } }),
      errors: [
        {
          nl: 'Het document bevat 3 niet-verwerkte wijzigingen (2 toegevoegd, 1 verwijderd). brieflint heeft de tekst gelezen alsof alles is geaccepteerd; wat verstuurd wordt kan anders zijn.',
          en: 'The document holds 3 tracked changes (2 inserted, 1 deleted). brieflint read the text as if all were accepted; what is mailed may differ.',
          location: null,
          hint: { en: 'Accept or reject every change (Review › Accept › Accept All Changes) and check the letter again.' },
        },
      ],
    },
    {
      name: 'one change is one "wijziging"',
      letter: letter({ format: 'docx', trackedChanges: { insertions: 0, deletions: 1 } }),
      errors: [{ nl: contains('bevat 1 niet-verwerkte wijziging (0 toegevoegd, 1 verwijderd)'), en: contains('holds 1 tracked change (0 inserted, 1 deleted)') }],
    },
  ],
});
