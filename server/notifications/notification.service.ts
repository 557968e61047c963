import { requireActor } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
import { badInput, Validation } from '../errors.js';
import { User } from '../identity/user.entity.js';
import { Notification } from './notification.entity.js';

/** A person's own notifications: nobody reads another's. */
export class NotificationService {
  /** Newest first, `first` at a time; `after` (the last id a page showed) continues with the ones older than it. */
  async list(ctx: RequestContext, first: number, unreadOnly: boolean, after?: string | null): Promise<Notification[]> {
    const actor = requireActor(ctx);
    new Validation().check(Number.isInteger(first) && first >= 1 && first <= 100, 'first', 'first 1-100.').throwIfInvalid();
    const mine = { recipient: actor.userId, ...(unreadOnly ? { readAt: null } : {}) };
    // The cursor must be one of the caller's own: another's id says nothing about the caller's list (and must not).
    const last = after ? await ctx.em.findOne(Notification, { id: after, recipient: actor.userId }, { fields: ['createdAt'] }) : null;
    if (after && !last) throw badInput([{ field: 'after', message: 'Pemberitahuan acuan tidak ditemukan.' }]);
    const older = last ? { $or: [{ createdAt: { $lt: last.createdAt } }, { createdAt: last.createdAt, id: { $lt: last.id } }] } : {};
    return ctx.em.find(Notification, { ...mine, ...older }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first });
  }

  unreadCount(ctx: RequestContext): Promise<number> {
    return ctx.em.count(Notification, { recipient: requireActor(ctx).userId, readAt: null });
  }

  /** Marks the caller's own notifications read (all of them without ids); others' ids are ignored. Returns how many. */
  async markRead(ctx: RequestContext, ids: string[] | null | undefined): Promise<number> {
    const actor = requireActor(ctx);
    new Validation().check(!ids || ids.length <= 500, 'ids', 'Paling banyak 500 sekaligus.').throwIfInvalid();
    return ctx.em.nativeUpdate(Notification, { recipient: actor.userId, readAt: null, ...(ids ? { id: { $in: ids } } : {}) }, { readAt: ctx.now() });
  }

  async setEmail(ctx: RequestContext, enabled: boolean): Promise<User> {
    const user = await ctx.em.findOneOrFail(User, requireActor(ctx).userId);
    user.emailNotifications = enabled;
    await ctx.em.flush();
    return user;
  }
}
