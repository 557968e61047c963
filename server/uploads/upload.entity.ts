import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../database/base.entity.js';
import { User } from '../identity/user.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';

export enum UploadKind {
  /** A product's photo: public, shown in the catalogue. */
  PRODUCT_PHOTO = 'PRODUCT_PHOTO',
  /** An ASN's receipt: seen by the ASN and the Pemda's BPBJ only. */
  RECEIPT = 'RECEIPT',
  /** A vendor's NIB or NPWP scan: seen by the vendor and the Pemda's BPBJ only. */
  LEGAL_DOCUMENT = 'LEGAL_DOCUMENT',
}
registerEnumType(UploadKind, { name: 'UploadKind' });

/**
 * A stored upload: what the server kept (an image re-encoded without its metadata, or a PDF as sent), by whom, and
 * the SHA-256 the server computed of the stored bytes, which is also its file name.
 */
@ObjectType({ implements: BaseEntity, description: 'A photo or scan stored by the server (POST /uploads).' })
@Entity({ tableName: 'upload' })
@Index({ properties: ['sha256'] })
export class Upload extends BaseEntity<'width' | 'height' | 'url'> {
  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'restrict' })
  pemda!: Ref<Pemda>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  uploadedBy!: Ref<User>;

  @Field(() => UploadKind)
  @Enum({ items: () => UploadKind })
  kind!: UploadKind;

  @Field()
  @Property({ length: 40 })
  contentType!: string;

  @Field(() => Int)
  @Property()
  bytes!: number;

  @Field({ description: 'SHA-256 of the stored bytes, hex: computed by the server.' })
  @Property({ length: 64 })
  sha256!: string;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  width?: number | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  height?: number | null;

  @Field({ description: 'Where it is served: /uploads/<id>.' })
  get url(): string {
    return `/uploads/${this.id}`;
  }
}
