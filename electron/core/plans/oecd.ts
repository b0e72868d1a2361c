// Which OECD National Contact Point a complaint goes to, routed as the Procedural Guidance does:
// a specific instance is generally dealt with by the NCP of the state where the issue arose; when
// that state does not adhere, by the NCP of the enterprise's home state (or of the parent or
// subsidiary involved). Being present in a state does not make its NCP the route. All 51
// adherents are in resources/kb/oecd-adherents.json, so a state missing from it does not adhere
// (as of the list's date).
import type { NcpFact, NcpRoute, OecdRouting } from '@shared/api/plans';
import { exportLabels, type Labels } from '../exports/labels';
import type { NcpPracticeFile, NcpPracticeTranslation, OecdAdherentsFile } from './ncp-sources';

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

const regionNames = new Map<string, Intl.DisplayNames>();
/** A country's name in a label language (English by default), or its code when ICU has no name. */
export const countryName = (iso2: string, language = 'en'): string => {
  try {
    let names = regionNames.get(language);
    if (!names) regionNames.set(language, (names = new Intl.DisplayNames([language], { type: 'region' })));
    return names.of(iso2) ?? iso2;
  } catch {
    return iso2;
  }
};

// British English lists ("A, B and C") as the English sentences always read; other languages their own.
const lists = (l: Labels) => new Intl.ListFormat(l.language === 'en' ? 'en-GB' : l.language, { type: 'conjunction' });
const unique = (codes: string[]): string[] => [...new Set(codes.map((c) => c.toUpperCase()).filter(Boolean))];

/**
 * The route in the given locale's language (English by default): the sentences, the notes and the
 * country names from the labels; the NCPs' names and practice notes from `translated` (the notes in
 * that language) where it has them, else the English as researched, marked as such.
 */
export function routeOecdComplaint(
  adherents: OecdAdherentsFile,
  practice: NcpPracticeFile,
  question: RoutingQuestion,
  locale?: string,
  translated: NcpPracticeTranslation | null = null,
): OecdRouting {
  const l = exportLabels(locale);
  // Notes in another language than the labels' would mix two languages in one panel.
  const texts = translated?.language === l.language ? translated : null;
  const routing = routeIn(adherents, practice, question, l, texts);
  // Said only when translated notes are actually shown: the general facts go with a route to an NCP.
  const shown = routing.ncps.some((n) => n.practiceKnown && n.inEnglish.length < 2) || (routing.ncps.length > 0 && texts?.general);
  return { ...routing, translation: texts && shown ? { language: texts.language, reviewed: texts.reviewed, outdated: texts.outdated } : null };
}

