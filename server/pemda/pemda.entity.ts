import { DecimalType, Entity, Enum, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../database/base.entity.js';
import { rupiahColumn } from '../database/types.js';
import { Rupiah } from '../money/rupiah.js';

export enum SpendRecognition {
  RECEIVED = 'RECEIVED',
  PAID = 'PAID',
}
registerEnumType(SpendRecognition, {
  name: 'SpendRecognition',
  description: 'When a catalogue order counts as realised spend: at receipt (BAST date) or at payment.',
});

export enum PemdaKind {
  KOTA = 'KOTA',
  KABUPATEN = 'KABUPATEN',
}
registerEnumType(PemdaKind, { name: 'PemdaKind', description: 'Kota (city) or Kabupaten (regency).' });

@ObjectType({ implements: BaseEntity, description: 'Pemda (Pemerintah Kota/Kabupaten): a regional government, the tenant that owns one local catalogue.' })
@Entity({ tableName: 'pemda' })
export class Pemda extends BaseEntity<'localSpendTargetPercent' | 'catalogueSpendTarget' | 'listedProductsTarget' | 'ppkApprovalThreshold' | 'spendRecognition' | 'documentNumberPattern' | 'repeatVendorLimit' | 'repeatVendorWindowDays'> {
  @Field()
  @Property()
  name!: string;

  @Field(() => PemdaKind)
  @Enum({ items: () => PemdaKind })
  kind!: PemdaKind;

  @Field()
  @Property()
  province!: string;

  @Field({ description: 'Kemendagri region code, e.g. "35.79" for Kota Batu.' })
  @Property({ unique: true })
  kemendagriCode!: string;

  @Field({ description: 'IANA time zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT). Periods and deadlines follow it.' })
  @Property()
  timeZone!: string;

  @Field(() => Float, { description: 'Minimum share of the goods/services budget for UMK-K products (Perpres 12/2021: 40).' })
  @Property({ type: new DecimalType('number'), precision: 5, scale: 2, default: 40 })
  localSpendTargetPercent: number = 40;

  @Field(() => Rupiah, { description: 'Yearly target of spend through the local catalogue (Kota Batu 2023: Rp105.000.000.000).' })
  @Property({ ...rupiahColumn(), default: 0 })
  catalogueSpendTarget: number = 0;

  @Field(() => Rupiah, { description: 'Orders above this total need the PPK\'s approval (default Rp200.000.000).' })
  @Property({ ...rupiahColumn(), default: 200_000_000 })
  ppkApprovalThreshold: number = 200_000_000;

  @Field(() => SpendRecognition)
  @Enum({ items: () => SpendRecognition, default: SpendRecognition.RECEIVED })
  spendRecognition: SpendRecognition = SpendRecognition.RECEIVED;

  @Field(() => Int, { description: 'Target number of published local products (Kota Batu 2023: 2.500).' })
  @Property({ default: 0 })
  listedProductsTarget: number = 0;

  @Field(() => String, {
    nullable: true,
    description: 'The last closed month (YYYY-MM, periode ditutup): no receipt, payment, import, correction or budget version may change the figures of this month or any before it.',
  })
  @Property({ length: 7, nullable: true })
  closedThrough?: string | null;

  @Field({ description: 'How order documents are numbered: {JENIS} (SP or BAST), {NOMOR} (running, 3 digits), {OPD} (the OPD\'s short name), {BULAN} (Roman), {TAHUN}. E.g. SP/027/DINKES/2026.' })
  @Property({ default: '{JENIS}/{NOMOR}/{OPD}/{TAHUN}' })
  documentNumberPattern: string = '{JENIS}/{NOMOR}/{OPD}/{TAHUN}';

  @Field(() => Int, { description: "The repeat-vendor rule (as Banyuwangi's): after this many orders from one vendor by one OPD within the window, the next order to that vendor carries a warning. 0: off." })
  @Property({ default: 0 })
  repeatVendorLimit: number = 0;

  @Field(() => Int, { description: 'The window of the repeat-vendor rule, in days before the order.' })
  @Property({ default: 30 })
  repeatVendorWindowDays: number = 30;
}
