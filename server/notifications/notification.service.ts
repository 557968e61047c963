import { requireActor } from '../auth/scope.js';
import type { RequestContext } from '../context.js';
import { Validation } from '../errors.js';
import { User } from '../identity/user.entity.js';
import { Notification } from './notification.entity.js';

/** A person's own notifications: nobody reads another's. */
export class NotificationService {
  list(ctx: RequestContext, first: number, unreadOnly: boolean): Promise<Notification[]> {
    const actor = requireActor(ctx);
    new Validation().check(Number.isInteger(first) && first >= 1 && first <= 100, 'first', 'first 1-100.').throwIfInvalid();
    return ctx.em.find(Notification, { recipient: actor.userId, ...(unreadOnly ? { readAt: null } : {}) }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first });
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
