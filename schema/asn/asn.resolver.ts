import { Arg, Authorized, Ctx, Field, Float, FieldResolver, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { ID } from '../../server/ids.js';
import { Asn, AsnGrade, AsnOrder, AsnProgramme, AsnPurchaseReport, MinimumRule, Outlet, OutletKind } from '../../server/asn/asn.entities.js';
import { AsnMonthStatus } from '../../server/asn/asn-monitoring.service.js';
import { latestClosedMonth, MONTH, reportingClosesAt } from '../../server/asn/asn.service.js';
import { badInput } from '../../server/errors.js';
import type { RequestContext } from '../../server/context.js';
import { Role, User } from '../../server/identity/user.entity.js';
import { Opd } from '../../server/opd/opd.entity.js';
import type { Row } from '../../server/database/rows.js';
import { Vendor } from '../../server/vendor/vendor.entity.js';
import { RegistryImportResult } from '../catalogue/product.types.js';
import { Rupiah } from '../../server/money/rupiah.js';
import { CsvDialect, ExportFile, ExportFormat } from '../../server/reports/report.js';

registerEnumType(AsnMonthStatus, { name: 'AsnMonthStatus', description: 'MET: counted >= required. LATE: it would have been met by reports filed after the deadline. EXEMPT: on leave. NOT_DUE: belum jatuh tempo, the deadline has not passed and the minimum is not reached yet.' });

@InputType()
class OutletInput {
  @Field() name!: string;
  @Field(() => OutletKind) kind!: OutletKind;
}

@InputType()
class GradeMinimumsInput {
  @Field(() => Rupiah, { nullable: true }) PELAKSANA?: number;
  @Field(() => Rupiah, { nullable: true }) ESELON_IV?: number;
  @Field(() => Rupiah, { nullable: true }) ESELON_III?: number;
  @Field(() => Rupiah, { nullable: true }) KEPALA_OPD?: number;
  @Field(() => Rupiah, { nullable: true }) ESELON_II?: number;
}

@InputType({ description: "A programme's rules; minimums by grade default to Probolinggo's SiMadu." })
class CreateAsnProgrammeInput {
  @Field(() => ID) pemdaId!: string;
  @Field() name!: string;
  @Field({ description: 'YYYY-MM.' }) startMonth!: string;
  @Field(() => MinimumRule) minimumRule!: MinimumRule;
  @Field(() => GradeMinimumsInput, { nullable: true }) gradeMinimums?: GradeMinimumsInput;
  @Field(() => Float, { nullable: true }) tppPercent?: number;
  @Field(() => Rupiah, { nullable: true }) tppFloor?: number;
  @Field(() => Int, { nullable: true, description: 'Default 10.' }) reportDeadlineDay?: number;
  @Field({ nullable: true }) basicNeedsOnly?: boolean;
  @Field(() => [OutletInput], { nullable: true }) outlets?: OutletInput[];
}

@InputType()
class AsnRowInput {
  @Field() nip!: string;
  @Field() name!: string;
  @Field() opdCode!: string;
  @Field(() => AsnGrade) grade!: AsnGrade;
  @Field(() => Rupiah, { nullable: true }) tppAmount?: number;
}

@InputType()
class ReportAsnPurchaseInput {
  @Field(() => ID) programmeId!: string;
  @Field({ description: 'YYYY-MM-DD.' }) purchasedOn!: string;
  @Field(() => ID, { nullable: true, description: 'A programme outlet...' }) outletId?: string;
  @Field(() => ID, { nullable: true, description: '...or a verified vendor of the catalogue.' }) vendorId?: string;
  @Field(() => Rupiah) amount!: number;
  @Field() items!: string;
  @Field(() => [ID], { nullable: true, description: 'Catalogue products bought: basic needs is then derived from their categories.' }) productIds?: string[];
  @Field({ nullable: true, description: 'Kebutuhan pokok? Required when no products are given.' }) basicNeeds?: boolean;
  @Field(() => ID, { description: 'The receipt photo, uploaded first: POST /uploads?kind=RECEIPT answers its id.' }) receiptUploadId!: string;
}

@ObjectType()
class AsnMonthRow {
  @Field(() => Asn) asn!: Asn;
  @Field(() => Rupiah) required!: number;
  @Field(() => Rupiah) reported!: number;
  @Field(() => Rupiah) counted!: number;
  @Field(() => AsnMonthStatus) status!: AsnMonthStatus;
}

@ObjectType()
class OutletTotal {
  @Field() name!: string;
  @Field(() => Rupiah) total!: number;
}

@ObjectType({ description: 'Per-OPD aggregates of a programme month; never an individual\'s spending.' })
class OpdAsnCompliance {
  @Field(() => Opd) opd!: Opd;
  @Field(() => Int) asnCount!: number;
  @Field(() => Int) metCount!: number;
  @Field(() => Int) exemptCount!: number;
  @Field({ description: 'Whether the reporting deadline has passed; before it the month is "belum jatuh tempo" and has no rate.' }) due!: boolean;
  @Field(() => Float, { nullable: true, description: 'Met / (ASN - exempt) as a percent, once the month is due.' }) complianceRate!: number | null;
  @Field(() => Rupiah) totalCounted!: number;
  @Field(() => [OutletTotal]) topOutlets!: OutletTotal[];
  @Field(() => Int, { nullable: true }) rank!: number | null;
}

@ObjectType('GradeMinimums')
class GradeMinimumsOutput {
  @Field(() => Rupiah) PELAKSANA!: number;
  @Field(() => Rupiah) ESELON_IV!: number;
  @Field(() => Rupiah) ESELON_III!: number;
  @Field(() => Rupiah) KEPALA_OPD!: number;
  @Field(() => Rupiah) ESELON_II!: number;
}

@Resolver(() => AsnProgramme)
export class AsnResolver {
  @Query(() => [AsnProgramme], { description: "A Pemda's ASN purchase programmes (public)." })
  asnProgrammes(@Arg('pemdaId', () => ID) pemdaId: string, @Ctx() ctx: RequestContext): Promise<AsnProgramme[]> {
    return ctx.services.asn.programmes(ctx, pemdaId);
  }

  @FieldResolver(() => [Outlet])
  outlets(@Root() programme: AsnProgramme, @Ctx() ctx: RequestContext): Promise<Outlet[]> {
    return ctx.loaders.outletsOfProgramme.load(programme.id);
  }

  @FieldResolver(() => GradeMinimumsOutput)
  gradeMinimums(@Root() programme: AsnProgramme): GradeMinimumsOutput {
    return programme.gradeMinimums;
  }

  @FieldResolver(() => Date, { description: "When reporting for a month closes (YYYY-MM): later reports are LATE. The reporting deadline day of the next month ends, in the Pemda's time zone." })
  async reportingClosesAt(@Root() programme: AsnProgramme, @Arg('month') month: string): Promise<Date> {
    if (!MONTH.test(month)) throw badInput([{ field: 'month', message: 'Bulan berformat YYYY-MM.' }]);
    const pemda = await programme.pemda.load();
    return reportingClosesAt(month, programme.reportDeadlineDay, pemda!.timeZone);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The latest month (YYYY-MM) whose reporting has closed, so its figures are final; null while the first month is still open.' })
  async latestClosedMonth(@Root() programme: AsnProgramme, @Ctx() ctx: RequestContext): Promise<string | null> {
    const pemda = await programme.pemda.load();
    return latestClosedMonth(programme.startMonth, programme.reportDeadlineDay, pemda!.timeZone, ctx.now());
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => AsnProgramme)
  createAsnProgramme(@Arg('input') input: CreateAsnProgrammeInput, @Ctx() ctx: RequestContext): Promise<AsnProgramme> {
    return ctx.services.asn.createProgramme(ctx, input);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => RegistryImportResult, { description: 'The ASN registry, from `rows`, `csv` (any separator) or `xlsxBase64` (columns nip, name, opd_code, grade, tpp). All rows or none.' })
  importAsn(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('rows', () => [AsnRowInput], { nullable: true }) rows: AsnRowInput[] | undefined,
    @Arg('csv', () => String, { nullable: true }) csv: string | undefined,
    @Arg('xlsxBase64', () => String, { nullable: true, description: 'An Excel workbook (.xlsx) as base64 instead of csv: its first sheet.' }) xlsxBase64: string | undefined,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<RegistryImportResult> {
    return ctx.services.asn.importAsn(ctx, pemdaId, { rows, csv, xlsxBase64 }, dryRun);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => User, { description: 'Creates the ASN account that files this ASN\'s reports.' })
  createAsnAccount(@Arg('asnId', () => ID) asnId: string, @Arg('email') email: string, @Arg('password') password: string, @Ctx() ctx: RequestContext): Promise<User> {
    return ctx.services.asn.createAccount(ctx, asnId, email, password);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Mutation(() => Asn, { description: 'Marks a month of leave (EXEMPT), or clears it.' })
  setAsnExempt(@Arg('asnId', () => ID) asnId: string, @Arg('month') month: string, @Arg('exempt') exempt: boolean, @Ctx() ctx: RequestContext): Promise<Asn> {
    return ctx.services.asn.setExempt(ctx, asnId, month, exempt);
  }

  @Authorized(Role.ASN)
  @Mutation(() => AsnPurchaseReport, { description: 'An ASN reports a purchase; after the deadline it is stored as LATE and does not count.' })
  reportAsnPurchase(@Arg('input') input: ReportAsnPurchaseInput, @Ctx() ctx: RequestContext): Promise<AsnPurchaseReport> {
    return ctx.services.asn.report(ctx, input);
  }

  @Authorized(Role.KEPALA_OPD, Role.BPBJ)
  @Mutation(() => AsnPurchaseReport, { description: 'The head of the ASN\'s OPD or BPBJ rejects a report (it stops counting), with the reason the ASN is told. Audited.' })
  rejectAsnReport(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: RequestContext): Promise<AsnPurchaseReport> {
    return ctx.services.asn.reject(ctx, id, reason);
  }

  @Authorized(Role.KEPALA_OPD, Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => [AsnPurchaseReport], { description: "One ASN's reports of a month (YYYY-MM), with their receipts: for the head of the ASN's OPD and BPBJ to check." })
  asnReports(@Arg('asnId', () => ID) asnId: string, @Arg('month') month: string, @Ctx() ctx: RequestContext): Promise<AsnPurchaseReport[]> {
    return ctx.services.asn.reportsOf(ctx, asnId, month);
  }

  @Authorized(Role.ASN)
  @Query(() => [AsnPurchaseReport], { description: "The caller's own reports." })
  myAsnReports(@Ctx() ctx: RequestContext): Promise<AsnPurchaseReport[]> {
    return ctx.services.asn.myReports(ctx);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN, Role.KEPALA_OPD, Role.PP, Role.PPK, Role.ASN)
  @Query(() => [AsnMonthRow], { description: 'Per ASN for a month. BPBJ: the Pemda; the OPD head, PP, PPK: their OPD; an ASN: its own row.' })
  asnMonthlyCompliance(@Arg('programmeId', () => ID) programmeId: string, @Arg('month') month: string, @Arg('opdId', () => ID, { nullable: true }) opdId: string | undefined, @Ctx() ctx: RequestContext): Promise<AsnMonthRow[]> {
    return ctx.services.asnMonitoring.asnMonth(ctx, programmeId, month, opdId);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => [OpdAsnCompliance], { description: 'Per OPD for a month, ranked: compliance rate, then rupiah (the reward list is the top).' })
  opdAsnCompliance(@Arg('programmeId', () => ID) programmeId: string, @Arg('month') month: string, @Ctx() ctx: RequestContext): Promise<OpdAsnCompliance[]> {
    return ctx.services.asnMonitoring.opdMonth(ctx, programmeId, month);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => ExportFile, { description: 'The per-OPD recap of a month for the regent, as XLSX, PDF or CSV.' })
  exportAsnCompliance(
    @Arg('programmeId', () => ID) programmeId: string,
    @Arg('month') month: string,
    @Arg('format', () => ExportFormat) format: ExportFormat,
    @Arg('dialect', () => CsvDialect, { nullable: true }) dialect: CsvDialect | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ExportFile> {
    return ctx.services.asnMonitoring.export(ctx, programmeId, month, format, dialect);
  }

  @Query(() => [OpdAsnCompliance], { description: 'The public per-OPD view (PPID): aggregates only.' })
  publicAsnCompliance(@Arg('programmeId', () => ID) programmeId: string, @Arg('month') month: string, @Ctx() ctx: RequestContext): Promise<OpdAsnCompliance[]> {
    return ctx.services.asnMonitoring.opdMonth(ctx, programmeId, month, true);
  }
}

@Resolver(() => Asn)
export class AsnRegistryResolver {
  @FieldResolver(() => Opd)
  opd(@Root() asn: Asn | Row<Asn>, @Ctx() ctx: RequestContext): Promise<Opd | Row<Opd>> {
    return ctx.loaders.opd.load(asn.opd.id);
  }
}

@InputType()
class AsnOrderItemInput {
  @Field(() => ID) productId!: string;
  @Field(() => Int) quantity!: number;
}

@Resolver(() => AsnOrder)
export class AsnOrderResolver {
  @Authorized(Role.ASN)
  @Mutation(() => AsnOrder, { description: 'An ASN buys from one catalogue vendor through the platform; the stock is set aside at once. Counts once the vendor completes it.' })
  placeAsnOrder(
    @Arg('items', () => [AsnOrderItemInput]) items: AsnOrderItemInput[],
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AsnOrder> {
    return ctx.services.asnOrder.place(ctx, items, idempotencyKey);
  }

  @Authorized(Role.VENDOR)
  @Mutation(() => AsnOrder, { description: 'The vendor confirms hand-over and payment: the purchase counts for the ASN\'s programmes on its own.' })
  completeAsnOrder(@Arg('id', () => ID) id: string, @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null, @Ctx() ctx: RequestContext): Promise<AsnOrder> {
    return ctx.services.asnOrder.complete(ctx, id, idempotencyKey);
  }

  @Authorized(Role.ASN, Role.VENDOR)
  @Mutation(() => AsnOrder, { description: 'The buyer or the vendor cancels an order not yet completed, with a reason; the stock goes back.' })
  cancelAsnOrder(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null, @Ctx() ctx: RequestContext): Promise<AsnOrder> {
    return ctx.services.asnOrder.cancel(ctx, id, reason, idempotencyKey);
  }

  @Authorized(Role.ASN, Role.VENDOR)
  @Query(() => [AsnOrder], { description: "An ASN's own orders, or the orders placed with the calling vendor (newest first, up to 200)." })
  asnOrders(@Ctx() ctx: RequestContext): Promise<AsnOrder[]> {
    return ctx.services.asnOrder.list(ctx);
  }

  @FieldResolver(() => Vendor)
  vendor(@Root() order: AsnOrder): Promise<Vendor> {
    return order.vendor.loadOrFail();
  }

  @FieldResolver(() => String, { description: 'Who bought it, for the hand-over.' })
  async buyerName(@Root() order: AsnOrder): Promise<string> {
    return (await order.asn.loadOrFail()).name;
  }
}

@Resolver(() => AsnPurchaseReport)
export class AsnReportResolver {
  @FieldResolver(() => ID, { nullable: true, description: 'The platform order it was recorded from, when bought through the platform (then it needed no report).' })
  asnOrderId(@Root() report: AsnPurchaseReport): string | null {
    return report.order?.id ?? null;
  }
}
