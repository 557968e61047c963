import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Rupiah } from '../../server/money/rupiah.js';
import { ID } from '../../server/ids.js';
import { AuditLog } from '../../server/audit/audit-log.entity.js';
import { CsvDialect, ExportFile, ExportFormat } from '../../server/reports/report.js';
import type { RequestContext } from '../../server/context.js';
import { terbilang } from '../../server/money/terbilang.js';
import { Role, User } from '../../server/identity/user.entity.js';
import { Opd } from '../../server/opd/opd.entity.js';
import { CartItem } from '../../server/purchasing/cart-item.entity.js';
import { Order, OrderLine, Payment } from '../../server/purchasing/order.entity.js';
import { orderCode } from '../../server/purchasing/order-queries.js';
import { OrderAction, awaitsPpkApproval } from '../../server/purchasing/order-process.js';
import { vendorAnswerDue } from '../../server/purchasing/order-expiry.js';
import { availableActions } from '../../server/purchasing/order-step.js';
import { Product } from '../../server/catalogue/product.entity.js';
import { Vendor } from '../../server/vendor/vendor.entity.js';
import { connectionOf, toConnection, type ConnectionShape } from '../pagination.js';
import { OrderWarningView } from '../insight/insight.types.js';
import {
  CreateOrderInput,
  CreateOrderResult,
  LinePriceInput,
  OrderFilterInput,
  OrderStatusTotal,
  ReceiveOrderInput,
  RecordPaymentInput,
} from './order.types.js';

const OrderConnection = connectionOf(Order, 'Order');
const KEY = { nullable: true, description: 'Idempotency key: a retry with the same key returns the first result and changes nothing.' };

