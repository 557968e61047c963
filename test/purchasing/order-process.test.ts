import { Pemda } from '../../server/pemda/pemda.entity.js';
import { ORDER_PROCESS, OrderAction, TERMINAL_STATES } from '../../server/purchasing/order-process.js';
import { canTake } from '../../server/purchasing/order-step.js';
import { Order } from '../../server/purchasing/order.entity.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { ACCEPT, APPROVE, CANCEL, checkout, COMPLETE, CONFIRM_PAYMENT, PAY, purchasingWorld, RECEIVE, REJECT, SET_SHIPPING, SHIP, SUBMIT, type World } from '../support/purchasing.js';
import { expectNothingWritten } from '../support/snapshot.js';

const PROPOSE = `mutation($id: ID!, $prices: [LinePriceInput!]!) { proposeOrderPrices(id: $id, prices: $prices) { status } }`;
const RESPOND = `mutation($id: ID!, $accept: Boolean!) { respondToOrderNegotiation(id: $id, accept: $accept) { status } }`;

/** The process as a reader of the business would draw it, written out by hand: action -> the states it starts from. */
const DRAWN: Record<OrderAction, string[]> = {
  setShippingCost: ['DRAFT', 'DRAFT (prices proposed)'],
  proposePrices: ['DRAFT'],
  respondToNegotiation: ['DRAFT (prices proposed)'],
  submit: ['DRAFT'],
  approve: ['SUBMITTED (needs PPK)'],
  accept: ['SUBMITTED', 'APPROVED'],
  reject: ['SUBMITTED', 'APPROVED'],
  ship: ['ACCEPTED'],
  receive: ['SHIPPED'],
  recordPayment: ['RECEIVED'],
  complete: ['PAID'],
  confirmPayment: ['PAID', 'COMPLETED'],
  cancel: ['DRAFT', 'DRAFT (prices proposed)', 'SUBMITTED', 'SUBMITTED (needs PPK)', 'APPROVED'],
  expire: ['SUBMITTED', 'APPROVED'],
};

