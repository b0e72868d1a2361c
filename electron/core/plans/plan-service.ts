// Strategy plans: every write is one transaction with its revision and its search entry, like the
// diary. Templates, principles and the NCP hint come from the pure rules next to this file, read
// against the knowledge base through the KB service.
import crypto from 'node:crypto';
import { completeChecklist } from '@shared/domain/safety';
import type { z } from 'zod';
import type { Mechanism } from '@shared/api/kb';
import {
  Plan as PlanSchema,
  PlanDraft as PlanDraftSchema,
  type ExportFile,
  type ExportFormat,
  type OecdRouting,
  type PlanSummary,
  type PrincipleGuidance,
} from '@shared/api/plans';
import type { DiaryService } from '../diary/service';
import { findCompany } from '../diary/repository';
import { addDays, localToday } from '../diary/rules';
import type { CheckedExporter, Outgoing } from '../export-check/checked-exporter';
import type { ExportIdentityInput } from '../export-check/gate';
import { labelLanguage } from '../exports/labels';
import type { KbService } from '../kb/service';
import { appendRevision, latestHash } from '../records/revisions';
import type { RecordIndex } from '../records/search-index';
import { DomainError } from '../rpc/domain-error';
import type { VaultDatabase } from '../vault/open';
import { engagementEvidence } from './evidence';
import { acknowledgementMessage, stampAcknowledgement, stepsNeedingAcknowledgement } from './exposure-gate';
import { NCP_PRACTICE, OECD_ADHERENTS } from './ncp-sources';
import { routeOecdComplaint, type RoutingQuestion } from './oecd';
import { planDocument, type LinkedRecord } from './plan-document';
import { principlesFromSection, SAFE_ENGAGEMENT_SECTION } from './principles';
import * as repo from './repository';
import { localisedTemplate } from './template-translations';
import { blankPrinciples, completePrinciples, findTemplate, LADDER_TEMPLATES, linkedTo, stepsFromTemplate } from './templates';
import { draftsStartedFromSteps, withStartedDrafts } from './step-links';
import { buildTimeline, currentStep, stepSpans } from './timeline';

type Plan = z.output<typeof PlanSchema>;
type ParsedDraft = z.output<typeof PlanDraftSchema>;

export interface PlansDeps {
  database: () => VaultDatabase;
  index: RecordIndex;
  kb: KbService;
  diary: DiaryService;
  /** Makes files, after the identity check on exactly what they print. */
  exporter: CheckedExporter;
  now?: () => Date;
}

const NOT_FOUND_PLAN = 'That plan is not in this vault. It may have been deleted.';

export class PlanService {
  private readonly now: () => Date;

