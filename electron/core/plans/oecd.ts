// Is an OECD National Contact Point complaint open? Per the toolkit (recommendation 5) it is when
// the company is headquartered in, or operates in, a state adhering to the OECD Guidelines. Our
// directory lists only the adherents our research verified, so a state missing from it is "not
// recorded", never "does not adhere".
import type { OecdAdherence } from '@shared/api/plans';

export interface AdheringState {
  country: string;
  iso2: string;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
export const countryName = (iso2: string): string => {
  try {
    return regionNames.of(iso2) ?? iso2;
  } catch {
    return iso2;
  }
};

const list = (names: string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

export function oecdAdherence(adheringStates: AdheringState[], hqCountry: string, operatingCountries: string[]): OecdAdherence {
  const byCode = new Map(adheringStates.map((s) => [s.iso2.toUpperCase(), s.country]));
  const checked: Array<{ iso2: string; role: 'headquarters' | 'operations' }> = [];
  if (hqCountry) checked.push({ iso2: hqCountry.toUpperCase(), role: 'headquarters' });
  for (const code of operatingCountries) {
    const iso2 = code.toUpperCase();
    if (!checked.some((c) => c.iso2 === iso2)) checked.push({ iso2, role: 'operations' });
  }
  if (checked.length === 0) {
    return {
      status: 'no-country',
      adhering: [],
      notRecorded: [],
      offerStep: false,
      sentence:
        "Add the company's headquarters country, or a state where it operates, to see whether an OECD National Contact Point complaint may be open.",
    };
  }

  const adhering = checked.filter((c) => byCode.has(c.iso2)).map((c) => ({ country: byCode.get(c.iso2)!, iso2: c.iso2, role: c.role }));
  const notRecorded = checked.filter((c) => !byCode.has(c.iso2)).map((c) => c.iso2);
  if (adhering.length > 0) {
    const hq = adhering.find((a) => a.role === 'headquarters');
    const where = hq
      ? `${hq.country}, where the company has its headquarters, adheres`
      : `${list(adhering.map((a) => a.country))}, where the company operates, ${adhering.length === 1 ? 'adheres' : 'adhere'}`;
    return {
      status: 'adheres',
      adhering,
      notRecorded,
      offerStep: true,
      sentence: `${where} to the OECD Guidelines for Multinational Enterprises, according to our directory. A complaint to ${hq ? `${hq.country}'s` : 'that'} National Contact Point is a possible route, especially once voluntary dialogue has failed.`,
    };
  }
  const names = notRecorded.map(countryName);
  return {
    status: 'not-recorded',
    adhering: [],
    notRecorded,
    offerStep: false,
    sentence: `Our directory does not record ${list(names)} as adhering to the OECD Guidelines. That is not proof that ${names.length === 1 ? 'it does' : 'they do'} not adhere: the directory lists only the adherents our research verified (${list(adheringStates.map((s) => s.country))}). Check the OECD's list of adherents before planning an NCP complaint; if neither the home state nor a state where the harm happens adheres, there is no NCP to take it to.`,
  };
}
