import { Check, DecimalType, Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ID } from '../ids.js';
import { Rupiah } from '../money/rupiah.js';
import { BaseEntity } from '../database/base.entity.js';
import { rupiahColumn } from '../database/types.js';
import { Opd } from '../opd/opd.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { Vendor } from '../vendor/vendor.entity.js';
import { SIMADU_MINIMUMS as GRADE_MINIMUMS } from './simadu.js';

export enum AsnGrade {
  PELAKSANA = 'PELAKSANA',
  ESELON_IV = 'ESELON_IV',
  ESELON_III = 'ESELON_III',
  KEPALA_OPD = 'KEPALA_OPD',
  ESELON_II = 'ESELON_II',
}
registerEnumType(AsnGrade, { name: 'AsnGrade', description: 'Position grade, which sets the monthly minimum (SiMadu).' });

/** SiMadu's minimums (server/asn/simadu.ts), the default for a new programme. */
export const SIMADU_MINIMUMS: Record<AsnGrade, number> = GRADE_MINIMUMS;

export enum MinimumRule {
  BY_GRADE = 'BY_GRADE',
  PERCENT_OF_TPP = 'PERCENT_OF_TPP',
}
registerEnumType(MinimumRule, {
  name: 'MinimumRule',
  valuesConfig: {
    BY_GRADE: { description: 'A fixed monthly minimum per grade (Probolinggo SiMadu).' },
    PERCENT_OF_TPP: { description: 'A percent of the TPP allowance with a floor (Bojonegoro e-Bakul: 10%, at least Rp300.000).' },
  },
});

export enum OutletKind {
  PASAR_RAKYAT = 'PASAR_RAKYAT',
  GALERI_DEKRANASDA = 'GALERI_DEKRANASDA',
  PASAR_PEMERINTAH = 'PASAR_PEMERINTAH',
  LAINNYA = 'LAINNYA',
}
registerEnumType(OutletKind, { name: 'OutletKind' });

export enum ReportStatus {
  COUNTED = 'COUNTED',
  LATE = 'LATE',
  NOT_COUNTED = 'NOT_COUNTED',
  REJECTED = 'REJECTED',
}
registerEnumType(ReportStatus, {
  name: 'ReportStatus',
  valuesConfig: {
    COUNTED: { description: 'On time and within the rules: counts for its month.' },
    LATE: { description: 'Reported after the deadline: stored, does not count.' },
    NOT_COUNTED: { description: 'Outside the rules (e.g. not basic needs where only basic needs count).' },
    REJECTED: { description: 'Rejected by the OPD head or BPBJ, with a reason.' },
  },
});

@ObjectType({ implements: BaseEntity, description: 'An ASN purchase programme of a Pemda (SiMadu, Betah, Belanja Cil, Malpro...).' })
@Entity({ tableName: 'asn_programme' })
@Check({ name: 'asn_programme_deadline_check', expression: 'report_deadline_day >= 1 and report_deadline_day <= 28' })
export class AsnProgramme extends BaseEntity {
  @Index()
  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'restrict' })
  pemda!: Ref<Pemda>;

  @Field()
  @Property()
  name!: string;

  @Field({ description: 'First month that counts, YYYY-MM.' })
  @Property({ length: 7 })
  startMonth!: string;

  @Field(() => MinimumRule)
  @Enum({ items: () => MinimumRule })
  minimumRule!: MinimumRule;

  /** Rupiah per grade, for BY_GRADE. */
  @Property({ type: 'json' })
  gradeMinimums!: Record<AsnGrade, number>;

  @Field(() => Float, { nullable: true, description: 'For PERCENT_OF_TPP: percent of the TPP allowance.' })
  @Property({ type: new DecimalType('number'), precision: 5, scale: 2, nullable: true })
  tppPercent?: number | null;

  @Field(() => Rupiah, { nullable: true, description: 'For PERCENT_OF_TPP: the floor.' })
  @Property({ ...rupiahColumn(), nullable: true })
  tppFloor?: number | null;

  @Field(() => Int, { description: 'Reports are due by this day of the following month, end of day in the Pemda time zone.' })
  @Property()
  reportDeadlineDay!: number;

  @Field({ description: 'Only purchases in basic-needs categories count (Malang).' })
  @Property()
  basicNeedsOnly!: boolean;
}

@ObjectType({ implements: BaseEntity, description: "A place the programme counts purchases at: a people's market, a Dekranasda gallery, a government market." })
@Entity({ tableName: 'asn_outlet' })
export class Outlet extends BaseEntity {
  @Index()
  @ManyToOne(() => AsnProgramme, { ref: true, deleteRule: 'cascade' })
  programme!: Ref<AsnProgramme>;

  @Field()
  @Property()
  name!: string;

  @Field(() => OutletKind)
  @Enum({ items: () => OutletKind })
  kind!: OutletKind;
}

@ObjectType({ implements: BaseEntity, description: 'A civil servant (ASN) in the registry of an OPD.' })
@Entity({ tableName: 'asn' })
@Unique({ name: 'asn_nip_unique', properties: ['nip'] })
export class Asn extends BaseEntity<'exemptMonths' | 'tppAmount'> {
  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'restrict' })
  pemda!: Ref<Pemda>;

  @Index()
  @ManyToOne(() => Opd, { ref: true, deleteRule: 'restrict' })
  opd!: Ref<Opd>;

  @Field({ description: 'NIP, 18 digits.' })
  @Property({ length: 18 })
  nip!: string;

  @Field()
  @Property()
  name!: string;

  @Field(() => AsnGrade)
  @Enum({ items: () => AsnGrade })
  grade!: AsnGrade;

  @Property({ ...rupiahColumn(), nullable: true })
  tppAmount?: number | null;

  /** Months (YYYY-MM) on leave: EXEMPT. */
  @Property({ type: 'json', default: '[]' })
  exemptMonths: string[] = [];
}

