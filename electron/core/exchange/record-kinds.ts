// What a partner bundle can carry, one entry per record kind. Adding a kind (say, a new report) is
// one more entry here: how to list and load it, what to drop before it leaves the vault, and how
// to write it as a new record (record, revision and search entry together, as its service does).
import crypto from 'node:crypto';
import type { z } from 'zod';
import type { EntityKind } from '../records/revisions';
import type { BundleKind } from '@shared/api/exchange';
import { AssessmentRecord } from '@shared/api/assessments';
import { EvidencePackage, Plan } from '@shared/api/plans';
import { Submission } from '@shared/api/submissions';
import { AssessmentRecordAnyVersion } from '../assessments/legacy-shape';
import * as assessmentsRepo from '../assessments/repository';
import { assessmentText } from '../assessments/service';
import { packageText } from '../plans/package-service';
import { planText } from '../plans/plan-service';
import { receivedEvidence } from '../plans/evidence';
import { receivedReview } from '../plans/package-review';
import * as plansRepo from '../plans/repository';
import { appendRevision } from '../records/revisions';
import type { RecordIndex } from '../records/search-index';
import * as submissionsRepo from '../submissions/repository';
import { submissionText } from '../submissions/service';
import type { VaultDatabase } from '../vault/open';

/** Source ids → ids in this vault, for links between records of one bundle. */
export type IdMap = ReadonlyMap<string, string>;

/** A diary attachment a record cites, which the sender may choose to include. */
export interface CitedFile {
  attachmentId: string;
  sha256: string;
}

export interface KindSpec<T extends { id: string; title: string; updatedAt: string }> {
  kind: BundleKind;
  entity: EntityKind;
  /** Checks a record read from a bundle; the same schema the record has in its own domain. */
  schema: z.ZodType<T>;
  list(db: VaultDatabase): Iterable<T>;
  find(db: VaultDatabase, id: string): T | undefined;
  /** The record as a partner receives it: private links dropped, links to records in the same bundle kept. */
  forBundle(record: T, inBundle: (kind: BundleKind, id: string) => boolean): T;
  /** Ids inside the record that must be unique across a vault, so they get fresh ones on import. */
  innerIds(record: T): string[];
  /** The record as this vault stores it: a new id, links mapped to this vault, dated now. */
  fromBundle(record: T, ids: IdMap, at: string): T;
  /** The texts its search entry holds (what write() indexes). */
  searchText(record: T): string[];
  write(db: VaultDatabase, index: RecordIndex, record: T, at: string): void;
  citedFiles(record: T): CitedFile[];
}

type AnyRecord = { id: string; title: string; updatedAt: string };
export type AnyKindSpec = KindSpec<AnyRecord>;
// Each entry is checked against its own type here; the registry handles them alike.
const defineKind = <T extends AnyRecord>(spec: KindSpec<T>): AnyKindSpec => spec as unknown as AnyKindSpec;

const remap = (ids: IdMap, id: string | null): string | null => (id === null ? null : (ids.get(id) ?? null));
const newId = (ids: IdMap, id: string): string => ids.get(id) ?? crypto.randomUUID();

type PlanRecord = z.output<typeof Plan>;
const plan = defineKind<PlanRecord>({
  kind: 'plan',
  entity: 'plan',
  schema: Plan,
  list: plansRepo.livePlans,
  find: plansRepo.findPlan,
  // The company record (with its contacts) and the linked diary entries stay private.
  forBundle: (record) => ({ ...record, companyId: null, engagementIds: [], steps: record.steps.map((s) => ({ ...s, engagementIds: [] })) }),
  innerIds: () => [],
  fromBundle: (record, ids, at) => ({
    ...record,
    id: newId(ids, record.id),
    companyId: null,
    engagementIds: [],
    steps: record.steps.map((s) => ({ ...s, engagementIds: [] })),
    createdAt: at,
    updatedAt: at,
  }),
  searchText: planText,
  write(db, index, record, at) {
    plansRepo.insertOrReplacePlan(db, record);
    appendRevision(db, 'plan', record.id, record, at);
    index.put(db, 'plan', record.id, record.title, planText(record), record.updatedAt);
  },
  citedFiles: () => [],
});

type PackageRecord = z.output<typeof EvidencePackage>;
const evidencePackage = defineKind<PackageRecord>({
  kind: 'package',
  entity: 'package',
  schema: EvidencePackage,
  list: plansRepo.livePackages,
  find: plansRepo.findPackage,
  // Evidence links keep their pinned hash: the partner can cite and verify them without the diary
  // entries themselves. On import each link is the sender's, never resolved here (receivedEvidence).
  forBundle: (record, inBundle) => ({ ...record, companyId: null, planId: record.planId && inBundle('plan', record.planId) ? record.planId : null }),
  innerIds: () => [],
  fromBundle: (record, ids, at) => ({
    ...record,
    id: newId(ids, record.id),
    companyId: null,
    planId: remap(ids, record.planId),
    // Only an impact imported from this same bundle may be linked; every other link stays the sender's.
    // A finding's review status is the sender's, and says so when printed.
    findings: record.findings.map((f) => ({
      ...f,
      review: receivedReview(f.review),
      evidence: f.evidence.map((link) => receivedEvidence(link, link.kind === 'impact' ? ids.get(link.id) : undefined)),
    })),
    createdAt: at,
    updatedAt: at,
  }),
  searchText: packageText,
  write(db, index, record, at) {
    plansRepo.insertOrReplacePackage(db, record);
    appendRevision(db, 'package', record.id, record, at);
    index.put(db, 'package', record.id, record.title, packageText(record), record.updatedAt);
  },
  citedFiles: (record) => record.findings.flatMap((f) => f.evidence.filter((l) => l.kind === 'attachment').map((l) => ({ attachmentId: l.id, sha256: l.hash }))),
});