  constructor(private readonly deps: PlansDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private get db(): VaultDatabase {
    return this.deps.database();
  }

  list(): PlanSummary[] {
    const db = this.db;
    return [...repo.livePlans(db)].map((plan) => ({
      id: plan.id,
      title: plan.title,
      companyId: plan.companyId,
      companyName: plan.companyId ? (findCompany(db, plan.companyId)?.name ?? null) : null,
      steps: plan.steps.length,
      stepsDone: plan.steps.filter((s) => s.status === 'done').length,
      currentStep: currentStep(plan.steps),
      updatedAt: plan.updatedAt,
    }));
  }

  get(id: string): Plan {
    const plan = repo.findPlan(this.db, id);
    if (!plan) throw new DomainError('NOT_FOUND', 'plans.planNotFound', NOT_FOUND_PLAN);
    return plan;
  }

  save(draft: ParsedDraft): Plan {
    const db = this.db;
    const at = this.now().toISOString();
    this.assertMechanismsExist(draft.steps.map((s) => s.mechanismId));
    return db.transaction(() => {
      const existing = draft.id ? repo.findPlan(db, draft.id) : undefined;
      if (draft.id && !existing) throw new DomainError('NOT_FOUND', 'plans.planNotFound', NOT_FOUND_PLAN);
      if (draft.companyId && !findCompany(db, draft.companyId)) {
        throw new DomainError('NOT_FOUND', 'records.chooseCompanyInVault', 'Choose a company that is in this vault.', { fields: ['companyId'] });
      }
      const today = localToday(this.now());
      const started = existing ? draftsStartedFromSteps(db, existing.id) : new Map<string, string[]>();
      const steps = draft.steps.map((step) => ({
        ...step,
        submissionIds: withStartedDrafts(step.submissionIds, started.get(step.id)),
        exposureAcknowledged: stampAcknowledgement(step, existing?.steps.find((s) => s.id === step.id), today),
      }));
      const blocked = stepsNeedingAcknowledgement(draft.risk.level, steps);
      if (blocked.length > 0) throw new DomainError('CONFLICT', 'plans.acknowledgeExposure', acknowledgementMessage(blocked), { fields: ['steps'], params: { count: blocked.length, steps: blocked.map((s) => `“${s.title}”`).join(', ') } });
      const linked = [...draft.engagementIds, ...draft.steps.flatMap((s) => s.engagementIds)];
      if (linked.some((id) => !engagementEvidence(db, id))) {
        throw new DomainError('NOT_FOUND', 'plans.linkedEntryGone', 'One of the linked diary entries is not in this vault any more. Remove that link and save again.', { fields: ['engagementIds'] });
      }
      const plan = PlanSchema.parse({
        ...draft,
        steps,
        engagementIds: [...new Set(draft.engagementIds)],
        harmCountries: [...new Set(draft.harmCountries)],
        operatingCountries: [...new Set(draft.operatingCountries)],
        entityCountries: [...new Set(draft.entityCountries)],
        principles: completePrinciples(draft.principles),
        safety: completeChecklist(draft.safety),
        id: existing?.id ?? crypto.randomUUID(),
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
      });
      repo.insertOrReplacePlan(db, plan);
      appendRevision(db, 'plan', plan.id, plan, at);
      this.deps.index.put(db, 'plan', plan.id, plan.title, planText(plan), plan.updatedAt);
      return plan;
    })();
  }

  delete(id: string): void {
    const db = this.db;
    db.transaction(() => {
      this.get(id);
      const packages = repo.countPackagesOf(db, id);
      if (packages > 0) {
        throw new DomainError('CONFLICT', 'plans.planHasPackages', `This plan has ${packages} evidence ${packages === 1 ? 'package' : 'packages'}. Delete them or link them elsewhere first; nothing was deleted.`, { params: { count: packages } });
      }
      repo.deletePlanRow(db, id);
      appendRevision(db, 'plan', id, null, this.now().toISOString());
      this.deps.index.remove(db, 'plan', id);
    })();
  }

  /** The templates in the locale's language (English where it has no translation). */
  templates(locale?: string) {
    const known = this.knownMechanisms();
    return LADDER_TEMPLATES.map((template) => linkedTo(localisedTemplate(template, locale), known));
  }

  fromTemplate(templateId: string, companyId: string | null, locale?: string) {
    const found = findTemplate(templateId);
    const template = found && localisedTemplate(found, locale);
    if (!template) throw new DomainError('NOT_FOUND', 'plans.templateNotFound', 'That template does not exist in this version. Pick one from the list.');
    return {
      title: template.name,
      objective: '',
      companyId,
      harmCountries: [],
      operatingCountries: [],
      entityCountries: [],
      countriesNeedReview: false,
      risk: { level: 'unknown', notes: '' },
      context: '',
      engagementIds: [],
      partners: [],
      steps: stepsFromTemplate(linkedTo(template, this.knownMechanisms())),
      principles: blankPrinciples(),
      safety: completeChecklist([]),
    } satisfies z.input<typeof PlanDraftSchema>;
  }

  principles(): PrincipleGuidance[] {
    return principlesFromSection(this.deps.kb.getSection(SAFE_ENGAGEMENT_SECTION).markdown);
  }

  /** The route in the locale's language; absent, English. */
  oecd(question: RoutingQuestion, locale?: string): OecdRouting {
    return routeOecdComplaint(OECD_ADHERENTS, NCP_PRACTICE, question, locale, this.deps.kb.ncpTranslation(labelLanguage(locale)));
  }

  timeline(todayGiven: string | undefined, horizonDays: number) {
    const today = todayGiven ?? localToday(this.now());
    const due = this.deps.diary.due(today, horizonDays);
    const steps = repo.datedSteps(this.db);
    const horizon = addDays(today, horizonDays);
    const items = buildTimeline(steps, [...due.overdue, ...due.upcoming], today, horizon);
    return { today, items, spans: stepSpans(steps, today, horizon) };
  }

  async export(id: string, format: ExportFormat, descriptiveName: boolean, identity: ExportIdentityInput, locale?: string): Promise<ExportFile> {
    return this.deps.exporter.render({ kind: 'plan', id }, this.outgoing(id, descriptiveName, locale), format, identity);
  }

  /** What an export of the plan would write now. */
  outgoing(id: string, descriptiveName: boolean, locale?: string): Outgoing {
    const db = this.db;
    const plan = this.get(id);
    const company = plan.companyId ? (findCompany(db, plan.companyId) ?? null) : null;
    const engagements = new Map<string, LinkedRecord>();
    for (const engagementId of new Set([...plan.engagementIds, ...plan.steps.flatMap((s) => s.engagementIds)])) {
      const found = engagementEvidence(db, engagementId);
      if (found) engagements.set(engagementId, { label: found.label, hash: found.currentHash });
    }
    // The toolkit's words (directory entries, the principles) in the export's language where translated.
    const language = labelLanguage(locale);
    const principles = this.deps.kb.getSection(SAFE_ENGAGEMENT_SECTION, language);
    const doc = planDocument({
      plan,
      planHash: latestHash(db, 'plan', plan.id),
      company,
      mechanisms: this.mechanisms(plan.steps.map((s) => s.mechanismId), language),
      mechanismNamesInEnglish: new Map(this.deps.kb.listMechanisms().map((m) => [m.id, m.name])),
      engagements,
      principles: principlesFromSection(principles.markdown),
      principlesTranslation: principles.translation,
      oecd: this.oecd(
        {
          hqCountry: company?.hqCountry ?? '',
          harmCountries: plan.harmCountries,
          operatingCountries: plan.operatingCountries,
          entityCountries: plan.entityCountries,
        },
        locale,
      ),
      generatedAt: this.now().toISOString(),
      locale,
    });
    return { doc, descriptiveName: descriptiveName ? plan.title : null };
  }

  private mechanisms(ids: Array<string | null>, language: string): Map<string, Mechanism> {
    const known = new Set(this.deps.kb.listMechanisms().map((m) => m.id));
    const out = new Map<string, Mechanism>();
    for (const id of ids) if (id && known.has(id) && !out.has(id)) out.set(id, this.deps.kb.getMechanism(id, language));
    return out;
  }

  private knownMechanisms(): Set<string> {
    return new Set(this.deps.kb.listMechanisms().map((m) => m.id));
  }

  private assertMechanismsExist(ids: Array<string | null>): void {
    const known = this.knownMechanisms();
    if (ids.some((id) => id !== null && !known.has(id))) {
      throw new DomainError('NOT_FOUND', 'plans.stepMechanismNotFound', 'A step uses a mechanism that is not in the directory of this version. Choose one from the list.', { fields: ['steps'] });
    }
  }
}

export function planText(plan: Plan): string[] {
  return [
    plan.title,
    plan.objective,
    plan.context,
    plan.risk.notes,
    ...plan.partners.flatMap((p) => [p.name, p.role]),
    ...plan.steps.flatMap((s) => [s.title, s.trigger, s.outcome]),
    ...plan.principles.map((p) => p.note),
  ];
}
