import { describe, expect, it } from 'vitest';
import prettyUrl, { suggestPrettyUrl } from '../../rules/pretty-url.js';
import linkTextMismatch from '../../rules/link-text-mismatch.js';
import invalidLinkTarget from '../../rules/invalid-link-target.js';
import missingUrl from '../../rules/missing-url.js';
import placeholderUrl from '../../rules/placeholder-url.js';
import { at, bare, config, linked, refs, runRule } from '../helpers.js';

const en = (reports: Array<{ message: { en: string } }>) => reports.map((r) => r.message.en);

describe('pretty-url', () => {
  it('passes a short own-domain address and allowed government domains', () => {
    const r = refs({ urls: [bare('voorbeeldstad.example/afval'), bare('www.digid.nl'), bare('https://mijn.voorbeeldstad.example/afval')] });
    expect(runRule(prettyUrl, r)).toEqual([]);
  });

  it.each([
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
  ])('flags %s: %s', (printed, problem) => {
    const [report] = runRule(prettyUrl, refs({ urls: [bare(printed, 4, 7)] }));
    expect(report.message.en).toContain(problem);
    expect(report.location).toEqual(at(4, 7));
    expect(report.url).toBe(bare(printed).href);
  });

  it('names every failing criterion in one message, in Dutch too, with a suggestion', () => {
    const long = 'https://www.voorbeeldstad.example/Content/Afval/Afvalpas_Aanvragen.aspx?id=4711';
    const [report] = runRule(prettyUrl, refs({ urls: [bare(long)] }));
    expect(report.message.nl).toBe(
      `${long} is niet makkelijk over te typen: te lang (71 tekens, max 40), hoofdletters, 3 padniveaus (max 2), een querystring (?…), een bestandsextensie (.aspx), een underscore (_). Gebruik een kort adres, bijvoorbeeld voorbeeldstad.example/afvalpas-aanvragen.`,
    );
  });

  it('judges the printed link text, not the hidden target', () => {
    const r = refs({ urls: [linked('voorbeeldstad.example/afspraak', 'https://voorbeeldstad.example/afspraak?bron=brief#balie')] });
    expect(runRule(prettyUrl, r)).toEqual([]);
    const ugly = refs({ urls: [linked('voorbeeldstad.example/Afspraak_Maken', 'https://voorbeeldstad.example/afspraak')] });
    expect(runRule(prettyUrl, ugly)[0].message.en).toContain('uppercase letters, an underscore (_)');
  });

  it('respects options and ignores hidden link targets', () => {
    expect(runRule(prettyUrl, refs({ urls: [bare('voorbeeldstad.example/kwijtschelding-aanvragen-nu')] }), { maxLength: 60 })).toEqual([]);
    expect(en(runRule(prettyUrl, refs({ urls: [bare('https://voorbeeldstad.example/afval')] }), { requireSchemeless: true }))[0]).toContain('printed with https://');
    expect(runRule(prettyUrl, refs({ urls: [linked('klik hier', 'https://x.example/Lang_Adres.aspx')] }))).toEqual([]);
  });

  it('skips the own-domain criterion while no domains are configured', () => {
    const cfg = config({ domains: [] });
    expect(runRule(prettyUrl, refs({ urls: [bare('andere-gemeente.example/afval')] }), {}, undefined, cfg)).toEqual([]);
  });

  it('suggests the last meaningful words on the own domain', () => {
    expect(suggestPrettyUrl('https://www.voorbeeldstad.example/pages/12/Kwijtschelding_Aanvragen.aspx', ['voorbeeldstad.example'])).toBe('voorbeeldstad.example/kwijtschelding-aanvragen');
    expect(suggestPrettyUrl('https://elders.example/Regeling.pdf', ['voorbeeldstad.example'])).toBe('voorbeeldstad.example/regeling');
    expect(suggestPrettyUrl('https://Waarstaatjegemeente.nl', ['voorbeeldstad.example'])).toBeUndefined();
  });

  it('does not count a capitalised host name as uppercase (host names are case-insensitive)', () => {
    expect(runRule(prettyUrl, refs({ urls: [bare('Voorbeeldstad.example/afval')] }))).toEqual([]);
    expect(runRule(prettyUrl, refs({ urls: [bare('www.digid.nl'), bare('Mijnoverheid.nl')] }))).toEqual([]);
  });
});

