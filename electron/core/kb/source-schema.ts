// The shape of the knowledge-base sources in resources/kb. The build validates every file
// against these schemas and refuses to ship a knowledge base that does not fit them.
import { z } from 'zod';
import { ENTRY_POINTS, FRAMEWORK_SCOPES, MECHANISM_REACHES, MECHANISM_USES } from '@shared/api/kb';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lowercase letters, digits and hyphens');
const Text = z.string().trim().min(1);
const Source = z.object({ title: Text, url: z.url({ protocol: /^https?$/ }) }).strict();

export const SectionFrontMatter = z
  .object({
    id: Id,
    title: Text,
    order: z.coerce.number().int().min(1),
    entryPoint: z.enum([...ENTRY_POINTS, 'none']),
    summary: Text,
  })
  .strict();
export type SectionFrontMatter = z.infer<typeof SectionFrontMatter>;

export const FrameworkSource = z
  .object({
    id: Id,
    name: Text,
    instrument: Text,
    scope: z.enum(FRAMEWORK_SCOPES),
    protects: Text,
    whyItMatters: Text,
    status: Text,
    /** May be empty: the research found none; the UI says so rather than inventing one. */
    sources: z.array(Source),
    unverified: z.array(Text),
  })
  .strict();
export type FrameworkSource = z.infer<typeof FrameworkSource>;

export const MechanismSource = z
  .object({
    id: Id,
    name: Text,
    type: Id,
    reach: z.enum(MECHANISM_REACHES),
    summary: Text,
    whoCanUse: Text,
    howTo: z.array(Text),
    timing: Text,
    scope: Text,
    languages: z.array(Text),
    website: z.url({ protocol: /^https?$/ }).nullable(),
    uses: z.array(z.enum(MECHANISM_USES)).min(1),
    /** Numbers of the strategic recommendations (1–6) in "Using findings" that use this mechanism. */
    recommendations: z.array(z.number().int().min(1).max(6)),
    frameworks: z.array(Id),
    sections: z.array(Id),
    /** May be empty: the research found none; the UI says so rather than inventing one. */
    sources: z.array(Source),
    unverified: z.array(Text),
    adheringStates: z.array(z.object({ country: Text, iso2: z.string().regex(/^[A-Z]{2}$/) }).strict()).optional(),
  })
  .strict();
export type MechanismSource = z.infer<typeof MechanismSource>;

export const FrameworksFile = z.array(FrameworkSource).min(1);
export const MechanismsFile = z.array(MechanismSource).min(1);
