// What a new draft starts with: the source record's company, findings, impacts, asks, sources with
// their hashes and the engagement history, put into the route's fields and into a body laid out by
// the template's sections. Everything here is read from the vault; nothing is invented, and a
// section with nothing to say is left as its heading for the user to write.
//
// Stakeholders appear by pseudonym only: an assessment's private names live in their own table and
// are never read here.
import crypto from 'node:crypto';
import type { z } from 'zod';
import type { AssessmentRecord } from '@shared/api/assessments';
import type { Company, Engagement } from '@shared/api/diary';
import type { EvidencePackage, Plan } from '@shared/api/plans';
import {
  SubmissionFields,
  type CitedSource,
  type SubmissionDraft,
  type SubmissionFields as Fields,
  type SubmissionSource,
  type SubmissionTemplate,
  type TemplateTranslation,
} from '@shared/api/submissions';
import { findAssessment } from '../assessments/repository';
import { findCompany } from '../diary/repository';
import { NCP_PRACTICE, OECD_ADHERENTS } from '../plans/ncp-sources';
import { routeOecdComplaint } from '../plans/oecd';
import { findPackage, findPlan } from '../plans/repository';
import type { VaultDatabase } from '../vault/open';
import { prefillPhrases, type PrefillPhraseKey, type PrefillPhrases } from './document-labels';
import * as repo from './repository';
import { documentLanguage } from './translations';

type ParsedDraft = z.output<typeof SubmissionDraft>;

export interface PrefillDeps {
  /**
   * How many of the company's latest diary entries the history takes when the source links none.
   * Linked entries (plan, step, package evidence) are taken instead when there are any, up to
   * `maxLinked`: either way start reads a bounded number of rows, whatever the diary's size.
   */
  recentEngagements: number;
  maxLinked: number;
}

const DEFAULTS: PrefillDeps = { recentEngagements: 20, maxLinked: 100 };

/** Everything the sources say, gathered once; each route takes what it needs. */
interface Context {
  title: string;
  company: Company | null;
  plan: Plan | null;
  step: Plan['steps'][number] | null;
  pkg: EvidencePackage | null;
  assessment: AssessmentRecord | null;
  engagements: Engagement[];
  /** The app's phrases in the language the draft's document will be exported in. */
  say: PrefillPhrases;
  /** A country code as that language names it; English keeps the bare code the directory uses. */
  country: (iso2: string) => string;
}

/** The language a new draft asks for, and the translations that decide whether its document can be written in it. */
export interface PrefillLanguage {
  language: string;
  translations: ReadonlyMap<string, TemplateTranslation>;
}

const ENGLISH: PrefillLanguage = { language: 'en', translations: new Map() };

const SOURCE_TITLES: Record<NonNullable<SubmissionSource>['kind'], PrefillPhraseKey> = { planStep: 'sourceStep', package: 'sourcePackage', assessment: 'sourceAssessment' };
const STATUS_WORDS: Record<Engagement['commitments'][number]['status'], PrefillPhraseKey> = {
  open: 'statusOpen',
  kept: 'statusKept',
  'partly-kept': 'statusPartlyKept',
  broken: 'statusBroken',
  withdrawn: 'statusWithdrawn',
};
const CHANNEL_WORDS: Record<Engagement['channel'], PrefillPhraseKey> = {
  meeting: 'channelMeeting',
  call: 'channelCall',
  email: 'channelEmail',
  letter: 'channelLetter',
  consultation: 'channelConsultation',
  forum: 'channelForum',
  other: 'channelOther',
};

function countryNamer(language: string): (iso2: string) => string {
  if (language === 'en') return (iso2) => iso2;
  const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
  return (iso2) => {
    try {
      return names.of(iso2.toUpperCase()) ?? iso2;
    } catch {
      // Not a well-formed region code: the user's own value, kept as written.
      return iso2;
    }
  };
}

