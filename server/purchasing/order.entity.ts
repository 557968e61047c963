import { BigIntType, Check, Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ID } from '../ids.js';
import { Rupiah } from '../money/rupiah.js';
import { Product } from '../catalogue/product.entity.js';
import { BaseEntity } from '../database/base.entity.js';
import { rupiahColumn } from '../database/types.js';
import { User } from '../identity/user.entity.js';
import { Opd } from '../opd/opd.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { Vendor } from '../vendor/vendor.entity.js';

export enum OrderStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  SHIPPED = 'SHIPPED',
  RECEIVED = 'RECEIVED',
  PAID = 'PAID',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  valuesConfig: {
    DRAFT: { description: 'Made at checkout; the PP may negotiate prices, then submit.' },
    SUBMITTED: { description: 'Submitted by the PP; waits for the PPK when above the threshold, otherwise for the vendor.' },
    APPROVED: { description: 'Approved by the PPK; waits for the vendor.' },
    ACCEPTED: { description: 'Accepted by the vendor: stock is taken.' },
    REJECTED: { description: 'Refused by the vendor, with a reason.' },
    SHIPPED: { description: 'Sent by the vendor, with a delivery reference.' },
    RECEIVED: { description: 'Received by the OPD: BAST number and date recorded (possibly partial).' },
    PAID: { description: 'Payment recorded.' },
    COMPLETED: { description: 'Closed.' },
    CANCELLED: { description: 'Cancelled by the PP before acceptance, or expired unanswered.' },
  },
});

export enum NegotiationStatus {
  NONE = 'NONE',
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  COUNTERED = 'COUNTERED',
}
registerEnumType(NegotiationStatus, { name: 'NegotiationStatus', description: 'Price negotiation before submission: the PP proposes, the vendor accepts or counters once.' });

export enum PaymentMethod {
  TRANSFER = 'TRANSFER',
  COD = 'COD',
  KKPD = 'KKPD',
  QRIS = 'QRIS',
}
registerEnumType(PaymentMethod, {
  name: 'PaymentMethod',
  valuesConfig: {
    TRANSFER: { description: 'Bank transfer.' },
    COD: { description: 'Cash on delivery (small purchases).' },
    KKPD: { description: 'Kartu Kredit Pemerintah Daerah (regional government credit card).' },
    QRIS: { description: 'QRIS payment.' },
  },
});

