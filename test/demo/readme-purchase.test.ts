import { readFileSync } from 'node:fs';
import { localDate } from '../../server/calendar/time-zone.js';
import { createTestApp, type TestApp } from '../support/harness.js';

/** The README's purchasing example, statement by statement, with the caller each comment line names. */
function readmeSteps(): { as: 'pp' | 'vendor'; operation: string }[] {
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('# PP (pp.dinkes@batukota.go.id): find the product');
  const block = readme.slice(start, readme.indexOf('```', start));
  const steps: { as: 'pp' | 'vendor'; operation: string }[] = [];
  let as: 'pp' | 'vendor' = 'pp';
  for (const line of block.split('\n')) {
    if (line.startsWith('# ')) as = line.startsWith('# vendor') ? 'vendor' : 'pp';
    else if (/^(query|mutation) /.test(line)) steps.push({ as, operation: line });
    else if (line.startsWith('  ')) steps[steps.length - 1].operation += `\n${line}`;
  }
  return steps;
}

describe("the README's purchasing example works as written on the demo catalogue", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ catalogue: true });
  }, 120_000);
  afterAll(() => t.close());

  it('a PP finds the flagship product and its PPK, orders, the vendor delivers, the PP receives and pays: COMPLETED', async () => {
    const tokens = { pp: await t.login('pp.dinkes@batukota.go.id'), vendor: await t.login('keripik.apel@umkm-batu.id') };
    const values: Record<string, string> = { today: localDate(t.clock.now(), 'Asia/Jakarta') };
    const steps = readmeSteps();
    expect(steps.length).toBe(14);
    for (const step of steps) {
      const operation = step.operation.replace(/<([^>]+)>/g, (_, name) => {
        if (!(name in values)) throw new Error(`README placeholder <${name}> has no value yet at: ${step.operation}`);
        return values[name];
      });
      const result = await t.exec(operation, {}, { token: tokens[step.as] });
      expect(result.errors).toBeUndefined();
      const data = result.data as any;
      if (data.searchProducts) values['product id'] = data.searchProducts.edges.find((e: any) => e.node.vendor.businessName === 'UD Keripik Apel Bu Sri').node.id;
      if (data.ppks) values['PPK id'] = data.ppks[0].id;
      if (data.createOrder) values['order id'] = data.createOrder.orders[0].id;
      if (data.receiveOrder) values.receivedAmount = String(data.receiveOrder.receivedAmount);
      if (data.orderDocuments) {
        expect(data.orderDocuments.map((d: any) => d.kind)).toEqual(['SURAT_PESANAN', 'BAST']);
        values['document id'] = data.orderDocuments[0].id;
      }
      if (data.orderDocumentFile) expect(data.orderDocumentFile.contentType).toBe('application/pdf');
    }
    const done = await t.exec(`query($id: ID!) { order(id: $id) { status total receivedAmount payments { amount } } }`, { id: values['order id'] }, { token: tokens.pp });
    expect(done.data.order.status).toBe('COMPLETED');
    expect(done.data.order.payments).toEqual([{ amount: done.data.order.receivedAmount }]);
    const confirmed = await t.exec(`query($id: ID!) { order(id: $id) { payments { paidOn vendorReceivedOn } } }`, { id: values['order id'] }, { token: tokens.pp });
    expect(confirmed.data.order.payments).toEqual([{ paidOn: values.today, vendorReceivedOn: values.today }]);
  });
});
