// The knowledge base at run time: reads the English toolkit from the compiled database at
// start-up and answers from memory. A translation's rows and a language's search passages are read
// the first time that language is needed, or by the warm-up in the background: decoding every
// language's text at start-up cost more than the rest of the start-up together.
import path from 'node:path';
import type {
  DatedFact,
  EntrySources,
  Framework,
  FrameworkTranslatableField,
  KbHit,
  KbHome,
  KbKind,
  Mechanism,
  MechanismEnglishField,
  MechanismSummary,
  Section,
  SectionSummary,
  TranslationInfo,
  TreatyStatus,
} from '@shared/api/kb';
import { KB_TRANSLATION_LANGUAGES } from '@shared/api/kb';
import { DomainError } from '../rpc/domain-error';
import type { FrameworkTranslation, NcpTranslation } from './compile/read-translations';
import { KbStore, type StoredMechanismTranslation, type StoredSection, type StoredSectionTranslation } from './kb-store';
import { KB_FILES, locateKb } from './locate';
import { KbSearcher } from './search/searcher';
import { storedPassages } from './stored-passages';
import type { EntrySources as SourceEntrySources, FrameworkSource, MechanismSource, TreatyStatusFile } from './source-schema';

const NOT_BUILT =
  'The knowledge base is missing from this copy of the app. Reinstall the app, or run "npm run build" if you are working from the source code.';

interface Loaded {
  search: KbSearcher;
  sections: StoredSection[];
  frameworks: FrameworkSource[];
  mechanisms: MechanismSource[];
  treatyStatus: TreatyStatusFile[];
  sectionLinks: Map<string, string[]>;
  home: KbHome;
}

/** One language's translations, keyed by entry id. */
interface Translations {
  sections: Map<string, StoredSectionTranslation>;
  mechanisms: Map<string, StoredMechanismTranslation>;
  frameworks: Map<string, FrameworkTranslation>;
  /** The OECD NCP practice notes, when translated. */
  ncp: NcpTranslation | null;
  /** Home's entry-point questions and Get started steps, when translated. */
  home: { questions: string[]; steps: string[] } | null;
}

const ENGLISH = 'en';
const infoOf = ({ language, reviewed, outdated }: TranslationInfo): TranslationInfo => ({ language, reviewed, outdated });

export class KbService {
  private readonly loaded: Loaded | null;
  /** Per translation language, once read. */
  private readonly translations = new Map<string, Translations>();

  /** dir: a folder holding kb.sqlite and index.json; null when none was found. */
  constructor(private readonly dir: string | null) {
    this.loaded = dir ? load(dir) : null;
  }

  static fromResources(resourcesDir: string): KbService {
    const service = new KbService(locateKb(resourcesDir));
    // In the background after start-up, so the first search a person makes is already fast.
    void service.warmUp();
    return service;
  }