function gather(db: VaultDatabase, source: SubmissionSource, deps: PrefillDeps, say: PrefillPhrases, country: Context['country']): Context {
  let plan: Plan | null = null;
  let step: Context['step'] = null;
  let pkg: EvidencePackage | null = null;
  let assessment: AssessmentRecord | null = null;
  if (source?.kind === 'planStep') {
    plan = findPlan(db, source.planId) ?? null;
    step = plan?.steps.find((s) => s.id === source.stepId) ?? null;
    const pkgId = plan && repo.latestPackageIdOfPlan(db, plan.id);
    pkg = (pkgId && findPackage(db, pkgId)) || null;
    const assessmentId = plan && (repo.latestAssessmentIdUsing(db, { planId: plan.id }) ?? (pkg ? repo.latestAssessmentIdUsing(db, { packageId: pkg.id }) : undefined));
    assessment = (assessmentId && findAssessment(db, assessmentId)) || null;
  } else if (source?.kind === 'package') {
    pkg = findPackage(db, source.id) ?? null;
    plan = (pkg?.planId && findPlan(db, pkg.planId)) || null;
    const assessmentId = pkg && repo.latestAssessmentIdUsing(db, { packageId: pkg.id });
    assessment = (assessmentId && findAssessment(db, assessmentId)) || null;
  } else if (source?.kind === 'assessment') {
    assessment = findAssessment(db, source.id) ?? null;
    pkg = (assessment?.use.packageId && findPackage(db, assessment.use.packageId)) || null;
    plan = (assessment?.use.planId && findPlan(db, assessment.use.planId)) || null;
  }
  const companyId = (source?.kind === 'assessment' ? assessment?.companyId : null) ?? pkg?.companyId ?? plan?.companyId ?? assessment?.companyId ?? null;
  const company = (companyId && findCompany(db, companyId)) || null;

  // The history: the entries the plan, the step and the package's evidence link, when there are
  // any; otherwise the company's latest few. Never the whole diary (10k entries would make start slow).
  const linked = [
    ...new Set([
      ...(step?.engagementIds ?? []),
      ...(plan?.engagementIds ?? []),
      ...(pkg?.findings.flatMap((f) => f.evidence.filter((l) => l.kind === 'engagement').map((l) => l.id)) ?? []),
    ]),
  ].slice(0, deps.maxLinked);
  const docs = linked.length > 0 ? repo.engagementDocs(db, linked) : company ? repo.recentEngagementDocs(db, company.id, deps.recentEngagements).reverse() : [];
  const engagements = docs.map((doc) => JSON.parse(doc) as Engagement);

  const title = step?.title || pkg?.title || assessment?.title || plan?.title || (source ? say(SOURCE_TITLES[source.kind]) : '');
  return { title, company, plan, step, pkg, assessment, engagements, say, country };
}

// ---- Pieces of text, each from one kind of content ----

const day = (iso: string) => iso.slice(0, 10);
const line = (parts: Array<string | null | undefined | false>) => parts.filter(Boolean).join(' ');

function findingsOf(c: Context): string[] {
  const fromPackage = (c.pkg?.findings ?? []).filter((f) => f.included && (f.title || f.statement)).map((f) => line([f.title && `**${f.title}.**`, f.statement]));
  const fromAssessment = (c.assessment?.findings ?? []).filter((f) => f.title || f.statement).map((f) => line([f.title && `**${f.title}.**`, f.statement]));
  return fromPackage.length > 0 ? fromPackage : fromAssessment;
}

function impactsOf(c: Context): string[] {
  return (c.assessment?.impacts ?? []).map((i) => line([i.title && `**${i.title}**`, i.occurredOn && `(${i.occurredOn})`, i.whatHappened]));
}

function asksOf(c: Context, audience?: 'company' | 'government'): string[] {
  const fromPackage = (c.pkg?.asks ?? []).filter((a) => a.included && a.text && (!audience || a.audience === audience)).map((a) => a.text);
  const fromAssessment = (c.assessment?.recommendations ?? [])
    .filter((r) => r.text && (!audience || (audience === 'government' ? r.audience !== 'company' : r.audience === 'company')))
    .map((r) => r.text);
  return fromPackage.length > 0 ? fromPackage : fromAssessment;
}

