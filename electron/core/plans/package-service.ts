// Evidence packages: findings pinned to evidence hashes, five asks, a forum and partners. Saving
// accepts an incomplete package (coalitions write them over days); checkPackage says what is
// still missing, and exports of an incomplete package say so on the first page.
import crypto from 'node:crypto';
import type { z } from 'zod';
import {
  EvidencePackage as PackageSchema,
  PackageDraft as PackageDraftSchema,
  type EvidencePackage,
  type ExportFile,
  type ExportFormat,
  type PackageSummary,
} from '@shared/api/plans';
import { findCompany } from '../diary/repository';
import type { CheckedExporter, Outgoing } from '../export-check/checked-exporter';
import type { ExportIdentityInput } from '../export-check/gate';
import { labelLanguage } from '../exports/labels';
import type { KbService } from '../kb/service';
import { appendRevision, latestHash } from '../records/revisions';
import type { RecordIndex } from '../records/search-index';
import { DomainError } from '../rpc/domain-error';
import type { VaultDatabase } from '../vault/open';
import { pinEvidence, type EvidenceResolvers } from './evidence';
import { checkPackage } from './package-check';
import { savedReview } from './package-review';
import { evidenceKey, packageDocument, type CitedRecord } from './package-document';
import * as repo from './repository';

type ParsedDraft = z.output<typeof PackageDraftSchema>;

export interface PackagesDeps {
  database: () => VaultDatabase;
  index: RecordIndex;
  kb: KbService;
  evidence: EvidenceResolvers;
  /** Makes files, after the identity check on exactly what they print. */
  exporter: CheckedExporter;
  now?: () => Date;
}

const NOT_FOUND_PACKAGE = 'That evidence package is not in this vault. It may have been deleted.';

export class PackageService {
  private readonly now: () => Date;

  constructor(private readonly deps: PackagesDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private get db(): VaultDatabase {
    return this.deps.database();
  }

  list(): PackageSummary[] {
    return [...repo.livePackages(this.db)].map(readPackage).map((pkg) => ({
      id: pkg.id,
      title: pkg.title,
      planId: pkg.planId,
      forumMechanismId: pkg.forumMechanismId,
      forumName: pkg.forumName,
      ready: checkPackage(pkg).ready,
      updatedAt: pkg.updatedAt,
    }));
  }

  get(id: string): EvidencePackage {
    const pkg = repo.findPackage(this.db, id);
    if (!pkg) throw new DomainError('NOT_FOUND', 'plans.packageNotFound', NOT_FOUND_PACKAGE);
    return readPackage(pkg);
  }

  check(draft: Parameters<typeof checkPackage>[0]) {
    return checkPackage(draft);
  }

  save(draft: ParsedDraft): EvidencePackage {
    const db = this.db;
    const at = this.now().toISOString();
    if (draft.forumMechanismId && !this.deps.kb.listMechanisms().some((m) => m.id === draft.forumMechanismId)) {
      throw new DomainError('NOT_FOUND', 'plans.forumNotFound', 'That forum is not in the directory of this version. Choose one from the list.', { fields: ['forumMechanismId'] });
    }
    return db.transaction(() => {
      const existing = draft.id ? repo.findPackage(db, draft.id) : undefined;
      if (draft.id && !existing) throw new DomainError('NOT_FOUND', 'plans.packageNotFound', NOT_FOUND_PACKAGE);
      const storedLinks = existing?.findings.flatMap((finding) => finding.evidence) ?? [];
      const storedReviews = new Map(existing ? readPackage(existing).findings.map((finding) => [finding.id, finding.review]) : []);
      if (draft.planId && !repo.findPlan(db, draft.planId)) throw new DomainError('NOT_FOUND', 'records.choosePlanInVault', 'Choose a plan that is in this vault.', { fields: ['planId'] });
      if (draft.companyId && !findCompany(db, draft.companyId)) throw new DomainError('NOT_FOUND', 'records.chooseCompanyInVault', 'Choose a company that is in this vault.', { fields: ['companyId'] });
      const pkg = PackageSchema.parse({
        ...draft,
        findings: draft.findings.map((finding, i) => ({
          ...finding,
          review: savedReview(finding.review, storedReviews.get(finding.id)),
          evidence: pinEvidence(db, this.deps.evidence, finding.evidence, i + 1, storedLinks),
        })),
        id: existing?.id ?? crypto.randomUUID(),
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
      });
      repo.insertOrReplacePackage(db, pkg);
      appendRevision(db, 'package', pkg.id, pkg, at);
      this.deps.index.put(db, 'package', pkg.id, pkg.title, packageText(pkg), pkg.updatedAt);
      return pkg;
    })();
  }

  delete(id: string): void {
    const db = this.db;
    db.transaction(() => {
      this.get(id);
      repo.deletePackageRow(db, id);
      appendRevision(db, 'package', id, null, this.now().toISOString());
      this.deps.index.remove(db, 'package', id);
    })();
  }

  async export(id: string, format: ExportFormat, descriptiveName: boolean, identity: ExportIdentityInput, locale?: string): Promise<ExportFile> {
    return this.deps.exporter.render({ kind: 'package', id }, this.outgoing(id, descriptiveName, locale), format, identity);
  }

  /** What an export of the package would write now. */
  outgoing(id: string, descriptiveName: boolean, locale?: string): Outgoing {
    const db = this.db;
    const pkg = this.get(id);
    const evidence = new Map<string, CitedRecord>();
    for (const link of pkg.findings.flatMap((f) => f.evidence)) {
      const found = this.deps.evidence[link.kind]?.(db, link.id);
      if (found) evidence.set(evidenceKey(link), { label: found.label, currentHash: found.currentHash });
    }
    const doc = packageDocument({
      pkg,
      packageHash: latestHash(db, 'package', pkg.id),
      check: checkPackage(pkg),
      forum: pkg.forumMechanismId ? this.deps.kb.getMechanism(pkg.forumMechanismId, labelLanguage(locale)) : null,
      forumEnglishName: pkg.forumMechanismId ? this.deps.kb.getMechanism(pkg.forumMechanismId).name : null,
      companyName: pkg.companyId ? (findCompany(db, pkg.companyId)?.name ?? null) : null,
      planTitle: pkg.planId ? (repo.findPlan(db, pkg.planId)?.title ?? null) : null,
      evidence,
      generatedAt: this.now().toISOString(),
      locale,
    });
    return { doc, descriptiveName: descriptiveName ? pkg.title : null };
  }
}

/**
 * A package as stored, in the current shape. Packages saved before review status, selection,
 * methodology and free-text forums read with their defaults: every finding and ask chosen, in the
 * order saved, each finding not confirmed. The stored document is left as it is, so its revision
 * hash still verifies; the next save writes the current shape.
 */
export function readPackage(stored: unknown): EvidencePackage {
  return PackageSchema.parse(stored);
}

export function packageText(stored: EvidencePackage): string[] {
  const pkg = readPackage(stored);
  const method = pkg.methodology;
  return [
    pkg.title,
    ...pkg.findings.flatMap((f) => [f.title, f.statement, f.review.note]),
    pkg.risksSummary,
    ...pkg.asks.map((a) => a.text),
    pkg.forumName,
    pkg.forumNote,
    ...pkg.partners.flatMap((p) => [p.name, p.role]),
    ...method.sources.map((s) => s.note),
    method.consent,
    method.verification,
    method.limitations,
    pkg.unconfirmedReason,
  ];
}
