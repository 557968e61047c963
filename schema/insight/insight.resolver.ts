import { Arg, Authorized, Ctx, Field, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context.js';
import { Role } from '../../server/identity/user.entity.js';
import { ID } from '../../server/ids.js';
import { splitOrderFlags } from '../../server/insight/split-orders.js';
import { Rupiah } from '../../server/money/rupiah.js';

enum SplitBasis {
  VENDOR = 'VENDOR',
  CATEGORY = 'CATEGORY',
}
registerEnumType(SplitBasis, { name: 'SplitBasis', description: 'Orders grouped by the same vendor, or by the same leaf category.' });

@ObjectType()
class SplitOrderView {
  @Field(() => ID) id!: string;
  @Field() code!: string;
  @Field({ description: 'Local date of submission (YYYY-MM-DD).' }) submittedOn!: string;
  @Field(() => Rupiah, { description: 'The order total (vendor basis) or its lines in the category (category basis).' }) amount!: number;
}

@ObjectType({ description: 'A group of orders that together pass the threshold while each stays under it: a possible split (pemecahan paket).' })
class SplitOrderFlag {
  @Field(() => ID) opdId!: string;
  @Field() opdCode!: string;
  @Field() opdName!: string;
  @Field(() => SplitBasis) basis!: SplitBasis;
  @Field(() => ID, { description: 'The vendor or the leaf category.' }) keyId!: string;
  @Field() keyName!: string;
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => Rupiah) total!: number;
  @Field(() => Rupiah) threshold!: number;
  @Field(() => [SplitOrderView]) orders!: SplitOrderView[];
}

@Resolver()
export class InsightResolver {
  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => [SplitOrderFlag], { description: 'Possible split orders in a year: per OPD, orders to one vendor or in one leaf category within a window of days whose total passes the threshold (default: the PPK approval line) while each stays under it. Largest first.' })
  splitOrderFlags(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('year', () => Int) year: number,
    @Arg('windowDays', () => Int, { defaultValue: 14 }) windowDays: number,
    @Arg('threshold', () => Rupiah, { nullable: true }) threshold: number | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<SplitOrderFlag[]> {
    return splitOrderFlags(ctx, pemdaId, year, windowDays, threshold) as Promise<SplitOrderFlag[]>;
  }
}
