import { User } from '../../server/identity/user.entity.js';
import { categoryId, pemdaIds, productInput, publishedProduct, vendorAccount } from './catalogue.js';
import type { TestApp } from './harness.js';

export const ORDER_FIELDS = `id code status negotiation subtotal shippingCost total requiresPpkApproval receivedAmount statusReason
  lines { id productName unit listUnitPrice unitPrice quantity quantityReceived lineTotal }`;
export const SET_CART = `mutation($p: ID!, $q: Int!) { setCartItem(productId: $p, quantity: $q) { quantity unitPriceSeen product { id } } }`;
export const CREATE_ORDER = `mutation($input: CreateOrderInput!) { createOrder(input: $input) { orders { ${ORDER_FIELDS} vendor { id } } } }`;

export const step = (name: string, args = '') =>
  `mutation($id: ID!${args ? `, ${args}` : ''}, $key: String) { ${name}(id: $id${args ? `, ${args.split(',').map((a) => a.trim().split(':')[0].slice(1)).map((a) => `${a}: $${a}`).join(', ')}` : ''}, idempotencyKey: $key) { ${ORDER_FIELDS} } }`;

export const SUBMIT = step('submitOrder');
export const APPROVE = step('approveOrder');
export const ACCEPT = step('acceptOrder', '$shippingCost: Rupiah');
export const SET_SHIPPING = step('setOrderShippingCost', '$shippingCost: Rupiah!');
export const REJECT = step('rejectOrder', '$reason: String!');
export const SHIP = step('shipOrder', '$deliveryReference: String!');
export const RECEIVE = step('receiveOrder', '$input: ReceiveOrderInput!');
export const PAY = step('recordOrderPayment', '$input: RecordPaymentInput!');
export const COMPLETE = step('completeOrder');
export const CONFIRM_PAYMENT = step('confirmOrderPayment', '$receivedOn: String!');
export const CANCEL = step('cancelOrder', '$reason: String!');

/** Kota Batu with its BPBJ, the Dinkes PP and PPK, a PPK of another OPD, and two verified vendors with stock. */
export async function purchasingWorld(t: TestApp) {
  const ids = await pemdaIds(t);
  const bpbj = await t.login('bpbj@batukota.go.id');
  const pp = await t.login('pp.dinkes@batukota.go.id');
  const ppk = await t.login('ppk.dinkes@batukota.go.id');
  const ppOther = await t.login('pp.disdik@batukota.go.id');
  const ppkOther = await t.login('ppk.disdik@batukota.go.id');
  const bpbjBontang = await t.login('bpbj@bontangkota.go.id');
  const ppkUser = await t.em().findOneOrFail(User, { email: 'ppk.dinkes@batukota.go.id' });
  const ppkOtherUser = await t.em().findOneOrFail(User, { email: 'ppk.disdik@batukota.go.id' });
  const beras = await categoryId(t, ids.batu, 'pangan-beras');
  const snack = await categoryId(t, ids.batu, 'mamin-snack');
  const vendorA = await vendorAccount(t, ids.batu, bpbj);
  const vendorB = await vendorAccount(t, ids.batu, bpbj);
  const product = async (vendor: { token: string }, overrides: Record<string, unknown>) =>
    publishedProduct(t, vendor.token, bpbj, productInput(overrides.categoryId as string ?? beras, overrides));
  return { ids, bpbj, bpbjBontang, pp, ppk, ppOther, ppkOther, ppkId: ppkUser.id, ppkOtherId: ppkOtherUser.id, beras, snack, vendorA, vendorB, product };
}

export type World = Awaited<ReturnType<typeof purchasingWorld>>;

/** Puts the products in the Dinkes cart and checks out; returns the created orders. */
export async function checkout(t: TestApp, w: World, items: [string, number][], extra: Record<string, unknown> = {}) {
  for (const [productId, quantity] of items) {
    const set = await t.exec(SET_CART, { p: productId, q: quantity }, { token: w.pp });
    if (set.errors) throw new Error(JSON.stringify(set.errors));
  }
  const result = await t.exec(CREATE_ORDER, { input: { deliveryAddress: 'Dinas Kesehatan Kota Batu, Jl. Panglima Sudirman 507', ppkId: w.ppkId, ...extra } }, { token: w.pp });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data.createOrder.orders as any[];
}

/**
 * Takes a checked-out order through submit, (PPK approval,) accept, ship and receipt with the given BAST date. A BAST
 * in the past is dated no earlier than the shipping, so the steps run with the clock on that day (noon in Java).
 */
export async function receiveOrder(t: TestApp, tokens: { pp: string; ppk: string; vendor: string }, orderId: string, bastDate: string) {
  const today = t.clock.current;
  const onBastDay = new Date(`${bastDate}T05:00:00Z`);
  if (onBastDay < today) t.clock.current = onBastDay;
  try {
    await stepsToReceipt(t, tokens, orderId, bastDate);
  } finally {
    t.clock.current = today;
  }
}

async function stepsToReceipt(t: TestApp, tokens: { pp: string; ppk: string; vendor: string }, orderId: string, bastDate: string) {
  const submitted = await t.exec(SUBMIT, { id: orderId }, { token: tokens.pp });
  if (submitted.data?.submitOrder.requiresPpkApproval) await t.exec(APPROVE, { id: orderId }, { token: tokens.ppk });
  for (const [query, vars, token] of [
    [ACCEPT, {}, tokens.vendor],
    [SHIP, { deliveryReference: 'SJ-REKAP' }, tokens.vendor],
    [RECEIVE, { input: { bastNumber: `BAST/${orderId.slice(0, 6)}`, bastDate } }, tokens.pp],
  ] as const) {
    const result = await t.exec(query, { id: orderId, ...vars }, { token });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  }
}
