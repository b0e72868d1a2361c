// Exports of a submission draft: Markdown, HTML, PDF and DOCX through the same checked exporter as
// plans, packages and assessments, so the identity check runs on exactly what the file prints and
// the file name is neutral (`document-<date>`) unless the user asks for the draft's title. The
// document is written in the draft's language when the body accepts it and the app has its
// headings, otherwise in English: never in the interface's language just because the user reads it.
import type { ExportFile, ExportFormat } from '@shared/api/plans';
import type { Submission } from '@shared/api/submissions';
import { findCompany } from '../diary/repository';
import type { CheckedExporter, Outgoing } from '../export-check/checked-exporter';
import type { ExportIdentityInput } from '../export-check/gate';
import { datedLabel, datesIn } from '../exports/document';
import type { EvidenceResolvers } from '../plans/evidence';
import { NCP_PRACTICE, type NcpPracticeTranslation } from '../plans/ncp-sources';
import { chosenFindings } from '../plans/package-document';
import { readPackage } from '../plans/package-service';
import { findPackage, findPlan } from '../plans/repository';
import { findAssessment } from '../assessments/repository';
import { latestHash } from '../records/revisions';
import type { VaultDatabase } from '../vault/open';
import type { SubmissionTemplate, TemplateTranslation } from '@shared/api/submissions';
import { documentLabels, type DocumentLabels } from './document-labels';
import { fold, submissionDocument, type AppendixEntry } from './document';
import type { TemplateBook } from './templates';
import { documentLanguage } from './translations';

export interface SubmissionExportDeps {
  database: () => VaultDatabase;
  /** Reads the draft as stored (the submissions service's `get`, with its not-found error). */
  get: (id: string) => Submission;
  templates: TemplateBook;
  /** Resolves a package's cited evidence to its current hash, for the appendix's "State". */
  evidence: EvidenceResolvers;
  /** Makes files, after the identity check on exactly what they print. */
  exporter: CheckedExporter;
  /** The OECD NCP notes in a language, where the knowledge base has them (the NCP's name in the document's language). */
  ncpTranslation?: (language: string) => NcpPracticeTranslation | null;
  now?: () => Date;
}

const EVIDENCE_LABELS = { engagement: 'diaryEntry', attachment: 'attachment', impact: 'claritiImpact' } as const;

/** The template with its name and headings in the translation's language. */
function headedIn(template: SubmissionTemplate, translation: TemplateTranslation | null): SubmissionTemplate {
  const texts = translation?.routes[template.route];
  if (!texts) return template;
  return { ...template, name: texts.name ?? template.name, sections: template.sections.map((s) => ({ ...s, heading: texts.sections[s.id]?.heading ?? s.heading })) };
}

/** Each section's heading in English and every translation → the section's id. */
function headingAliases(template: SubmissionTemplate, translations: ReadonlyMap<string, TemplateTranslation>): Map<string, string> {
  const aliases = new Map(template.sections.map((s) => [fold(s.heading), s.id]));
  for (const translation of translations.values()) {
    for (const [id, section] of Object.entries(translation.routes[template.route]?.sections ?? {})) if (section.heading) aliases.set(fold(section.heading), id);
  }
  return aliases;
}

/**
 * The locale dates are written in: the document's language, or for an English document the
 * user's English locale, else day-month-year English.
 */
const datesLocale = (language: string, locale: string | undefined) => (language !== 'en' ? language : locale?.toLowerCase().startsWith('en') ? locale : 'en-GB');

export class SubmissionExports {
  private readonly now: () => Date;

