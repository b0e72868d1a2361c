// The OECD adherents and the NCP practice notes (resources/kb/oecd-adherents.json, ncps.json):
// their schema, the build-time check the knowledge-base compiler runs, and the copy bundled into
// core. A file that fails the check stops the build, so the bundled copy always fits the schema.
import path from 'node:path';
import { z } from 'zod';
import type { TranslationInfo } from '@shared/api/kb';
import adherentsJson from '../../../resources/kb/oecd-adherents.json';
import ncpsJson from '../../../resources/kb/ncps.json';
import { readJson } from '../kb/compile/read-json';

const Text = z.string().trim().min(1);
const IsoDate = z.iso.date();
const Iso2 = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as JP');
const Source = z.object({ title: Text, url: z.url({ protocol: /^https?$/ }), kind: z.enum(['primary', 'background']) }).strict();
const Fact = z.object({ topic: Text, text: Text, checked: z.boolean() }).strict();

const Adherent = z.discriminatedUnion('status', [
  z.object({ iso2: Iso2, name: Text, status: z.literal('member') }).strict(),
  z.object({ iso2: Iso2, name: Text, status: z.literal('non-member'), adheredOn: IsoDate }).strict(),
]);

export const OecdAdherentsFile = z
  .object({
    asOf: IsoDate,
    /** The number of adherents the OECD states; the check compares it with the list. */
    total: z.number().int().positive(),
    about: Text,
    sources: z.array(Source).min(1),
    unverified: z.array(Text),
    adherents: z.array(Adherent).min(1),
  })
  .strict();
export type OecdAdherentsFile = z.infer<typeof OecdAdherentsFile>;

export const NcpPracticeFile = z
  .object({
    asOf: IsoDate,
    general: z.object({ facts: z.array(Fact).min(1), sources: z.array(Source).min(1) }).strict(),
    ncps: z.array(
      z
        .object({
          iso2: Iso2,
          name: Text,
          website: z.url({ protocol: /^https?$/ }).nullable(),
          asOf: IsoDate,
          facts: z.array(Fact).min(1),
          sources: z.array(Source).min(1),
        })
        .strict(),
    ),
  })
  .strict();
export type NcpPracticeFile = z.infer<typeof NcpPracticeFile>;
export type NcpPractice = NcpPracticeFile['ncps'][number];

export const NCP_FILES = { adherents: 'oecd-adherents.json', practice: 'ncps.json' } as const;

/**
 * The practice notes in one language (resources/kb/translations/<language>/ncps.json, compiled into
 * the knowledge base): the general facts and, per NCP by ISO code, its name and facts, each list
 * item by item as the English. Null or absent means shown in English, marked as such.
 */
export interface NcpPracticeTranslation extends TranslationInfo {
  general: string[] | null;
  ncps: Record<string, { name: string | null; facts: string[] | null }>;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const isRegion = (code: string): boolean => {
  try {
    return regionNames.of(code) !== code;
  } catch {
    return false;
  }
};

/** Every problem with the two files in kbDir, as lines the build prints; empty when they are fit to ship. */
export function checkNcpSources(kbDir: string): string[] {
  const problems: string[] = [];
  const adherents = readJson(path.join(kbDir, NCP_FILES.adherents), OecdAdherentsFile, problems);
  const practice = readJson(path.join(kbDir, NCP_FILES.practice), NcpPracticeFile, problems);
  if (adherents) problems.push(...adherentProblems(adherents));
  if (adherents && practice) {
    const adhering = new Set(adherents.adherents.map((a) => a.iso2));
    const seen = new Set<string>();
    for (const ncp of practice.ncps) {
      if (!adhering.has(ncp.iso2)) problems.push(`${NCP_FILES.practice}: ${ncp.iso2} has practice notes but is not in ${NCP_FILES.adherents}.`);
      if (seen.has(ncp.iso2)) problems.push(`${NCP_FILES.practice}: ${ncp.iso2} appears twice.`);
      seen.add(ncp.iso2);
      if (!ncp.sources.some((s) => s.kind === 'primary')) problems.push(`${NCP_FILES.practice}: ${ncp.iso2} cites no primary source.`);
    }
  }
  return problems;
}

function adherentProblems(file: OecdAdherentsFile): string[] {
  const problems: string[] = [];
  const codes = file.adherents.map((a) => a.iso2);
  for (const code of codes.filter((c, i) => codes.indexOf(c) !== i)) problems.push(`${NCP_FILES.adherents}: ${code} appears twice.`);
  for (const code of codes.filter((c) => !isRegion(c))) problems.push(`${NCP_FILES.adherents}: ${code} is not a country code.`);
  if (file.adherents.length !== file.total) {
    problems.push(`${NCP_FILES.adherents}: lists ${file.adherents.length} adherents but says the OECD counts ${file.total}.`);
  }
  if (!file.sources.some((s) => s.kind === 'primary')) problems.push(`${NCP_FILES.adherents}: cites no primary source.`);
  return problems;
}

/** The copies bundled into core; the build has already refused files that do not fit. */
export const OECD_ADHERENTS: OecdAdherentsFile = OecdAdherentsFile.parse(adherentsJson);
export const NCP_PRACTICE: NcpPracticeFile = NcpPracticeFile.parse(ncpsJson);
