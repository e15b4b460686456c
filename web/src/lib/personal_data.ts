// What in a text looks like someone's personal data: before a public answer
// (a social media post, a forum) goes out, the composer names what it found
// so the agent moves it to a private channel. Deliberately eager: a false
// alarm costs a click, a leak cannot be taken back.

export type PersonalDataKind = 'email' | 'phone' | 'iban' | 'postcode';

const patterns: [PersonalDataKind, RegExp][] = [
  ['email', /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/],
  // IBAN: two letters, two digits, then 11 to 30 letters and digits (spaces allowed in groups of four).
  ['iban', /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/],
  // A phone number: a + or 0 and at least 8 more digits, with spaces, dashes or dots between.
  ['phone', /(?:\+|\b0)\d(?:[\s.-]?\d){7,13}\b/],
  // A Dutch postcode: 1234 AB.
  ['postcode', /\b[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}\b/],
];

/**
 * The kinds of personal data `text` seems to hold, in a fixed order. Each
 * match is blanked before the next kind is looked for, so the digits of an
 * account number do not also count as a phone number.
 */
export function findPersonalData(text: string): PersonalDataKind[] {
  const found: PersonalDataKind[] = [];
  let rest = text;
  for (const [kind, re] of patterns) {
    const all = new RegExp(re.source, 'g');
    if (all.test(rest)) {
      found.push(kind);
      rest = rest.replace(all, ' ');
    }
  }
  return found;
}