  /**
   * Reads every translation (one language per turn of the event loop), then loads and exercises
   * the search index, without blocking; resolves when both are ready. Never rejects.
   */
  async warmUp(): Promise<void> {
    if (!this.loaded) return;
    for (const language of KB_TRANSLATION_LANGUAGES) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      try {
        this.translationsIn(language);
      } catch {
        // Reported by the read that needs this language.
      }
    }
    await this.loaded.search.warmUp();
  }

  /** Hits in every language; a passage matched in several is shown once, in `language` if it can be. */
  search(query: string, options: { kinds?: KbKind[] | undefined; limit: number; language?: string | undefined }): { hits: KbHit[] } {
    const kb = this.require();
    return { hits: kb.search.find(query, options) };
  }

  /** Home's lists in the UI language where translated (each item falls back to English alone). */
  home(language: string = ENGLISH): KbHome {
    const kb = this.require();
    const translated = this.translationsIn(language)?.home;
    const steps = this.sectionTranslation(language, 'get-started');
    return {
      entryPoints: kb.home.entryPoints.map((entry, i) => {
        const section = this.sectionTranslation(language, entry.sectionId);
        return {
          ...entry,
          question: translated?.questions[i] ?? entry.question,
          sectionTitle: section?.title ?? entry.sectionTitle,
          summary: section?.summary ?? entry.summary,
        };
      }),
      getStarted: translated && translated.steps.length > 0 ? translated.steps.map((markdown, i) => ({ id: `step-${i + 1}`, markdown })) : kb.home.getStarted,
      translation: translated && steps ? infoOf(steps) : null,
    };
  }

  listSections(language: string = ENGLISH): SectionSummary[] {
    return this.require().sections.map((s) => this.summaryIn(s, language));
  }

  /** The section in the given language when translated, else English; `translation` says which. */
  getSection(id: string, language: string = ENGLISH): Section {
    const { sections } = this.require();
    const i = sections.findIndex((s) => s.id === id);
    const section = sections[i];
    if (!section) throw new DomainError('NOT_FOUND', 'kb.sectionNotFound', 'That part of the toolkit does not exist in this version. Pick a section from the list.');
    const previous = sections[i - 1];
    const next = sections[i + 1];
    const around = { previous: previous ? this.summaryIn(previous, language) : null, next: next ? this.summaryIn(next, language) : null };
    const translated = this.sectionTranslation(language, id);
    if (!translated) return { ...section, ...around, translation: null };
    return {
      ...section,
      title: translated.title,
      summary: translated.summary,
      markdown: translated.markdown,
      headings: translated.headings,
      ...around,
      translation: infoOf(translated),
    };
  }

  /** Every entry, in the given language where translated; each field left untranslated stays English and is named in `inEnglish`. */
  listFrameworks(language: string = ENGLISH): Framework[] {
    const { frameworks, mechanisms } = this.require();
    const translations = this.translationsIn(language);
    return frameworks.map((f) => {
      const english: Framework = {
        ...f,
        ...provenance(f),
        mechanisms: mechanisms
          .filter((m) => m.frameworks.includes(f.id))
          .map((m) => ({ id: m.id, name: translations?.mechanisms.get(m.id)?.name || m.name })),
        translation: null,
        inEnglish: [],
      };
      const translated = translations?.frameworks.get(f.id);
      return translated ? frameworkIn(english, translated) : english;
    });
  }

  /** The directory's cards, in the given language where translated; `inEnglish` names the card's fields left in English. */
  listMechanisms(language: string = ENGLISH): MechanismSummary[] {
    const translations = this.translationsIn(language);
    return this.require().mechanisms.map(({ id, name, type, reach, scope, summary, uses, exposure, asOf, inToolkit }) => {
      const t = translations?.mechanisms.get(id);
      const english: MechanismSummary = { id, name, type, reach, scope, summary, uses, exposure, asOf, inToolkit, translation: null, inEnglish: [] };
      if (!t) return english;
      return {
        ...english,
        name: t.name ?? name,
        summary: t.summary,
        scope: t.scope ?? scope,
        exposure: t.exposure ?? exposure,
        translation: infoOf(t),
        inEnglish: [...(englishName(t, name) ? ['name' as const] : []), ...(t.scope ? [] : ['scope' as const]), ...(t.exposure ? [] : ['exposure' as const])],
      };
    });
  }

  /** The entry in the given language where translated; each field shown that stays English is named in `inEnglish`. */
  getMechanism(id: string, language: string = ENGLISH): Mechanism {
    const { mechanisms, frameworks, sections, sectionLinks } = this.require();
    const m = mechanisms.find((candidate) => candidate.id === id);
    if (!m) throw new DomainError('NOT_FOUND', 'kb.mechanismNotFound', 'That mechanism is not in the directory of this version. Pick one from the list.');
    // The curated list and the sections that actually link to it: either way the section mentions it.
    const translations = this.translationsIn(language);
    const mentioned = new Set([...m.sections, ...(sectionLinks.get(id) ?? [])]);
    const english: Mechanism = {
      id: m.id,
      name: m.name,
      type: m.type,
      reach: m.reach,
      scope: m.scope,
      summary: m.summary,
      uses: m.uses,
      whoCanUse: m.whoCanUse,
      howTo: m.howTo,
      timing: m.timing,
      languages: m.languages,
      website: m.website,
      exposure: m.exposure,
      reprisalNotes: m.reprisalNotes,
      ...provenance(m),
      sections: sections.filter((s) => mentioned.has(s.id)).map((s) => ({ id: s.id, title: this.summaryIn(s, language).title })),
      frameworks: frameworks
        .filter((f) => m.frameworks.includes(f.id))
        .map((f) => ({ id: f.id, name: translations?.frameworks.get(f.id)?.name || f.name })),
      translation: null,
      inEnglish: [],
    };
    const translated = translations?.mechanisms.get(id);
    return translated ? mechanismIn(english, translated) : english;
  }

  /** The OECD NCP practice notes in a language, or null where none are translated (English is then shown). */
  ncpTranslation(language: string): NcpTranslation | null {
    // The route itself needs no knowledge base: without its notes it is written with the English ones, marked.
    try {
      return this.translationsIn(language)?.ncp ?? null;
    } catch {
      return null;
    }
  }

  treatyStatus(treaty: TreatyStatus['treaty']): TreatyStatus {
    const found = this.require().treatyStatus.find((t) => t.treaty === treaty);
    if (!found) throw new DomainError('NOT_FOUND', 'kb.noPartyStatus', 'This version of the app records no party status for that treaty.');
    return {
      ...found,
      sources: sourcesOf(found.sources),
      states: found.states.map((s) => ({
        ...s,
        treatyYear: s.treatyYear ?? null,
        protocolYear: s.protocolYear ?? null,
        note: s.note ?? null,
      })),
    };
  }

  private sectionTranslation(language: string, id: string): StoredSectionTranslation | undefined {
    return this.translationsIn(language)?.sections.get(id);
  }

  /**
   * The language's translations, read on first use; undefined for English, for languages the
   * toolkit is not translated into, and without a knowledge base.
   */
  private translationsIn(language: string): Translations | undefined {
    if (!this.dir || !(KB_TRANSLATION_LANGUAGES as readonly string[]).includes(language)) return undefined;
    let found = this.translations.get(language);
    if (!found) {
      try {
        found = readTranslations(this.dir, language);
      } catch {
        throw new DomainError('UNAVAILABLE', 'kb.notBuilt', NOT_BUILT);
      }
      this.translations.set(language, found);
    }
    return found;
  }

  private summaryIn(section: StoredSection, language: string): SectionSummary {
    const translated = this.sectionTranslation(language, section.id);
    return { ...summaryOf(section), ...(translated && { title: translated.title, summary: translated.summary }) };
  }

  private require(): Loaded {
    if (!this.loaded) throw new DomainError('UNAVAILABLE', 'kb.notBuilt', NOT_BUILT);
    return this.loaded;
  }
}

