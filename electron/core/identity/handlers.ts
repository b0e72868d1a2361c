import type { identityMethods } from '@shared/api/identity';
import type { Handlers } from '../rpc/dispatch';
import type { PeopleService } from './service';

type IdentityHandlers = Pick<Handlers, keyof typeof identityMethods>;

export function identityHandlers(people: PeopleService): IdentityHandlers {
  return {
    'people.list': () => people.list(),
    'people.save': (draft) => people.save(draft),
    'people.delete': ({ id }) => {
      people.delete(id);
      return null;
    },
    'identity.check': ({ places }) => people.check(places),
  };
}