@ObjectType({ implements: BaseEntity, description: 'Paket: an order placed by an OPD with one vendor through the catalogue. Every step is on the record.' })
@Entity({ tableName: 'purchase_order' })
@Index({ name: 'purchase_order_pemda_status_index', properties: ['pemda', 'status'] })
// The orders export reads a Pemda's orders in pages by number (keyset): each page walks this index from the last.
@Index({ name: 'purchase_order_pemda_number_index', properties: ['pemda', 'number'] })
@Index({ name: 'purchase_order_opd_status_index', properties: ['opd', 'status'] })
@Index({ name: 'purchase_order_vendor_status_index', properties: ['vendor', 'status'] })
// Each step's events in time order per Pemda, for the open-data pages (server/opendata/ocds.ts).
@Index({ name: 'purchase_order_pemda_submitted_at_index', expression: 'create index "purchase_order_pemda_submitted_at_index" on "purchase_order" ("pemda_id", "submitted_at", "id") where "submitted_at" is not null' })
@Index({ name: 'purchase_order_pemda_accepted_at_index', expression: 'create index "purchase_order_pemda_accepted_at_index" on "purchase_order" ("pemda_id", "accepted_at", "id") where "accepted_at" is not null' })
@Index({ name: 'purchase_order_pemda_received_at_index', expression: 'create index "purchase_order_pemda_received_at_index" on "purchase_order" ("pemda_id", "received_at", "id") where "received_at" is not null' })
@Index({ name: 'purchase_order_pemda_paid_at_index', expression: 'create index "purchase_order_pemda_paid_at_index" on "purchase_order" ("pemda_id", "paid_at", "id") where "paid_at" is not null' })
// The award's unpaid BASTs: the few received and not paid yet, without reading the year's orders.
@Index({ name: 'purchase_order_unpaid_bast_index', expression: 'create index "purchase_order_unpaid_bast_index" on "purchase_order" ("pemda_id", "bast_date") where "paid_at" is null and "bast_date" is not null' })
@Index({ name: 'purchase_order_pemda_completed_at_index', expression: 'create index "purchase_order_pemda_completed_at_index" on "purchase_order" ("pemda_id", "completed_at", "id") where "completed_at" is not null' })
@Check({ name: 'purchase_order_amounts_check', expression: 'subtotal >= 0 and shipping_cost >= 0 and total = subtotal + shipping_cost' })
export class Order extends BaseEntity<'number' | 'status' | 'negotiation' | 'shippingCost' | 'rupCode' | 'notes' | 'neededBy' | 'requiresPpkApproval' | 'vendorIsUmkk' | 'vendorIsLocal'> {
  @Property({ type: new BigIntType('number'), columnType: 'bigint', autoincrement: true })
  number!: number;

  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'restrict' })
  pemda!: Ref<Pemda>;

  @ManyToOne(() => Opd, { ref: true, deleteRule: 'restrict' })
  opd!: Ref<Opd>;

  @ManyToOne(() => Vendor, { ref: true, deleteRule: 'restrict' })
  vendor!: Ref<Vendor>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  createdBy!: Ref<User>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  ppk!: Ref<User>;

  @Field(() => OrderStatus)
  @Enum({ items: () => OrderStatus, default: OrderStatus.DRAFT })
  status: OrderStatus = OrderStatus.DRAFT;

  @Field(() => NegotiationStatus)
  @Enum({ items: () => NegotiationStatus, default: NegotiationStatus.NONE })
  negotiation: NegotiationStatus = NegotiationStatus.NONE;

  @Field()
  @Property({ type: 'text' })
  deliveryAddress!: string;

  @Field(() => String, { nullable: true, description: 'Kode RUP: the procurement plan reference.' })
  @Property({ nullable: true })
  rupCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Date needed by (YYYY-MM-DD).' })
  @Property({ type: 'date', nullable: true })
  neededBy?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Field(() => Rupiah, { description: 'Sum of line totals at the agreed prices.' })
  @Property(rupiahColumn())
  subtotal!: number;

  @Field(() => Rupiah)
  @Property({ ...rupiahColumn(), default: 0 })
  shippingCost: number = 0;

  @Field(() => Rupiah, { description: 'subtotal + shippingCost, computed on the server.' })
  @Property(rupiahColumn())
  total!: number;

  /** The vendor's UMK-K and local status when the order was made: later changes do not rewrite past spend. */
  @Field({ description: 'The vendor was UMK-K (mikro, kecil or koperasi) when the order was made.' })
  @Property({ default: false })
  vendorIsUmkk: boolean = false;

  @Field({ description: 'The vendor was domiciled in the Pemda when the order was made.' })
  @Property({ default: false })
  vendorIsLocal: boolean = false;

  @Field({ description: 'The total exceeded the Pemda threshold at submission: the PPK must approve.' })
  @Property({ default: false })
  requiresPpkApproval: boolean = false;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  submittedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  approvedAt?: Date | null;

  /** When the order reached the vendor: its 3 working days to answer count from here. */
  @Field(() => Date, { nullable: true })
  @Index()
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  awaitingVendorSince?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  acceptedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  shippedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ nullable: true })
  deliveryReference?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  receivedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Nomor BAST (Berita Acara Serah Terima).' })
  @Property({ nullable: true })
  bastNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'BAST date (YYYY-MM-DD).' })
  @Property({ type: 'date', nullable: true })
  bastDate?: string | null;

  @Field(() => Rupiah, { nullable: true, description: 'Value received (quantities received × agreed prices + shipping): what is payable.' })
  @Property({ ...rupiahColumn(), nullable: true })
  receivedAmount?: number | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  paidAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  completedAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the vendor confirmed that the payment arrived (confirmOrderPayment).' })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  paymentConfirmedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the vendor rejected or the order was cancelled.' })
  @Property({ type: 'text', nullable: true })
  statusReason?: string | null;

  @OneToMany(() => OrderLine, (line) => line.order, { orderBy: { position: 'asc' } })
  lines = new Collection<OrderLine>(this);

  @OneToMany(() => Payment, (payment) => payment.order)
  payments = new Collection<Payment>(this);
}

