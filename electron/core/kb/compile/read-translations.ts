// Reads resources/kb/translations/<language>/ and checks each file against the English it
// translates. Translators write these files; a mistake must stop the build with a line saying
// which file and what to fix, never ship a passage whose headings or links point elsewhere.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { KB_TRANSLATION_LANGUAGES, type Heading, type TranslationInfo } from '@shared/api/kb';
import { NCP_FILES, NcpPracticeFile, type NcpPracticeTranslation } from '../../plans/ncp-sources';
import {
  FrameworkTranslationsFile,
  MechanismTranslationsFile,
  NcpTranslationsFile,
  SectionTranslationFrontMatter,
  type FrameworkSource,
  type MechanismSource,
} from '../source-schema';
import { FRONT_MATTER, parseFrontMatter } from './front-matter';
import { parseMarkdown, type InternalLink } from './markdown-passages';
import { issueLines, readJson } from './read-json';
import type { SectionSource } from './read-sources';

export const TRANSLATIONS_DIR = 'translations';

export interface SectionTranslation extends TranslationInfo {
  id: string;
  title: string;
  summary: string;
  markdown: string;
  /** The translated heading texts under the English anchors, so links and search hits agree. */
  headings: Heading[];
  passages: Array<{ heading: Heading; text: string }>;
  listItems: string[];
}

export interface MechanismTranslation extends TranslationInfo {
  id: string;
  name: string | null;
  summary: string;
  howTo: string[];
  /** Null while these notes are not translated: the reader shows the English, marked. */
  exposure: MechanismSource['exposure'] | null;
  reprisalNotes: string[] | null;
  whoCanUse: string | null;
  timing: string | null;
  scope: string | null;
  unverified: string[] | null;
  /** Item by item as the English; `lapsed` exactly where the English has one. */
  datedFacts: Array<{ text: string; lapsed: string | null }> | null;
}

/** The OECD NCP practice notes in a language; anything null or absent is shown in English, marked. */
export type NcpTranslation = NcpPracticeTranslation;

/** A translated framework entry; a field left null is shown in English (the reader marks it). */
export interface FrameworkTranslation extends TranslationInfo {
  id: string;
  name: string;
  instrument: string | null;
  protects: string;
  whyItMatters: string | null;
  status: string | null;
  unverified: string[] | null;
  noPrimarySource: string | null;
  datedFacts: Array<{ text: string; lapsed: string | null }> | null;
}

export interface LanguageCount {
  language: string;
  reviewed: number;
  unreviewed: number;
  outdated: number;
  /** How many of them are sections, mechanism entries and framework entries. */
  kinds: { sections: number; mechanisms: number; frameworks: number };
}

export interface Translations {
  sections: SectionTranslation[];
  mechanisms: MechanismTranslation[];
  frameworks: FrameworkTranslation[];
  ncps: NcpTranslation[];
  /** Per language with any translation: passages reviewed, not yet reviewed, and out of date. */
  counts: LanguageCount[];
  /** Not errors: "the English changed since this was translated", one line per file or entry. */
  warnings: string[];
}

export const sha256 = (data: string | Buffer): string => crypto.createHash('sha256').update(data).digest('hex');

/**
 * The hash a mechanism or framework translation records: of the English entry as written in
 * mechanisms.json or frameworks.json, through JSON.stringify (the parsed entry would not do: schema
 * defaults and key order change it).
 */
export function entrySourceHashes(kbDir: string, file: 'mechanisms.json' | 'frameworks.json'): Map<string, string> {
  const raw = JSON.parse(fs.readFileSync(path.join(kbDir, file), 'utf8')) as Array<{ id: string }>;
  return new Map(raw.map((entry) => [entry.id, sha256(JSON.stringify(entry))]));
}

