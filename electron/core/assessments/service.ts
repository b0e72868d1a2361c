// CLARITI assessments: every write is one transaction with its revision and its search entry, like
// the diary. The safety gate, phase progress and the anonymisation check are pure rules next to
// this file; the private names are written beside the record, never into it.
import crypto from 'node:crypto';
import type { z } from 'zod';
import {
  AssessmentDraft as AssessmentDraftSchema,
  AssessmentRecord as RecordSchema,
  type Assessment,
  type AssessmentCheck,
  type AssessmentGuide,
  type AssessmentRecord,
  type AssessmentSummary,
  type ImpactEvidenceDraft,
  type ImpactOption,
} from '@shared/api/assessments';
import { PACKAGE_MAX_ASKS, PACKAGE_MAX_FINDINGS, PackageDraft as PackageDraftSchema, PlanDraft as PlanDraftSchema, type EvidenceLinkDraft, type ExportFile, type ExportFormat } from '@shared/api/plans';
import { findCompany } from '../diary/repository';
import type { CheckedExporter, Outgoing } from '../export-check/checked-exporter';
import type { ExportIdentityInput } from '../export-check/gate';
import type { KbService } from '../kb/service';
import { DIARY_EVIDENCE } from '../plans/evidence';
import { reviewFromAssessment } from '../plans/package-review';
import type { PackageService } from '../plans/package-service';
import type { PlanService } from '../plans/plan-service';
import { findPackage, findPlan } from '../plans/repository';
import { appendRevision, latestHash } from '../records/revisions';
import type { RecordIndex } from '../records/search-index';
import { DomainError } from '../rpc/domain-error';
import type { VaultDatabase } from '../vault/open';
import { checkAssessment } from './check';
import { loadExamples } from './examples';
import { CLARITI_SECTION, guideFromSection } from './guide';
import { harmLabel, severityText } from './labels';
import { datesIn } from '../exports/document';
import { exportLabels, labelLanguage } from '../exports/labels';
import { assembleReportMarkdown, type ReportContext } from './report-markdown';
import { reportDocument } from './report-document';
import * as repo from './repository';
import { isSafetyAnswered, phaseProgress, phasesStarted, unconfirmedItems } from './rules';

type ParsedDraft = z.output<typeof AssessmentDraftSchema>;
/** A draft for the check and the report assembler: it may have no title yet. */
type LooseDraft = Omit<ParsedDraft, 'title'> & { title: string };

export interface AssessmentsDeps {
  database: () => VaultDatabase;
  index: RecordIndex;
  kb: KbService;
  /** Makes files, after the identity check on exactly what they print. */
  exporter: CheckedExporter;
  plans: PlanService;
  packages: PackageService;
  /** Where resources/examples lives. */
  resourcesDir: string;
  now?: () => Date;
}

const NOT_FOUND = 'That assessment is not in this vault. It may have been deleted.';
const SAFETY_GATE =
  'Answer the "Safety first" step before working on the phases: confirm that your security protocol was consulted and record the risk level and mitigations, or say why it does not apply. Nothing was saved.';

export class AssessmentService {
  private readonly now: () => Date;

