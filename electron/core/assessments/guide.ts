// The toolkit's words for the workspace: the eight phases' "What happens" and the "Safety first"
// callout, read from the knowledge base's CLARITI section rather than copied into code, so a new
// edition of the toolkit updates the guidance too.
import { PHASES, type AssessmentGuide } from '@shared/api/assessments';
import { plainText } from '../plans/principles';

export const CLARITI_SECTION = 'clariti';

// Used only when the section lacks a row or the callout, so the workspace never loses a phase.
const FALLBACK_PHASES: Array<[title: string, whatHappens: string]> = [
  ['Define purpose', 'Clarify the scope, objectives and audience for the assessment'],
  ['Prepare the team', 'Build the research team and identify affected stakeholders'],
  ['Scope issues', 'Map the key human rights concerns to investigate'],
  ['Analyse legal context', 'Examine the applicable legal and policy environment'],
  ['Document impacts', 'Gather evidence of harm experienced by affected communities'],
  ['Develop recommendations', 'Formulate concrete asks for companies and governments'],
  ['Compile findings', 'Structure findings into a credible, publishable report'],
  ['Use the results', 'Deploy findings in company engagement and wider advocacy'],
];
const FALLBACK_SAFETY =
  "CLARITI is designed for use in contexts where direct engagement with companies may not be safe. If your operating context involves significant risks, consult your organisation's security protocol before beginning any assessment process.";

/** Reads "| 1. Define purpose | Clarify … |" rows, the "Safety first" callout and the paragraph introducing CLARITI. */
export function guideFromSection(markdown: string): AssessmentGuide {
  const rows = new Map<number, [string, string]>();
  for (const line of markdown.split('\n')) {
    const row = /^\|\s*(\d)\.\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|\s*$/.exec(line);
    if (row) rows.set(Number(row[1]), [row[2]!, row[3]!]);
  }
  const safety = /^>\s*\*\*Safety first:\*\*\s*(.+)$/im.exec(markdown)?.[1];
  const intro = markdown.split('\n').find((line) => line.includes('convert lived experience'));
  return {
    intro: intro ? plainText(intro) : '',
    safetyFirst: safety ? plainText(safety) : FALLBACK_SAFETY,
    phases: PHASES.map((key, i) => {
      const [title, whatHappens] = rows.get(i + 1) ?? FALLBACK_PHASES[i]!;
      return { key, number: i + 1, title, whatHappens };
    }),
  };
}
