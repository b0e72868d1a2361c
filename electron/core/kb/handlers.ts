import type { kbMethods } from '@shared/api/kb';
import type { Handlers } from '../rpc/dispatch';
import type { KbService } from './service';

type KbHandlers = Pick<Handlers, keyof typeof kbMethods>;

/** Contract → service, nothing else. */
export function kbHandlers(kb: KbService): KbHandlers {
  return {
    'kb.search': ({ q, kinds, limit }) => kb.search(q, { kinds, limit }),
    'kb.home': () => kb.home(),
    'kb.sections.list': () => kb.listSections(),
    'kb.sections.get': ({ id }) => kb.getSection(id),
    'kb.frameworks.list': () => kb.listFrameworks(),
    'kb.mechanisms.list': () => kb.listMechanisms(),
    'kb.mechanisms.get': ({ id }) => kb.getMechanism(id),
    'kb.treaties.status': ({ treaty }) => kb.treatyStatus(treaty),
  };
}