  constructor(private readonly deps: AssessmentsDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private get db(): VaultDatabase {
    return this.deps.database();
  }

  list(): AssessmentSummary[] {
    const db = this.db;
    return [...repo.liveAssessments(db)].map((record) => ({
      id: record.id,
      title: record.title,
      platform: record.platform,
      companyName: this.companyName(db, record.companyId),
      example: record.example,
      safetyAnswered: isSafetyAnswered(record.safety),
      phasesComplete: phaseProgress(record).filter((p) => p.complete).length,
      impacts: record.impacts.length,
      updatedAt: record.updatedAt,
    }));
  }

  get(id: string): Assessment {
    const db = this.db;
    const record = repo.findAssessment(db, id);
    if (!record) throw new DomainError('NOT_FOUND', 'assessments.notFound', NOT_FOUND);
    return { ...record, privateNames: repo.privateNamesOf(db, id) };
  }

  save(draft: ParsedDraft): Assessment {
    const db = this.db;
    const at = this.now().toISOString();
    if (!isSafetyAnswered(draft.safety) && phasesStarted(draft)) throw new DomainError('CONFLICT', 'assessments.safetyFirst', SAFETY_GATE, { fields: ['safety'] });
    this.assertFrameworksExist(draft);
    return db.transaction(() => {
      const existing = draft.id ? repo.findAssessment(db, draft.id) : undefined;
      if (draft.id && !existing) throw new DomainError('NOT_FOUND', 'assessments.notFound', NOT_FOUND);
      if (draft.companyId && !findCompany(db, draft.companyId)) throw new DomainError('NOT_FOUND', 'records.chooseCompanyInVault', 'Choose a company that is in this vault.', { fields: ['companyId'] });
      const id = existing?.id ?? crypto.randomUUID();
      draft.impacts.forEach((impact, i) => {
        const owner = repo.assessmentIdOfImpact(db, impact.id);
        if (owner && owner !== id) throw new DomainError('CONFLICT', 'assessments.impactElsewhere', `Impact ${i + 1} belongs to another assessment. Add it as a new impact instead.`, { fields: [`impacts.${i}`], params: { number: i + 1 } });
      });
      const { privateNames, ...rest } = withoutDanglingLinks(draft);
      const record = RecordSchema.parse({
        ...rest,
        impacts: rest.impacts.map((impact, i) => ({ ...impact, evidence: this.pinImpactEvidence(db, impact.evidence, i) })),
        use: { ...draft.use, planId: existing?.use.planId ?? null, packageId: existing?.use.packageId ?? null },
        example: existing?.example ?? false,
        id,
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
      });
      this.write(db, record, at);
      repo.replacePrivateNames(db, id, privateNames);
      return { ...record, privateNames: repo.privateNamesOf(db, id) };
    })();
  }

  delete(id: string): void {
    const db = this.db;
    db.transaction(() => {
      if (!repo.findAssessment(db, id)) throw new DomainError('NOT_FOUND', 'assessments.notFound', NOT_FOUND);
      this.remove(db, id);
    })();
  }

  guide(): AssessmentGuide {
    return guideFromSection(this.deps.kb.getSection(CLARITI_SECTION).markdown);
  }

  /** Works on unsaved drafts; a saved assessment's phase 8 results come from the vault. */
  check(draft: LooseDraft & { id?: string | undefined }): AssessmentCheck {
    const saved = draft.id ? repo.findAssessment(this.db, draft.id) : undefined;
    return checkAssessment({ ...draft, use: { ...draft.use, planId: saved?.use.planId ?? null, packageId: saved?.use.packageId ?? null } }, draft.privateNames);
  }

  assembleReport(draft: LooseDraft, locale?: string): string {
    return assembleReportMarkdown(draft, this.reportContext(this.db, draft.companyId, locale));
  }

  /**
   * The identity check (stakeholders' real names are in its register) runs on the compiled report
   * exactly as printed, and refuses while a flagged item has no decision.
   */
  async export(id: string, format: ExportFormat, descriptiveName: boolean, identity: ExportIdentityInput, locale?: string): Promise<ExportFile> {
    return this.deps.exporter.render({ kind: 'assessment', id }, this.outgoing(id, descriptiveName, locale), format, identity);
  }

  /** What an export of the report would write now. */
  outgoing(id: string, descriptiveName: boolean, locale?: string): Outgoing {
    const db = this.db;
    const { privateNames: _names, ...record } = this.get(id);
    const currentHashes = new Map<string, string | null>();
    for (const link of record.impacts.flatMap((impact) => impact.evidence)) {
      currentHashes.set(`${link.kind}:${link.id}`, DIARY_EVIDENCE[link.kind]?.(db, link.id)?.currentHash ?? null);
    }
    const saved = record.report.markdown.trim();
    const doc = reportDocument({
      record,
      markdown: saved || this.assembleReport({ ...record, privateNames: [] }, locale),
      assembledNow: !saved,
      assessmentHash: latestHash(db, 'assessment', id),
      companyName: this.companyName(db, record.companyId),
      unconfirmed: unconfirmedItems(record),
      currentHashes,
      generatedAt: this.now().toISOString(),
      locale,
    });
    return { doc, descriptiveName: descriptiveName ? record.title : null };
  }

  /**
   * Phase 8 in one step and one transaction: a strategy plan from a ladder template (objective and
   * context from phase 1, the diary entries the impacts cite) and an evidence package (every
   * finding, citing its impacts and keeping its reviewer confirmation, and every recommendation as
   * an ask, all chosen: the user unticks and reorders them in the package).
   */
  useResults(id: string, templateId: string, forumMechanismId: string | null) {
    const db = this.db;
    return db.transaction(() => {
      const { privateNames: _names, ...record } = this.get(id);
      if (!isSafetyAnswered(record.safety)) throw new DomainError('CONFLICT', 'assessments.safetyFirst', SAFETY_GATE, { fields: ['safety'] });
      if (record.use.planId && record.use.packageId && findPlan(db, record.use.planId) && findPackage(db, record.use.packageId)) {
        throw new DomainError('CONFLICT', 'assessments.alreadyUsed', 'This assessment already has a strategy plan and an evidence package. Open them from phase 8; nothing new was made.');
      }
      const findings = record.findings.filter((f) => f.title.trim() && f.statement.trim());
      const asks = record.recommendations.filter((r) => r.text.trim());
      if (findings.length === 0) throw new DomainError('CONFLICT', 'assessments.needFinding', 'Write at least one finding with a title and a statement in phase 7 first. Nothing was made.', { fields: ['findings'] });
      if (asks.length === 0) throw new DomainError('CONFLICT', 'assessments.needRecommendation', 'Write at least one recommendation in phase 6 first. Nothing was made.', { fields: ['recommendations'] });

      const engagementIds = [...new Set(record.impacts.flatMap((i) => i.evidence.filter((e) => e.kind === 'engagement').map((e) => e.id)))];
      const template = this.deps.plans.fromTemplate(templateId, record.companyId);
      const plan = this.deps.plans.save(
        PlanDraftSchema.parse({
          ...template,
          title: `${record.title} — strategy`.slice(0, 300),
          objective: record.purpose.objectives,
          context: [record.purpose.scope, `From the CLARITI assessment "${record.title}".`].filter(Boolean).join('\n\n'),
          engagementIds: engagementIds.filter((e) => DIARY_EVIDENCE.engagement?.(db, e)),
        }),
      );
      const impactsById = new Map(record.impacts.map((impact) => [impact.id, impact]));
      const pkg = this.deps.packages.save(
        PackageDraftSchema.parse({
          title: `${record.title} — evidence package`.slice(0, 300),
          planId: plan.id,
          companyId: record.companyId,
          findings: findings.slice(0, PACKAGE_MAX_FINDINGS).map((finding) => ({
            id: crypto.randomUUID(),
            title: finding.title,
            statement: finding.statement,
            evidence: findingEvidence(finding.impactIds, impactsById),
            review: reviewFromAssessment(finding.review),
          })),
          risksSummary: risksSummary(record),
          asks: asks.slice(0, PACKAGE_MAX_ASKS).map((r) => ({ id: crypto.randomUUID(), audience: r.audience, text: r.text })),
          forumMechanismId,
        }),
      );
      const at = this.now().toISOString();
      this.write(db, { ...record, use: { ...record.use, planId: plan.id, packageId: pkg.id }, updatedAt: at }, at);
      return {
        assessment: this.get(id),
        planId: plan.id,
        packageId: pkg.id,
        findingsLeftOut: Math.max(0, findings.length - PACKAGE_MAX_FINDINGS),
        asksLeftOut: Math.max(0, asks.length - PACKAGE_MAX_ASKS),
      };
    })();
  }

  impacts(): ImpactOption[] {
    return [...repo.liveAssessments(this.db)].flatMap((record) =>
      record.impacts.map((impact) => ({ id: impact.id, assessmentId: record.id, assessmentTitle: record.title, title: impact.title, harm: impact.harm, example: record.example })),
    );
  }

  /** Adds the examples unless some are already in the vault. */
  addExamples(): { added: number } {
    const db = this.db;
    if (repo.exampleIds(db).length > 0) return { added: 0 };
    const examples = loadExamples(this.deps.resourcesDir);
    const at = this.now().toISOString();
    db.transaction(() => {
      for (const { privateNames: _none, ...draft } of examples) {
        this.write(db, RecordSchema.parse({ ...draft, use: { ...draft.use, planId: null, packageId: null }, example: true, id: crypto.randomUUID(), createdAt: at, updatedAt: at }), at);
      }
    })();
    return { added: examples.length };
  }

  /** Deletes only the records flagged as examples, each leaving a tombstone in the history. */
  removeExamples(): { removed: number } {
    const db = this.db;
    return db.transaction(() => {
      const ids = repo.exampleIds(db);
      for (const id of ids) this.remove(db, id);
      return { removed: ids.length };
    })();
  }

  /** Record, revision and search entry, always together. Examples stay out of the user's record search. */
  private write(db: VaultDatabase, record: AssessmentRecord, at: string): void {
    repo.insertOrReplaceAssessment(db, record);
    appendRevision(db, 'assessment', record.id, record, at);
    if (record.example) this.deps.index.remove(db, 'assessment', record.id);
    else this.deps.index.put(db, 'assessment', record.id, record.title, assessmentText(record), record.updatedAt);
  }

  private remove(db: VaultDatabase, id: string): void {
    repo.deleteAssessmentRow(db, id);
    appendRevision(db, 'assessment', id, null, this.now().toISOString());
    this.deps.index.remove(db, 'assessment', id);
  }

  private pinImpactEvidence(db: VaultDatabase, links: ImpactEvidenceDraft[], index: number) {
    const pinned: AssessmentRecord['impacts'][number]['evidence'] = [];
    for (const link of links) {
      const found = DIARY_EVIDENCE[link.kind]?.(db, link.id);
      const fields = [`impacts.${index}.evidence`];
      if (!found) throw new DomainError('NOT_FOUND', 'assessments.impactEvidenceGone', `Impact ${index + 1} cites a diary entry or attachment that is not in this vault. Remove that link and save again.`, { fields, params: { number: index + 1 } });
      if (link.hash && !found.knows(link.hash)) {
        throw new DomainError('CONFLICT', 'assessments.impactEvidenceUnknownVersion', `Impact ${index + 1} cites a version of a diary record that this vault never had. Link it again to cite the current version.`, { fields, params: { number: index + 1 } });
      }
      if (!pinned.some((p) => p.kind === link.kind && p.id === link.id)) {
        pinned.push({ kind: link.kind, id: link.id, hash: link.hash ?? found.currentHash, label: found.label.slice(0, 400) });
      }
    }
    return pinned;
  }

  private assertFrameworksExist(draft: ParsedDraft): void {
    const known = new Set(this.deps.kb.listFrameworks().map((f) => f.id));
    draft.issues.forEach((issue, i) => {
      if (issue.frameworkIds.some((id) => !known.has(id))) {
        throw new DomainError('NOT_FOUND', 'assessments.frameworkNotFound', `Concern ${i + 1} names a framework that is not in the knowledge base of this version. Choose one from the list.`, {
          params: { number: i + 1 },
          fields: [`issues.${i}.frameworkIds`],
        });
      }
    });
  }

  private reportContext(db: VaultDatabase, companyId: string | null, locale: string | undefined): ReportContext {
    const names = new Map(this.deps.kb.listFrameworks(labelLanguage(locale)).map((f) => [f.id, f.name]));
    return { frameworkName: (id: string) => names.get(id) ?? id, companyName: this.companyName(db, companyId), day: datesIn(locale), labels: exportLabels(locale) };
  }

  private companyName(db: VaultDatabase, companyId: string | null): string | null {
    return companyId ? (findCompany(db, companyId)?.name ?? null) : null;
  }
}

/**
 * Links to stakeholders, concerns or impacts that the same draft no longer holds are dropped, as a
 * deleted row's references would be: removing a stakeholder also removes their real name.
 */
function withoutDanglingLinks(draft: ParsedDraft): ParsedDraft {
  const stakeholders = new Set(draft.stakeholders.map((s) => s.id));
  const issues = new Set(draft.issues.map((i) => i.id));
  const impacts = new Set(draft.impacts.map((i) => i.id));
  return {
    ...draft,
    privateNames: draft.privateNames.filter((n) => stakeholders.has(n.stakeholderId)),
    impacts: draft.impacts.map((impact) => ({
      ...impact,
      stakeholderIds: [...new Set(impact.stakeholderIds)].filter((id) => stakeholders.has(id)),
      issueIds: [...new Set(impact.issueIds)].filter((id) => issues.has(id)),
    })),
    recommendations: draft.recommendations.map((r) => ({ ...r, impactIds: [...new Set(r.impactIds)].filter((id) => impacts.has(id)) })),
    findings: draft.findings.map((f) => ({ ...f, impactIds: [...new Set(f.impactIds)].filter((id) => impacts.has(id)) })),
  };
}

/** A finding's evidence in a package: its impacts, then the diary records those impacts cite. */
function findingEvidence(impactIds: string[], impacts: Map<string, AssessmentRecord['impacts'][number]>): EvidenceLinkDraft[] {
  const links: EvidenceLinkDraft[] = impactIds.filter((id) => impacts.has(id)).map((id) => ({ kind: 'impact', id }));
  for (const id of impactIds) {
    for (const link of impacts.get(id)?.evidence ?? []) {
      if (!links.some((l) => l.kind === link.kind && l.id === link.id)) links.push({ kind: link.kind, id: link.id, hash: link.hash });
    }
  }
  return links.slice(0, 100);
}

function risksSummary(record: AssessmentRecord): string {
  if (record.impacts.length === 0) return '';
  const lines = record.impacts.map((impact, i) => `Impact ${i + 1}: ${impact.title || harmLabel(impact.harm)} (${harmLabel(impact.harm)}; severity ${severityText(impact.severity, impact.nature)}).`);
  return [`The CLARITI assessment "${record.title}" documented ${record.impacts.length} ${record.impacts.length === 1 ? 'impact' : 'impacts'}.`, ...lines].join('\n');
}

export function assessmentText(record: AssessmentRecord): string[] {
  return [
    record.title,
    record.platform,
    record.purpose.scope,
    record.purpose.objectives,
    record.purpose.audience,
    ...record.team.flatMap((m) => [m.name, m.role]),
    // Pseudonyms only: real names are not in the record at all.
    ...record.stakeholders.flatMap((s) => [s.pseudonym, s.group, s.notes]),
    ...record.issues.flatMap((i) => [i.concern, i.notes]),
    ...record.legal.items.flatMap((i) => [i.name, i.jurisdiction, i.relevance]),
    record.legal.notes,
    ...record.impacts.flatMap((i) => [i.title, i.whatHappened, i.platformFeature, ...i.sources.map((s) => s.text), i.severity.rationale, i.involvementNote, i.corroboration.note]),
    ...record.recommendations.map((r) => r.text),
    ...record.findings.flatMap((f) => [f.title, f.statement, ...f.sources.map((s) => s.text), f.corroboration.note]),
    record.report.markdown,
    record.report.executiveSummary,
    record.report.limitations,
    ...publicationText(record.publication),
    record.use.notes,
    ...record.use.deployments.map((d) => d.what),
  ];
}

function publicationText({ validation, rightOfReply, legalReview }: AssessmentRecord['publication']): string[] {
  return [
    validation.how,
    validation.feedback,
    validation.notPossibleReason,
    rightOfReply.partner,
    rightOfReply.routeReason,
    rightOfReply.response,
    rightOfReply.notSoughtReason,
    legalReview.reviewerRole,
    legalReview.risks,
  ];
}