describe('link-text-mismatch', () => {
  it('flags link text that is an address other than the target', () => {
    const reports = runRule(linkTextMismatch, refs({ urls: [linked('voorbeeldstad.example/zonnepanelen', 'https://www.voorbeeldstad.example/subsidie-zon', 3)] }));
    expect(en(reports)).toEqual([
      'The link text voorbeeldstad.example/zonnepanelen points to a different address: https://www.voorbeeldstad.example/subsidie-zon. A reader of the printed letter types voorbeeldstad.example/zonnepanelen.',
    ]);
    expect(reports[0].location).toEqual(at(3));
  });

  it('ignores scheme, www., trailing slash, host case, and link text that is no address', () => {
    const r = refs({
      urls: [
        linked('Voorbeeldstad.example/afval', 'https://www.voorbeeldstad.example/afval/'),
        linked('klik hier', 'https://voorbeeldstad.example/iets-anders'),
      ],
    });
    expect(runRule(linkTextMismatch, r)).toEqual([]);
  });
});

describe('invalid-link-target', () => {
  it.each([
    ['aanvraagformulier.docx', 'a relative name instead of a full web address'],
    ['www.voorbeeldstad.example/afval', 'an address without https://'],
    ['%3e%20Vul%20in', 'pasted text instead of an address'],
    ['file:///C:/Users/jan/brief.docx', 'a file on somebody’s computer (file:)'],
    ['cid:image001.png@01D2', 'an embedded e-mail part (cid:)'],
    ['javascript:alert(1)', 'a javascript: address'],
    ['', 'an empty link target'],
  ])('flags %j', (href, reason) => {
    const [report] = runRule(invalidLinkTarget, refs({ urls: [linked('het formulier', href, 2, false)] }));
    expect(report.message.en).toContain(reason);
  });

  it('accepts full web addresses, in-document anchors, and ignores bare text', () => {
    const r = refs({ urls: [linked('formulier', 'https://voorbeeldstad.example/a'), linked('kopje', '#kopje'), bare('voorbeeldstad.example/b')] });
    expect(runRule(invalidLinkTarget, r)).toEqual([]);
  });
});

