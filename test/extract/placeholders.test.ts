import { describe, expect, it } from 'vitest';
import { findPlaceholders, findTemplateTags, urlishName } from '../../src/extract/placeholders.js';
import { findUrls } from '../../src/extract/urls.js';

const found = (text: string): Array<[string, boolean]> => findPlaceholders(text).map((p) => [p.printed, p.inUrl]);

describe('findPlaceholders: recognized forms', () => {
  it.each<[string, Array<[string, boolean]>]>([
    ['Beste {{ name }},', [['{{ name }}', false]]],
    ['{{key}} - {{value}}', [['{{key}}', false], ['{{value}}', false]]],
    ['Gemeld op: {{ signal.created_at|date:"DATETIME_FORMAT" }}', [['{{ signal.created_at|date:"DATETIME_FORMAT" }}', false]]],
    ['zaak {zaaknummer} van {ZAAKNUMMER}', [['{zaaknummer}', false], ['{ZAAKNUMMER}', false]]],
    ['Hallo ${voornaam}', [['${voornaam}', false]]],
    ['Geachte <heer> <mevrouw> <NAAM>,', [['<heer>', false], ['<mevrouw>', false], ['<NAAM>', false]]],
    ['bijlage <X>', [['<X>', false]]],
    ['onderzoeks<-/advies>bureau', [['<-/advies>', false]]],
    ['Gemeente [gemeentenaam]', [['[gemeentenaam]', false]]],
    ['uiterlijk op datum [vul datum in].', [['[vul datum in]', false]]],
    ['Geachte «Aanhef» «Naam»,', [['«Aanhef»', false], ['«Naam»', false]]],
    ['Geachte <<Naam>>,', [['<<Naam>>', false]]],
    ['Geachte [[Naam]],', [['[[Naam]]', false]]],
    ['Geachte MERGEFIELD Naam,', [['MERGEFIELD Naam', false]]],
    ['Geachte { MERGEFIELD Naam \\* MERGEFORMAT },', [['{ MERGEFIELD Naam \\* MERGEFORMAT }', false]]],
    ['Klik op deze url: \\[URL PROD omgeving]', [['[URL PROD omgeving]', true]]],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('reports offsets and the bare name', () => {
    const text = 'Ja: {{ positive_feedback_url }}';
    const [p] = findPlaceholders(text);
    expect(p).toMatchObject({ start: 4, end: 31, name: 'positive_feedback_url' });
    expect(text.slice(p.start, p.end)).toBe(p.printed);
    expect(findPlaceholders('<URL VRAGENLIJST>')[0].name).toBe('URL VRAGENLIJST');
    expect(findPlaceholders('{{ x|date:"j F Y" }}')[0].name).toBe('x');
  });
});

describe('findPlaceholders: not placeholders', () => {
  it.each<[string, string]>([
    ['HTML tags', '<p>Beste klant,</p><br/><strong>x</strong><a href="https://x.nl">x</a>'],
    ['HTML comment and doctype', '<!-- bron --> <!DOCTYPE html>'],
    ['autolinks', '<https://x.nl/a> <info@x.nl>'],
    ['comparison', 'a < b en c > d'],
    ['Markdown link', '[docs.signalen.org](https://docs.signalen.org/)'],
    ['Markdown image', '![Tevreden](happy.png)'],
    ['Markdown reference', '[tekst][1] en [1]: https://x.nl'],
    ['footnote / numbers', 'zie [1] en [^2] en [2]'],
    ['ellipsis', 'hij zei [...] en […]'],
    ['bracketed URL', '[www.x.nl] en «www.x.nl/a» en [zie x.nl/a]'],
    ['JSON / CSS', '{"a": 1} { color: red }'],
    ['template tags', '{% if address_text %}Hier{% endif %} {# opmerking #} {%  endif %}'],
  ])('%s', (_name, text) => {
    expect(found(text)).toEqual([]);
  });

  it('finds placeholders between template tags', () => {
    expect(found('{% if x %}{{ x }}{% endif %}')).toEqual([['{{ x }}', false]]);
  });
});

describe('findPlaceholders: inUrl', () => {
  it.each<[string, Array<[string, boolean]>]>([
    // by name
    ['{{ verification_url }}', [['{{ verification_url }}', true]]],
    ['via: {{shop_implementation_url}}.', [['{{shop_implementation_url}}', true]]],
    ['<URL VRAGENLIJST>', [['<URL VRAGENLIJST>', true]]],
    ['[link naar formulier]', [['[link naar formulier]', true]]],
    ['{websiteAdres}', [['{websiteAdres}', true]]],
    ['«adres-web»', [['«adres-web»', true]]],
    ['{{ my_signals_url }} en {{ signal_url }}', [['{{ my_signals_url }}', true], ['{{ signal_url }}', true]]],
    // by position
    ['https://[gemeentenaam].nl/afval', [['[gemeentenaam]', true]]],
    ['https://meldingen.[gemeentenaam].nl/assets/images/happy.png', [['[gemeentenaam]', true]]],
    ['ga naar [gemeentenaam].nl.', [['[gemeentenaam]', true]]],
    ['www.{gemeente}.nl/afval', [['{gemeente}', true]]],
    ['www.x.nl/{zaaknummer}', [['{zaaknummer}', true]]],
    ['https://x.nl/{{ id }}/status', [['{{ id }}', true]]],
    // not in a URL
    ['Gemeente [gemeentenaam].', [['[gemeentenaam]', false]]],
    ['dit is:{ZAAKNUMMER}</p>', [['{ZAAKNUMMER}', false]]],
    ['{datum}/{tijd}', [['{datum}', false], ['{tijd}', false]]],
    ['{{ emailaddress_sponsor }} {{phonenumber_sponsor}}', [['{{ emailaddress_sponsor }}', false], ['{{phonenumber_sponsor}}', false]]],
    ['Uw e-mailadres : {{ email  }}', [['{{ email  }}', false]]],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('never yields a URL where a placeholder is', () => {
    for (const t of ['https://[gemeentenaam].nl/afval', '[gemeentenaam].nl', 'www.{gemeente}.nl/afval', '{{ verification_url }}']) {
      expect(findUrls(t)).toEqual([]);
    }
  });
});

describe('urlishName', () => {
  it.each<[string, boolean]>([
    ['verification_url', true], ['URL VRAGENLIJST', true], ['shopImplementationUrl', true], ['link', true],
    ['website', true], ['adres-web', true], ['webadres', true], ['site', true], ['href', true],
    ['naam', false], ['emailaddress_sponsor', false], ['adres', false], ['security', false], ['gemeentenaam', false],
  ])('%s → %s', (name, expected) => {
    expect(urlishName(name)).toBe(expected);
  });
});

describe('findTemplateTags', () => {
  it('finds {% %} and {# #}', () => {
    const text = '{% if a %}x{%  endif %} {# c #}';
    expect(findTemplateTags(text).map((t) => text.slice(t.start, t.end))).toEqual(['{% if a %}', '{%  endif %}', '{# c #}']);
  });
});

describe('findPlaceholders: more template syntaxes', () => {
  it.each<[string, Array<[string, boolean]>]>([
    // Laravel/Blade translation parameters
    ['Ga naar :link om uw tegoed te bekijken.', [[':link', true]]],
    ['Beste :name, uw aanvraag voor :fund_name is binnen.', [[':name', false], [':fund_name', false]]],
    // Freemarker / JavaScript
    ['Bekijk de status op ${link}.', [['${link}', true]]],
    // mail merge and CMS tokens
    ['Vul het formulier in op %URL%.', [['%URL%', true]]],
    ['Beste %naam%,', [['%naam%', false]]],
    ['Vul het formulier in op <<URL>>.', [['<<URL>>', true]]],
    ['Bekijk uw zaak op «ZaakURL».', [['«ZaakURL»', true]]],
    ['Bekijk uw zaak op { MERGEFIELD ZaakURL }.', [['{ MERGEFIELD ZaakURL }', true]]],
    // Python %-format
    ['Wilt u later verder? Ga dan naar %(continue_url)s.', [['%(continue_url)s', true]]],
    // a template tag that prints an address
    ["Kies een nieuw wachtwoord op {% url 'password_reset_confirm' uidb64=uid token=token %}.", [["{% url 'password_reset_confirm' uidb64=uid token=token %}", true]]],
    // a whole host after the scheme
    ['Kijk op https://{{ gemeente_domein }}/afvalkalender.', [['{{ gemeente_domein }}', true]]],
    // words in angle brackets, even after a tag name
    ['Ga dan naar <link naar de peiling>.', [['<link naar de peiling>', true]]],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('no placeholder: percentages, times, URL escapes, markup with attributes', () => {
    for (const text of ['50% korting en 20% extra', 'om 10:30 uur', 'https://x.nl/a%20b%E2%80%99c', 'Let op:de tekst', '<mj-button href="https://x.nl">Klik</mj-button>']) {
      expect(found(text)).toEqual([]);
    }
    expect(found('<mj-button href="{{ loginUrl }}">Inloggen</mj-button>')).toEqual([['{{ loginUrl }}', true]]);
  });

  it('a site name or a phone number is no address placeholder; a site name after "kijk op" stands where one belongs', () => {
    expect(findPlaceholders('Met vriendelijke groet,\n{{ site_name }}').map((p) => [p.printed, p.inUrl, p.role])).toEqual([['{{ site_name }}', false, 'other']]);
    expect(findPlaceholders('Bel {{ phone }} of {{ telefoonnummer }}.').map((p) => [p.inUrl, p.role])).toEqual([
      [false, 'phone'],
      [false, 'phone'],
    ]);
    expect(findPlaceholders('Mail naar {{ email }}.').map((p) => p.role)).toEqual(['email']);
  });
});
