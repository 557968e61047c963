import { Arg, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { ID } from '../../server/ids.js';
import type { RequestContext } from '../../server/context.js';
import { Role } from '../../server/identity/user.entity.js';
import { assertManagesPemda, requireActor } from '../../server/auth/scope.js';

@ObjectType({ description: "How many wait in BPBJ's two curation queues: the counts their `totalCount` gives, without a page of rows." })
class CurationWaiting {
  @Field(() => Int, { description: 'Vendors waiting for verification or for a decision on their classification.' })
  vendors!: number | Promise<number>;

  @Field(() => Int, { description: 'Submitted products and pending revisions of published ones.' })
  products!: number | Promise<number>;
}

@Resolver()
export class CurationResolver {
  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => CurationWaiting, { description: "How many vendors and products wait for the Pemda's BPBJ: what a menu shows beside Kurasi. One count per queue asked for." })
  curationWaiting(@Arg('pemdaId', () => ID) pemdaId: string, @Ctx() ctx: RequestContext): CurationWaiting {
    assertManagesPemda(requireActor(ctx), pemdaId); // refused here, before either count (each service checks again)
    // Getters: a count runs only when the query selects it.
    return {
      get vendors() { return ctx.services.vendor.curationQueueCount(ctx, pemdaId); },
      get products() { return ctx.services.product.curationQueueCount(ctx, pemdaId); },
    };
  }
}
