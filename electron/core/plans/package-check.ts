// What an evidence package still needs before partners can use it (recommendation 6): two or
// three concrete findings with evidence, a summary of risks and impacts, and five clear asks to
// companies and governments, for a named forum and partners. Works on unsaved drafts.
import { MIN_FINDINGS, REQUIRED_ASKS, type Ask, type PackageCheck } from '@shared/api/plans';

export interface CheckablePackage {
  title: string;
  findings: Array<{ title: string; statement: string; evidence: unknown[] }>;
  risksSummary: string;
  asks: Array<Pick<Ask, 'audience' | 'text'>>;
  forumMechanismId: string | null;
  partners: unknown[];
}

const filled = (value: string) => value.trim().length > 0;

export function checkPackage(pkg: CheckablePackage): PackageCheck {
  const problems: PackageCheck['problems'] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });

  if (!filled(pkg.title)) problem('title', 'Give the package a title.');

  const findingsWritten = pkg.findings.filter((f) => filled(f.statement)).length;
  if (findingsWritten < MIN_FINDINGS) {
    problem('findings', `Add at least two findings: ${findingsWritten} ${findingsWritten === 1 ? 'is' : 'are'} written so far.`);
  }
  pkg.findings.forEach((finding, i) => {
    if (!filled(finding.statement)) problem(`findings.${i}.statement`, `Finding ${i + 1} has no statement yet: say what you found, or remove it.`);
    else if (finding.evidence.length === 0) problem(`findings.${i}.evidence`, `Finding ${i + 1} has no supporting evidence: link an engagement, an attachment or an impact.`);
  });

  if (!filled(pkg.risksSummary)) problem('risksSummary', 'Summarise the risks and impacts the findings show.');

  const written = pkg.asks.filter((a) => filled(a.text));
  if (written.length < REQUIRED_ASKS) problem('asks', `${written.length} of ${REQUIRED_ASKS} asks written.`);
  if (written.length > 0 && written.every((a) => a.audience === 'company')) {
    problem('asks', 'Every ask is to companies: address at least one to governments.');
  }
  if (written.length > 0 && written.every((a) => a.audience === 'government')) {
    problem('asks', 'Every ask is to governments: address at least one to companies.');
  }

  if (!pkg.forumMechanismId) problem('forumMechanismId', 'Choose the forum this package is for from the directory.');
  if (pkg.partners.length === 0) problem('partners', 'Name the partner organisations who will speak with you.');

  return { ready: problems.length === 0, problems, asksWritten: written.length, findingsWritten };
}
