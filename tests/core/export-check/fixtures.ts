// One vault for the identity check on every export: a registered person (alias and phone), an
// unregistered third party named in a quotation, a diary entry and an attachment whose title and
// file name carry those names into the hash appendix.
import { expect } from 'vitest';
import type { IdentityDecision } from '@shared/api/identity';
import type { IdentityReview } from '@shared/api/export-identity';
import type { TestCore } from '../../helpers/core';

export const MINH = 'Nguyễn Văn Minh';
export const QUOTE = `My editor ${MINH} called me and said the page would be taken down.`;
export const LAN = { realName: 'Trần Thị Lan', pseudonym: 'Journalist L', alias: 'Lan Tran', phone: '+84 912 345 678', localPhone: '0912 345 678' };
export const REGISTERED_TEXT = `${LAN.alias} can be reached on ${LAN.localPhone}.`;
export const REPLACEMENT = '[Person A]';

export async function identityVault(t: TestCore) {
  const person = await t.call('people.save', { realName: LAN.realName, pseudonym: LAN.pseudonym, aliases: [LAN.alias], phones: [LAN.phone] });
  const company = await t.call('companies.save', { name: 'Example Platform', sector: 'social-media', hqCountry: 'US', policies: '', contacts: [] });
  const engagement = await t.call('engagements.save', {
    occurredAt: '2026-10-01T09:30:00.000Z',
    companyId: company.id,
    channel: 'call',
    title: `Call about ${MINH}`,
    concerns: [],
    commitments: [],
    notes: '',
  });
  const file = await t.call('attachments.add', {
    engagementId: engagement.id,
    name: `${LAN.alias} interview.csv`,
    type: 'text/csv',
    data: Buffer.from(`speaker,said\n${MINH},"${QUOTE}"\n`).toString('base64'),
  });
  return { person, company, engagement, file };
}

/** The flags whose matched text contains `text`. */
export const flagsFor = (review: IdentityReview, text: string) => review.flags.filter((f) => f.matched.includes(text) || f.label.includes(text));

/**
 * What a careful user decides: replace the unregistered name with "[Person A]", the registered
 * person with their pseudonym, the phone number with a placeholder, and everything else is fine.
 */
export function decideAll(review: IdentityReview): IdentityDecision[] {
  const decisions = new Map<string, IdentityDecision>();
  for (const flag of review.flags) {
    if (decisions.has(flag.key)) continue;
    if (flag.matched.includes(MINH)) decisions.set(flag.key, { key: flag.key, action: 'replace', replacement: REPLACEMENT });
    else if (flag.personId && /\d/.test(flag.matched)) decisions.set(flag.key, { key: flag.key, action: 'replace', replacement: '[phone number]' });
    else if (flag.personId) decisions.set(flag.key, { key: flag.key, action: 'replace', replacement: flag.suggestion });
    else decisions.set(flag.key, { key: flag.key, action: 'fine' });
  }
  return [...decisions.values()];
}

/** No trace of the names or the phone number, and the replacements in their place (Markdown escapes unescaped). */
export function expectClean(text: string) {
  const plain = text.replace(/\\([[\]])/g, '$1').replace(/\s+/g, ' ');
  expect(plain).not.toContain(MINH);
  expect(plain).not.toContain(LAN.alias);
  expect(plain).not.toContain(LAN.localPhone);
  expect(plain).toContain(REPLACEMENT);
  expect(plain).toContain(LAN.pseudonym);
}