function routeIn(adherents: OecdAdherentsFile, practice: NcpPracticeFile, question: RoutingQuestion, l: Labels, texts: NcpPracticeTranslation | null): Omit<OecdRouting, 'translation'> {
  const country = (iso2: string) => countryName(iso2, l.language);
  const list = (codes: string[]) => lists(l).format(codes.map(country));
  const ncpOf = (iso2: string) => l('oecd.ncpOf', { country: country(iso2), context: country(iso2).endsWith('s') ? 'endsInS' : '' });
  const adhering = new Set(adherents.adherents.map((a) => a.iso2));
  const hq = question.hqCountry.toUpperCase();
  const harm = unique(question.harmCountries);
  const entities = unique(question.entityCountries).filter((c) => c !== hq);
  const operating = unique(question.operatingCountries).filter((c) => !harm.includes(c) && c !== hq && !entities.includes(c));
  const general = inLanguage(practice.general.facts, texts?.general ?? null);
  const base = {
    general: general.facts,
    generalInEnglish: l.language !== 'en' && !general.translated,
    adherentsAsOf: adherents.asOf,
  };
  const route = (iso2: string, basis: NcpRoute['basis'], lead: boolean): NcpRoute => ncpRoute(practice, iso2, basis, lead, l, texts);

  const notes: string[] = [];
  const operatingAdhering = operating.filter((c) => adhering.has(c));
  if (operatingAdhering.length > 0) notes.push(l('oecd.operatingNote', { names: list(operatingAdhering), count: operatingAdhering.length }));

  const harmAdhering = harm.filter((c) => adhering.has(c));
  if (harmAdhering.length > 0) {
    const ncps = harmAdhering.map((c, i) => route(c, 'harm', i === 0));
    const homes = [hq, ...entities].filter((c) => c && adhering.has(c) && !harmAdhering.includes(c));
    for (const home of homes) ncps.push(route(home, home === hq ? 'home' : 'entity', false));
    if (homes.length > 0) notes.push(l('oecd.homeSupports', { names: list(homes) }));
    if (harmAdhering.length > 1) notes.push(l('oecd.severalHarmStates'));
    return {
      ...base,
      status: 'routed',
      ncps,
      notes,
      offerStep: true,
      sentence: l('oecd.harmRouted', { names: list(harmAdhering), count: harmAdhering.length, lead: ncpOf(harmAdhering[0]!) }),
    };
  }

  const homes = [hq, ...entities].filter((c) => c && adhering.has(c));
  const notAdheringHarm = harm.filter((c) => !adhering.has(c));
  const harmClause = notAdheringHarm.length > 0 ? l('oecd.harmNotAdhering', { names: list(notAdheringHarm), count: notAdheringHarm.length }) : l('oecd.harmUnknown');
  if (homes.length > 0) {
    const ncps = homes.map((c, i) => route(c, c === hq ? 'home' : 'entity', i === 0));
    if (harm.length === 0) notes.push(l('oecd.addHarmNote'));
    if (homes.length > 1) notes.push(l('oecd.severalHomes'));
    return {
      ...base,
      status: 'routed',
      ncps,
      notes,
      offerStep: true,
      sentence:
        harm.length === 0
          ? l('oecd.homeOnly', { names: list(homes), count: homes.length, lead: ncpOf(homes[0]!) })
          : l('oecd.homeRoute', { harmClause, ncps: homes.length === 1 ? ncpOf(homes[0]!) : l('oecd.ncpsOf', { names: list(homes) }) }),
    };
  }

  if (!hq && entities.length === 0) {
    return { ...base, status: 'need-country', ncps: [], notes, offerStep: false, sentence: l('oecd.needCountry', { harmClause }) };
  }
  return {
    ...base,
    status: 'no-adherent',
    ncps: [],
    notes,
    offerStep: false,
    sentence: l('oecd.noAdherent', { harmClause, names: list([hq, ...entities].filter(Boolean)), date: adherents.asOf }),
  };
}

/** The facts with their text in the language where translated (topic and "to be checked" stay the English's). */
function inLanguage(facts: NcpFact[], texts: string[] | null): { facts: NcpFact[]; translated: boolean } {
  // The build refuses a list of another length; a mismatch here would only mean an older knowledge base.
  if (!texts || texts.length !== facts.length) return { facts, translated: false };
  return { facts: facts.map((fact, i) => ({ ...fact, text: texts[i]! })), translated: true };
}

function ncpRoute(practice: NcpPracticeFile, iso2: string, basis: NcpRoute['basis'], lead: boolean, l: Labels, texts: NcpPracticeTranslation | null): NcpRoute {
  const known = practice.ncps.find((n) => n.iso2 === iso2);
  const country = countryName(iso2, l.language);
  if (known) {
    const own = texts?.ncps[iso2];
    const facts = inLanguage(known.facts, own?.facts ?? null);
    const name = own?.name ?? null;
    const inEnglish: NcpRoute['inEnglish'] =
      l.language === 'en' ? [] : [...(name === null ? ['name' as const] : []), ...(facts.translated ? [] : ['facts' as const])];
    return {
      iso2,
      country,
      basis,
      lead,
      name: name ?? known.name,
      // Beside a translated name, unless the translation already holds it ("NCP นอร์เวย์ (NCP Norway)").
      nameInEnglish: name === null || name.includes(known.name) ? null : known.name,
      website: known.website,
      facts: facts.facts,
      inEnglish,
      practiceKnown: true,
      asOf: known.asOf,
      sources: known.sources,
    };
  }
  return {
    iso2,
    country,
    basis,
    lead,
    name: l('oecd.unknownNcp', { country }),
    nameInEnglish: null,
    website: null,
    facts: [{ topic: 'host', text: l('oecd.unknownNcpFact'), checked: false }],
    inEnglish: [],
    practiceKnown: false,
    asOf: practice.asOf,
    sources: practice.general.sources.filter((s) => s.kind === 'primary').slice(0, 1),
  };
}
