import { BigIntType, Check, Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Rupiah } from '../money/rupiah.js';
import { ID } from '../ids.js';
import { BaseEntity } from '../database/base.entity.js';
import { rupiahColumn } from '../database/types.js';
import { Opd } from '../opd/opd.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { Vendor } from '../vendor/vendor.entity.js';

export enum SpendChannel {
  CATALOGUE = 'CATALOGUE',
  TENDER = 'TENDER',
  DIRECT = 'DIRECT',
  NATIONAL_CATALOGUE = 'NATIONAL_CATALOGUE',
  ONLINE_SHOP = 'ONLINE_SHOP',
  OTHER = 'OTHER',
}
registerEnumType(SpendChannel, {
  name: 'SpendChannel',
  valuesConfig: {
    CATALOGUE: { description: 'Through this local catalogue (orders).' },
    TENDER: { description: 'Tender / seleksi.' },
    DIRECT: { description: 'Pengadaan langsung / penunjukan langsung.' },
    NATIONAL_CATALOGUE: { description: 'E-katalog nasional or sektoral (INAPROC).' },
    ONLINE_SHOP: { description: 'Toko daring (marketplace).' },
    OTHER: { description: 'Anything else.' },
  },
});

/**
 * One version of an OPD's budget for a year. Rows are never changed or deleted (a trigger refuses it): a correction or
 * the APBD-Perubahan is a new version from a date, and a recap uses the version in force at its period's end.
 */
@ObjectType({
  implements: BaseEntity,
  description: "A version of an OPD's goods/services budget (pagu belanja barang/jasa) for a fiscal year, and its UMK-K plan: in force from `effectiveFrom` until a later version.",
})
@Entity({ tableName: 'opd_budget' })
@Index({ name: 'opd_budget_opd_year_index', properties: ['opd', 'fiscalYear', 'effectiveFrom'] })
@Check({ name: 'opd_budget_amounts_check', expression: 'goods_services_budget >= 0 and planned_umkk >= 0 and allocated_umkk >= 0' })
export class OpdBudget extends BaseEntity<'sequence' | 'reason' | 'recordedBy'> {
  /** Insertion order: of two versions from the same date, the later one is in force. */
  @Property({ type: new BigIntType('number'), columnType: 'bigint', autoincrement: true })
  sequence?: number;

  @Index()
  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'restrict' })
  pemda!: Ref<Pemda>;

  @ManyToOne(() => Opd, { ref: true, deleteRule: 'restrict' })
  opd!: Ref<Opd>;

  @Field(() => Int)
  @Property()
  fiscalYear!: number;

  @Field({ description: 'YYYY-MM-DD: the day this version takes effect (1 January for the APBD; the revision date for APBD-Perubahan).' })
  @Property({ type: 'date' })
  effectiveFrom!: string;

  @Field(() => Rupiah, { description: 'Pagu belanja barang/jasa: the denominator of the 40% rule.' })
  @Property(rupiahColumn())
  goodsServicesBudget!: number;

  @Field(() => Rupiah, { description: 'Planned for UMK-K in the procurement plan (RUP).' })
  @Property(rupiahColumn())
  plannedUmkk!: number;

  @Field(() => Rupiah, { description: 'Allocated to UMK-K packages.' })
  @Property(rupiahColumn())
  allocatedUmkk!: number;

  @Field(() => String, { nullable: true, description: 'Why this version replaced the one before (required for every version after the first).' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Field(() => ID, { nullable: true, description: 'The account that recorded this version.' })
  @Property({ type: 'uuid', nullable: true })
  recordedBy?: string | null;
}

@ObjectType({ implements: BaseEntity, description: 'Spend outside the catalogue, imported by BPBJ from other systems.' })
@Entity({ tableName: 'external_spend' })
@Unique({ name: 'external_spend_pemda_ref_unique', properties: ['pemda', 'externalRef'] })
@Index({ name: 'external_spend_opd_date_index', properties: ['opd', 'spentOn'] })
@Check({ name: 'external_spend_amount_check', expression: 'amount > 0 or (amount < 0 and corrects_ref is not null)' })
export class ExternalSpend extends BaseEntity {
  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'restrict' })
  pemda!: Ref<Pemda>;

  @ManyToOne(() => Opd, { ref: true, deleteRule: 'restrict' })
  opd!: Ref<Opd>;

  @Field({ description: 'Reference in the source system; a re-import with the same reference corrects the row.' })
  @Property()
  externalRef!: string;

  @Field({ description: 'YYYY-MM-DD in the Pemda time zone.' })
  @Property({ type: 'date' })
  spentOn!: string;

  @Field()
  @Property()
  vendorName!: string;

  @Field(() => String, { nullable: true })
  @Property({ nullable: true })
  vendorNib?: string | null;

  @Field(() => Rupiah)
  @Property(rupiahColumn())
  amount!: number;

  @Field(() => SpendChannel)
  @Enum({ items: () => SpendChannel })
  channel!: SpendChannel;

  @Field(() => String, {
    nullable: true,
    description: 'An adjustment (koreksi) in an open period names the row it corrects, whose month is closed; only an adjustment may be negative.',
  })
  @Property({ nullable: true })
  correctsRef?: string | null;

  @Field()
  @Property()
  isUmkk!: boolean;

  @Field()
  @Property()
  isPdn!: boolean;

  @Field()
  @Property()
  isLocal!: boolean;
}

/**
 * Realised spend per OPD, month (Pemda time zone) and source, kept current in the same transaction as every
 * change that moves it (an order recognised, an import applied or corrected). Recaps read these, not raw rows.
 */
@Entity({ tableName: 'spend_rollup' })
@Unique({ name: 'spend_rollup_key', properties: ['opd', 'month', 'catalogue'] })
@Index({ name: 'spend_rollup_pemda_month_index', properties: ['pemda', 'month'] })
export class SpendRollup extends BaseEntity {
  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'restrict' })
  pemda!: Ref<Pemda>;

  @ManyToOne(() => Opd, { ref: true, deleteRule: 'restrict' })
  opd!: Ref<Opd>;

  /** 'YYYY-MM'. */
  @Property({ length: 7 })
  month!: string;

  /** true: catalogue orders; false: imported spend outside the catalogue. */
  @Property()
  catalogue!: boolean;

  @Property(rupiahColumn())
  total!: number;

  @Property(rupiahColumn())
  umkk!: number;

  @Property(rupiahColumn())
  pdn!: number;

  @Property(rupiahColumn())
  local!: number;

  @Property()
  transactions!: number;
}

/**
 * Realised catalogue spend per OPD, vendor and month: the vendor-level companion of `spend_rollup`, kept in the same
 * transaction when an order is recognised, so vendor concentration reads a few hundred rows instead of a year of
 * orders. Closed months refuse changes, as `spend_rollup` does.
 */
@Entity({ tableName: 'vendor_spend_rollup' })
@Unique({ name: 'vendor_spend_rollup_key', properties: ['opd', 'vendor', 'month'] })
@Index({ name: 'vendor_spend_rollup_pemda_month_index', properties: ['pemda', 'month'] })
export class VendorSpendRollup extends BaseEntity {
  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'restrict' })
  pemda!: Ref<Pemda>;

  @ManyToOne(() => Opd, { ref: true, deleteRule: 'restrict' })
  opd!: Ref<Opd>;

  @ManyToOne(() => Vendor, { ref: true, deleteRule: 'restrict' })
  vendor!: Ref<Vendor>;

  /** 'YYYY-MM'. */
  @Property({ length: 7 })
  month!: string;

  @Property(rupiahColumn())
  amount!: number;

  @Property()
  orders!: number;
}
