import { Arg, Authorized, Ctx, Field, FieldResolver, Float, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ID } from '../../server/ids.js';
import { AwardComponent, AwardResult, type AwardRow } from '../../server/award/award.entities.js';
import type { RequestContext } from '../../server/context.js';
import { Role } from '../../server/identity/user.entity.js';
import { CsvDialect, ExportFile, ExportFormat } from '../../server/reports/report.js';

@InputType()
class ComponentWeightInput {
  @Field(() => AwardComponent) component!: AwardComponent;
  @Field(() => Float) weight!: number;
}

@InputType()
class TierInput {
  @Field() name!: string;
  @Field(() => Float) minScore!: number;
}

@InputType({ description: 'Changes to the configuration; anything left out keeps the last version\'s value (or the default).' })
class AwardConfigInput {
  @Field(() => [ComponentWeightInput], { nullable: true, description: 'Weights must sum to 100.' }) weights?: ComponentWeightInput[];
  @Field(() => [TierInput], { nullable: true, description: 'Highest first, e.g. UTAMA 80, MADYA 60, PRATAMA 40.' }) tiers?: TierInput[];
  @Field(() => Float, { nullable: true }) minUmkkSharePercent?: number;
  @Field(() => Float, { nullable: true }) maxMedianPaymentDays?: number;
  @Field(() => ID, { nullable: true, description: 'The ASN programme whose compliance counts.' }) asnProgrammeId?: string;
}

@ObjectType()
class ComponentScoreView {
  @Field(() => AwardComponent) component!: AwardComponent;
  @Field(() => Float, { nullable: true, description: 'The measured value (rupiah, percent, count or days).' }) raw!: number | null;
  @Field(() => Float, { description: '0-100.' }) normalised!: number;
  @Field(() => Float) weight!: number;
  @Field(() => Float, { description: 'normalised x weight / 100: the components add up to the score.' }) contribution!: number;
  @Field() explanation!: string;
}

@ObjectType()
class AwardRowView {
  @Field(() => ID) opdId!: string;
  @Field() opdCode!: string;
  @Field() opdName!: string;
  @Field() assessable!: boolean;
  @Field(() => String, { nullable: true }) notAssessableReason!: string | null;
  @Field(() => Float, { nullable: true, description: '0-100, 3 decimals.' }) score!: number | null;
  @Field(() => Int, { nullable: true }) rank!: number | null;
  @Field(() => String, { nullable: true }) tier!: string | null;
  @Field(() => [ComponentScoreView]) components!: ComponentScoreView[];
  @Field(() => [String], { description: 'Punishment flags, with the reason.' }) flags!: string[];
  @Field(() => String, { nullable: true }) nextTier!: string | null;
  @Field(() => String, { nullable: true, description: 'What would reach the next tier, e.g. "Rp X lagi melalui katalog mencapai MADYA".' }) toNextTier!: string | null;
}

@ObjectType()
class ComponentWeightView {
  @Field(() => AwardComponent) component!: AwardComponent;
  @Field(() => Float) weight!: number;
}

@ObjectType()
class AwardLeaderboardRow {
  @Field(() => Int) rank!: number;
  @Field(() => ID, { description: 'The OPD, which keeps its id when renamed; opdName is its name when the result was published.' }) opdId!: string;
  @Field() opdName!: string;
  @Field(() => Float) score!: number;
  @Field(() => String, { nullable: true }) tier!: string | null;
}

@ObjectType()
class AwardVersionDiff {
  @Field() opdCode!: string;
  @Field() opdName!: string;
  @Field(() => Float, { nullable: true }) scoreA!: number | null;
  @Field(() => Float, { nullable: true }) scoreB!: number | null;
  @Field(() => Float, { nullable: true }) delta!: number | null;
  @Field(() => Int, { nullable: true }) rankA!: number | null;
  @Field(() => Int, { nullable: true }) rankB!: number | null;
}

@Resolver(() => AwardResult)
export class AwardResolver {
  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => AwardResult, { description: 'Computes a new DRAFT version of the award for a year or a quarter.' })
  computeAward(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('year', () => Int) year: number,
    @Arg('quarter', () => Int, { nullable: true }) quarter: number | undefined,
    @Arg('config', () => AwardConfigInput, { nullable: true }) config: AwardConfigInput | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<AwardResult> {
    return ctx.services.award.compute(ctx, pemdaId, { year, quarter }, config && {
      ...config,
      weights: config.weights ? Object.fromEntries(config.weights.map((w) => [w.component, w.weight])) : undefined,
      tiers: config.tiers?.map((t) => [t.name, t.minScore] as [string, number]),
    });
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => AwardResult, { description: 'Publishes a draft: it is frozen for good. Corrections make a new version.' })
  publishAward(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<AwardResult> {
    return ctx.services.award.publish(ctx, id);
  }

  @Query(() => AwardResult, { description: 'A result (drafts: BPBJ only).' })
  awardResult(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<AwardResult> {
    return ctx.services.award.get(ctx, id);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => [AwardResult])
  awardVersions(@Arg('pemdaId', () => ID) pemdaId: string, @Arg('period') period: string, @Ctx() ctx: RequestContext): Promise<AwardResult[]> {
    return ctx.services.award.versions(ctx, pemdaId, period);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => [AwardVersionDiff], { description: 'Two versions side by side, per OPD.' })
  compareAwardVersions(@Arg('a', () => ID) a: string, @Arg('b', () => ID) b: string, @Ctx() ctx: RequestContext): Promise<AwardVersionDiff[]> {
    return ctx.services.award.compareVersions(ctx, a, b);
  }

  @Query(() => [AwardLeaderboardRow], { description: 'The latest published result: OPD, score, tier, rank (public, for PPID).' })
  awardLeaderboard(@Arg('pemdaId', () => ID) pemdaId: string, @Arg('period', () => String, { nullable: true }) period: string | undefined, @Ctx() ctx: RequestContext): Promise<AwardLeaderboardRow[]> {
    return ctx.services.award.leaderboard(ctx, pemdaId, period);
  }

  @Query(() => ExportFile, { description: 'A result with its explanation as XLSX, PDF or CSV (drafts: BPBJ only).' })
  exportAward(
    @Arg('id', () => ID) id: string,
    @Arg('format', () => ExportFormat) format: ExportFormat,
    @Arg('dialect', () => CsvDialect, { nullable: true }) dialect: CsvDialect | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ExportFile> {
    return ctx.services.award.export(ctx, id, format, dialect);
  }

  @FieldResolver(() => [AwardRowView], { description: 'Every OPD: score, rank, tier, each component\'s raw value, normalised value, weight and contribution.' })
  rows(@Root() result: AwardResult): AwardRow[] {
    return result.snapshot.rows;
  }

  @FieldResolver(() => [ComponentWeightView], { description: 'The weights this version used.' })
  weights(@Root() result: AwardResult): ComponentWeightView[] {
    return Object.entries(result.snapshot.config.weights).map(([component, weight]) => ({ component: component as AwardComponent, weight }));
  }
}