export function readTranslations(
  kbDir: string,
  english: { sections: SectionSource[]; mechanisms: MechanismSource[]; frameworks: FrameworkSource[] },
  problems: string[],
): Translations {
  const root = path.join(kbDir, TRANSLATIONS_DIR);
  const out: Translations = { sections: [], mechanisms: [], frameworks: [], ncps: [], counts: [], warnings: [] };
  if (!fs.existsSync(root)) return out;
  for (const language of fs.readdirSync(root).sort()) {
    const dir = path.join(root, language);
    if (!fs.statSync(dir).isDirectory()) continue;
    if (!(KB_TRANSLATION_LANGUAGES as readonly string[]).includes(language)) {
      problems.push(`${TRANSLATIONS_DIR}/${language}: not a language the app offers (${KB_TRANSLATION_LANGUAGES.join(', ')}).`);
      continue;
    }
    const sections = readSectionTranslations(kbDir, language, english.sections, problems, out.warnings);
    const mechanisms = readMechanismTranslations(kbDir, language, english.mechanisms, problems, out.warnings);
    const frameworks = readFrameworkTranslations(kbDir, language, english.frameworks, problems, out.warnings);
    const ncps = readNcpTranslation(kbDir, language, problems, out.warnings);
    out.sections.push(...sections);
    out.mechanisms.push(...mechanisms);
    out.frameworks.push(...frameworks);
    if (ncps) out.ncps.push(ncps);
    const all = [...sections, ...mechanisms, ...frameworks, ...(ncps ? [ncps] : [])];
    if (all.length > 0) {
      out.counts.push({
        language,
        reviewed: all.filter((t) => t.reviewed).length,
        unreviewed: all.filter((t) => !t.reviewed).length,
        outdated: all.filter((t) => t.outdated).length,
        kinds: { sections: sections.length, mechanisms: mechanisms.length, frameworks: frameworks.length },
      });
    }
  }
  return out;
}

function readSectionTranslations(
  kbDir: string,
  language: string,
  english: SectionSource[],
  problems: string[],
  warnings: string[],
): SectionTranslation[] {
  const dir = path.join(kbDir, TRANSLATIONS_DIR, language, 'sections');
  if (!fs.existsSync(dir)) return [];
  const out: SectionTranslation[] = [];
  for (const name of fs.readdirSync(dir).filter((file) => file.endsWith('.md')).sort()) {
    const where = `${TRANSLATIONS_DIR}/${language}/sections/${name}`;
    const source = fs.readFileSync(path.join(dir, name), 'utf8');
    const match = FRONT_MATTER.exec(source);
    if (!match) {
      problems.push(`${where}: the file must start with front matter between two "---" lines.`);
      continue;
    }
    const front = SectionTranslationFrontMatter.safeParse(parseFrontMatter(match[1]!));
    if (!front.success) {
      problems.push(...issueLines(where, front.error));
      continue;
    }
    const original = english.find((section) => section.id === front.data.translationOf);
    if (!original) {
      problems.push(`${where}: translationOf "${front.data.translationOf}" is not the id of any English section.`);
      continue;
    }
    if (original.file !== name) {
      problems.push(`${where}: translates "${original.id}", so it must be named ${original.file} like the English file.`);
      continue;
    }
    const markdown = source.slice(match[0].length);
    let parsed: ReturnType<typeof parseMarkdown>;
    try {
      parsed = parseMarkdown(markdown);
    } catch (error) {
      problems.push(`${where}: ${(error as Error).message}.`);
      continue;
    }
    const before = problems.length;
    checkHeadings(where, original, parsed.headings, problems);
    checkLinks(where, original.links, parsed.links, problems);
    if (problems.length > before) continue;

    // Anchors are the English ones by position: a link to "#02-engage-the-right-people" opens the
    // same passage in every language, and a hit on a translated passage names an anchor that exists.
    const headings = parsed.headings.map((heading, i) => ({ ...heading, anchor: original.headings[i]!.anchor }));
    const anchorOf = new Map(parsed.headings.map((heading, i) => [heading, headings[i]!]));
    const outdated = sha256(fs.readFileSync(path.join(kbDir, 'sections', original.file))) !== front.data.sourceSha256;
    if (outdated) warnings.push(`${where}: the English original has changed since this was translated.`);
    out.push({
      id: original.id,
      language,
      reviewed: front.data.reviewed,
      outdated,
      title: front.data.title,
      summary: front.data.summary,
      markdown,
      headings,
      passages: parsed.passages.map((passage) => ({ heading: anchorOf.get(passage.heading)!, text: passage.text })),
      listItems: parsed.listItems,
    });
  }
  return out;
}

function checkHeadings(where: string, original: SectionSource, headings: Heading[], problems: string[]): void {
  if (headings.length !== original.headings.length) {
    problems.push(`${where}: has ${headings.length} headings but the English ${original.file} has ${original.headings.length}; translate every heading, in the same order.`);
    return;
  }
  headings.forEach((heading, i) => {
    const english = original.headings[i]!;
    if (heading.depth !== english.depth) {
      problems.push(`${where}: heading ${i + 1} ("${heading.text}") is level ${heading.depth} but the English "${english.text}" is level ${english.depth}.`);
    }
  });
}

