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
  // The preview builds the document in the export's locale, so it flags exactly what the export will check.
  const outgoing: Record<Exclude<ExportKind, 'attachment'>, (id: string, descriptiveName: boolean, locale: string | undefined) => Outgoing> = {
    plan: (id, descriptiveName, locale) => deps.plans.outgoing(id, descriptiveName, locale),
    package: (id, descriptiveName, locale) => deps.packages.outgoing(id, descriptiveName, locale),
    assessment: (id, descriptiveName, locale) => deps.assessments.outgoing(id, descriptiveName, locale),
    submission: (id, descriptiveName, locale) => deps.submissions.outgoing(id, descriptiveName, locale),
  };
  return {
    'exports.identityCheck': ({ kind, id, descriptiveName, locale }) =>
      kind === 'attachment' ? deps.copies.review({ kind, id }, descriptiveName) : deps.exporter.review({ kind, id }, outgoing[kind](id, descriptiveName, locale)),
    'exports.bundleIdentityCheck': ({ items, includeCitedFiles }) => deps.bundles.identityReview(items, includeCitedFiles),
    'submissions.export': ({ id, format, descriptiveName, identity, locale }) => deps.submissions.export(id, format, descriptiveName, identity, locale),
    'attachments.export': ({ id, identity, stripMetadata, descriptiveName }) => deps.copies.export({ kind: 'attachment', id }, identity, stripMetadata, descriptiveName),
    'exchange.files.identityCheck': ({ sha256, descriptiveName }) => deps.copies.review({ kind: 'partner-file', sha256 }, descriptiveName),
    'exchange.files.export': ({ sha256, identity, stripMetadata, descriptiveName }) =>
      deps.copies.export({ kind: 'partner-file', sha256 }, identity, stripMetadata, descriptiveName),
  };
}
