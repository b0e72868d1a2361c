import type { exportsMethods, ExportKind } from '@shared/api/exports';
import type { AssessmentService } from '../assessments/service';
import type { BundleService } from '../exchange/bundle-service';
import type { PackageService } from '../plans/package-service';
import type { PlanService } from '../plans/plan-service';
import type { Handlers } from '../rpc/dispatch';
import type { SubmissionExports } from '../submissions/export';
import type { AttachmentCopies } from './attachment-copy';
import type { CheckedExporter, Outgoing } from './checked-exporter';

type ExportsHandlers = Pick<Handlers, keyof typeof exportsMethods>;

export interface ExportsDeps {
  exporter: CheckedExporter;
  plans: PlanService;
  packages: PackageService;
  assessments: AssessmentService;
  bundles: BundleService;
  copies: AttachmentCopies;
  submissions: SubmissionExports;
}

/** Contract → services, nothing else. */
export function exportsHandlers(deps: ExportsDeps): ExportsHandlers {
  const outgoing: Record<Exclude<ExportKind, 'attachment'>, (id: string, descriptiveName: boolean) => Outgoing> = {
    plan: (id, descriptiveName) => deps.plans.outgoing(id, descriptiveName),
    package: (id, descriptiveName) => deps.packages.outgoing(id, descriptiveName),
    assessment: (id, descriptiveName) => deps.assessments.outgoing(id, descriptiveName),
    submission: (id, descriptiveName) => deps.submissions.outgoing(id, descriptiveName),
  };
  return {
    'exports.identityCheck': ({ kind, id, descriptiveName }) =>
      kind === 'attachment' ? deps.copies.review({ kind, id }, descriptiveName) : deps.exporter.review({ kind, id }, outgoing[kind](id, descriptiveName)),
    'exports.bundleIdentityCheck': ({ items, includeCitedFiles }) => deps.bundles.identityReview(items, includeCitedFiles),
    'submissions.export': ({ id, format, descriptiveName, identity, locale }) => deps.submissions.export(id, format, descriptiveName, identity, locale),
    'attachments.export': ({ id, identity, stripMetadata, descriptiveName }) => deps.copies.export({ kind: 'attachment', id }, identity, stripMetadata, descriptiveName),
    'exchange.files.identityCheck': ({ sha256, descriptiveName }) => deps.copies.review({ kind: 'partner-file', sha256 }, descriptiveName),
    'exchange.files.export': ({ sha256, identity, stripMetadata, descriptiveName }) =>
      deps.copies.export({ kind: 'partner-file', sha256 }, identity, stripMetadata, descriptiveName),
  };
}
