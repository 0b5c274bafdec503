import { describe, expect, it } from 'vitest';
import { findFormMentions, findLogins } from '../../src/extract/mentions.js';

const mentions = (text: string): Array<[string, string]> => findFormMentions(text).map((m) => [m.kind, m.text]);

describe('findFormMentions', () => {
  it.each<[string, Array<[string, string]>]>([
    // online-form
    ['Vul het formulier in op onze website.', [['online-form', 'Vul het formulier in op'], ['website', 'op onze website']]],
    ['Gebruik het online formulier.', [['online-form', 'online formulier']]],
    ['Gebruik het online-formulier.', [['online-form', 'online-formulier']]],
    ['het online meldformulier op meldingen.amsterdam.nl', [['online-form', 'online meldformulier']]],
    ['Vul het digitale formulier in.', [['online-form', 'digitale formulier']]],
    ['Dat kan via het formulier op www.x.nl.', [['online-form', 'via het formulier op']]],
    ['via ons webformulier of het contactformulier', [['online-form', 'webformulier'], ['online-form', 'contactformulier']]],
    ['Please fill in the form at www.x.nl or use the online form.', [['online-form', 'fill in the form at'], ['online-form', 'online form']]],
    // online-application
    ['U kunt dit digitaal aanvragen.', [['online-application', 'digitaal aanvragen']]],
    ['Vraag uw parkeervergunning online aan.', [['online-application', 'Vraag uw parkeervergunning online aan']]],
    ['U kunt kwijtschelding aanvragen via www.x.nl.', [['online-application', 'aanvragen via']]],
    ['Vraag kwijtschelding aan op voorbeeldstad.example/kwijtschelding.', [['online-application', 'Vraag kwijtschelding aan op']]],
    ['Vraag uw nieuwe pas aan via de website.', [['online-application', 'Vraag uw nieuwe pas aan via'], ['website', 'via de website']]],
    ['om een vergunningsaanvraag op digitale wijze te doen', [['online-application', 'op digitale wijze']]],
    ['En het kan ook online via www.woonloket.nl.', [['online-application', 'het kan ook online']]],
    ['You can apply online.', [['online-application', 'apply online']]],
    // website
    ['Meer informatie via onze website.', [['website', 'via onze website']]],
    ['Dit staat op de website.', [['website', 'op de website']]],
    ['Kijk op www.x.nl.', [['website', 'Kijk op']]],
    ['Kijk voor meer informatie op www.x.nl.', [['website', 'Kijk voor meer informatie op']]],
    ['de vernieuwing van de gemeentelijke website', [['website', 'gemeentelijke website']]],
    ['naar onderstaande website te gaan', [['website', 'onderstaande website']]],
    ['More information on our website.', [['website', 'on our website']]],
    // portal
    ['Voor meer informatie gaat u naar Mijn Loket.', [['portal', 'Mijn Loket']]],
    ['Log in op MijnGemeente.', [['portal', 'MijnGemeente']]],
    ['Uw bericht staat in MijnOverheid en Mijn Overheid.', [['portal', 'MijnOverheid'], ['portal', 'Mijn Overheid']]],
    ['Log in op mijn.voorbeeldstad.example.', [['portal', 'mijn.voorbeeldstad.example']]],
    ['via ons digitale loket', [['portal', 'ons digitale loket']]],
    ['in Mijn Belastingen', [['portal', 'Mijn Belastingen']]],
    ['through the customer portal', [['portal', 'customer portal']]],
    // paper-form
    ['Gebruik het formulier bij deze brief.', [['paper-form', 'het formulier bij deze brief']]],
    ['Dat kan met het formulier dat bij deze brief zit.', [['paper-form', 'het formulier dat bij deze brief']]],
    ['U vindt het in de bijlage.', [['paper-form', 'in de bijlage']]],
    ['Stuur het bijgevoegde formulier terug.', [['paper-form', 'bijgevoegde formulier']]],
    ['Vul het antwoordformulier in en gebruik de retourenvelop.', [['paper-form', 'antwoordformulier'], ['paper-form', 'retourenvelop']]],
    ['Return the enclosed form in the reply envelope.', [['paper-form', 'enclosed form'], ['paper-form', 'reply envelope']]],
  ])('%j', (text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['prose', 'Wij hebben uw melding ontvangen en gaan ermee aan de slag.'],
    ['lowercase "mijn"', 'Dat is mijn gemeente en mijn loketje.'],
    ['"formulier" alone', 'Het formulier is ontvangen.'],
    ['"formal"', 'a formal online formality'],
    ['"website" without via/op', 'Een website is fijn.'],
  ])('none: %s', (_name, text) => {
    expect(mentions(text)).toEqual([]);
  });

  it('matches across a line break and reports offsets', () => {
    const text = 'Vul het formulier\nin op de site.';
    const [m] = findFormMentions(text);
    expect(m).toMatchObject({ kind: 'online-form', start: 0 });
    expect(text.slice(m.start, m.end)).toBe('Vul het formulier\nin op');
  });
});

describe('findLogins', () => {
  it.each<[string, Array<[string, string]>]>([
    ['Log in met DigiD.', [['digid', 'DigiD']]],
    ['log in met digid of DIGID', [['digid', 'digid'], ['digid', 'DIGID']]],
    ['met de DigiD-app', [['digid', 'DigiD-app']]],
    ['met de DigiD app', [['digid', 'DigiD app']]],
    ['uw DigiD-machtiging', [['digid', 'DigiD']]],
    ['Ondernemers gebruiken eHerkenning of e-Herkenning.', [['eherkenning', 'eHerkenning'], ['eherkenning', 'e-Herkenning']]],
    ['Vanuit het buitenland met eIDAS.', [['eidas', 'eIDAS']]],
  ])('%j', (text, expected) => {
    expect(findLogins(text).map((l) => [l.kind, l.text])).toEqual(expected);
  });

  it.each(['zie www.digid.nl', 'https://mijn.digid.nl/x', 'digidentity', 'info@digid.nl'])('not in %j', (text) => {
    expect(findLogins(text)).toEqual([]);
  });
});

describe('findFormMentions: compound form names', () => {
  it('widens "formulier … bij deze brief" over the compound and the article', () => {
    expect(mentions('Stuur het aanvraagformulier dat bij deze brief zit terug.')).toEqual([
      ['paper-form', 'het aanvraagformulier dat bij deze brief'],
    ]);
    expect(mentions('Aanvraagformulier in de envelop.')).toEqual([['paper-form', 'Aanvraagformulier in de envelop']]);
  });
});