describe('the order process table', () => {
  let t: TestApp;
  let w: World;
  /** One order in every state (DRAFT twice: with and without prices proposed; SUBMITTED twice: reaching the vendor directly, or waiting for the PPK). */
  const orders: Record<string, string> = {};

  const run = async (query: string, vars: Record<string, unknown>, token: string) => {
    const result = await t.exec(query, vars, { token });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await purchasingWorld(t);
    const rice = await w.product(w.vendorA, { name: 'Beras Medium Junggo 5 kg', price: 65000, stock: 500, unit: 'karung' });
    const states = ['DRAFT', 'DRAFT (prices proposed)', 'SUBMITTED', 'SUBMITTED (needs PPK)', 'APPROVED', 'ACCEPTED', 'SHIPPED', 'RECEIVED', 'PAID', 'COMPLETED', 'REJECTED', 'CANCELLED'];
    for (const state of states) [{ id: orders[state] }] = await checkout(t, w, [[rice, 2]]);
    const vendor = w.vendorA.token;
    const needsPpk = (on: boolean) => t.em().nativeUpdate(Pemda, { id: w.ids.batu }, { ppkApprovalThreshold: on ? 1 : 200_000_000 });
    const [line] = (await t.em().findOneOrFail(Order, orders['DRAFT (prices proposed)'], { populate: ['lines'] })).lines.getItems();
    await run(PROPOSE, { id: orders['DRAFT (prices proposed)'], prices: [{ lineId: line.id, unitPrice: 60000 }] }, w.pp);
    await needsPpk(true);
    await run(SUBMIT, { id: orders['SUBMITTED (needs PPK)'] }, w.pp);
    await run(SUBMIT, { id: orders.APPROVED }, w.pp);
    await run(APPROVE, { id: orders.APPROVED }, w.ppk);
    await needsPpk(false);
    for (const state of ['SUBMITTED', 'ACCEPTED', 'SHIPPED', 'RECEIVED', 'PAID', 'COMPLETED', 'REJECTED', 'CANCELLED']) await run(SUBMIT, { id: orders[state] }, w.pp);
    for (const state of ['ACCEPTED', 'SHIPPED', 'RECEIVED', 'PAID', 'COMPLETED']) await run(ACCEPT, { id: orders[state] }, vendor);
    for (const state of ['SHIPPED', 'RECEIVED', 'PAID', 'COMPLETED']) await run(SHIP, { id: orders[state], deliveryReference: 'SJ-001' }, vendor);
    for (const state of ['RECEIVED', 'PAID', 'COMPLETED']) await run(RECEIVE, { id: orders[state], input: { bastNumber: 'BAST/001', bastDate: '2026-03-02' } }, w.pp);
    for (const state of ['PAID', 'COMPLETED']) await run(PAY, { id: orders[state], input: { method: 'TRANSFER', amount: 130000, paidOn: '2026-03-02' } }, w.pp);
    await run(COMPLETE, { id: orders.COMPLETED }, w.pp);
    await run(REJECT, { id: orders.REJECTED, reason: 'Stok sedang kosong' }, vendor);
    await run(CANCEL, { id: orders.CANCELLED, reason: 'Tidak jadi dibeli' }, w.pp);
  });
  afterAll(() => t.close());

  it('has the orders it walks in the states their names say', async () => {
    for (const [state, id] of Object.entries(orders)) expect((await t.em().findOneOrFail(Order, id)).status).toBe(state.split(' ')[0]);
  });

  it('is the process as drawn: each action starts from exactly the drawn states', async () => {
    for (const action of Object.values(OrderAction)) {
      const startsFrom = [];
      for (const [state, id] of Object.entries(orders)) if (canTake(action, await t.em().findOneOrFail(Order, id))) startsFrom.push(state);
      expect({ action, startsFrom: startsFrom.sort() }).toEqual({ action, startsFrom: [...DRAWN[action]].sort() });
    }
  });

  it('ends in COMPLETED, REJECTED and CANCELLED, from which no action moves the order on, by construction', () => {
    expect([...TERMINAL_STATES].sort()).toEqual(['CANCELLED', 'COMPLETED', 'REJECTED']);
    for (const rule of Object.values(ORDER_PROCESS)) for (const terminal of TERMINAL_STATES) if (rule.to) expect(rule.from).not.toContain(terminal);
    // The one action a terminal state allows keeps it: the vendor's confirmation of the payment on a completed order.
    const inTerminal = Object.entries(ORDER_PROCESS).filter(([, rule]) => rule.from.some((s) => TERMINAL_STATES.includes(s)));
    expect(inTerminal.map(([action, rule]) => [action, rule.to])).toEqual([['confirmPayment', undefined]]);
  });

  it('refuses every (state, action) pair outside the table with CONFLICT, and writes nothing', async () => {
    // Each action asked by the party the table names, with valid arguments: only the state can refuse it.
    const attempts: Record<Exclude<OrderAction, 'expire'>, (id: string) => [string, Record<string, unknown>, string]> = {
      setShippingCost: (id) => [SET_SHIPPING, { id, shippingCost: 15000 }, w.pp],
      proposePrices: (id) => [PROPOSE, { id, prices: [] }, w.pp],
      respondToNegotiation: (id) => [RESPOND, { id, accept: true }, w.vendorA.token],
      submit: (id) => [SUBMIT, { id }, w.pp],
      approve: (id) => [APPROVE, { id }, w.ppk],
      accept: (id) => [ACCEPT, { id }, w.vendorA.token],
      reject: (id) => [REJECT, { id, reason: 'Stok sedang kosong' }, w.vendorA.token],
      ship: (id) => [SHIP, { id, deliveryReference: 'SJ-002' }, w.vendorA.token],
      receive: (id) => [RECEIVE, { id, input: { bastNumber: 'BAST/002', bastDate: '2026-03-02' } }, w.pp],
      recordPayment: (id) => [PAY, { id, input: { method: 'TRANSFER', amount: 130000, paidOn: '2026-03-02' } }, w.pp],
      complete: (id) => [COMPLETE, { id }, w.pp],
      confirmPayment: (id) => [CONFIRM_PAYMENT, { id, receivedOn: '2026-03-02' }, w.vendorA.token],
      cancel: (id) => [CANCEL, { id, reason: 'Tidak jadi dibeli' }, w.pp],
    };
    let refused = 0;
    for (const [state, id] of Object.entries(orders)) {
      // One snapshot around all the refusals of a state: any write by any of them shows.
      await expectNothingWritten(t, async () => {
        for (const [action, attempt] of Object.entries(attempts)) {
          if (DRAWN[action as OrderAction].includes(state)) continue;
          const [query, vars, token] = attempt(id);
          const result = await t.exec(query, vars, { token });
          expect({ state, action, code: errorCode(result) }).toEqual({ state, action, code: 'CONFLICT' });
          refused++;
        }
        if (!DRAWN.expire.includes(state)) expect(await t.app.services.order.expire(t.app.systemContext(), id)).toBe(false);
      });
    }
    expect(refused).toBe(12 * 13 - 21); // 12 states x 13 actions a party can ask for, less the 21 drawn pairs
  });

  it('lets no party take another party\'s action', async () => {
    const cancelAsVendor = await expectNothingWritten(t, () => t.exec(CANCEL, { id: orders.DRAFT, reason: 'Bukan hak penyedia' }, { token: w.vendorA.token }));
    expect(errorCode(cancelAsVendor)).toBe('FORBIDDEN');
    const approveAsPp = await expectNothingWritten(t, () => t.exec(APPROVE, { id: orders['SUBMITTED (needs PPK)'] }, { token: w.pp }));
    expect(errorCode(approveAsPp)).toBe('FORBIDDEN');
  });

  it('offers each party exactly the steps it may take now (availableActions, what the web app shows as buttons)', async () => {
    const offered = async (state: string, token: string) =>
      (await t.exec(`query($id: ID!) { order(id: $id) { availableActions } }`, { id: orders[state] }, { token })).data.order.availableActions.sort();
    const vendor = w.vendorA.token;
    // Written out by hand from the process as drawn, per party (a vendor sees no draft until prices are proposed to it).
    const expected: [string, string, string[]][] = [
      ['DRAFT', w.pp, ['CANCEL', 'PROPOSE_PRICES', 'SET_SHIPPING_COST', 'SUBMIT']],
      ['DRAFT', w.ppk, []],
      ['DRAFT (prices proposed)', w.pp, ['CANCEL', 'SET_SHIPPING_COST']],
      ['DRAFT (prices proposed)', vendor, ['RESPOND_TO_NEGOTIATION']],
      ['SUBMITTED (needs PPK)', w.pp, ['CANCEL']],
      ['SUBMITTED (needs PPK)', w.ppk, ['APPROVE']],
      ['SUBMITTED (needs PPK)', vendor, []],
      ['SUBMITTED', vendor, ['ACCEPT', 'REJECT']],
      ['SUBMITTED', w.ppk, []],
      ['APPROVED', vendor, ['ACCEPT', 'REJECT']],
      ['ACCEPTED', vendor, ['SHIP']],
      ['ACCEPTED', w.pp, []],
      ['SHIPPED', w.pp, ['RECEIVE']],
      ['SHIPPED', w.ppk, ['RECEIVE']],
      ['RECEIVED', w.ppk, ['RECORD_PAYMENT']],
      ['PAID', w.pp, ['COMPLETE']],
      ['PAID', vendor, ['CONFIRM_PAYMENT']],
      ['COMPLETED', w.pp, []],
      ['COMPLETED', vendor, ['CONFIRM_PAYMENT']],
      ['SUBMITTED', w.bpbj, []],
    ];
    for (const [state, token, actions] of expected) expect({ state, actions: await offered(state, token) }).toEqual({ state, actions });
  });
});