export enum AsnOrderStatus {
  PLACED = 'PLACED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(AsnOrderStatus, {
  name: 'AsnOrderStatus',
  valuesConfig: {
    PLACED: { description: 'Ordered by the ASN; the stock is set aside.' },
    COMPLETED: { description: 'Handed over and paid, confirmed by the vendor: it counts for the programmes.' },
    CANCELLED: { description: 'Cancelled by the ASN or the vendor; the stock went back.' },
  },
});

@ObjectType({ description: 'One product of an ASN order, as it was when ordered.' })
export class AsnOrderLine {
  @Field(() => ID) productId!: string;
  @Field() productName!: string;
  @Field() unit!: string;
  @Field(() => Rupiah) unitPrice!: number;
  @Field(() => Int) quantity!: number;
  @Field(() => Rupiah) lineTotal!: number;
  basicNeeds!: boolean;
}

/**
 * An ASN buying for themselves from a catalogue vendor through the platform. Once the vendor confirms the
 * hand-over it counts for the ASN's programmes on its own: no report, no receipt photo, never late.
 */
@ObjectType({ implements: BaseEntity, description: "An ASN's own purchase from a catalogue vendor through the platform." })
@Entity({ tableName: 'asn_order' })
@Check({ name: 'asn_order_total_check', expression: 'total > 0' })
export class AsnOrder extends BaseEntity<'status' | 'completedAt' | 'statusReason'> {
  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'restrict' })
  pemda!: Ref<Pemda>;

  @Index()
  @ManyToOne(() => Asn, { ref: true, deleteRule: 'restrict' })
  asn!: Ref<Asn>;

  @Index()
  @ManyToOne(() => Vendor, { ref: true, deleteRule: 'restrict' })
  vendor!: Ref<Vendor>;

  @Field(() => AsnOrderStatus)
  @Enum({ items: () => AsnOrderStatus, default: AsnOrderStatus.PLACED })
  status: AsnOrderStatus = AsnOrderStatus.PLACED;

  @Field(() => [AsnOrderLine])
  @Property({ type: 'json' })
  lines!: AsnOrderLine[];

  @Field(() => Rupiah, { description: 'Computed by the server from the lines.' })
  @Property(rupiahColumn())
  total!: number;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  completedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  @Property({ type: 'text', nullable: true })
  statusReason?: string | null;
}

@ObjectType({ implements: BaseEntity, description: 'A purchase an ASN reports for a programme month.' })
@Entity({ tableName: 'asn_purchase_report' })
@Index({ name: 'asn_purchase_report_asn_month_index', properties: ['asn', 'month'] })
@Index({ name: 'asn_purchase_report_receipt_unique', expression: 'create unique index "asn_purchase_report_receipt_unique" on "asn_purchase_report" ("asn_id", coalesce("outlet_id", "vendor_id"), "amount", "purchased_on", "receipt_image_hash")' })
@Check({ name: 'asn_purchase_report_place_check', expression: '(outlet_id is null) <> (vendor_id is null)' })
@Check({ name: 'asn_purchase_report_amount_check', expression: 'amount > 0' })
@Unique({ name: 'asn_purchase_report_order_unique', properties: ['order', 'programme'] })
@Check({ name: 'asn_purchase_report_receipt_check', expression: 'order_id is not null or (receipt_image_url is not null and receipt_image_hash is not null)' })
export class AsnPurchaseReport extends BaseEntity<'rejectionReason' | 'outlet' | 'vendor' | 'productIds' | 'order' | 'receiptImageUrl' | 'receiptImageHash'> {
  @ManyToOne(() => AsnProgramme, { ref: true, deleteRule: 'restrict' })
  programme!: Ref<AsnProgramme>;

  @ManyToOne(() => Asn, { ref: true, deleteRule: 'restrict' })
  asn!: Ref<Asn>;

  @ManyToOne(() => Outlet, { ref: true, nullable: true, deleteRule: 'restrict' })
  outlet?: Ref<Outlet> | null;

  @ManyToOne(() => Vendor, { ref: true, nullable: true, deleteRule: 'restrict' })
  vendor?: Ref<Vendor> | null;

  @Field({ description: 'YYYY-MM-DD.' })
  @Property({ type: 'date' })
  purchasedOn!: string;

  @Field({ description: 'The programme month the purchase belongs to, YYYY-MM.' })
  @Property({ length: 7 })
  month!: string;

  @Field(() => Rupiah)
  @Property(rupiahColumn())
  amount!: number;

  @Field()
  @Property({ type: 'text' })
  items!: string;

  /** Catalogue products bought, when the ASN picks them rather than typing the items. */
  @Property({ type: 'json', default: '[]' })
  productIds: string[] = [];

  @Field({ description: 'Whether what was bought is kebutuhan pokok: derived from the products\' categories when products are given.' })
  @Property()
  basicNeeds!: boolean;

  /** Set when the purchase was made through the platform: it was recorded then, and needs no receipt photo. */
  @ManyToOne(() => AsnOrder, { ref: true, nullable: true, deleteRule: 'restrict' })
  order?: Ref<AsnOrder> | null;

  @Field(() => String, { nullable: true, description: 'The receipt photo; none for a purchase made through the platform.' })
  @Property({ nullable: true })
  receiptImageUrl?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ nullable: true })
  receiptImageHash?: string | null;

  @Field()
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  reportedAt!: Date;

  @Field(() => ReportStatus)
  @Enum({ items: () => ReportStatus })
  status!: ReportStatus;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  rejectionReason?: string | null;
}
