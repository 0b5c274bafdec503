import { describe, expect, it } from 'vitest';
import { findPhones, normalizePhone } from '../../src/extract/phones.js';

const phones = (text: string): Array<[string, string]> => findPhones(text).map((p) => [p.printed, p.normalized]);

describe('findPhones: positives', () => {
  it.each<[string, Array<[string, string]>]>([
    ['bel 14 020', [['14 020', '14020']]],
    ['bel 14020 (op werkdagen)', [['14020', '14020']]],
    ['bel 14 0299.', [['14 0299', '140299']]],
    ['bel (0299) 452 452', [['(0299) 452 452', '0299452452']]],
    ['bellen met (0294) 491 391 (op werkdagen)', [['(0294) 491 391', '0294491391']]],
    ['telefoon 053 - 481 79 00', [['053 - 481 79 00', '0534817900']]],
    ['telefoon 020 – 337 17 10', [['020 – 337 17 10', '0203371710']]],
    ['Woonadvieslijn: 0800-123987.', [['0800-123987', '0800123987']]],
    ['0800 1234', [['0800 1234', '08001234']]],
    ['0900-1234', [['0900-1234', '09001234']]],
    ['088 123 45 67', [['088 123 45 67', '0881234567']]],
    ['085-1234567', [['085-1234567', '0851234567']]],
    ['06 12345678', [['06 12345678', '0612345678']]],
    ['06-12345678', [['06-12345678', '0612345678']]],
    ['0612345678', [['0612345678', '0612345678']]],
    ['+31 20 123 4567', [['+31 20 123 4567', '0201234567']]],
    ['+31 (0)20 123 4567', [['+31 (0)20 123 4567', '0201234567']]],
    ['+31 6 12345678', [['+31 6 12345678', '0612345678']]],
    ['0031 20 123 4567', [['0031 20 123 4567', '0201234567']]],
    ['+32 2 123 45 67', [['+32 2 123 45 67', '+3221234567']]],
    ['tel.: 020\u00a0123\u00a04567', [['020\u00a0123\u00a04567', '0201234567']]],
    ['Telefoon:0201234567', [['0201234567', '0201234567']]],
    ['14 020 of 020 123 4567', [['14 020', '14020'], ['020 123 4567', '0201234567']]],
    ['op 12-03-2027 020 123 4567', [['020 123 4567', '0201234567']]],
  ])('%j', (text, expected) => {
    expect(phones(text)).toEqual(expected);
  });

  it('reports offsets', () => {
    const text = 'Bel ons op (0299) 452 452.';
    const [p] = findPhones(text);
    expect(text.slice(p.start, p.end)).toBe('(0299) 452 452');
  });
});

describe('findPhones: negatives', () => {
  it.each<[string, string]>([
    ['date with hyphens', 'op 12-03-2027'],
    ['date starting with 0', 'op 01-03-2027'],
    ['date with slashes', 'op 01/03/2027'],
    ['date with dots', 'op 01.03.2027'],
    ['written date', 'Op 21 maart 2020 stuurde u'],
    ['amount', '€ 1.250,00 en 14.020 inwoners'],
    ['amount with spaces', 'een bedrag van € 0 800,00'],
    ['postcode', '1234 AB Voorbeeldstad'],
    ['postcode without space', '1402AB'],
    ['kenmerk', 'kenmerk Z-2027-000123'],
    ['kenmerk label', 'Ons kenmerk: 0123456789'],
    ['zaaknummer label', 'zaaknummer 0201234567'],
    ['BSN', 'BSN: 012345678'],
    ['IBAN', 'NL91 ABNA 0417 1643 00'],
    ['IBAN compact', 'NL91ABNA0417164300'],
    ['time with colon', 'tussen 08:00 en 18:00 uur'],
    ['time with dot', 'tussen 8.30 en 17.00 uur'],
    ['years and counts', 'gebouwd in 1963, voor 1973, binnen 8 weken, 14 dagen'],
    ['too short', 'bel 020 123'],
    ['too long', '020 123 45678'],
    ['starts 00 without country', '00 12 345 678'],
    ['glued to letters', 'ref0201234567 en 0201234567x'],
    ['version-like', 'v2.0201234567'],
    ['decimal after', '0201234567,50'],
    ['14 + not an area code', '14 123 en 14 dagen'],
  ])('%s', (_name, text) => {
    expect(phones(text)).toEqual([]);
  });
});

describe('normalizePhone', () => {
  it.each<[string, string]>([
    ['tel:+31201234567', '0201234567'],
    ['tel:+31-(0)20-123-4567', '0201234567'],
    ['tel:14020', '14020'],
    ['0031 20 123 4567', '0201234567'],
    ['+32 2 123 45 67', '+3221234567'],
    ['(0299) 452 452', '0299452452'],
  ])('%s → %s', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });
});
