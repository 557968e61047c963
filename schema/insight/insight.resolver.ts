import { Arg, Authorized, Ctx, Field, Float, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context.js';
import { Role } from '../../server/identity/user.entity.js';
import { ID } from '../../server/ids.js';
import { vendorConcentration } from '../../server/insight/concentration.js';
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

@ObjectType({ description: "How much of an OPD's realised catalogue spend goes to its top vendors." })
class OpdConcentration {
  @Field(() => ID) opdId!: string;
  @Field() opdCode!: string;
  @Field() opdName!: string;
  @Field(() => Rupiah) catalogueSpend!: number;
  @Field(() => Int) vendors!: number;
  @Field() topVendorName!: string;
  @Field(() => Float, { description: 'Percent, two decimals.' }) topVendorShare!: number;
  @Field(() => Float, { description: 'Percent, two decimals.' }) topThreeShare!: number;
  @Field(() => Int, { description: 'Herfindahl-Hirschman index, 0-10000.' }) hhi!: number;
}

@Resolver()
export class InsightResolver {
  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => [OpdConcentration], { description: 'Per OPD, the share of its realised catalogue spend going to its top vendors and the HHI; most concentrated first.' })
  vendorConcentration(@Arg('pemdaId', () => ID) pemdaId: string, @Arg('year', () => Int) year: number, @Ctx() ctx: RequestContext): Promise<OpdConcentration[]> {
    return vendorConcentration(ctx, pemdaId, year);
  }

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
