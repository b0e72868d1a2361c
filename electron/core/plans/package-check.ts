// What an evidence package still needs before partners can use it (recommendation 6), and what
// only deserves a warning. Problems block "Ready to send": no finding or ask chosen, a finding
// without a statement or evidence, findings no reviewer confirmed without a recorded reason, no
// forum, partners or methodology. The toolkit's "two or three findings" and "five asks", and the
// audience a forum can address, are guidance: warnings that say why, never a refusal.
// Works on unsaved drafts; only the findings and asks the user chose count.
import {
  MIN_FINDINGS,
  SUGGESTED_ASKS,
  SUGGESTED_MAX_FINDINGS,
  type Ask,
  type FindingReview,
  type Methodology,
  type PackageCheck,
} from '@shared/api/plans';
import { forumAudienceRule } from './package-forums';

export interface CheckablePackage {
  title: string;
  findings: Array<{ title: string; statement: string; evidence: unknown[]; review: FindingReview; included: boolean }>;
  risksSummary: string;
  asks: Array<Pick<Ask, 'audience' | 'text' | 'included'>>;
  forumMechanismId: string | null;
  forumName: string;
  partners: unknown[];
  methodology: Methodology;
  unconfirmedReason: string;
}

type Issue = PackageCheck['problems'][number];
type Params = NonNullable<Issue['params']>;
/** Adds one issue: its field, its key in the `plans` catalogue's `packageCheck`, and the English. */
type Report = (field: string, key: string, message: string, params?: Params) => void;

const filled = (value: string) => value.trim().length > 0;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const findingName = (title: string, i: number) => `Finding ${i + 1}${filled(title) ? ` ("${title.trim()}")` : ''}`;
/** Params naming a finding; the `titled` variant of a key quotes the title the user wrote. */
const findingParams = (title: string, i: number): Params => (filled(title) ? { n: i + 1, title: title.trim(), context: 'titled' } : { n: i + 1 });
const issueList = (list: Issue[]): Report => (field, key, message, params) =>
  list.push({ field, message, key: `plans:packageCheck.${key}`, ...(params ? { params } : {}) });

/** A confirmation counts only with the reviewer's role and the date: "confirmed" alone says nothing. */
export const isConfirmed = (review: FindingReview) => review.status === 'confirmed' && filled(review.role) && review.on !== null;

export function checkPackage(pkg: CheckablePackage): PackageCheck {
  const problems: Issue[] = [];
  const warnings: Issue[] = [];
  const problem = issueList(problems);
  const warn = issueList(warnings);

  if (!filled(pkg.title)) problem('title', 'noTitle', 'Give the package a title.');

  const chosen = pkg.findings.map((finding, index) => ({ finding, index })).filter(({ finding }) => finding.included);
  const findingsWritten = chosen.filter(({ finding }) => filled(finding.statement)).length;
  if (chosen.length === 0) problem('findings', 'noFindings', 'Choose at least one finding to go in the package: tick it in the list of findings.');
  else if (chosen.length < MIN_FINDINGS || chosen.length > SUGGESTED_MAX_FINDINGS) {
    warn(
      'findings',
      'findingCount',
      `${plural(chosen.length, 'finding is', 'findings are')} chosen. The toolkit suggests two or three concrete findings: partners can carry a few strong findings further than many. This is advice, not a rule.`,
      { count: chosen.length },
    );
  }
  let unconfirmed = 0;
  for (const { finding, index } of chosen) {
    const name = findingName(finding.title, index);
    const named = findingParams(finding.title, index);
    if (!filled(finding.statement)) problem(`findings.${index}.statement`, 'noStatement', `${name} has no statement yet: say what you found, or untick it.`, named);
    else if (finding.evidence.length === 0) problem(`findings.${index}.evidence`, 'noEvidence', `${name} has no supporting evidence: link an engagement, an attachment or an impact.`, named);
    if (finding.review.status === 'confirmed' && !isConfirmed(finding.review)) {
      problem(`findings.${index}.review`, 'confirmationIncomplete', `${name} is marked confirmed: record the reviewer's role and the date they confirmed it.`, named);
    }
    if (!isConfirmed(finding.review)) unconfirmed += 1;
  }
  if (unconfirmed > 0 && !filled(pkg.unconfirmedReason)) {
    problem(
      'unconfirmedReason',
      'unconfirmedNoReason',
      `${plural(unconfirmed, 'chosen finding has', 'chosen findings have')} not been confirmed by a reviewer. Have each one confirmed, untick it, or record why the package may go out as it is; the reason is printed with the methodology.`,
      { count: unconfirmed },
    );
  } else if (unconfirmed > 0) {
    warn('unconfirmedReason', 'unconfirmedWithReason', `${plural(unconfirmed, 'finding goes', 'findings go')} out unconfirmed, with the reason you recorded printed in the methodology block.`, {
      count: unconfirmed,
    });
  }

  if (!filled(pkg.risksSummary)) problem('risksSummary', 'noRisksSummary', 'Summarise the risks and impacts the findings show.');

  const asks = pkg.asks.map((ask, index) => ({ ask, index })).filter(({ ask }) => ask.included && filled(ask.text));
  if (asks.length === 0) problem('asks', 'noAsks', 'Write at least one ask and tick it to go in the package.');
  else if (asks.length !== SUGGESTED_ASKS) {
    warn('asks', 'askCount', `${plural(asks.length, 'ask is', 'asks are')} chosen. The toolkit suggests five clear asks to companies and governments; use fewer or more when the forum calls for it.`, {
      count: asks.length,
    });
  }
  const rule = forumAudienceRule(pkg.forumMechanismId);
  if (rule) {
    for (const { ask, index } of asks) {
      if (ask.audience !== rule.audience) {
        warn(`asks.${index}.audience`, `askAudience.${rule.forum}`, `Ask ${index + 1} is to ${ask.audience === 'company' ? 'companies' : 'governments'}. ${rule.why}`, { n: index + 1 });
      }
    }
  }

  if (!pkg.forumMechanismId && !filled(pkg.forumName)) problem('forum', 'noForum', 'Choose the forum from the directory, or name it if the directory does not list it.');
  if (pkg.partners.length === 0) problem('partners', 'noPartners', 'Name the partner organisations who will speak with you.');

  checkMethodology(pkg.methodology, problem, warn);

  return { ready: problems.length === 0, problems, warnings, asksWritten: asks.length, findingsWritten, findingsUnconfirmed: unconfirmed };
}

function checkMethodology(method: Methodology, problem: Report, warn: Report): void {
  if (method.sources.length === 0) problem('methodology.sources', 'noSources', 'Say what the evidence rests on: list the sources by type (first-hand accounts, documents, platform data…).');
  if (!method.periodFrom || !method.periodTo) warn('methodology.period', 'noPeriod', 'Give the period the evidence covers, so readers know how current it is.');
  else if (method.periodFrom > method.periodTo) problem('methodology.period', 'periodReversed', 'The period covered ends before it starts: check the two dates.');
  if (!filled(method.consent)) problem('methodology.consent', 'noConsent', 'Say how consent was obtained and how people are anonymised in the package.');
  if (!filled(method.verification)) problem('methodology.verification', 'noVerification', 'Describe the verification steps: how each finding was checked.');
  if (!filled(method.limitations)) problem('methodology.limitations', 'noLimitations', 'State the limitations: what the evidence does not show.');
}