function checkLinks(where: string, english: InternalLink[], translated: InternalLink[], problems: string[]): void {
  const key = (link: InternalLink) => `${link.kind}:${link.id}`;
  const expected = new Set(english.map(key));
  const found = new Set(translated.map(key));
  for (const link of found) if (!expected.has(link)) problems.push(`${where}: link to "${link}", which the English section does not have (a broken or changed link).`);
  for (const link of expected) if (!found.has(link)) problems.push(`${where}: the link to "${link}" in the English section is missing.`);
}

/**
 * One JSON file of a language's translations, checked against its schema, with the path to name in
 * problems; null when it is absent or unreadable (the problems say why).
 */
function readLanguageFile<T>(kbDir: string, language: string, name: string, schema: z.ZodType<T>, problems: string[]): { data: T; where: string } | null {
  const file = path.join(kbDir, TRANSLATIONS_DIR, language, name);
  if (!fs.existsSync(file)) return null;
  const where = `${TRANSLATIONS_DIR}/${language}/${name}`;
  const local: string[] = [];
  const data = readJson(file, schema, local);
  // readJson names the file by its base name; every language has one, so say which.
  problems.push(...local.map((line) => (line.startsWith(`${name}:`) ? `${where}${line.slice(name.length)}` : line)));
  return data ? { data, where } : null;
}

/** A language's mechanisms.json or frameworks.json, with the hashes of the English entries it must record. */
function readEntryFile<T>(
  kbDir: string,
  language: string,
  name: 'mechanisms.json' | 'frameworks.json',
  schema: z.ZodType<T>,
  problems: string[],
): { data: T; where: string; hashes: Map<string, string> } | null {
  const read = readLanguageFile(kbDir, language, name, schema, problems);
  return read && { ...read, hashes: entrySourceHashes(kbDir, name) };
}

function readMechanismTranslations(
  kbDir: string,
  language: string,
  english: MechanismSource[],
  problems: string[],
  warnings: string[],
): MechanismTranslation[] {
  const read = readEntryFile(kbDir, language, 'mechanisms.json', MechanismTranslationsFile, problems);
  if (!read) return [];
  const { data, where, hashes } = read;
  const out: MechanismTranslation[] = [];
  for (const [id, entry] of Object.entries(data.mechanisms)) {
    const original = english.find((m) => m.id === id);
    if (!original) {
      problems.push(`${where}: "${id}" is not the id of any mechanism in mechanisms.json.`);
      continue;
    }
    if (entry.howTo.length !== original.howTo.length) {
      problems.push(`${where}: ${id}: has ${entry.howTo.length} how-to steps but the English has ${original.howTo.length}; translate each step, in order.`);
      continue;
    }
    if (entry.reprisalNotes && entry.reprisalNotes.length !== original.reprisalNotes.length) {
      problems.push(`${where}: ${id}: has ${entry.reprisalNotes.length} reprisal notes but the English has ${original.reprisalNotes.length}; translate each note, in order.`);
      continue;
    }
    const before = problems.length;
    checkEntryLists(`${where}: ${id}`, original, entry, problems);
    if (problems.length > before) continue;
    const outdated = hashes.get(id) !== entry.sourceSha256;
    if (outdated) warnings.push(`${where}: ${id}: the English original has changed since this was translated.`);
    out.push({
      id,
      language,
      reviewed: data.reviewed,
      outdated,
      name: entry.name ?? null,
      summary: entry.summary,
      howTo: entry.howTo,
      exposure: entry.exposure ?? null,
      reprisalNotes: entry.reprisalNotes ?? null,
      whoCanUse: entry.whoCanUse ?? null,
      timing: entry.timing ?? null,
      scope: entry.scope ?? null,
      unverified: entry.unverified ?? null,
      datedFacts: entry.datedFacts?.map((fact) => ({ text: fact.text, lapsed: fact.lapsed ?? null })) ?? null,
    });
  }
  return out;
}

