import { Check, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../database/base.entity.js';
import { Opd } from '../opd/opd.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { Vendor } from '../vendor/vendor.entity.js';
import { Asn } from '../asn/asn.entities.js';

export enum Role {
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  BPBJ = 'BPBJ',
  PP = 'PP',
  PPK = 'PPK',
  VENDOR = 'VENDOR',
  ASN = 'ASN',
  KEPALA_OPD = 'KEPALA_OPD',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'What an account may do.',
  valuesConfig: {
    PLATFORM_ADMIN: { description: 'Operates the platform: creates Pemda and their BPBJ accounts.' },
    BPBJ: { description: 'Procurement bureau (Bagian/Badan Pengadaan Barang dan Jasa) of one Pemda.' },
    PP: { description: 'Pejabat Pengadaan: procurement officer of one OPD.' },
    PPK: { description: 'Pejabat Pembuat Komitmen: commitment officer of one OPD.' },
    VENDOR: { description: 'Penyedia: a UMKM, koperasi or other vendor.' },
    ASN: { description: 'Aparatur Sipil Negara: civil servant of one OPD.' },
    KEPALA_OPD: { description: 'Head of an OPD: oversees its ASN purchase reports.' },
  },
});

/** Roles bound to one OPD (and through it, one Pemda). */
export const OPD_ROLES: readonly Role[] = [Role.PP, Role.PPK, Role.ASN, Role.KEPALA_OPD];

@ObjectType({ implements: BaseEntity, description: 'An account. Its role and scope (Pemda, OPD or vendor) decide what it may see and do.' })
@Entity({ tableName: 'app_user' })
// The database itself refuses an account whose scope does not fit its role.
@Check({
  name: 'app_user_scope_check',
  expression:
    "(role = 'PLATFORM_ADMIN' and pemda_id is null and opd_id is null and vendor_id is null) or (role = 'BPBJ' and pemda_id is not null and opd_id is null and vendor_id is null) or (role = any (array['PP', 'PPK', 'ASN', 'KEPALA_OPD']) and pemda_id is not null and opd_id is not null and vendor_id is null) or (role = 'VENDOR' and pemda_id is not null and opd_id is null and vendor_id is not null)",
})
@Check({ name: 'app_user_email_lowercase_check', expression: 'email = lower(email)' })
export class User extends BaseEntity<'active' | 'lastLoginAt' | 'emailNotifications' | 'sessionGeneration' | 'mustChangePassword'> {
  @Field()
  @Property({ unique: true })
  email!: string;

  @Property({ hidden: true, lazy: true })
  passwordHash!: string;

  @Field()
  @Property()
  fullName!: string;

  @Field(() => Role)
  @Enum({ items: () => Role })
  role!: Role;

  @Index()
  @ManyToOne(() => Pemda, { ref: true, nullable: true, deleteRule: 'restrict' })
  pemda?: Ref<Pemda> | null;

  @Index()
  @ManyToOne(() => Opd, { ref: true, nullable: true, deleteRule: 'restrict' })
  opd?: Ref<Opd> | null;

  @Index()
  @ManyToOne(() => Vendor, { ref: true, nullable: true, deleteRule: 'restrict' })
  vendor?: Ref<Vendor> | null;

  /** For ASN accounts: the registry entry whose reports this account files. */
  @ManyToOne(() => Asn, { ref: true, nullable: true, deleteRule: 'restrict' })
  asn?: Ref<Asn> | null;

  @Field()
  @Property({ default: true })
  active: boolean = true;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastLoginAt?: Date | null;

  @Field({ description: 'Whether notifications also come by email (they always appear in the app).' })
  @Property({ default: true })
  emailNotifications: boolean = true;

  /**
   * Written into every token issued; a token of an earlier generation is refused. Raised when the password changes
   * or is reset, so a password changed because it leaked also ends the sessions opened with it.
   */
  @Property({ default: 0 })
  sessionGeneration: number = 0;

  /** Set when BPBJ chose the password (a new account, a reset): the web app asks its owner for their own first. */
  @Field({ description: 'The password was chosen by BPBJ (a new account or a reset): its owner should set their own.' })
  @Property({ default: false })
  mustChangePassword: boolean = false;
}
