// Which OECD National Contact Point a complaint goes to, routed as the Procedural Guidance does:
// a specific instance is generally dealt with by the NCP of the state where the issue arose; when
// that state does not adhere, by the NCP of the enterprise's home state (or of the parent or
// subsidiary involved). Being present in a state does not make its NCP the route. All 51
// adherents are in resources/kb/oecd-adherents.json, so a state missing from it does not adhere
// (as of the list's date).
import type { NcpRoute, OecdRouting } from '@shared/api/plans';
import type { NcpPracticeFile, OecdAdherentsFile } from './ncp-sources';

export interface RoutingQuestion {
  /** The company's headquarters ('' when unknown). */
  hqCountry: string;
  /** Where the harm happened. */
  harmCountries: string[];
  /** Other states where the company operates. */
  operatingCountries: string[];
  /** Home states of a subsidiary or parent involved. */
  entityCountries: string[];
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
const unique = (codes: string[]): string[] => [...new Set(codes.map((c) => c.toUpperCase()).filter(Boolean))];
const possessive = (name: string) => `${name}${name.endsWith('s') ? '’' : '’s'}`;

export function routeOecdComplaint(adherents: OecdAdherentsFile, practice: NcpPracticeFile, question: RoutingQuestion): OecdRouting {
  const adhering = new Set(adherents.adherents.map((a) => a.iso2));
  const hq = question.hqCountry.toUpperCase();
  const harm = unique(question.harmCountries);
  const entities = unique(question.entityCountries).filter((c) => c !== hq);
  const operating = unique(question.operatingCountries).filter((c) => !harm.includes(c) && c !== hq && !entities.includes(c));
  const base = { general: practice.general.facts, adherentsAsOf: adherents.asOf };
  const route = (iso2: string, basis: NcpRoute['basis'], lead: boolean): NcpRoute => ncpRoute(practice, iso2, basis, lead);

  const notes: string[] = [];
  const operatingAdhering = operating.filter((c) => adhering.has(c));
  if (operatingAdhering.length > 0) {
    const names = list(operatingAdhering.map(countryName));
    notes.push(
      `The company also operates in ${names}, which ${operatingAdhering.length === 1 ? 'adheres' : 'adhere'}. That alone does not make ${operatingAdhering.length === 1 ? 'its' : 'their'} NCP the route: only if the harm arose there, or the entity involved is based there.`,
    );
  }

  const harmAdhering = harm.filter((c) => adhering.has(c));
  if (harmAdhering.length > 0) {
    const ncps = harmAdhering.map((c, i) => route(c, 'harm', i === 0));
    const homes = [hq, ...entities].filter((c) => c && adhering.has(c) && !harmAdhering.includes(c));
    for (const home of homes) ncps.push(route(home, home === hq ? 'home' : 'entity', false));
    const names = list(harmAdhering.map(countryName));
    if (homes.length > 0) notes.push(`The home-state NCP (${list(homes.map(countryName))}) can support the lead NCP; tell each NCP if you write to more than one.`);
    if (harmAdhering.length > 1) notes.push('Where the harm arose in several adhering states, the NCPs consult and agree which one leads.');
    return {
      ...base,
      status: 'routed',
      ncps,
      notes,
      offerStep: true,
      sentence: `The harm happened in ${names}, which ${harmAdhering.length === 1 ? 'adheres' : 'adhere'} to the OECD Guidelines: a complaint normally goes to the NCP of the state where the issue arose, so ${possessive(countryName(harmAdhering[0]!))} NCP would lead.`,
    };
  }

  const homes = [hq, ...entities].filter((c) => c && adhering.has(c));
  const notAdheringHarm = harm.filter((c) => !adhering.has(c));
  const harmClause =
    notAdheringHarm.length > 0
      ? `${list(notAdheringHarm.map(countryName))}, where the harm happened, ${notAdheringHarm.length === 1 ? 'does' : 'do'} not adhere to the OECD Guidelines`
      : 'You have not said where the harm happened';
  if (homes.length > 0) {
    const ncps = homes.map((c, i) => route(c, c === hq ? 'home' : 'entity', i === 0));
    const homeNames = list(homes.map(countryName));
    const lead = countryName(homes[0]!);
    if (harm.length === 0) notes.push('If the harm happened in a state that adheres, that state’s NCP would normally lead instead: add where the harm happened.');
    if (homes.length > 1) notes.push('Where more than one NCP could take the case, they consult and agree which one leads.');
    return {
      ...base,
      status: 'routed',
      ncps,
      notes,
      offerStep: true,
      sentence:
        harm.length === 0
          ? `${homeNames}, the enterprise’s home state, ${homes.length === 1 ? 'adheres' : 'adhere'} to the OECD Guidelines: ${possessive(lead)} NCP can take a complaint wherever the harm happened, unless the harm arose in another adhering state.`
          : `${harmClause}, so the complaint goes to the NCP of the enterprise’s home state: ${homes.length === 1 ? `${possessive(lead)} NCP` : `the NCPs of ${homeNames}`}.`,
    };
  }

  if (!hq && entities.length === 0) {
    return {
      ...base,
      status: 'need-country',
      ncps: [],
      notes,
      offerStep: false,
      sentence: `${harmClause}. Add the company’s headquarters country (or that of the subsidiary or parent involved): if it adheres, its NCP can take the complaint.`,
    };
  }
  const homeNames = list([hq, ...entities].filter(Boolean).map(countryName));
  return {
    ...base,
    status: 'no-adherent',
    ncps: [],
    notes,
    offerStep: false,
    sentence: `${harmClause}, and neither does ${homeNames}, the home state of the enterprise involved. There is no NCP to take the complaint (adherents as of ${adherents.asOf}; check the OECD’s list, which can grow). Other routes in this plan remain open.`,
  };
}

function ncpRoute(practice: NcpPracticeFile, iso2: string, basis: NcpRoute['basis'], lead: boolean): NcpRoute {
  const known = practice.ncps.find((n) => n.iso2 === iso2);
  const country = countryName(iso2);
  if (known) return { iso2, country, basis, lead, name: known.name, website: known.website, facts: known.facts, practiceKnown: true, asOf: known.asOf, sources: known.sources };
  return {
    iso2,
    country,
    basis,
    lead,
    name: `National Contact Point of ${country}`,
    website: null,
    facts: [{ topic: 'host', text: 'Which ministry hosts it, whether it makes determinations, and its languages.', checked: false }],
    practiceKnown: false,
    asOf: practice.asOf,
    sources: practice.general.sources.filter((s) => s.kind === 'primary').slice(0, 1),
  };
}
