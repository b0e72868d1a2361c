// An impact's overall severity, derived from the criteria the UNGPs name and never guessed.
//
// UNGP 14 (commentary): how severe an impact is depends on its scale (how grave it is), its scope
// (how many people it reaches) and whether it can be remedied at all. UNGP 24: when not every
// impact can be addressed at once, the most severe come first, and those that delay would make
// impossible to remedy. The derivation below is the app's rule: the overall level is the highest
// of the three criteria, because one of them alone can make an impact severe (a grave harm to one
// person is severe however few others it reaches). Until all three are rated the overall severity is not given at all.
// For a potential impact, likelihood is rated too and shown beside severity; it never lowers it.
import { SEVERITIES, SEVERITY_CRITERIA, type SeverityCriterion, type SeverityLevel, type SeverityRating } from '../api/assessments';

export type DerivedSeverity =
  /** All criteria rated: the level is derived from them. */
  | { status: 'rated'; level: SeverityLevel; missing: [] }
  /** Some criteria rated, others not: no overall level until they are. */
  | { status: 'partly-assessed'; level: null; missing: SeverityCriterion[] }
  /** Nothing rated, but a single rating from before the criteria existed: shown as such. */
  | { status: 'rated-before-criteria'; level: SeverityLevel; missing: SeverityCriterion[] }
  | { status: 'not-assessed'; level: null; missing: SeverityCriterion[] };

const BASE: SeverityCriterion[] = ['scale', 'scope', 'irremediability'];

/** 1–4 for a rated criterion, 0 for 'not-assessed'. */
export function criterionLevel(criterion: SeverityCriterion, value: string): number {
  return Math.max(0, (SEVERITY_CRITERIA[criterion] as readonly string[]).indexOf(value));
}

export function deriveSeverity(rating: SeverityRating, nature: 'actual' | 'potential'): DerivedSeverity {
  const criteria: SeverityCriterion[] = nature === 'potential' ? [...BASE, 'likelihood'] : BASE;
  const missing = criteria.filter((c) => criterionLevel(c, rating[c]) === 0);
  if (missing.length === 0) {
    const highest = Math.max(...BASE.map((c) => criterionLevel(c, rating[c])));
    return { status: 'rated', level: SEVERITIES[highest - 1]!, missing: [] };
  }
  if (missing.length < criteria.length) return { status: 'partly-assessed', level: null, missing };
  if (rating.earlier) return { status: 'rated-before-criteria', level: rating.earlier, missing };
  return { status: 'not-assessed', level: null, missing };
}
