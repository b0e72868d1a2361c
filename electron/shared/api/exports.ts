// The identity check before an export, and saved copies of attachments. Every export method runs
// the check again on exactly what it writes; these queries let the dialog show the flags first.
import { z } from 'zod';
import { Id } from './diary';
import { BundleKind } from './exchange';
import { ExportIdentity, IdentityReview } from './export-identity';
import { DescriptiveName, ExportFile, ExportFormat, ExportLocale } from './plans';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const EXPORT_KINDS = ['plan', 'package', 'assessment', 'submission', 'attachment'] as const;
export const ExportKind = z.enum(EXPORT_KINDS);
export type ExportKind = z.infer<typeof ExportKind>;

export const exportsMethods = {
  /**
   * The flags of the file an export of this record would write now, with remembered decisions.
   * `locale` must be the one the export will be made in: the document's own words are in its language.
   */
  'exports.identityCheck': { input: z.object({ kind: ExportKind, id: Id, descriptiveName: DescriptiveName, locale: ExportLocale }), output: IdentityReview },
  /** The same for a partner bundle of these records (the sending organisation's name is not checked). */
  'exports.bundleIdentityCheck': {
    input: z.object({ items: z.array(z.object({ kind: BundleKind, id: Id })).min(1).max(500), includeCitedFiles: z.boolean().default(false) }),
    output: IdentityReview,
  },
  /**
   * A copy of an attachment to save outside the vault. Its name is neutral (`attachment-<date>.<ext>`)
   * unless `descriptiveName`; images lose their metadata unless `stripMetadata` is false.
   */
  'attachments.export': {
    input: z.object({ id: Id, identity: ExportIdentity, stripMetadata: z.boolean().default(true), descriptiveName: DescriptiveName }),
    output: ExportFile,
  },
  /**
   * A submission draft laid out as its body expects (numbered paragraphs, headed sections or a
   * letter), with the evidence-hash appendix only when the draft includes it.
   */
  'submissions.export': {
    input: z.object({ id: Id, format: ExportFormat, descriptiveName: DescriptiveName, identity: ExportIdentity, locale: ExportLocale }),
    output: ExportFile,
  },
  /** The flags of a saved copy of a file a partner sent, with remembered decisions. */
  'exchange.files.identityCheck': { input: z.object({ sha256: Sha256, descriptiveName: DescriptiveName }), output: IdentityReview },
  /** A copy of a file a partner sent, checked and cleaned like a copy of an attachment. */
  'exchange.files.export': {
    input: z.object({ sha256: Sha256, identity: ExportIdentity, stripMetadata: z.boolean().default(true), descriptiveName: DescriptiveName }),
    output: ExportFile,
  },
} as const;
