// Exports of a submission draft: Markdown, HTML, PDF and DOCX through the same checked exporter as
// plans, packages and assessments, so the identity check runs on exactly what the file prints and
// the file name is neutral (`document-<date>`) unless the user asks for the draft's title.
import type { ExportFile, ExportFormat } from '@shared/api/plans';
import type { Submission } from '@shared/api/submissions';
import { findCompany } from '../diary/repository';
import type { CheckedExporter, Outgoing } from '../export-check/checked-exporter';
import type { ExportIdentityInput } from '../export-check/gate';
import { datedLabel, datesIn } from '../exports/document';
import type { EvidenceResolvers } from '../plans/evidence';
import { NCP_PRACTICE } from '../plans/ncp-sources';
import { chosenFindings } from '../plans/package-document';
import { readPackage } from '../plans/package-service';
import { findPackage, findPlan } from '../plans/repository';
import { findAssessment } from '../assessments/repository';
import { latestHash } from '../records/revisions';
import type { VaultDatabase } from '../vault/open';
import { submissionDocument, type AppendixEntry } from './document';
import type { TemplateBook } from './templates';

export interface SubmissionExportDeps {
  database: () => VaultDatabase;
  /** Reads the draft as stored (the submissions service's `get`, with its not-found error). */
  get: (id: string) => Submission;
  templates: TemplateBook;
  /** Resolves a package's cited evidence to its current hash, for the appendix's "State". */
  evidence: EvidenceResolvers;
  /** Makes files, after the identity check on exactly what they print. */
  exporter: CheckedExporter;
  now?: () => Date;
}

const EVIDENCE_NAMES = { engagement: 'Diary entry', attachment: 'Attachment', impact: 'CLARITI impact' } as const;

export class SubmissionExports {
  private readonly now: () => Date;

  constructor(private readonly deps: SubmissionExportDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async export(id: string, format: ExportFormat, descriptiveName: boolean, identity: ExportIdentityInput, locale?: string): Promise<ExportFile> {
    return this.deps.exporter.render({ kind: 'submission', id }, this.outgoing(id, descriptiveName, locale), format, identity);
  }

  /** What an export of the draft would write now. */
  outgoing(id: string, descriptiveName: boolean, locale?: string): Outgoing {
    const db = this.deps.database();
    const submission = this.deps.get(id);
    const fields = submission.fields;
    const companyIds = [
      ...submission.companyIds,
      ...(fields.route === 'spCommunication' ? fields.perpetrators.companyIds : []),
      ...(fields.route === 'ncpSpecificInstance' ? fields.enterprises.companyIds : []),
    ];
    const companyNames = new Map<string, string>();
    for (const companyId of new Set(companyIds)) {
      const name = findCompany(db, companyId)?.name;
      if (name) companyNames.set(companyId, name);
    }
    const ncpId = fields.route === 'ncpSpecificInstance' ? fields.ncpId : null;
    const doc = submissionDocument({
      submission,
      template: this.deps.templates.of(submission.route),
      companyNames,
      ncpName: ncpId ? (NCP_PRACTICE.ncps.find((ncp) => ncp.iso2 === ncpId || ncp.name === ncpId)?.name ?? null) : null,
      // Read only when printed: an appendix left out costs nothing.
      appendix: submission.includeHashAppendix ? this.appendix(db, submission, locale) : [],
      generatedAt: this.now().toISOString(),
      locale,
    });
    return { doc, descriptiveName: descriptiveName ? submission.title : null };
  }

  /** The draft itself, the record it was started from, that package's cited evidence, and cited files' hashes. */
  private appendix(db: VaultDatabase, submission: Submission, locale: string | undefined): AppendixEntry[] {
    const entries: AppendixEntry[] = [
      { citedIn: 'This draft', record: 'This draft', id: submission.id, hash: latestHash(db, 'submission', submission.id) ?? 'not saved', state: 'current' },
    ];
    const source = submission.source;
    const record = (kind: 'plan' | 'package' | 'assessment', id: string, title: string | undefined, name: string) => {
      const hash = title === undefined ? null : latestHash(db, kind, id);
      entries.push({ citedIn: 'Drawn from', record: title === undefined ? `${name} (not in this vault)` : `${name}: ${title}`, id, hash: hash ?? 'not in this vault', state: hash ? 'current' : 'not in this vault' });
    };
    if (source?.kind === 'planStep') record('plan', source.planId, findPlan(db, source.planId)?.title, 'Strategy plan');
    if (source?.kind === 'assessment') record('assessment', source.id, findAssessment(db, source.id)?.title, 'CLARITI assessment');
    if (source?.kind === 'package') {
      const stored = findPackage(db, source.id);
      const pkg = stored && readPackage(stored);
      record('package', source.id, pkg?.title, 'Evidence package');
      if (pkg) {
        chosenFindings(pkg).forEach((finding, i) => {
          for (const link of finding.evidence) {
            const found = this.deps.evidence[link.kind]?.(db, link.id);
            entries.push({
              citedIn: `Finding ${i + 1} of the package`,
              record: `${EVIDENCE_NAMES[link.kind]}: ${datedLabel(found?.label ?? link.label, datesIn(locale))}`,
              id: link.id,
              hash: link.hash,
              state: !found ? 'not in this vault' : found.currentHash === link.hash ? 'current' : 'changed since linked',
            });
          }
        });
      }
    }
    if (submission.fields.route === 'bhrrcResponse') {
      for (const cited of submission.fields.sources) {
        // The address goes with the title, not in the ID row: IDs are printed unchecked, and an address can name a person.
        if (cited.hash) entries.push({ citedIn: 'Sources', record: cited.url ? `${cited.title} — ${cited.url}` : cited.title, id: '—', hash: cited.hash, state: 'as cited' });
      }
    }
    return entries;
  }
}