  constructor(private readonly deps: SubmissionExportDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async export(id: string, format: ExportFormat, descriptiveName: boolean, identity: ExportIdentityInput, locale?: string): Promise<ExportFile> {
    return this.deps.exporter.render({ kind: 'submission', id }, this.outgoing(id, descriptiveName, locale), format, identity);
  }

  /** What an export of the draft would write now. `locale` is the user's: it only shapes an English document's dates. */
  outgoing(id: string, descriptiveName: boolean, locale?: string): Outgoing {
    const db = this.deps.database();
    const submission = this.deps.get(id);
    const template = this.deps.templates.of(submission.route);
    const translations = this.deps.templates.translations();
    const language = documentLanguage(submission.language, template, translations);
    const translation = language === 'en' ? null : (translations.get(language) ?? null);
    const labels = documentLabels(translation);
    const docLocale = datesLocale(language, locale);
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
      template: headedIn(template, translation),
      companyNames,
      ncpName: ncpId ? this.ncpName(ncpId, language) : null,
      // Read only when printed: an appendix left out costs nothing.
      appendix: submission.includeHashAppendix ? this.appendix(db, submission, docLocale, labels) : [],
      generatedAt: this.now().toISOString(),
      locale: docLocale,
      labels,
      headingAliases: headingAliases(template, translations),
    });
    return { doc, descriptiveName: descriptiveName ? submission.title : null };
  }

  /** The NCP's name in the document's language, with its official English name beside it; English alone where untranslated. */
  private ncpName(ncpId: string, language: string): string | null {
    const ncp = NCP_PRACTICE.ncps.find((n) => n.iso2 === ncpId || n.name === ncpId);
    if (!ncp) return null;
    const translated = language === 'en' ? null : (this.deps.ncpTranslation?.(language)?.ncps[ncp.iso2]?.name ?? null);
    if (!translated) return ncp.name;
    return translated.includes(ncp.name) ? translated : `${translated} (${ncp.name})`;
  }

  /** The draft itself, the record it was started from, that package's cited evidence, and cited files' hashes. */
  private appendix(db: VaultDatabase, submission: Submission, locale: string | undefined, l: DocumentLabels): AppendixEntry[] {
    const entries: AppendixEntry[] = [
      { citedIn: l('thisDraft'), record: l('thisDraft'), id: submission.id, hash: latestHash(db, 'submission', submission.id) ?? l('notSaved'), state: l('current') },
    ];
    const source = submission.source;
    const record = (kind: 'plan' | 'package' | 'assessment', id: string, title: string | undefined, name: string) => {
      const hash = title === undefined ? null : latestHash(db, kind, id);
      entries.push({
        citedIn: l('drawnFrom'),
        record: title === undefined ? l('recordNotInVault', { name }) : l('recordTitled', { name, title }),
        id,
        hash: hash ?? l('notInVault'),
        state: hash ? l('current') : l('notInVault'),
      });
    };
    if (source?.kind === 'planStep') record('plan', source.planId, findPlan(db, source.planId)?.title, l('strategyPlan'));
    if (source?.kind === 'assessment') record('assessment', source.id, findAssessment(db, source.id)?.title, l('claritiAssessment'));
    if (source?.kind === 'package') {
      const stored = findPackage(db, source.id);
      const pkg = stored && readPackage(stored);
      record('package', source.id, pkg?.title, l('evidencePackage'));
      if (pkg) {
        chosenFindings(pkg).forEach((finding, i) => {
          for (const link of finding.evidence) {
            const found = this.deps.evidence[link.kind]?.(db, link.id);
            entries.push({
              citedIn: l('findingOfPackage', { n: i + 1 }),
              record: l('recordTitled', { name: l(EVIDENCE_LABELS[link.kind]), title: datedLabel(found?.label ?? link.label, datesIn(locale)) }),
              id: link.id,
              hash: link.hash,
              state: !found ? l('notInVault') : found.currentHash === link.hash ? l('current') : l('changedSinceLinked'),
            });
          }
        });
      }
    }
    if (submission.fields.route === 'bhrrcResponse') {
      for (const cited of submission.fields.sources) {
        // The address goes with the title, not in the ID row: IDs are printed unchecked, and an address can name a person.
        if (cited.hash) entries.push({ citedIn: l('sources'), record: cited.url ? `${cited.title} — ${cited.url}` : cited.title, id: '—', hash: cited.hash, state: l('asCited') });
      }
    }
    return entries;
  }
}
