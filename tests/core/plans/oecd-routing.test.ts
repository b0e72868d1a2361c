// OECD NCP routing against the shipped list of adherents and NCP notes: the NCP of the state where
// the issue arose when it adheres, otherwise the home state's; operating somewhere is not a route.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkNcpSources, NCP_PRACTICE, OECD_ADHERENTS } from '../../../electron/core/plans/ncp-sources';
import { routeOecdComplaint, type RoutingQuestion } from '../../../electron/core/plans/oecd';

const route = (hqCountry: string, harmCountries: string[], operatingCountries: string[] = [], entityCountries: string[] = []) =>
  routeOecdComplaint(OECD_ADHERENTS, NCP_PRACTICE, { hqCountry, harmCountries, operatingCountries, entityCountries } satisfies RoutingQuestion);
const named = (r: ReturnType<typeof route>) => r.ncps.map((n) => [n.iso2, n.basis, n.lead, n.name]);

describe('the list of adherents', () => {
  it('holds all 51 governments: the 38 OECD members and 13 others with their adherence dates', () => {
    expect(OECD_ADHERENTS.adherents).toHaveLength(51);
    expect(OECD_ADHERENTS.adherents.filter((a) => a.status === 'member')).toHaveLength(38);
    const others = OECD_ADHERENTS.adherents.filter((a) => a.status === 'non-member');
    expect(others.map((a) => a.iso2).sort()).toEqual(['AR', 'BG', 'BR', 'EG', 'HR', 'JO', 'KZ', 'MA', 'PE', 'RO', 'TN', 'UA', 'UY']);
    expect(others.find((a) => a.iso2 === 'KZ')).toMatchObject({ adheredOn: '2017-06-20' });
    for (const code of ['US', 'IE', 'NL', 'NO', 'SE', 'JP', 'KR', 'AU', 'NZ', 'CR']) expect(OECD_ADHERENTS.adherents.map((a) => a.iso2)).toContain(code);
    expect(OECD_ADHERENTS.sources[0]!.url).toBe('https://www.oecd.org/investment/mne/oecddeclarationanddecisions.htm');
  });

  it('is refused by the build when a code is duplicated, invented or the count is wrong', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ncp-sources-'));
    try {
      expect(checkNcpSources('resources/kb')).toEqual([]);
      const broken = { ...OECD_ADHERENTS, adherents: [...OECD_ADHERENTS.adherents, { iso2: 'JA', name: 'Japan', status: 'member' }, { iso2: 'US', name: 'United States', status: 'member' }] };
      fs.writeFileSync(path.join(dir, 'oecd-adherents.json'), JSON.stringify(broken));
      fs.writeFileSync(path.join(dir, 'ncps.json'), JSON.stringify({ ...NCP_PRACTICE, ncps: [...NCP_PRACTICE.ncps, { ...NCP_PRACTICE.ncps[0]!, iso2: 'VN' }] }));
      const problems = checkNcpSources(dir);
      expect(problems).toContain('oecd-adherents.json: US appears twice.');
      expect(problems).toContain('oecd-adherents.json: JA is not a country code.');
      expect(problems).toContain('oecd-adherents.json: lists 53 adherents but says the OECD counts 51.');
      expect(problems).toContain('ncps.json: VN has practice notes but is not in oecd-adherents.json.');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('routing a complaint to an NCP', () => {
  it('US platform, harm in Vietnam: the U.S. NCP, as home state, with its practice notes', () => {
    const r = route('US', ['VN']);
    expect(r).toMatchObject({ status: 'routed', offerStep: true });
    expect(named(r)).toEqual([['US', 'home', true, 'U.S. National Contact Point']]);
    expect(r.sentence).toContain('Vietnam, where the harm happened, does not adhere');
    expect(r.sentence).toContain('United States’ NCP');
    const us = r.ncps[0]!;
    expect(us.practiceKnown).toBe(true);
    expect(us.facts.find((f) => f.topic === 'host')).toMatchObject({ checked: true, text: expect.stringContaining('Department of State') });
    expect(us.facts.find((f) => f.topic === 'determinations')).toMatchObject({ checked: false });
    expect(us.sources.every((s) => s.url.startsWith('https://'))).toBe(true);
  });

  it('US company harming users in Thailand while operating in Australia: the U.S. NCP, not the Australian one', () => {
    const r = route('US', ['TH'], ['AU']);
    expect(named(r)).toEqual([['US', 'home', true, 'U.S. National Contact Point']]);
    expect(r.ncps.some((n) => n.iso2 === 'AU')).toBe(false);
    expect(r.notes.join(' ')).toContain('also operates in Australia');
  });

  it('Telenor (Norway) and Myanmar: NCP Norway', () => {
    const r = route('NO', ['MM']);
    expect(named(r)).toEqual([['NO', 'home', true, 'NCP Norway']]);
    expect(r.ncps[0]!.facts.map((f) => f.text).join(' ')).toContain('Telenor');
  });

  it('Japanese company, harm in Myanmar: the Japan NCP', () => {
    expect(named(route('JP', ['MM']))).toEqual([['JP', 'home', true, 'Japan National Contact Point']]);
  });

  it('Korean company, harm in Vietnam: the Korea NCP', () => {
    expect(named(route('KR', ['VN']))).toEqual([['KR', 'home', true, 'Korea National Contact Point (KNCP)']]);
  });

  it('Irish entity, harm in the Philippines: the Ireland NCP', () => {
    expect(named(route('IE', ['PH']))).toEqual([['IE', 'home', true, 'Ireland National Contact Point']]);
  });

  it('Chinese company, harm in Vietnam: no adherent, no NCP step, and the list date given', () => {
    const r = route('CN', ['VN']);
    expect(r).toMatchObject({ status: 'no-adherent', offerStep: false, ncps: [] });
    expect(r.sentence).toContain('China');
    expect(r.sentence).toContain(`adherents as of ${OECD_ADHERENTS.asOf}`);
  });

  it('harm in an adhering state: that state’s NCP leads, the home NCP supports', () => {
    const r = route('US', ['KR']);
    expect(named(r)).toEqual([
      ['KR', 'harm', true, 'Korea National Contact Point (KNCP)'],
      ['US', 'home', false, 'U.S. National Contact Point'],
    ]);
    expect(r.sentence).toContain('Korea');
    expect(r.sentence).toContain('where the issue arose');
  });

  it('Australian company, harm in Australia and Indonesia: AusNCP leads, with third-party filing noted', () => {
    const r = route('AU', ['ID', 'AU']);
    expect(named(r)).toEqual([['AU', 'harm', true, 'Australian National Contact Point for Responsible Business Conduct (AusNCP)']]);
    expect(r.ncps[0]!.facts.find((f) => f.topic === 'third-party')).toMatchObject({ checked: true });
  });

  it('Chinese parent with a Singapore subsidiary and a Dutch subsidiary involved, harm in Cambodia: the Dutch NCP', () => {
    const r = route('CN', ['KH'], ['SG'], ['NL']);
    expect(named(r)).toEqual([['NL', 'entity', true, 'Netherlands National Contact Point']]);
  });

  it('UK company, harm in Malaysia: the UK NCP, which examines and publishes', () => {
    const r = route('GB', ['MY']);
    expect(named(r)).toEqual([['GB', 'home', true, 'UK National Contact Point']]);
    expect(r.ncps[0]!.facts.find((f) => f.topic === 'publication')).toBeDefined();
  });

  it('Peruvian company (a non-member adherent): an NCP with no notes yet, everything to be checked', () => {
    const r = route('PE', ['VN']);
    expect(named(r)).toEqual([['PE', 'home', true, 'National Contact Point of Peru']]);
    expect(r.ncps[0]!).toMatchObject({ practiceKnown: false, facts: [{ checked: false }] });
  });

  it('no harm state given: the home NCP, with a note that a harm state that adheres would lead', () => {
    const r = route('US', []);
    expect(named(r)).toEqual([['US', 'home', true, 'U.S. National Contact Point']]);
    expect(r.notes.join(' ')).toContain('add where the harm happened');
  });

  it('no headquarters and no adhering harm state: asks for the home country', () => {
    expect(route('', ['VN'])).toMatchObject({ status: 'need-country', offerStep: false });
    expect(route('', [])).toMatchObject({ status: 'need-country', offerStep: false });
  });

  it('always carries the general notes: indicative timeline (to be checked) and publication', () => {
    const r = route('US', ['VN']);
    expect(r.general.find((f) => f.topic === 'timeline')).toMatchObject({ checked: false });
    expect(r.general.find((f) => f.topic === 'publication')).toMatchObject({ checked: true });
  });
});