@ObjectType({ implements: BaseEntity, description: 'A line of an order: product, unit and price as they were at checkout.' })
@Entity({ tableName: 'purchase_order_line' })
// A product's lowest agreed price: its lines cheapest first (server/insight/price-fairness.ts).
@Index({ name: 'purchase_order_line_product_unit_price_index', expression: 'create index "purchase_order_line_product_unit_price_index" on "purchase_order_line" ("product_id", "unit_price")' })
@Check({ name: 'purchase_order_line_check', expression: 'quantity > 0 and quantity_received >= 0 and quantity_received <= quantity and unit_price > 0 and line_total = quantity * unit_price' })
export class OrderLine extends BaseEntity<'quantityReceived' | 'proposedUnitPrice' | 'counterUnitPrice' | 'isPdn'> {
  @Index()
  @ManyToOne(() => Order, { ref: true, deleteRule: 'cascade' })
  order!: Ref<Order>;

  @Index()
  @ManyToOne(() => Product, { ref: true, deleteRule: 'restrict' })
  product!: Ref<Product>;

  @Property()
  position!: number;

  @Field({ description: 'Snapshot at checkout.' })
  @Property()
  productName!: string;

  @Field({ description: 'Snapshot at checkout.' })
  @Property()
  unit!: string;

  @Field(() => Rupiah, { description: 'Catalogue price at checkout.' })
  @Property(rupiahColumn())
  listUnitPrice!: number;

  @Field(() => Rupiah, { nullable: true })
  @Property({ ...rupiahColumn(), nullable: true })
  proposedUnitPrice?: number | null;

  @Field(() => Rupiah, { nullable: true })
  @Property({ ...rupiahColumn(), nullable: true })
  counterUnitPrice?: number | null;

  @Field(() => Rupiah, { description: 'The agreed price the order records.' })
  @Property(rupiahColumn())
  unitPrice!: number;

  @Field({ description: 'Produk Dalam Negeri, as listed at checkout.' })
  @Property({ default: false })
  isPdn: boolean = false;

  @Field(() => Int)
  @Property()
  quantity!: number;

  @Field(() => Int)
  @Property({ default: 0 })
  quantityReceived: number = 0;

  @Field(() => Rupiah)
  @Property(rupiahColumn())
  lineTotal!: number;
}

@ObjectType({ implements: BaseEntity, description: 'A payment recorded against an order.' })
@Entity({ tableName: 'payment' })
@Check({ name: 'payment_amount_check', expression: 'amount > 0' })
@Index({
  name: 'payment_pemda_counted_on_index',
  expression: 'create index "payment_pemda_counted_on_index" on "payment" ("pemda_id", "counted_on") include ("opd_id", "bast_date")',
})
export class Payment extends BaseEntity<'reference'> {
  @Index()
  @ManyToOne(() => Order, { ref: true, deleteRule: 'restrict' })
  order!: Ref<Order>;

  // The order's Pemda, OPD and BAST date, copied when the payment is recorded: an order is paid once, after its BAST,
  // and none of the three changes afterwards. The award reads a period's payments and their delays from this table's
  // index alone, not one order lookup per payment.
  @ManyToOne(() => Pemda, { ref: true, deleteRule: 'restrict' })
  pemda!: Ref<Pemda>;

  @ManyToOne(() => Opd, { ref: true, deleteRule: 'restrict' })
  opd!: Ref<Opd>;

  @Property({ type: 'date' })
  bastDate!: string;

  @Field(() => PaymentMethod)
  @Enum({ items: () => PaymentMethod })
  method!: PaymentMethod;

  @Field(() => Rupiah)
  @Property(rupiahColumn())
  amount!: number;

  @Field({ description: "YYYY-MM-DD, as the OPD's officer recorded it." })
  @Property({ type: 'date' })
  paidOn!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the money arrived, as the vendor confirmed it (never before paidOn).' })
  @Property({ type: 'date', nullable: true })
  vendorReceivedOn?: string | null;

  /**
   * The date the award's payment timeliness counts: the vendor's, once it confirms, else the officer's. The OPD's own
   * officer records `paidOn` and the OPD's award rests on it, so the counterparty's word replaces it when it comes.
   */
  @Property({ type: 'date' })
  countedOn!: string;

  @Field(() => String, { nullable: true })
  @Property({ nullable: true })
  reference?: string | null;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  recordedBy!: string;
}
