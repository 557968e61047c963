import type { AuthChecker } from 'type-graphql';
import { requireActor } from '../server/auth/scope.js';
import type { RequestContext } from '../server/context.js';
import { forbidden } from '../server/errors.js';
import type { Role } from '../server/identity/user.entity.js';

/** The first layer: the role. Services then check the scope (the caller's Pemda, OPD or vendor owns the object). */
export const authChecker: AuthChecker<RequestContext, Role> = ({ context }, roles) => {
  const actor = requireActor(context);
  if (roles.length > 0 && !roles.includes(actor.role)) throw forbidden();
  return true;
};
