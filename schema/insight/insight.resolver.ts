import { Arg, Authorized, Ctx, Field, Float, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../server/context.js';
import { Role } from '../../server/identity/user.entity.js';
import { ID } from '../../server/ids.js';
import { vendorConcentration } from '../../server/insight/concentration.js';
import { decemberForecast, ForecastMethod } from '../../server/insight/forecast.js';
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

registerEnumType(ForecastMethod, {
  name: 'ForecastMethod',
  valuesConfig: {
    LAST_YEAR_SHAPE: { description: "Projected with last year's Pemda-wide monthly shape: realised x last year's whole year / last year's same months." },
    CURRENT_PACE: { description: 'No last year on record: projected at the average month so far (realised x 12 / months).' },
    FINAL: { description: 'The year has ended: the realised figure.' },
  },
});

@ObjectType({ description: 'Where the UMK-K share of budget will stand on 31 December, and what it takes to reach the target.' })
class ForecastFigures {
  @Field(() => Rupiah, { description: "The goods/services budget in force at the end of the forecast month." }) budget!: number;
  @Field(() => Rupiah, { description: 'Target% x budget, rounded up.' }) target!: number;
  @Field(() => Rupiah, { description: 'UMK-K realised January through the forecast month.' }) realisedUmkk!: number;
  @Field(() => Rupiah, { description: 'UMK-K projected for the whole year.' }) projectedUmkk!: number;
  @Field(() => Float, { nullable: true, description: 'Percent of budget, two decimals.' }) realisedShare!: number | null;
  @Field(() => Float, { nullable: true, description: 'Percent of budget on 31 December, two decimals.' }) projectedShare!: number | null;
  @Field(() => Rupiah, { description: 'UMK-K needed each remaining month to reach the target (0 when reached).' }) neededPerMonth!: number;
  @Field({ description: 'The projection is below the target.' }) willMiss!: boolean;
}

@ObjectType()
class OpdForecast extends ForecastFigures {
  @Field(() => ID) opdId!: string;
  @Field() opdCode!: string;
  @Field() opdName!: string;
}

@ObjectType()
class DecemberForecast {
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: 'The forecast is made at the end of this month (1-12).' }) throughMonth!: number;
  @Field(() => Int) monthsLeft!: number;
  @Field(() => ForecastMethod) method!: ForecastMethod;
  @Field(() => Float) targetPercent!: number;
  @Field(() => ForecastFigures, { description: 'The OPDs with a budget, summed.' }) pemda!: ForecastFigures;
  @Field(() => [OpdForecast], { description: 'OPDs with a budget: those that will miss first, furthest below target first.' }) opds!: OpdForecast[];
}

@Resolver()
export class InsightResolver {
  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => [OpdConcentration], { description: 'Per OPD, the share of its realised catalogue spend going to its top vendors and the HHI; most concentrated first.' })
  vendorConcentration(@Arg('pemdaId', () => ID) pemdaId: string, @Arg('year', () => Int) year: number, @Ctx() ctx: RequestContext): Promise<OpdConcentration[]> {
    return vendorConcentration(ctx, pemdaId, year);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => DecemberForecast, { description: "The December forecast of the UMK-K share per OPD and for the Pemda, made at the end of a month that has ended (by default the last one)." })
  decemberForecast(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('year', () => Int) year: number,
    @Arg('throughMonth', () => Int, { nullable: true, description: 'Replay the forecast as it stood at the end of this month.' }) throughMonth: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DecemberForecast> {
    return decemberForecast(ctx, pemdaId, year, throughMonth);
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