function load(dir: string): Loaded {
  const store = new KbStore(path.join(dir, KB_FILES.database));
  try {
    const sections = store.sections();
    const mechanisms = store.mechanisms();
    const sectionLinks = new Map(mechanisms.map((m) => [m.id, store.sectionsLinkingTo('mechanism', m.id)]));
    const byId = new Map(sections.map((s) => [s.id, s]));
    const home: KbHome = {
      entryPoints: store.entryPoints().map((entry) => ({
        ...entry,
        sectionTitle: byId.get(entry.sectionId)?.title ?? '',
        summary: byId.get(entry.sectionId)?.summary ?? '',
      })),
      getStarted: store.getStarted().map((markdown, i) => ({ id: `step-${i + 1}`, markdown })),
      translation: null,
    };
    return {
      search: new KbSearcher(dir, storedPassages(dir, store.passageKinds())),
      sections,
      frameworks: store.frameworks(),
      mechanisms,
      treatyStatus: store.treatyStatus(),
      sectionLinks,
      home,
    };
  } finally {
    // What start-up needs is in memory now; holding the file open would only pin it on Windows.
    store.close();
  }
}

/** One language's rows of every translation table, from a store opened for this read only. */
function readTranslations(dir: string, language: string): Translations {
  const store = new KbStore(path.join(dir, KB_FILES.database));
  try {
    let home: Translations['home'] = null;
    for (const row of store.homeTranslations(language)) {
      home ??= { questions: [], steps: [] };
      (row.part === 'question' ? home.questions : home.steps)[row.ord] = row.markdown;
    }
    return {
      sections: new Map(store.sectionTranslations(language).map((t) => [t.id, t])),
      mechanisms: new Map(store.mechanismTranslations(language).map((t) => [t.id, t])),
      frameworks: new Map(store.frameworkTranslations(language).map((t) => [t.id, t])),
      ncp: store.ncpTranslations(language)[0] ?? null,
      home,
    };
  } finally {
    store.close();
  }
}

