// Reads resources/kb and checks it: schemas, unique ids, and every cross-reference. All problems
// are collected so one build run lists everything to fix.
import fs from 'node:fs';
import path from 'node:path';
import {
  FrameworksFile,
  MechanismsFile,
  SectionFrontMatter,
  TreatyStatusFile,
  type EntrySources,
  type FrameworkSource,
  type MechanismSource,
} from '../source-schema';
import { FRONT_MATTER, parseFrontMatter } from './front-matter';
import { parseMarkdown, type ParsedMarkdown } from './markdown-passages';
import { issueLines, readJson } from './read-json';
import { refusedSource } from './source-hosts';

export interface SectionSource extends SectionFrontMatter, ParsedMarkdown {
  file: string;
  markdown: string;
}

export interface KbSources {
  sections: SectionSource[];
  frameworks: FrameworkSource[];
  mechanisms: MechanismSource[];
  treatyStatus: TreatyStatusFile[];
}

export class KbBuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`The knowledge base has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'KbBuildError';
  }
}

export function readSources(kbDir: string): KbSources {
  const problems: string[] = [];
  const sections = readSections(path.join(kbDir, 'sections'), problems);
  const frameworks = readJson(path.join(kbDir, 'frameworks.json'), FrameworksFile, problems);
  const mechanisms = readJson(path.join(kbDir, 'mechanisms.json'), MechanismsFile, problems);
  const iccpr = readJson(path.join(kbDir, 'treaty-status.json'), TreatyStatusFile, problems);
  // Cross-references are only worth checking once the files are valid, or every link is reported.
  if (!frameworks || !mechanisms || !iccpr) throw new KbBuildError(problems);
  const sources = { sections, frameworks, mechanisms, treatyStatus: [iccpr] };
  checkReferences(sources, problems);
  checkProvenance(sources, problems);
  if (problems.length > 0) throw new KbBuildError(problems);
  return sources;
}

function readSections(dir: string, problems: string[]): SectionSource[] {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.md')).sort() : [];
  if (files.length === 0) problems.push(`${dir}: no Markdown sections found.`);
  const sections: SectionSource[] = [];
  for (const name of files) {
    const file = path.join(dir, name);
    const source = fs.readFileSync(file, 'utf8');
    const match = FRONT_MATTER.exec(source);
    if (!match) {
      problems.push(`${name}: the file must start with front matter between two "---" lines.`);
      continue;
    }
    const front = SectionFrontMatter.safeParse(parseFrontMatter(match[1]!));
    if (!front.success) {
      problems.push(...issueLines(name, front.error));
      continue;
    }
    const markdown = source.slice(match[0].length);
    try {
      sections.push({ ...front.data, file: name, markdown, ...parseMarkdown(markdown) });
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}.`);
    }
  }
  return sections.sort((a, b) => a.order - b.order);
}

function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

/**
 * What the schemas cannot see: cited pages that are mirrors or test servers, checks dated in the
 * future, and entries that ask for a treaty's party status the knowledge base does not record.
 */
function checkProvenance({ frameworks, mechanisms, treatyStatus }: KbSources, problems: string[]): void {
  const today = new Date().toISOString().slice(0, 10);
  const treaties = new Set(treatyStatus.map((t) => t.treaty));
  const entries = [
    ...frameworks.map((f) => ({ where: `frameworks.json: ${f.id}`, entry: f, website: null as string | null })),
    ...mechanisms.map((m) => ({ where: `mechanisms.json: ${m.id}`, entry: m, website: m.website })),
    ...treatyStatus.map((t) => ({ where: `treaty-status.json: ${t.treaty}`, entry: { ...t, datedFacts: [], partyStatus: undefined }, website: null })),
  ];
  for (const { where, entry, website } of entries) {
    for (const source of citedPages(entry.sources)) {
      const why = refusedSource(source.url);
      if (why) problems.push(`${where}: the source "${source.title}" (${source.url}) cannot be cited: ${why}.`);
    }
    const websiteWhy = website ? refusedSource(website) : null;
    if (websiteWhy) problems.push(`${where}: the website ${website} cannot be used: ${websiteWhy}.`);
    for (const date of [entry.asOf, ...entry.datedFacts.map((f) => f.asOf)]) {
      if (date > today) problems.push(`${where}: checked on ${date}, which is in the future.`);
    }
    if (entry.partyStatus && !treaties.has(entry.partyStatus)) problems.push(`${where}: no party status is recorded for "${entry.partyStatus}".`);
  }
  for (const t of treatyStatus) {
    for (const code of duplicates(t.states.map((s) => s.iso2))) problems.push(`treaty-status.json: ${code} is listed twice.`);
  }
}

const citedPages = (sources: EntrySources) => [...sources.primary, ...sources.secondary];

function checkReferences({ sections, frameworks, mechanisms }: KbSources, problems: string[]): void {
  const sectionIds = new Set(sections.map((s) => s.id));
  const frameworkIds = new Set(frameworks.map((f) => f.id));
  const mechanismIds = new Set(mechanisms.map((m) => m.id));
  for (const [what, ids] of [
    ['section id', sections.map((s) => s.id)],
    ['section order', sections.map((s) => String(s.order))],
    ['framework id', frameworks.map((f) => f.id)],
    ['mechanism id', mechanisms.map((m) => m.id)],
  ] as const) {
    for (const id of duplicates([...ids])) problems.push(`Duplicate ${what} "${id}".`);
  }
  for (const section of sections) {
    if (section.headings[0]?.depth !== 1) problems.push(`${section.file}: the first heading must be a level-1 heading.`);
    for (const link of section.links) {
      const known = link.kind === 'mechanism' ? mechanismIds : frameworkIds;
      if (!known.has(link.id)) problems.push(`${section.file}: link to unknown ${link.kind} "${link.id}".`);
    }
  }
  for (const mechanism of mechanisms) {
    for (const id of mechanism.frameworks) {
      if (!frameworkIds.has(id)) problems.push(`mechanisms.json: ${mechanism.id}: unknown framework "${id}".`);
    }
    for (const id of mechanism.sections) {
      if (!sectionIds.has(id)) problems.push(`mechanisms.json: ${mechanism.id}: unknown section "${id}".`);
    }
  }
}
