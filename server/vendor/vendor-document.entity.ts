import { Entity, Enum, Index, ManyToOne, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../database/base.entity.js';
import { User } from '../identity/user.entity.js';
import { Upload } from '../uploads/upload.entity.js';
import { Vendor } from './vendor.entity.js';

export enum VendorDocumentKind {
  /** Nomor Induk Berusaha, from OSS. */
  NIB = 'NIB',
  /** The tax registration card. */
  NPWP = 'NPWP',
}
registerEnumType(VendorDocumentKind, { name: 'VendorDocumentKind' });

/**
 * A scan of a vendor's legal document, as BPBJ reads it before verifying. Rows are only added: the newest of a kind
 * is the one in force, and the ones before stay, so what BPBJ saw when it verified can be read again.
 */
@ObjectType({ implements: BaseEntity, description: "A vendor's NIB or NPWP scan (createdAt: when attached); the vendor itself and its Pemda's BPBJ see it." })
@Entity({ tableName: 'vendor_document' })
@Index({ properties: ['vendor', 'kind', 'createdAt'] })
export class VendorDocument extends BaseEntity<'url' | 'contentType'> {
  @ManyToOne(() => Vendor, { ref: true, deleteRule: 'cascade' })
  vendor!: Ref<Vendor>;

  @Field(() => VendorDocumentKind)
  @Enum({ items: () => VendorDocumentKind })
  kind!: VendorDocumentKind;

  @ManyToOne(() => Upload, { ref: true, deleteRule: 'restrict' })
  upload!: Ref<Upload>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  attachedBy!: Ref<User>;

  @Field({ description: 'Where the scan is served (/uploads/<id>): for the vendor and its BPBJ only.' })
  get url(): string {
    return this.upload.getEntity().url;
  }

  @Field({ description: 'application/pdf, or image/jpeg for a photographed document.' })
  get contentType(): string {
    return this.upload.getEntity().contentType;
  }
}
