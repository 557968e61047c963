import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context.js';
import { User } from '../../server/identity/user.entity.js';
import { ID } from '../../server/ids.js';
import { Notification } from '../../server/notifications/notification.entity.js';

@Resolver(() => Notification)
export class NotificationResolver {
  @Authorized()
  @Query(() => [Notification], { description: 'The caller\'s notifications, newest first; `after` continues past the last one shown (its id).' })
  notifications(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @Arg('after', () => ID, { nullable: true }) after: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Notification[]> {
    return ctx.services.notifications.list(ctx, first, unreadOnly, after);
  }

  @Authorized()
  @Query(() => Int, { description: 'How many of the caller\'s notifications are unread (the badge in the web app).' })
  unreadNotificationCount(@Ctx() ctx: RequestContext): Promise<number> {
    return ctx.services.notifications.unreadCount(ctx);
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Marks the caller\'s notifications read (all without ids); returns how many changed.' })
  markNotificationsRead(@Arg('ids', () => [ID], { nullable: true }) ids: string[] | undefined, @Ctx() ctx: RequestContext): Promise<number> {
    return ctx.services.notifications.markRead(ctx, ids);
  }

  @Authorized()
  @Mutation(() => User, { description: 'Whether the caller\'s notifications also come by email.' })
  setEmailNotifications(@Arg('enabled') enabled: boolean, @Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.notifications.setEmail(ctx, enabled);
  }
}
