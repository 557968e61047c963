import { Check, Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../database/base.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';

export enum BusinessScale {
  MIKRO = 'MIKRO',
  KECIL = 'KECIL',
  MENENGAH = 'MENENGAH',
  BESAR = 'BESAR',
}
registerEnumType(BusinessScale, { name: 'BusinessScale', description: 'Skala usaha: mikro, kecil, menengah or besar (UU 20/2008, PP 7/2021).' });

export enum VendorStatus {
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(VendorStatus, {
  name: 'VendorStatus',
  valuesConfig: {
    PENDING: { description: 'Registered or changed its legal data; waiting for BPBJ verification.' },
    VERIFIED: { description: 'Verified by BPBJ: its published products are visible to buyers.' },
    REJECTED: { description: 'Registration refused by BPBJ, with a reason.' },
    SUSPENDED: { description: 'Suspended by BPBJ, with a reason: all its products are hidden at once.' },
  },
});

/** UMK-K (Perpres 12/2021 Pasal 65): usaha mikro, usaha kecil and koperasi. Menengah and besar do not count. */
export const isUmkk = (scale: BusinessScale, isKoperasi: boolean) =>
  isKoperasi || scale === BusinessScale.MIKRO || scale === BusinessScale.KECIL;

/** The vendor attributes that decide whether its sales count as UMK-K and local spend. */
export interface ClassificationFields {
  scale: BusinessScale;
  isKoperasi: boolean;
  domicileRegionCode: string;
  domicileRegionName: string;
}

@ObjectType({ implements: BaseEntity, description: 'Penyedia: a vendor selling in one Pemda\'s local catalogue (UMKM, koperasi or larger).' })
@Entity({ tableName: 'vendor' })
@Unique({ name: 'vendor_pemda_nib_unique', properties: ['pemda', 'nib'] })
@Check({ name: 'vendor_nib_check', expression: "nib ~ '^[0-9]{13}$'" })
@Check({ name: 'vendor_npwp_check', expression: "npwp ~ '^[0-9]{15,16}$'" })
export class Vendor extends BaseEntity<'status' | 'statusReason' | 'isKoperasi' | 'verifiedAt' | 'bankName' | 'bankAccountNumber' | 'bankAccountName'> {
  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'restrict' })
  pemda!: Ref<Pemda>;

  @Field({ description: 'Nama usaha.' })
  @Property()
  businessName!: string;

  @Field({ description: 'Nama pemilik / penanggung jawab.' })
  @Property()
  ownerName!: string;

  @Field({ description: 'Nomor Induk Berusaha: 13 digits.' })
  @Property({ length: 13 })
  nib!: string;

  /** Exposed through a guarded field resolver: only the vendor itself and its Pemda's BPBJ read it. */
  @Property({ length: 16 })
  npwp!: string;

  @Field(() => BusinessScale)
  @Enum({ items: () => BusinessScale })
  scale!: BusinessScale;

  @Field()
  @Property({ default: false })
  isKoperasi: boolean = false;

  @Field({ description: 'Kemendagri code of the regency/city where the business is domiciled, e.g. "35.79".' })
  @Property()
  domicileRegionCode!: string;

  @Field({ description: 'Name of the domicile regency/city.' })
  @Property()
  domicileRegionName!: string;

  @Field({ description: 'Kecamatan of the business address.' })
  @Property()
  district!: string;

  @Field()
  @Property({ type: 'text' })
  address!: string;

  @Field({ description: 'Normalised to +62.' })
  @Property()
  phone!: string;

  /** The login identity of the vendor's account: private (the public reads `contactEmail`, phone and address). */
  @Property()
  email!: string;

  @Field(() => String, { nullable: true, description: 'Public business email for buyers; not the login email.' })
  @Property({ nullable: true })
  contactEmail?: string | null;

  @Property({ nullable: true })
  bankName?: string | null;

  @Property({ nullable: true })
  bankAccountNumber?: string | null;

  @Property({ nullable: true })
  bankAccountName?: string | null;

  @Field(() => VendorStatus)
  @Index()
  @Enum({ items: () => VendorStatus, default: VendorStatus.PENDING })
  status: VendorStatus = VendorStatus.PENDING;

  @Field(() => String, { nullable: true, description: 'Why BPBJ rejected or suspended the vendor.' })
  @Property({ type: 'text', nullable: true })
  statusReason?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  verifiedAt?: Date | null;

  /** Derived: domiciled inside the catalogue's Pemda. Stored so buyers can filter on it with an index. */
  @Field({ description: 'Derived: the domicile is the catalogue\'s Pemda.' })
  @Property()
  isLocal!: boolean;

  /** Derived from scale and koperasi flag; never typed in. */
  @Field({ description: 'Derived: usaha mikro, kecil or koperasi (counts toward the 40% UMK-K share).' })
  @Property()
  isUmkk!: boolean;

  /**
   * A verified vendor's change to what decides its classification (scale, koperasi, domicile), waiting for BPBJ.
   * Until BPBJ approves it, the vendor is classified as before: the 40% measure never takes the vendor's own word.
   */
  @Property({ type: 'json', nullable: true })
  pendingClassification?: ClassificationFields | null;
}