describe('missing-url', () => {
  const online = { kind: 'online-form' as const, text: 'vul het formulier in op onze website', location: at(5, 3) };

  it('flags a letter that sends readers online without a visible address', () => {
    const reports = runRule(missingUrl, refs({ forms: [online] }));
    expect(en(reports)).toEqual(['The letter sends readers online (“vul het formulier in op onze website”) but prints no web address.']);
    expect(reports[0].location).toEqual(at(5, 3));
  });

  it('names an invisible web link, and asks for a short address instead of its long target', () => {
    const login = { kind: 'login' as const, text: 'Log in met', location: at(2), online: true, url: 1 };
    const r = refs({
      forms: [login],
      urls: [linked('checklist', 'checklist-pagina', 1, false), linked('klik hier', 'https://voorbeeldstad.example/Content/Afval/Afvalpas_Aanvragen.aspx?id=4711', 2, false)],
    });
    const [report] = runRule(missingUrl, r);
    expect(report.message.en).toBe('The letter sends readers online (“Log in met”) but prints no web address. The link “klik hier” is invisible on paper.');
    expect(report.hint?.en).toBe('Print a short address that leads to the page, for example voorbeeldstad.example/afvalpas-aanvragen (and have it redirect), not the long address behind the link.');
    expect(report.hint?.en).not.toContain('Content/Afval');
  });

  it('a DigiD mention on its own sends nobody anywhere; a call that is not online neither', () => {
    expect(runRule(missingUrl, refs({ logins: [{ kind: 'digid', text: 'DigiD', location: at(2) }] }))).toEqual([]);
    expect(runRule(missingUrl, refs({ forms: [{ kind: 'appointment', text: 'Maak een afspraak', location: at(2), online: false }] }))).toEqual([]);
  });

  it('a letterhead or home page serves a look-it-up call, not a form', () => {
    const footer = { ...bare('www.voorbeeldstad.example'), location: { line: 1, column: 1, part: 'footer' as const } };
    const look = { kind: 'website' as const, text: 'Kijk op onze website', location: at(3), online: true };
    expect(runRule(missingUrl, refs({ forms: [look], urls: [footer] }))).toEqual([]);
    expect(en(runRule(missingUrl, refs({ forms: [online], urls: [footer] })))).toEqual([
      'The letter sends readers online (“vul het formulier in op onze website”) but prints no web address.',
    ]);
  });

  it('passes with a visible address, with only paper forms, or when a placeholder holds the place', () => {
    expect(runRule(missingUrl, refs({ forms: [online], urls: [bare('voorbeeldstad.example/a')] }))).toEqual([]);
    expect(runRule(missingUrl, refs({ forms: [{ kind: 'paper-form', text: 'het formulier bij deze brief', location: at(1) }] }))).toEqual([]);
    expect(runRule(missingUrl, refs({ forms: [online], placeholders: [{ printed: '{{ url }}', inUrl: true, location: at(5) }] }))).toEqual([]);
  });
});

describe('placeholder-url', () => {
  it('flags placeholders in or instead of a URL only', () => {
    const r = refs({
      placeholders: [
        { printed: '<URL VRAGENLIJST>', inUrl: true, location: at(7, 12) },
        { printed: '{{ naam }}', inUrl: false, location: at(1) },
      ],
    });
    const reports = runRule(placeholderUrl, r);
    expect(reports.map((x) => [x.message.nl, x.location])).toEqual([
      ['Placeholder <URL VRAGENLIJST> staat waar een webadres hoort: vul het echte adres in voordat de brief verstuurd wordt.', at(7, 12)],
    ]);
  });
});

describe('invalid-metadata', () => {
  it('reports a mailing date or count it cannot read, and reads Dutch long dates', async () => {
    const { readMarkdown } = await import('../../src/letters/markdown.js');
    const invalidMetadata = (await import('../../rules/invalid-metadata.js')).default;
    const l = readMarkdown('brief.md', Buffer.from('---\nverzenddatum: begin maart\noplage: veel\n---\n\nTekst\n'));
    expect(l.meta.mailingDate).toBeUndefined();
    const reports = runRule(invalidMetadata, refs(), {}, l);
    expect(reports.map((r) => r.message.en)).toEqual([
      'verzenddatum “begin maart” is not a date brieflint can read: write YYYY-MM-DD (e.g. 2027-03-01). Without a mailing date the KCC briefing is checked against today.',
      'oplage “veel” is not a count: write a number, e.g. 1250.',
    ]);
    // YAML reads a bare 1.250 as the number 1.25: only the quoted form keeps the Dutch thousands dot.
    const ok = readMarkdown('brief.md', Buffer.from("---\nmailingDate: 1 maart 2027\nrecipients: '1.250'\n---\n\nTekst\n"));
    expect(ok.meta).toMatchObject({ mailingDate: '2027-03-01', recipients: 1250 });
    expect(runRule(invalidMetadata, refs(), {}, ok)).toEqual([]);
    const float = readMarkdown('brief.md', Buffer.from('---\nrecipients: 1.250\n---\n\nTekst\n'));
    expect(runRule(invalidMetadata, refs(), {}, float)[0].message.nl).toBe('recipients “1.25” is geen aantal: schrijf een getal, bijv. 1250.');
  });
});
