import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { ID } from '../../server/ids.js';
import { Order, OrderStatus, PaymentMethod } from '../../server/purchasing/order.entity.js';
import { Rupiah } from '../../server/money/rupiah.js';

@InputType({ description: "Checkout of the OPD's cart: one order (paket) per vendor." })
export class CreateOrderInput {
  @Field()
  deliveryAddress!: string;

  @Field(() => ID, { description: 'The PPK of the OPD who reviews these orders.' })
  ppkId!: string;

  @Field({ nullable: true, description: 'Kode RUP (procurement plan reference).' })
  rupCode?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD.' })
  neededBy?: string;

  @Field({ nullable: true })
  notes?: string;

  @Field({ nullable: true, description: 'A retry with the same key returns the first result and changes nothing.' })
  idempotencyKey?: string;
}

@ObjectType()
export class CreateOrderResult {
  @Field(() => [Order], { description: 'One DRAFT order per vendor in the cart.' })
  orders!: Order[];
}

@InputType()
export class LinePriceInput {
  @Field(() => ID)
  lineId!: string;

  @Field(() => Rupiah)
  unitPrice!: number;
}

@InputType()
export class LineReceiptInput {
  @Field(() => ID)
  lineId!: string;

  @Field(() => Int)
  quantityReceived!: number;
}

@InputType()
export class ReceiveOrderInput {
  @Field({ description: 'Nomor BAST.' })
  bastNumber!: string;

  @Field({ description: 'Tanggal BAST, YYYY-MM-DD.' })
  bastDate!: string;

  @Field(() => [LineReceiptInput], { nullable: true, description: 'For a partial receipt: what arrived, per line. Omit when everything arrived.' })
  received?: LineReceiptInput[];
}

@InputType()
export class RecordPaymentInput {
  @Field(() => PaymentMethod)
  method!: PaymentMethod;

  @Field(() => Rupiah, { description: 'Must equal the value received.' })
  amount!: number;

  @Field({ description: 'YYYY-MM-DD.' })
  paidOn!: string;

  @Field({ nullable: true })
  reference?: string;
}

@InputType()
export class OrderFilterInput {
  @Field(() => [OrderStatus], { nullable: true })
  status?: OrderStatus[];

  @Field(() => ID, { nullable: true })
  opdId?: string;

  @Field(() => ID, { nullable: true })
  vendorId?: string;

  @Field({ nullable: true, description: 'Created on or after this date (YYYY-MM-DD, Pemda time zone).' })
  from?: string;

  @Field({ nullable: true, description: 'Created on or before this date (YYYY-MM-DD, Pemda time zone).' })
  to?: string;

  @Field(() => Rupiah, { nullable: true })
  totalMin?: number;

  @Field(() => Rupiah, { nullable: true })
  totalMax?: number;
}

@ObjectType()
export class OrderStatusTotal {
  @Field(() => OrderStatus)
  status!: OrderStatus;

  @Field(() => Int)
  count!: number;

  @Field(() => Rupiah)
  total!: number;
}
