import type { Actor, RequestContext } from '../context.js';
import { forbidden, unauthenticated } from '../errors.js';
import { Role } from '../identity/user.entity.js';

export function requireActor(ctx: RequestContext): Actor {
  if (ctx.actor) return ctx.actor;
  throw unauthenticated(ctx.authProblem ?? undefined);
}

export function requireRole(ctx: RequestContext, ...roles: Role[]): Actor {
  const actor = requireActor(ctx);
  if (!roles.includes(actor.role)) throw forbidden();
  return actor;
}

/** Platform admins act on any Pemda; BPBJ only on its own. */
export function assertManagesPemda(actor: Actor, pemdaId: string): void {
  if (actor.role === Role.PLATFORM_ADMIN) return;
  if (actor.role === Role.BPBJ && actor.pemdaId === pemdaId) return;
  throw forbidden('Anda hanya dapat mengelola data Pemda Anda sendiri.');
}

/** Any account bound to the Pemda (or a platform admin) may read its internal data. */
export function assertBelongsToPemda(actor: Actor, pemdaId: string): void {
  if (actor.role === Role.PLATFORM_ADMIN || actor.pemdaId === pemdaId) return;
  throw forbidden('Data ini milik Pemda lain.');
}
