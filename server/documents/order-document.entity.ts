import { BlobType, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../database/base.entity.js';
import { User } from '../identity/user.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { Order } from '../purchasing/order.entity.js';

export enum OrderDocumentKind {
  /** Surat pesanan: issued when the vendor accepts the order. */
  SURAT_PESANAN = 'SURAT_PESANAN',
  /** Berita acara serah terima: issued when the OPD receives the goods. */
  BAST = 'BAST',
}
registerEnumType(OrderDocumentKind, { name: 'OrderDocumentKind' });

/**
 * An issued order document: its number, the PDF's bytes and their SHA-256. Rows are only ever inserted (a database
 * trigger refuses UPDATE and DELETE): a change to the order issues a new numbered document that names the one it
 * replaces, so what a vendor and an auditor hold stays the document on record.
 */
@ObjectType({ implements: BaseEntity, description: 'An issued surat pesanan or BAST: numbered, hashed and never rewritten.' })
@Entity({ tableName: 'order_document' })
@Unique({ name: 'order_document_number_unique', properties: ['pemda', 'number'] })
@Unique({ name: 'order_document_sequence_unique', properties: ['pemda', 'kind', 'year', 'sequence'] })
export class OrderDocument extends BaseEntity {
  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'restrict' })
  pemda!: Ref<Pemda>;

  @Index()
  @ManyToOne(() => Order, { ref: true, deleteRule: 'restrict' })
  order!: Ref<Order>;

  @Field(() => OrderDocumentKind)
  @Enum({ items: () => OrderDocumentKind })
  kind!: OrderDocumentKind;

  @Field({ description: 'The number in the Pemda\'s pattern, e.g. SP/027/DINKES/2026.' })
  @Property()
  number!: string;

  @Field(() => Int)
  @Property()
  year!: number;

  @Field(() => Int, { description: 'The running number within the Pemda, kind and year.' })
  @Property()
  sequence!: number;

  @Field()
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  issuedAt!: Date;

  /** Whose step issued it (the vendor accepting, the officer receiving, the PP or BPBJ reissuing). */
  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  issuedBy!: Ref<User>;

  /** The officer named as signatory on the document. */
  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  signedBy!: Ref<User>;

  @Field({ description: 'SHA-256 of the PDF, hex: anyone holding the file can check it is the one on record.' })
  @Property({ length: 64 })
  sha256!: string;

  @Property({ type: BlobType, lazy: true })
  content!: Buffer;

  @Field(() => String, { nullable: true, description: 'The document this one replaces, when the order changed after it was issued.' })
  @Property({ nullable: true })
  replacesNumber?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}

/** The last number issued per Pemda, kind and year; its row lock keeps numbers gapless under concurrent issues. */
@Entity({ tableName: 'document_counter' })
export class DocumentCounter {
  @PrimaryKey({ type: 'uuid' })
  pemdaId!: string;

  @PrimaryKey()
  kind!: string;

  @PrimaryKey()
  year!: number;

  @Property()
  last!: number;
}