type Assessment = z.output<typeof AssessmentRecord>;
const assessment = defineKind<Assessment>({
  kind: 'assessment',
  entity: 'assessment',
  // A partner's bundle may come from a version that saved assessments in an earlier shape.
  schema: AssessmentRecordAnyVersion,
  list: assessmentsRepo.liveAssessments,
  find: assessmentsRepo.findAssessment,
  // Stakeholders' real names are never in the record (they live in their own table), so they never leave.
  forBundle: (record, inBundle) => ({
    ...record,
    companyId: null,
    use: {
      planId: record.use.planId && inBundle('plan', record.use.planId) ? record.use.planId : null,
      packageId: record.use.packageId && inBundle('package', record.use.packageId) ? record.use.packageId : null,
      notes: record.use.notes,
      deployments: record.use.deployments,
    },
  }),
  // Impact ids are keys of assessment_impacts across the whole vault.
  innerIds: (record) => record.impacts.map((i) => i.id),
  fromBundle: (record, ids, at) => {
    const impact = (id: string) => ids.get(id) ?? id;
    const known = (list: string[]) => list.filter((id) => ids.has(id)).map(impact);
    return {
      ...record,
      id: newId(ids, record.id),
      companyId: null,
      example: false,
      impacts: record.impacts.map((i) => ({ ...i, id: impact(i.id), evidence: i.evidence.map((link) => receivedEvidence(link)) })),
      recommendations: record.recommendations.map((r) => ({ ...r, impactIds: known(r.impactIds) })),
      findings: record.findings.map((f) => ({ ...f, impactIds: known(f.impactIds) })),
      use: { planId: remap(ids, record.use.planId), packageId: remap(ids, record.use.packageId), notes: record.use.notes, deployments: record.use.deployments },
      createdAt: at,
      updatedAt: at,
    };
  },
  searchText: assessmentText,
  write(db, index, record, at) {
    assessmentsRepo.insertOrReplaceAssessment(db, record);
    appendRevision(db, 'assessment', record.id, record, at);
    index.put(db, 'assessment', record.id, record.title, assessmentText(record), record.updatedAt);
  },
  citedFiles: (record) => record.impacts.flatMap((i) => i.evidence.filter((l) => l.kind === 'attachment').map((l) => ({ attachmentId: l.id, sha256: l.hash }))),
});

type SubmissionRecord = z.output<typeof Submission>;
/** Company ids inside a draft's fields name this vault's private company records: they never leave. */
function withoutPrivateLinks(fields: SubmissionRecord['fields']): SubmissionRecord['fields'] {
  switch (fields.route) {
    case 'spCommunication':
      // The people register stays private too: a victim travels by pseudonym only.
      return { ...fields, perpetrators: { ...fields.perpetrators, companyIds: [] }, victims: fields.victims.map((v) => ({ ...v, personId: null })) };
    case 'ncpSpecificInstance':
      return { ...fields, enterprises: { ...fields.enterprises, companyIds: [] } };
    default:
      return fields;
  }
}
const submission = defineKind<SubmissionRecord>({
  kind: 'submission',
  entity: 'submission',
  schema: Submission,
  list: submissionsRepo.liveSubmissions,
  find: submissionsRepo.findSubmission,
  // The source stays only when the record it names travels in the same bundle.
  forBundle: (record, inBundle) => {
    const source = record.source;
    const kept =
      source === null ? null : source.kind === 'planStep' ? (inBundle('plan', source.planId) ? source : null) : inBundle(source.kind, source.id) ? source : null;
    return { ...record, companyIds: [], source: kept, fields: withoutPrivateLinks(record.fields) };
  },
  innerIds: () => [],
  fromBundle: (record, ids, at) => {
    const source = record.source;
    const mapped =
      source === null
        ? null
        : source.kind === 'planStep'
          ? ids.has(source.planId) ? { ...source, planId: ids.get(source.planId)! } : null
          : ids.has(source.id) ? { ...source, id: ids.get(source.id)! } : null;
    return { ...record, id: newId(ids, record.id), companyIds: [], source: mapped, fields: withoutPrivateLinks(record.fields), version: 1, createdAt: at, updatedAt: at };
  },
  searchText: submissionText,
  write(db, index, record, at) {
    submissionsRepo.insertOrReplaceSubmission(db, record);
    appendRevision(db, 'submission', record.id, record, at);
    index.put(db, 'submission', record.id, record.title, submissionText(record), record.updatedAt);
  },
  citedFiles: () => [],
});

/** In import order: plans before the packages that name them, both before assessments that use them, and drafts started from any of them last. */
export const BUNDLE_REGISTRY: readonly AnyKindSpec[] = [plan, evidencePackage, assessment, submission];

export function kindSpec(kind: BundleKind): AnyKindSpec {
  const spec = BUNDLE_REGISTRY.find((s) => s.kind === kind);
  if (!spec) throw new Error(`No bundle entry for ${kind}.`);
  return spec;
}
