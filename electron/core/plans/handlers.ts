import type { plansMethods } from '@shared/api/plans';
import type { LiveRecords } from '../diary/handlers';
import type { Handlers } from '../rpc/dispatch';
import type { PackageService } from './package-service';
import type { PlanService } from './plan-service';
import { livePackages, livePlans } from './repository';

type PlansHandlers = Pick<Handlers, keyof typeof plansMethods>;

/** Plans and packages as the integrity check sees them: every live record with its document. */
export const planRecords: LiveRecords = function* (db) {
  for (const plan of livePlans(db)) yield { entity: 'plan', id: plan.id, record: plan };
  for (const pkg of livePackages(db)) yield { entity: 'package', id: pkg.id, record: pkg };
};

/** Contract → services, nothing else. */
export function plansHandlers(plans: PlanService, packages: PackageService): PlansHandlers {
  return {
    'plans.list': () => plans.list(),
    'plans.get': ({ id }) => plans.get(id),
    'plans.save': (draft) => plans.save(draft),
    'plans.delete': ({ id }) => {
      plans.delete(id);
      return null;
    },
    'plans.templates': (input) => plans.templates(input?.locale),
    'plans.fromTemplate': ({ templateId, companyId, locale }) => plans.fromTemplate(templateId, companyId, locale),
    'plans.principles': () => plans.principles(),
    'plans.oecd': ({ locale, ...question }) => plans.oecd(question, locale),
    'plans.timeline': ({ today, horizonDays }) => plans.timeline(today, horizonDays),
    'plans.export': ({ id, format, descriptiveName, identity, locale }) => plans.export(id, format, descriptiveName, identity, locale),

    'packages.list': () => packages.list(),
    'packages.get': ({ id }) => packages.get(id),
    'packages.save': (draft) => packages.save(draft),
    'packages.delete': ({ id }) => {
      packages.delete(id);
      return null;
    },
    'packages.check': (draft) => packages.check(draft),
    'packages.export': ({ id, format, descriptiveName, identity, locale }) => packages.export(id, format, descriptiveName, identity, locale),
  };
}