@Resolver(() => Order)
export class OrderResolver {
  @Authorized(Role.PP, Role.PPK, Role.VENDOR, Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => OrderConnection, { description: 'Orders the caller may see: its OPD\'s (PP, PPK), its own (vendor), its Pemda\'s (BPBJ, read-only). Newest first.' })
  async orders(
    @Arg('filter', () => OrderFilterInput, { nullable: true }) filter: OrderFilterInput | undefined,
    @Arg('first', () => Int, { nullable: true }) first: number | undefined,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionShape<Order>> {
    return toConnection(await ctx.services.orderQueries.list(ctx, filter ?? {}, { first, after }));
  }

  @Authorized()
  @Query(() => Order)
  order(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Order> {
    return ctx.services.orderQueries.get(ctx, id);
  }

  @Authorized(Role.PP, Role.PPK, Role.VENDOR, Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => [OrderStatusTotal], { description: 'Dashboard: orders by status with their value, in the caller\'s scope.' })
  orderCounts(@Ctx() ctx: RequestContext): Promise<OrderStatusTotal[]> {
    return ctx.services.orderQueries.countsByStatus(ctx);
  }

  @Authorized(Role.BPBJ, Role.PLATFORM_ADMIN)
  @Query(() => ExportFile, { description: "A period's orders (created from..to, Pemda dates), one row per line with every step's date, the payment date and the vendor's confirmed date, for BPBJ." })
  exportOrders(
    @Arg('pemdaId', () => ID) pemdaId: string,
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Arg('format', () => ExportFormat) format: ExportFormat,
    @Arg('dialect', () => CsvDialect, { nullable: true }) dialect: CsvDialect | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<ExportFile> {
    return ctx.services.orderQueries.export(ctx, pemdaId, from, to, format, dialect);
  }

  @Authorized(Role.PP, Role.PPK)
  @Query(() => [CartItem], { description: "The OPD's cart." })
  cart(@Ctx() ctx: RequestContext): Promise<CartItem[]> {
    return ctx.services.cart.items(ctx);
  }

  @Authorized(Role.PP)
  @Mutation(() => [CartItem], { description: 'Puts a product in the OPD cart at today\'s price (quantity 0 removes it). Returns the cart.' })
  setCartItem(@Arg('productId', () => ID) productId: string, @Arg('quantity', () => Int) quantity: number, @Ctx() ctx: RequestContext): Promise<CartItem[]> {
    return ctx.services.cart.setItem(ctx, productId, quantity);
  }

  @Authorized(Role.PP)
  @Mutation(() => CreateOrderResult, { description: 'Checks out the OPD cart into DRAFT orders, one per vendor. Lines whose price or stock changed are reported (CONFLICT) and nothing is created.' })
  async createOrder(@Arg('input') input: CreateOrderInput, @Ctx() ctx: RequestContext): Promise<CreateOrderResult> {
    return { orders: await ctx.services.order.checkout(ctx, input) };
  }

  @Authorized(Role.PP)
  @Mutation(() => Order, { description: 'Negotiation: the PP proposes lower unit prices before submitting.' })
  proposeOrderPrices(@Arg('id', () => ID) id: string, @Arg('prices', () => [LinePriceInput]) prices: LinePriceInput[], @Arg('idempotencyKey', () => String, KEY) key: string | undefined, @Ctx() ctx: RequestContext): Promise<Order> {
    return ctx.services.order.proposePrices(ctx, id, prices, key);
  }

  @Authorized(Role.VENDOR)
  @Mutation(() => Order, { description: 'Negotiation: the vendor accepts the proposal, or counters once.' })
  respondToOrderNegotiation(
    @Arg('id', () => ID) id: string,
    @Arg('accept') accept: boolean,
    @Arg('counter', () => [LinePriceInput], { nullable: true }) counter: LinePriceInput[] | undefined,
    @Arg('idempotencyKey', () => String, KEY) key: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Order> {
    return ctx.services.order.respondToNegotiation(ctx, id, accept, counter ?? [], key);
  }

  @Authorized(Role.PP)
  @Mutation(() => Order)
  submitOrder(@Arg('id', () => ID) id: string, @Arg('idempotencyKey', () => String, KEY) key: string | undefined, @Ctx() ctx: RequestContext): Promise<Order> {
    return ctx.services.order.submit(ctx, id, key);
  }

  @Authorized(Role.PPK)
  @Mutation(() => Order, { description: 'The reviewing PPK approves an order above the threshold.' })
  approveOrder(@Arg('id', () => ID) id: string, @Arg('idempotencyKey', () => String, KEY) key: string | undefined, @Ctx() ctx: RequestContext): Promise<Order> {
    return ctx.services.order.approve(ctx, id, key);
  }

  @Authorized(Role.PP)
  @Mutation(() => Order, { description: 'The PP records the shipping cost agreed with the vendor, on a DRAFT: part of the total submitted and approved.' })
  setOrderShippingCost(
    @Arg('id', () => ID) id: string,
    @Arg('shippingCost', () => Rupiah) shippingCost: number,
    @Arg('idempotencyKey', () => String, KEY) key: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Order> {
    return ctx.services.order.setShippingCost(ctx, id, shippingCost, key);
  }

  @Authorized(Role.VENDOR)
  @Mutation(() => Order, { description: 'The vendor accepts; stock leaves at once. It may lower the agreed shipping cost, never raise it.' })
  acceptOrder(
    @Arg('id', () => ID) id: string,
    @Arg('shippingCost', () => Rupiah, { nullable: true }) shippingCost: number | undefined,
    @Arg('idempotencyKey', () => String, KEY) key: string | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<Order> {
    return ctx.services.order.accept(ctx, id, shippingCost, key);
  }

  @Authorized(Role.VENDOR)
  @Mutation(() => Order)
  rejectOrder(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Arg('idempotencyKey', () => String, KEY) key: string | undefined, @Ctx() ctx: RequestContext): Promise<Order> {
    return ctx.services.order.reject(ctx, id, reason, key);
  }

  @Authorized(Role.VENDOR)
  @Mutation(() => Order)
  shipOrder(@Arg('id', () => ID) id: string, @Arg('deliveryReference') reference: string, @Arg('idempotencyKey', () => String, KEY) key: string | undefined, @Ctx() ctx: RequestContext): Promise<Order> {
    return ctx.services.order.ship(ctx, id, reference, key);
  }

  @Authorized(Role.PP, Role.PPK)
  @Mutation(() => Order, { description: 'Receipt with BAST number and date; list quantities for a partial receipt.' })
  receiveOrder(@Arg('id', () => ID) id: string, @Arg('input') input: ReceiveOrderInput, @Arg('idempotencyKey', () => String, KEY) key: string | undefined, @Ctx() ctx: RequestContext): Promise<Order> {
    return ctx.services.order.receive(ctx, id, input.bastNumber, input.bastDate, input.received, key);
  }

  @Authorized(Role.PP, Role.PPK)
  @Mutation(() => Order)
  recordOrderPayment(@Arg('id', () => ID) id: string, @Arg('input') input: RecordPaymentInput, @Arg('idempotencyKey', () => String, KEY) key: string | undefined, @Ctx() ctx: RequestContext): Promise<Order> {
    return ctx.services.order.recordPayment(ctx, id, input, key);
  }

  @Authorized(Role.PP, Role.PPK)
  @Mutation(() => Order)
  completeOrder(@Arg('id', () => ID) id: string, @Arg('idempotencyKey', () => String, KEY) key: string | undefined, @Ctx() ctx: RequestContext): Promise<Order> {
    return ctx.services.order.complete(ctx, id, key);
  }

  @Authorized(Role.VENDOR)
  @Mutation(() => Order, {
    description: "The vendor confirms the date the money arrived (YYYY-MM-DD), once, within 30 days of the payment being recorded; not before the OPD's payment date. The award's payment timeliness then counts to this date.",
  })
  confirmOrderPayment(@Arg('id', () => ID) id: string, @Arg('receivedOn') receivedOn: string, @Arg('idempotencyKey', () => String, KEY) key: string | undefined, @Ctx() ctx: RequestContext): Promise<Order> {
    return ctx.services.order.confirmPayment(ctx, id, receivedOn, key);
  }

  @Authorized(Role.PP)
  @Mutation(() => Order, { description: 'Cancels an order before the vendor accepts it, with a reason.' })
  cancelOrder(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Arg('idempotencyKey', () => String, KEY) key: string | undefined, @Ctx() ctx: RequestContext): Promise<Order> {
    return ctx.services.order.cancel(ctx, id, reason, key);
  }

  @FieldResolver(() => String, { description: 'Human-readable order number, e.g. PKT-000123.' })
  code(@Root() order: Order): string {
    return orderCode(order);
  }

  @FieldResolver(() => [OrderWarningView], { description: 'What the PP and PPK should know before the vendor accepts: the repeat-vendor rule, prices far above similar products or above what the Pemda agreed before. Warnings, not blocks; none once accepted.' })
  warnings(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<OrderWarningView[]> {
    return ctx.loaders.orderWarnings.load(order.id) as Promise<OrderWarningView[]>;
  }

  @FieldResolver(() => [OrderAction], { description: 'The steps the caller may take on the order now (the same rules the mutations check): what a client shows as buttons.' })
  availableActions(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<OrderAction[]> {
    return availableActions(ctx.actor, order, ctx.now(), async () => (await ctx.loaders.pemda.load(order.pemda.id)).timeZone);
  }

  @FieldResolver(() => Boolean, { description: "The PPK's approval still lies ahead: a draft whose total is above the Pemda's approval threshold (submitting it will need the PPK), or a submitted order that needs it and is not yet approved, rejected or cancelled." })
  awaitingPpkApproval(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<boolean> {
    return awaitsPpkApproval(order, async () => (await ctx.loaders.pemda.load(order.pemda.id)).ppkApprovalThreshold);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'While the order waits for the vendor: when it is cancelled as "tidak direspons" (3 working days in the Pemda\'s calendar).' })
  async vendorAnswerDue(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<Date | null> {
    if (!order.awaitingVendorSince) return null;
    const { timeZone, holidays } = await ctx.loaders.workingCalendar.load(order.pemda.id);
    return vendorAnswerDue(order.awaitingVendorSince, timeZone, holidays);
  }

  @FieldResolver(() => String, { description: 'The total in Indonesian words (terbilang), as the order letter and the BAST write it.' })
  totalInWords(@Root() order: Order): string {
    return terbilang(order.total);
  }

  @FieldResolver(() => Opd)
  opd(@Root() order: Order): Promise<Opd> {
    return order.opd.loadOrFail();
  }

  @FieldResolver(() => Vendor)
  vendor(@Root() order: Order): Promise<Vendor> {
    return order.vendor.loadOrFail();
  }

  @FieldResolver(() => User, { description: 'The PP who made it.' })
  createdBy(@Root() order: Order): Promise<User> {
    return order.createdBy.loadOrFail();
  }

  @FieldResolver(() => User, { description: 'The reviewing PPK.' })
  ppk(@Root() order: Order): Promise<User> {
    return order.ppk.loadOrFail();
  }

  @FieldResolver(() => [OrderLine])
  async lines(@Root() order: Order): Promise<OrderLine[]> {
    return (await order.lines.load()).getItems();
  }

  @FieldResolver(() => [Payment])
  async payments(@Root() order: Order): Promise<Payment[]> {
    return (await order.payments.load()).getItems();
  }

  @FieldResolver(() => [AuditLog], { description: 'Every transition: who, when, from, to, why.' })
  history(@Root() order: Order, @Ctx() ctx: RequestContext): Promise<AuditLog[]> {
    return ctx.loaders.orderHistory.load(order.id);
  }
}

@Resolver(() => CartItem)
export class CartItemResolver {
  @FieldResolver(() => Product)
  product(@Root() item: CartItem): Promise<Product> {
    return item.product.loadOrFail();
  }
}

@Resolver(() => OrderLine)
export class OrderLineResolver {
  @FieldResolver(() => ID)
  productId(@Root() line: OrderLine): string {
    return line.product.id;
  }
}
