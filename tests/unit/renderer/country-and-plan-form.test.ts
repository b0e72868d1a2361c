// The country picker's resolution (names in the UI language or English, or real codes; never a
// guessed code) and the plan form's reading of drafts an older version stored.
import { describe, expect, it } from 'vitest';
import { resolveCountry } from '../../../renderer/src/components/CountryPicker';
import { draftFromForm, formFromStoredDraft } from '../../../renderer/src/features/plans/plans/plan-form';

describe('resolving what the user typed into a country code', () => {
  it('takes names, with or without accents and in any case, and real codes', () => {
    expect(resolveCountry('Japan', 'en')).toBe('JP');
    expect(resolveCountry('  viet nam ', 'en')).toBeNull();
    expect(resolveCountry('Vietnam', 'en')).toBe('VN');
    expect(resolveCountry('united states', 'en')).toBe('US');
    expect(resolveCountry('Türkiye', 'en')).toBe('TR');
    expect(resolveCountry('turkiye', 'en')).toBe('TR');
    expect(resolveCountry('Japon', 'fr')).toBe('JP');
    expect(resolveCountry('Japan', 'fr')).toBe('JP');
    expect(resolveCountry('mm', 'en')).toBe('MM');
  });

  it('never stores a guessed code: "JA", "Japn" and "EU" are refused', () => {
    expect(resolveCountry('JA', 'en')).toBeNull();
    expect(resolveCountry('Japn', 'en')).toBeNull();
    expect(resolveCountry('EU', 'en')).toBeNull();
    expect(resolveCountry('', 'en')).toBeNull();
  });
});

describe('plan drafts stored by an older version', () => {
  it('reads the old comma-separated countries as where the harm happened, for the user to check', () => {
    const form = formFromStoredDraft({
      title: 'Old draft',
      objective: '',
      companyId: '',
      operatingCountries: 'vn, TH; xx',
      context: '',
      engagementIds: [],
      partners: [],
      steps: [{ id: 'a', stage: 'un', title: 'SR', mechanismId: '', status: 'planned', targetDate: '', trigger: '', triggerDate: '', outcome: '', engagementIds: [] }],
      principles: [],
      safety: [],
    });
    expect(form).toMatchObject({ harmCountries: ['VN', 'TH'], operatingCountries: [], countriesNeedReview: true, risk: { level: 'unknown' } });
    expect(form.steps[0]).toMatchObject({ startDate: '', mandates: [], exposureAcknowledged: null });
    expect(draftFromForm(form, undefined)).toMatchObject({ harmCountries: ['VN', 'TH'], steps: [{ startDate: null, mechanismId: null }] });
  });
});