/** The English entry with the translated fields in place; `inEnglish` names the ones left in English. */
function frameworkIn(english: Framework, t: FrameworkTranslation): Framework {
  const inEnglish: FrameworkTranslatableField[] = [];
  const pick = <T>(field: FrameworkTranslatableField, translated: T | null, original: T, shown: boolean): T => {
    if (translated !== null) return translated;
    if (shown) inEnglish.push(field);
    return original;
  };
  const dated = t.datedFacts;
  const framework: Framework = {
    ...english,
    name: t.name,
    instrument: pick('instrument', t.instrument, english.instrument, true),
    protects: t.protects,
    whyItMatters: pick('whyItMatters', t.whyItMatters, english.whyItMatters, true),
    status: pick('status', t.status, english.status, true),
    datedFacts: pick(
      'datedFacts',
      dated && english.datedFacts.map((fact, i) => ({ ...fact, text: dated[i]!.text, lapsed: dated[i]!.lapsed ?? fact.lapsed })),
      english.datedFacts,
      english.datedFacts.length > 0,
    ),
    sources: {
      ...english.sources,
      noPrimarySource: pick('noPrimarySource', t.noPrimarySource, english.sources.noPrimarySource, english.sources.noPrimarySource !== null),
    },
    unverified: pick('unverified', t.unverified, english.unverified, english.unverified.length > 0),
    translation: infoOf(t),
  };
  return { ...framework, inEnglish };
}

/** Whether a translated entry shows its English name: untranslated, or kept as the organisation's own. */
const englishName = (t: StoredMechanismTranslation, english: string): boolean => t.name === null || t.name === english;

/** The English entry with the translated fields in place; `inEnglish` names each one shown that stays English. */
function mechanismIn(english: Mechanism, t: StoredMechanismTranslation): Mechanism {
  const inEnglish: MechanismEnglishField[] = [];
  const pick = <T>(field: MechanismEnglishField, translated: T | null, original: T, shown = true): T => {
    if (translated !== null) return translated;
    if (shown) inEnglish.push(field);
    return original;
  };
  if (englishName(t, english.name)) inEnglish.push('name');
  const dated = t.datedFacts;
  const mechanism: Mechanism = {
    ...english,
    name: t.name ?? english.name,
    summary: t.summary,
    howTo: t.howTo,
    scope: pick('scope', t.scope, english.scope),
    whoCanUse: pick('whoCanUse', t.whoCanUse, english.whoCanUse),
    timing: pick('timing', t.timing, english.timing),
    exposure: pick('exposure', t.exposure, english.exposure),
    reprisalNotes: pick('reprisalNotes', t.reprisalNotes, english.reprisalNotes),
    // Only the words change: the dates and the lapse rule stay the English entry's.
    datedFacts: pick(
      'datedFacts',
      dated && english.datedFacts.map((fact, i) => ({ ...fact, text: dated[i]!.text, lapsed: dated[i]!.lapsed ?? fact.lapsed })),
      english.datedFacts,
      english.datedFacts.length > 0,
    ),
    unverified: pick('unverified', t.unverified, english.unverified, english.unverified.length > 0),
    translation: infoOf(t),
  };
  return { ...mechanism, inEnglish };
}

/** The stored entry's provenance in the contract's shape (absent optionals become null). */
function provenance(entry: FrameworkSource | MechanismSource) {
  return {
    asOf: entry.asOf,
    inToolkit: entry.inToolkit,
    sources: sourcesOf(entry.sources),
    datedFacts: entry.datedFacts.map(
      (f): DatedFact => ({ text: f.text, asOf: f.asOf, until: f.until ?? null, lapsed: f.lapsed ?? null }),
    ),
    partyStatus: entry.partyStatus ?? null,
    unverified: entry.unverified,
  };
}

const sourcesOf = (s: SourceEntrySources): EntrySources => ({ primary: s.primary, secondary: s.secondary, noPrimarySource: s.noPrimarySource ?? null });

const summaryOf = ({ id, title, order, summary }: StoredSection): SectionSummary => ({ id, title, order, summary });
