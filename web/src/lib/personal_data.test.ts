import { describe, expect, it } from 'vitest';
import { findPersonalData } from './personal_data';

describe('findPersonalData', () => {
  it('finds addresses, numbers, accounts and postcodes', () => {
    expect(findPersonalData('Mail ons op anna.devries@example.nl')).toEqual(['email']);
    expect(findPersonalData('Bel 06 1234 5678 of +31 20 765 4321')).toEqual(['phone']);
    expect(findPersonalData('Rekening NL91 ABNA 0417 1643 00')).toEqual(['iban']);
    expect(findPersonalData('Dorpsstraat 1, 3511 AB Utrecht')).toEqual(['postcode']);
    expect(findPersonalData('NL91ABNA0417164300 en jan@x.nl')).toEqual(['email', 'iban']);
  });

  it('leaves ordinary answers alone', () => {
    expect(findPersonalData('Sorry voor het wachten! We sturen u een DM.')).toEqual([]);
    expect(findPersonalData('Your order 2026-5512 ships on 14 December.')).toEqual([]);
    expect(findPersonalData('Open van 9 tot 17 uur, ook in week 52.')).toEqual([]);
  });
});
