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

/** The buying officer: a PP (builds carts and orders) bound to an OPD. */
export function requirePp(ctx: RequestContext): Actor & { opdId: string; pemdaId: string } {
  const actor = requireActor(ctx);
  if (actor.role !== Role.PP || !actor.opdId || !actor.pemdaId) throw forbidden('Hanya Pejabat Pengadaan (PP) yang dapat berbelanja untuk OPD.');
  return actor as Actor & { opdId: string; pemdaId: string };
}

/** Platform admins act on any Pemda; BPBJ only on its own. The one definition every scope check uses. */
export function managesPemda(actor: Actor | null, pemdaId: string | null | undefined): boolean {
  return Boolean(actor && (actor.role === Role.PLATFORM_ADMIN || (actor.role === Role.BPBJ && pemdaId && actor.pemdaId === pemdaId)));
}

export function assertManagesPemda(actor: Actor, pemdaId: string): void {
  if (!managesPemda(actor, pemdaId)) throw forbidden('Anda hanya dapat mengelola data Pemda Anda sendiri.');
}

/** An account's links to its vendor or ASN record are the account holder's own business, and its BPBJ's. */
export function seesAccountLinks(actor: Actor | null, user: { id: string; pemda?: { id: string } | null }): boolean {
  return Boolean(actor && (actor.userId === user.id || managesPemda(actor, user.pemda?.id)));
}

/** Any account bound to the Pemda (or a platform admin) may read its internal data. */
export function assertBelongsToPemda(actor: Actor, pemdaId: string): void {
  if (actor.role === Role.PLATFORM_ADMIN || actor.pemdaId === pemdaId) return;
  throw forbidden('Data ini milik Pemda lain.');
}