/** Evidence the package's findings cite, each with the hash its link pinned. */
function sourcesOf(c: Context): CitedSource[] {
  const seen = new Set<string>();
  const out: CitedSource[] = [];
  for (const finding of c.pkg?.findings ?? []) {
    if (!finding.included) continue;
    for (const link of finding.evidence) {
      const key = `${link.kind}:${link.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ title: link.label || link.kind, ...(link.hash && { hash: link.hash }) });
    }
  }
  return out.slice(0, 100);
}

/** "T&S lead committed to: Review 40 flagged posts (due 2026-10-15, open)". */
function commitmentText(c: Context, k: Engagement['commitments'][number]): string {
  const status = c.say(STATUS_WORDS[k.status]);
  return line([k.owner ? c.say('committedTo', { owner: k.owner, text: k.text }) : k.text, k.dueDate ? c.say('dueStatus', { date: k.dueDate, status }) : c.say('status', { status })]);
}

/** Each entry: its date and channel, what it was about, what was raised and said, and what the company committed to. */
function engagementLines(c: Context): string[] {
  return c.engagements.map((e) =>
    line([
      c.say('dateChannel', { date: day(e.occurredAt), channel: c.say(CHANNEL_WORDS[e.channel]) }),
      e.title || e.purpose,
      e.concerns.length > 0 && c.say('concernsRaised', { concerns: e.concerns.join(c.say('listSeparator')) }),
      e.outcome && c.say('outcome', { outcome: e.outcome }),
      e.commitments.length > 0 && c.say('commitments', { commitments: e.commitments.map((k) => commitmentText(c, k)).join(c.say('listSeparator')) }),
    ]),
  );
}

function commitmentLines(c: Context): string[] {
  return c.engagements.flatMap((e) => e.commitments.map((k) => `${day(e.occurredAt)}: ${commitmentText(c, k)}`));
}

/** Stakeholders by pseudonym and group only. */
function stakeholderLines(c: Context): string[] {
  return (c.assessment?.stakeholders ?? []).map((s) => line([s.pseudonym, s.group && `(${s.group})`]));
}

function victims(c: Context): Extract<Fields, { route: 'spCommunication' }>['victims'] {
  return (c.assessment?.stakeholders ?? []).slice(0, 200).map((s) => ({
    id: crypto.randomUUID(),
    pseudonym: s.pseudonym,
    realNameKnown: false,
    consentToBeNamed: s.consent.unSubmission === 'refused' || s.consent.unSubmission === 'withdrawn' ? 'refused' : s.consent.unSubmission.startsWith('given') ? 'given' : 'notRecorded',
    personId: null,
  }));
}

function datesAndPlaces(c: Context): string {
  const impacts = (c.assessment?.impacts ?? []).filter((i) => i.occurredOn).map((i) => line([`${i.occurredOn}:`, i.title]));
  const countries = c.plan?.harmCountries ?? [];
  return [...impacts, countries.length > 0 ? c.say('harmCountries', { countries: countries.map(c.country).join(c.say('countrySeparator')) }) : ''].filter(Boolean).join('\n');
}

/** A field holds at most 40,000 characters: a long history is cut at a line, and the user sees where. */
const FIELD_CHARS = 40_000;
function clip(text: string): string {
  if (text.length <= FIELD_CHARS) return text;
  const cut = text.lastIndexOf('\n', FIELD_CHARS - 2);
  return `${text.slice(0, cut > 0 ? cut : FIELD_CHARS - 2)}\n…`;
}
const joinLines = (lines: string[]) => clip(lines.join('\n\n'));
const bullets = (lines: string[]) => clip(lines.map((l) => `- ${l}`).join('\n'));

function sectionText(c: Context, prefill: SubmissionTemplate['sections'][number]['prefill'], fields: Fields): string {
  switch (prefill) {
    case 'none':
      return '';
    case 'company':
      return c.company ? line([c.company.name, c.company.hqCountry && c.say('headquarters', { country: c.country(c.company.hqCountry) })]) : '';
    case 'findings':
    case 'facts':
      return joinLines([...findingsOf(c), ...(prefill === 'facts' ? impactsOf(c) : [])]);
    case 'impacts':
      return joinLines(impactsOf(c));
    case 'asks':
    case 'request':
      return bullets(asksOf(c, fields.route === 'spCommunication' ? 'government' : undefined));
    case 'sources':
      return bullets(sourcesOf(c).map((s) => line([s.title, s.hash && `(SHA-256 ${s.hash})`])));
    case 'engagements':
      return bullets(engagementLines(c));
    case 'commitments':
      return bullets(commitmentLines(c));
    case 'victims':
      return bullets(fields.route === 'spCommunication' ? fields.victims.map((v) => v.pseudonym) : stakeholderLines(c));
    case 'stakeholders':
      return bullets(stakeholderLines(c));
    case 'domesticSteps':
      return fields.route === 'spCommunication' ? fields.domesticSteps : '';
    case 'recommendations':
      return fields.route === 'uprStakeholder' ? bullets(fields.recommendations.map((r) => r.text)) : '';
    case 'methodology': {
      const m = c.pkg?.methodology;
      return m ? joinLines([m.verification, m.limitations].filter(Boolean)) : '';
    }
  }
}

/** The NCP the directory's routing says would normally lead (its country code), when it routes at all. */
function leadNcp(c: Context): string | null {
  if (!c.company && !c.plan) return null;
  const routing = routeOecdComplaint(OECD_ADHERENTS, NCP_PRACTICE, {
    hqCountry: c.company?.hqCountry ?? '',
    harmCountries: c.plan?.harmCountries ?? [],
    operatingCountries: c.plan?.operatingCountries ?? [],
    entityCountries: c.plan?.entityCountries ?? [],
  });
  return routing.status === 'routed' ? (routing.ncps.find((n) => n.lead)?.iso2 ?? null) : null;
}

function fieldsFor(route: SubmissionTemplate['route'], c: Context): Fields {
  const companyIds = c.company ? [c.company.id] : [];
  const findings = joinLines(findingsOf(c));
  switch (route) {
    case 'spCommunication':
      return SubmissionFields.parse({
        route,
        victims: victims(c),
        perpetrators: { stateActors: '', companyIds },
        datesAndPlaces: datesAndPlaces(c),
        facts: joinLines([...findingsOf(c), ...impactsOf(c)]),
        request: bullets(asksOf(c, 'government')),
        mandates: c.step?.mandates ?? [],
      });
    case 'uprStakeholder':
      return SubmissionFields.parse({
        route,
        stateUnderReview: c.plan?.harmCountries[0] ?? null,
        joint: (c.plan?.partners.length ?? 0) > 0 || (c.pkg?.partners.length ?? 0) > 0,
        coalitionMembers: [...new Set([...(c.plan?.partners ?? []), ...(c.pkg?.partners ?? [])].map((p) => p.name))],
        // Only asks already addressed to a government: the UPR reviews the State, not the company.
        recommendations: asksOf(c, 'government').map((text) => ({ id: crypto.randomUUID(), text, addressee: 'state' })),
      });
    case 'ncpSpecificInstance':
      return SubmissionFields.parse({
        route,
        enterprises: { companyIds, entityNames: c.company ? [c.company.name] : [] },
        whereIssueArose: c.plan?.harmCountries[0] ?? null,
        ncpId: leadNcp(c),
      });
    case 'bhrrcResponse':
      return SubmissionFields.parse({ route, allegationSummary: findings, sources: sourcesOf(c), questions: bullets(asksOf(c, 'company')) });
    case 'rightOfReply':
      return SubmissionFields.parse({ route, findingsToPublish: findings });
    case 'oversightBoard':
      return SubmissionFields.parse({ route });
    case 'trustedPartner':
      return SubmissionFields.parse({ route, ask: bullets(asksOf(c, 'company')) });
  }
}

/** The body: the template's sections in order, numbered paragraphs where the body expects them. */
export function layoutBody(template: SubmissionTemplate, texts: Array<{ heading: string; text: string }>): string {
  let paragraph = 0;
  return texts
    .map(({ heading, text }) => {
      const head = template.layout === 'letter' ? `**${heading}**` : `## ${heading}`;
      if (!text) return head;
      if (template.layout !== 'numberedParagraphs') return `${head}\n\n${text}`;
      // Every paragraph or list item is one numbered paragraph, numbered across sections.
      const paragraphs = text.split(/\n{2,}|\n(?=- )/).map((p) => p.replace(/^- /, '').trim()).filter(Boolean);
      return `${head}\n\n${paragraphs.map((p) => `${++paragraph}. ${p}`).join('\n\n')}`;
    })
    .join('\n\n');
}

