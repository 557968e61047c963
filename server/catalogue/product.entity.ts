import { ArrayType, Check, DecimalType, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Rupiah } from '../money/rupiah.js';
import { BaseEntity } from '../database/base.entity.js';
import { rupiahColumn } from '../database/types.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { Vendor } from '../vendor/vendor.entity.js';
import { Category } from './category.entity.js';

export enum ProductStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
  SUSPENDED = 'SUSPENDED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(ProductStatus, {
  name: 'ProductStatus',
  valuesConfig: {
    DRAFT: { description: 'Being prepared by the vendor; visible only to it.' },
    SUBMITTED: { description: 'Waiting for BPBJ curation.' },
    PUBLISHED: { description: 'Tayang: visible to buyers while the vendor is verified.' },
    REJECTED: { description: 'Refused by BPBJ with a reason; the vendor may fix and resubmit.' },
    SUSPENDED: { description: 'Frozen by BPBJ with a reason; BPBJ may reinstate it.' },
    ARCHIVED: { description: 'Withdrawn after having been ordered (kept for the record instead of deleted).' },
  },
});

/** Fields whose change on a published product needs BPBJ approval again. */
export interface ProductRevision {
  name?: string;
  description?: string;
  categoryId?: string;
  unit?: string;
  price?: number;
  submittedAt: string;
}

@ObjectType({ implements: BaseEntity, description: 'A product listed by a vendor in the local catalogue.' })
@Entity({ tableName: 'product' })
@Index({ name: 'product_pemda_status_published_index', properties: ['pemda', 'status', 'publishedAt'] })
@Index({ name: 'product_vendor_status_index', properties: ['vendor', 'status'] })
// The catalogue page's sorts, each walked in order (backwards for the descending ones) until the page is full, instead
// of sorting every published product of the Pemda: on the embedded database that sort was most of the page's time.
@Index({ name: 'product_catalogue_newest_index', properties: ['pemda', 'status', 'createdAt', 'id'] })
@Index({ name: 'product_catalogue_price_index', properties: ['pemda', 'status', 'price', 'id'] })
@Index({ name: 'product_catalogue_name_index', properties: ['pemda', 'status', 'name', 'id'] })
// BPBJ's own list of its Pemda (every state, newest first, its workspace's default): walked the same way, where it
// sorted every product of the Pemda (4.2 ms against 0.4 ms for 3,402 products).
@Index({ name: 'product_curator_newest_index', properties: ['pemda', 'createdAt', 'id'] })
// The curation queue (submitted, or a published product's revision waiting), in its keyset order: the queue's page and
// count, and the count beside BPBJ's menu on every page, read only the queue (0.3 ms against 66 ms at 102,249 products).
// A product's market for the price check (the buyers' products of a Pemda's leaf category sold by the same unit), in
// price order: each market read in 4 ms where a large one took 52 ms (1,565 products of 102,249).
@Index({ name: 'product_market_index', expression: `create index "product_market_index" on "product" ("pemda_id", "category_id", lower("unit"), "price", "id") where "status" = 'PUBLISHED'` })
@Index({ name: 'product_curation_queue_index', expression: `create index "product_curation_queue_index" on "product" ("pemda_id", "updated_at", "id") where "status" = 'SUBMITTED' or "pending_revision" is not null` })
@Check({ name: 'product_price_check', expression: 'price > 0' })
@Check({ name: 'product_stock_check', expression: 'stock >= 0' })
@Check({ name: 'product_min_order_check', expression: 'min_order_quantity >= 1' })
@Check({ name: 'product_tkdn_check', expression: 'tkdn_percent >= 0 and tkdn_percent <= 100' })
export class Product extends BaseEntity<'status' | 'statusReason' | 'publishedAt' | 'submittedAt' | 'pendingRevision' | 'everOrdered' | 'tkdnPercent' | 'isPdn' | 'imageUrls'> {
  @ManyToOne(() => Vendor, { ref: true, deleteRule: 'restrict' })
  vendor!: Ref<Vendor>;

  /** The vendor's Pemda, repeated here so tenancy filters and indexes need no join. */
  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'restrict' })
  pemda!: Ref<Pemda>;

  @Index()
  @ManyToOne(() => Category, { ref: true, deleteRule: 'restrict' })
  category!: Ref<Category>;

  @Field()
  @Property()
  name!: string;

  @Field()
  @Property({ type: 'text' })
  description!: string;

  @Field({ description: 'Satuan: kg, liter, pcs, paket, box...' })
  @Property()
  unit!: string;

  @Field(() => Rupiah, { description: 'Unit price in whole rupiah.' })
  @Index()
  @Property(rupiahColumn())
  price!: number;

  @Field(() => Int)
  @Property()
  stock!: number;

  @Field(() => Int, { description: 'Minimum order quantity.' })
  @Property()
  minOrderQuantity!: number;

  @Field(() => [String])
  @Property({ type: ArrayType, columnType: 'text[]', default: '{}' })
  imageUrls: string[] = [];

  @Field({ description: 'Produk Dalam Negeri (domestic product).' })
  @Property({ default: false })
  isPdn: boolean = false;

  @Field(() => Float, { nullable: true, description: 'TKDN (local content) percent, 0-100 with two decimals.' })
  @Property({ type: new DecimalType('number'), precision: 5, scale: 2, nullable: true })
  tkdnPercent?: number | null;

  @Field(() => ProductStatus)
  @Enum({ items: () => ProductStatus, default: ProductStatus.DRAFT })
  status: ProductStatus = ProductStatus.DRAFT;

  @Field(() => String, { nullable: true, description: 'Why BPBJ rejected or suspended it.' })
  @Property({ type: 'text', nullable: true })
  statusReason?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  publishedAt?: Date | null;

  /** Changes to a published product awaiting approval; buyers keep seeing the approved version meanwhile. */
  @Property({ type: 'json', nullable: true })
  pendingRevision?: ProductRevision | null;

  /** When the product or its revision was last put before BPBJ: the curation queue is served oldest first. */
  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  submittedAt?: Date | null;

  /** Set once an order includes it: from then on the product is archived, never deleted. */
  @Property({ default: false })
  everOrdered: boolean = false;
}
