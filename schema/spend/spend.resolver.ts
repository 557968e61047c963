import { Arg, Authorized, Ctx, Field, FieldResolver, Float, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { ID } from '../../server/ids.js';
import { CsvDialect, ExportFile, ExportFormat } from '../../server/reports/report.js';
import { ImportPolicy } from '../../server/imports/import-policy.js';
import type { RequestContext } from '../../server/context.js';
import { Role } from '../../server/identity/user.entity.js';
import { Opd } from '../../server/opd/opd.entity.js';
import { Pemda } from '../../server/pemda/pemda.entity.js';
import { SpendStatus, type OpdRecap } from '../../server/spend/recap.service.js';
import { OpdBudget, SpendChannel } from '../../server/spend/spend.entities.js';
import { ImportRowError } from '../catalogue/product.types.js';
import { Rupiah } from '../../server/money/rupiah.js';

registerEnumType(SpendStatus, {
  name: 'SpendStatus',
  description: 'Against the pro-rata path to the year\'s target: UMK-K realised January..end of period >= target x budget x months/12 is ON_TRACK; >= 75% of that, AT_RISK; otherwise BELOW. No budget: NOT_ASSESSABLE.',
});

@InputType({ description: 'A period of whole months in the Pemda time zone: one month, a quarter, year to date, a range, or (none) the whole year.' })
export class PeriodInputType {
  @Field(() => Int)
  year!: number;

  @Field(() => Int, { nullable: true })
  month?: number;

  @Field(() => Int, { nullable: true })
  quarter?: number;

  @Field({ nullable: true })
  yearToDate?: boolean;

  @Field(() => Int, { nullable: true })
  fromMonth?: number;

  @Field(() => Int, { nullable: true })
  toMonth?: number;
}

@InputType()
class OpdBudgetInput {
  @Field(() => ID)
  opdId!: string;

  @Field(() => Int)
  fiscalYear!: number;

  @Field(() => Rupiah)
  goodsServicesBudget!: number;

  @Field(() => Rupiah)
  plannedUmkk!: number;

  @Field(() => Rupiah)
  allocatedUmkk!: number;

  @Field({ nullable: true, description: 'YYYY-MM-DD the version takes effect (APBD-Perubahan: its date). Unset: 1 January, or the first open month.' })
  effectiveFrom?: string;

  @Field({ nullable: true, description: 'Why this version replaces the one before: required once a budget is recorded.' })
  reason?: string;
}

@InputType()
class ExternalSpendRowInput {
  @Field()
  externalRef!: string;

  @Field({ description: 'YYYY-MM-DD.' })
  spentOn!: string;

  @Field()
  opdCode!: string;

  @Field()
  vendorName!: string;

  @Field({ nullable: true })
  vendorNib?: string;

  @Field(() => Rupiah)
  amount!: number;

  @Field(() => SpendChannel)
  channel!: SpendChannel;

  @Field()
  isUmkk!: boolean;

  @Field()
  isPdn!: boolean;

  @Field()
  isLocal!: boolean;

  @Field({ nullable: true, description: 'An adjustment in an open period names the row (of a closed month) it corrects; only an adjustment may be negative.' })
  correctsRef?: string;
}

@InputType({ description: 'One of `csv` or `xlsxBase64` (columns external_ref, date, opd_code, vendor_name, vendor_nib, amount, channel, umkk, pdn, local, optional corrects_ref) or `rows`.' })
class ImportExternalSpendInput {
  @Field(() => ID)
  pemdaId!: string;

  @Field({ nullable: true })
  csv?: string;

  @Field({ nullable: true, description: 'An Excel workbook (.xlsx) as base64; its first sheet has the CSV columns.' })
  xlsxBase64?: string;

  @Field(() => [ExternalSpendRowInput], { nullable: true })
  rows?: ExternalSpendRowInput[];

  @Field(() => ImportPolicy)
  policy!: ImportPolicy;

  @Field({ defaultValue: false, description: 'Validate and count, write nothing.' })
  dryRun!: boolean;
}

@ObjectType()
class ExternalSpendImportResult {
  @Field()
  applied!: boolean;

  @Field()
  dryRun!: boolean;

  @Field(() => Int)
  created!: number;

  @Field(() => Int, { description: 'Rows whose reference existed and whose figures changed: their months are restated.' })
  corrected!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  failedCount!: number;

  @Field(() => [ImportRowError])
  errors!: ImportRowError[];
}

@ObjectType()
class BudgetImportResult {
  @Field()
  applied!: boolean;

  @Field(() => Int)
  rows!: number;

  @Field(() => [ImportRowError])
  errors!: ImportRowError[];
}

@ObjectType({ description: 'Spend figures for a period. Shares are percents with two decimals, computed from integers and rounded once.' })
class SpendFiguresView {
  @Field(() => Rupiah, { description: 'Pagu belanja barang/jasa of the fiscal year.' }) budget!: number;
  @Field(() => Rupiah) plannedUmkk!: number;
  @Field(() => Rupiah) allocatedUmkk!: number;
  @Field(() => Float, { nullable: true, description: 'Planned UMK-K (in the RUP) / budget, percent.' }) plannedUmkkShare!: number | null;
  @Field(() => Float, { nullable: true, description: 'Allocated UMK-K / budget, percent.' }) allocatedUmkkShare!: number | null;
  @Field(() => Rupiah) realisedTotal!: number;
  @Field(() => Rupiah) catalogueTotal!: number;
  @Field(() => Rupiah) externalTotal!: number;
  @Field(() => Rupiah) realisedUmkk!: number;
  @Field(() => Rupiah) realisedPdn!: number;
  @Field(() => Rupiah) realisedLocal!: number;
  @Field(() => Int) transactions!: number;
  @Field(() => Float, { nullable: true, description: 'The legal 40% measure: UMK-K realised / goods-services budget.' }) umkkShareOfBudget!: number | null;
  @Field(() => Float, { nullable: true }) umkkShareOfRealised!: number | null;
  @Field(() => Float, { nullable: true }) pdnShare!: number | null;
  @Field(() => Float, { nullable: true }) localShare!: number | null;
  @Field(() => Float, { nullable: true }) catalogueShare!: number | null;
  @Field(() => Rupiah) umkkYearToDate!: number;
  @Field(() => Rupiah, { description: 'Target x budget x (months through the period end)/12.' }) expectedUmkkByPeriodEnd!: number;
  @Field(() => Rupiah, { description: 'How much more UMK-K spend reaches the pro-rata path.' }) shortfall!: number;
  @Field(() => SpendStatus) status!: SpendStatus;
}

@ObjectType()
class OpdSpendRecap extends SpendFiguresView {
  @Field(() => Opd) opd!: OpdRecap['opd'];
  @Field(() => Int, { nullable: true, description: 'Rank by UMK-K share of budget (assessable OPDs only).' }) rank!: number | null;
  span!: OpdRecap['span'];
}

@ObjectType({ description: "How much of an OPD's catalogue spend in the period went to its top vendors." })
class VendorConcentrationView {
  @Field(() => Int) vendors!: number;
  @Field(() => Float, { description: 'Percent of the catalogue spend, two decimals.' }) topVendorShare!: number;
  @Field(() => Float, { description: 'Percent, two decimals.' }) topThreeShare!: number;
  @Field(() => Int, { description: 'Herfindahl-Hirschman index, 0-10000 (sum of squared percent shares).' }) hhi!: number;
}

@Resolver(() => OpdSpendRecap)
export class OpdSpendRecapResolver {
  @FieldResolver(() => VendorConcentrationView, { nullable: true, description: 'Vendor concentration of the OPD\'s catalogue spend in the period (null without any): one statement for the whole recap.' })
  async vendorConcentration(@Root() row: OpdSpendRecap, @Ctx() ctx: RequestContext): Promise<VendorConcentrationView | null> {
    const byOpd = await ctx.loaders.vendorConcentration.load(`${row.span.pemdaId}|${row.span.from}|${row.span.to}`);
    return byOpd.get(row.opd.id) ?? null;
  }
}

@ObjectType()
class PeriodView {
  @Field(() => Int) year!: number;
  @Field() from!: string;
  @Field() to!: string;
  @Field() label!: string;
}

@ObjectType()
class SpendRecapView {
  @Field(() => PeriodView) period!: PeriodView;
  @Field(() => Float) targetPercent!: number;
  @Field(() => SpendFiguresView, { description: 'The Pemda over its OPDs with a budget: numerator and denominator over the same OPDs.' }) pemda!: SpendFiguresView;
  @Field(() => Rupiah, { description: 'Realised by OPDs without a budget for the year: outside the Pemda share.' }) unbudgetedTotal!: number;
  @Field(() => Rupiah, { description: 'UMK-K realised by OPDs without a budget: outside the Pemda share.' }) unbudgetedUmkk!: number;
  @Field(() => [OpdSpendRecap], { description: 'Ranked by UMK-K share of budget; OPDs without a budget last.' }) opds!: OpdSpendRecap[];
  @Field(() => Rupiah) catalogueSpendYearToDate!: number;
  @Field(() => Rupiah) catalogueSpendTarget!: number;
  @Field(() => Float, { nullable: true }) catalogueTargetAchieved!: number | null;
}

@ObjectType()
class MonthPointView {
  @Field() month!: string;
  @Field(() => Rupiah) realisedTotal!: number;
  @Field(() => Rupiah) catalogueTotal!: number;
  @Field(() => Rupiah) realisedUmkk!: number;
  @Field(() => Rupiah) umkkYearToDate!: number;
  @Field(() => Float, { nullable: true }) umkkShareOfBudgetYearToDate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Planned UMK-K / budget for the year, percent.' }) plannedUmkkShare!: number | null;
  @Field(() => Float, { nullable: true, description: 'Allocated UMK-K / budget for the year, percent.' }) allocatedUmkkShare!: number | null;
}

@Resolver()
export class SpendResolver {
  @Authorized()
  @Query(() => SpendRecapView, { description: 'Local-spend monitoring: every OPD against the 40% target. BPBJ: the Pemda; PP/PPK/ASN: their OPD.' })
  spendRecap(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('period', () => PeriodInputType) period: PeriodInputType,
    @Arg('opdId', () => ID, { nullable: true }) opdId: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<SpendRecapView> {
    return ctx.services.recap.recap(ctx, pemdaId, period, opdId);
  }

  @Query(() => SpendRecapView, { description: 'The per-OPD recap for the public (PPID): aggregates only, no personal data.' })
  publicSpendRecap(@Arg('pemdaId', () => ID) pemdaId: string, @Arg('period', () => PeriodInputType) period: PeriodInputType, @Ctx() ctx: RequestContext): Promise<SpendRecapView> {
    return ctx.services.recap.recap(ctx, pemdaId, period, null, true);
  }

  @Authorized()
  @Query(() => [MonthPointView], { description: 'Twelve months for the Pemda or one OPD.' })
  spendMonthlySeries(@Arg('pemdaId', () => ID) pemdaId: string, @Arg('year', () => Int) year: number, @Arg('opdId', () => ID, { nullable: true }) opdId: string | undefined, @Ctx() ctx: RequestContext): Promise<MonthPointView[]> {
    return ctx.services.recap.monthlySeries(ctx, pemdaId, year, opdId);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => ExportFile, { description: 'The year\'s recap: one row per OPD with its figures and status, then UMK-K per OPD with the months across. XLSX and PDF with title block, totals and signatures.' })
  exportSpendRecap(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('year', () => Int) year: number,
    @Arg('format', () => ExportFormat) format: ExportFormat,
    @Arg('dialect', () => CsvDialect, { nullable: true, description: 'For CSV: RFC4180 (default) or EXCEL_ID.' }) dialect: CsvDialect | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ExportFile> {
    return ctx.services.recap.export(ctx, pemdaId, year, format, dialect);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN, Role.KEPALA_OPD, Role.PP, Role.PPK)
  @Query(() => ExportFile, { description: 'Twelve months of one OPD (officers: their own) or of the Pemda, as a report.' })
  exportSpendSeries(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('year', () => Int) year: number,
    @Arg('opdId', () => ID, { nullable: true }) opdId: string | undefined,
    @Arg('format', () => ExportFormat) format: ExportFormat,
    @Arg('dialect', () => CsvDialect, { nullable: true }) dialect: CsvDialect | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ExportFile> {
    return ctx.services.recap.exportSeries(ctx, pemdaId, year, opdId, format, dialect);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => OpdBudget)
  setOpdBudget(@Arg('input') input: OpdBudgetInput, @Ctx() ctx: RequestContext): Promise<OpdBudget> {
    return ctx.services.budget.set(ctx, input);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => [OpdBudget], { description: "Every version of an OPD's budget for a year, oldest first: who recorded it, from when, why." })
  opdBudgetHistory(@Arg('opdId', () => ID) opdId: string, @Arg('fiscalYear', () => Int) fiscalYear: number, @Ctx() ctx: RequestContext): Promise<OpdBudget[]> {
    return ctx.services.budget.history(ctx, opdId, fiscalYear);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => Pemda, { description: 'Closes every month up to `month` (YYYY-MM, before the current month): their figures never change again. Months never reopen.' })
  closeSpendPeriods(@Arg('pemdaId', () => ID) pemdaId: string, @Arg('month') month: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext): Promise<Pemda> {
    return ctx.services.closedPeriods.closeThrough(ctx, pemdaId, month, reason);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => BudgetImportResult, { description: 'CSV: opd_code, fiscal_year, goods_services_budget, planned_umkk, allocated_umkk, optional effective_from and reason (needed when the budget is already recorded). Each row is a new version. All rows or none.' })
  importOpdBudgets(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('csv', () => String, { nullable: true }) csv: string | undefined,
    @Arg('xlsxBase64', () => String, { nullable: true, description: 'An Excel workbook (.xlsx) as base64 instead of csv: its first sheet.' }) xlsxBase64: string | undefined,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<BudgetImportResult> {
    return ctx.services.budget.importTable(ctx, pemdaId, { csv, xlsxBase64 }, dryRun);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => ExternalSpendImportResult, { description: 'Spend outside the catalogue (tenders, direct, national catalogue, online shops): per-row errors, dedup on reference, dry run.' })
  importExternalSpend(@Arg('input') input: ImportExternalSpendInput, @Ctx() ctx: RequestContext): Promise<ExternalSpendImportResult> {
    return ctx.services.externalSpend.importFrom(ctx, input.pemdaId, { ...input, rows: input.rows as unknown as Record<string, unknown>[] | undefined }, input.policy, input.dryRun);
  }
}
