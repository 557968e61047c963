import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Holiday } from '../../server/calendar/holiday.entity.js';
import type { RequestContext } from '../../server/context.js';
import { Role } from '../../server/identity/user.entity.js';
import { ID } from '../../server/ids.js';

@Resolver(() => Holiday)
export class HolidayResolver {
  @Query(() => [Holiday], { description: 'The days off a Pemda works by in a year: national days, cuti bersama and its own (public).' })
  holidays(@Arg('pemdaId', () => ID) pemdaId: string, @Arg('year', () => Int) year: number, @Ctx() ctx: RequestContext): Promise<Holiday[]> {
    return ctx.services.holidays.list(ctx, pemdaId, year);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => Holiday, { description: 'Adds a regional day off (today or later): working-day deadlines such as order expiry skip it. Audited.' })
  addRegionalHoliday(@Arg('pemdaId', () => ID) pemdaId: string, @Arg('date') date: string, @Arg('name') name: string, @Ctx() ctx: RequestContext): Promise<Holiday> {
    return ctx.services.holidays.addRegional(ctx, pemdaId, date, name);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => Holiday, { description: 'Removes a regional day off that has not passed. Audited.' })
  removeRegionalHoliday(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Holiday> {
    return ctx.services.holidays.removeRegional(ctx, id);
  }
}