/**
 * A new draft. Its phrases, headings and title are in the language its document will be exported
 * in (the asked language when the body accepts it and its translation writes the whole document,
 * otherwise English), so a filing never starts with English words the user must find and replace.
 */
export function prefill(
  db: VaultDatabase,
  template: SubmissionTemplate,
  source: SubmissionSource,
  overrides: Partial<PrefillDeps> = {},
  asked: PrefillLanguage = ENGLISH,
): ParsedDraft {
  const language = documentLanguage(asked.language, template, asked.translations);
  const translation = language === 'en' ? null : (asked.translations.get(language) ?? null);
  const texts = translation?.routes[template.route];
  const c = gather(db, source, { ...DEFAULTS, ...overrides }, prefillPhrases(translation), countryNamer(language));
  const fields = fieldsFor(template.route, c);
  const body = layoutBody(
    template,
    template.sections.map((s) => ({ heading: texts?.sections[s.id]?.heading ?? s.heading, text: sectionText(c, s.prefill, fields) })),
  );
  return {
    route: template.route,
    title: `${texts?.name ?? template.name}: ${c.title || c.company?.name || ''}`.replace(/: $/, '').slice(0, 300),
    source,
    companyIds: c.company ? [c.company.id] : [],
    fields,
    body,
    language,
    filingDeadline: c.step?.targetDate ?? null,
    status: 'drafting',
    filedOn: null,
    outcomeNote: '',
    includeHashAppendix: false,
  };
}