function readFrameworkTranslations(
  kbDir: string,
  language: string,
  english: FrameworkSource[],
  problems: string[],
  warnings: string[],
): FrameworkTranslation[] {
  const read = readEntryFile(kbDir, language, 'frameworks.json', FrameworkTranslationsFile, problems);
  if (!read) return [];
  const { data, where, hashes } = read;
  const out: FrameworkTranslation[] = [];
  for (const [id, entry] of Object.entries(data.frameworks)) {
    const original = english.find((f) => f.id === id);
    if (!original) {
      problems.push(`${where}: "${id}" is not the id of any framework in frameworks.json.`);
      continue;
    }
    const before = problems.length;
    checkEntryLists(`${where}: ${id}`, original, entry, problems);
    if (entry.noPrimarySource && !original.sources.noPrimarySource) {
      problems.push(`${where}: ${id}: translates "noPrimarySource", which the English entry does not have.`);
    }
    if (problems.length > before) continue;
    const outdated = hashes.get(id) !== entry.sourceSha256;
    if (outdated) warnings.push(`${where}: ${id}: the English original has changed since this was translated.`);
    out.push({
      id,
      language,
      reviewed: data.reviewed,
      outdated,
      name: entry.name,
      instrument: entry.instrument ?? null,
      protects: entry.protects,
      whyItMatters: entry.whyItMatters ?? null,
      status: entry.status ?? null,
      unverified: entry.unverified ?? null,
      noPrimarySource: entry.noPrimarySource ?? null,
      datedFacts: entry.datedFacts?.map((fact) => ({ text: fact.text, lapsed: fact.lapsed ?? null })) ?? null,
    });
  }
  return out;
}

/** A translated list stands item for item beside the English, so no caveat or fact is lost or doubled. */
function checkEntryLists(
  where: string,
  original: FrameworkSource | MechanismSource,
  entry: Pick<FrameworkTranslationsFile['frameworks'][string], 'unverified' | 'datedFacts'>,
  problems: string[],
): void {
  if (entry.unverified && entry.unverified.length !== original.unverified.length) {
    problems.push(`${where}: has ${entry.unverified.length} unverified notes but the English has ${original.unverified.length}; translate each note, in order.`);
  }
  if (entry.datedFacts) {
    if (entry.datedFacts.length !== original.datedFacts.length) {
      problems.push(`${where}: has ${entry.datedFacts.length} dated facts but the English has ${original.datedFacts.length}; translate each fact, in order.`);
      return;
    }
    entry.datedFacts.forEach((fact, i) => {
      if (!fact.lapsed !== !original.datedFacts[i]!.lapsed) {
        problems.push(`${where}: dated fact ${i + 1} must have a "lapsed" sentence exactly when the English one does.`);
      }
    });
  }
}

/**
 * A language's ncps.json, checked against the English practice notes: every NCP it names must be
 * one the English has notes on, and its facts stand item by item beside the English ones.
 */
function readNcpTranslation(kbDir: string, language: string, problems: string[], warnings: string[]): NcpTranslation | null {
  const read = readLanguageFile(kbDir, language, NCP_FILES.practice, NcpTranslationsFile, problems);
  // A broken English file is reported by the NCP check itself; here it only stops the comparison.
  const english = read && readJson(path.join(kbDir, NCP_FILES.practice), NcpPracticeFile, []);
  if (!read || !english) return null;
  const { data, where } = read;
  const before = problems.length;
  if (data.general && data.general.facts.length !== english.general.facts.length) {
    problems.push(`${where}: general: has ${data.general.facts.length} facts but the English has ${english.general.facts.length}; translate each fact, in order.`);
  }
  for (const [iso2, entry] of Object.entries(data.ncps)) {
    const original = english.ncps.find((ncp) => ncp.iso2 === iso2);
    if (!original) {
      problems.push(`${where}: "${iso2}" is not an NCP with notes in ${NCP_FILES.practice}.`);
      continue;
    }
    if (entry.facts && entry.facts.length !== original.facts.length) {
      problems.push(`${where}: ${iso2}: has ${entry.facts.length} facts but the English has ${original.facts.length}; translate each fact, in order.`);
    }
  }
  if (problems.length > before) return null;
  const outdated = sha256(fs.readFileSync(path.join(kbDir, NCP_FILES.practice))) !== data.sourceSha256;
  if (outdated) warnings.push(`${where}: the English original has changed since this was translated.`);
  return {
    language,
    reviewed: data.reviewed,
    outdated,
    general: data.general?.facts ?? null,
    ncps: Object.fromEntries(Object.entries(data.ncps).map(([iso2, entry]) => [iso2, { name: entry.name ?? null, facts: entry.facts ?? null }])),
  };
}
