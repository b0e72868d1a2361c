import type { kbMethods } from '@shared/api/kb';
import type { Handlers } from '../rpc/dispatch';
import type { KbService } from './service';

type KbHandlers = Pick<Handlers, keyof typeof kbMethods>;

/** Contract → service, nothing else. */
export function kbHandlers(kb: KbService): KbHandlers {
  return {
    'kb.search': ({ q, kinds, limit, language }) => kb.search(q, { kinds, limit, language }),
    'kb.home': (input) => kb.home(input?.language),
    'kb.sections.list': (input) => kb.listSections(input?.language),
    'kb.sections.get': ({ id, language }) => kb.getSection(id, language),
    'kb.frameworks.list': (input) => kb.listFrameworks(input?.language),
    'kb.mechanisms.list': (input) => kb.listMechanisms(input?.language),
    'kb.mechanisms.get': ({ id, language }) => kb.getMechanism(id, language),
    'kb.treaties.status': ({ treaty }) => kb.treatyStatus(treaty),
  };
}
