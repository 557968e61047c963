import { expireUnansweredOrders } from '../../server/purchasing/order-expiry.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { checkout, purchasingWorld, SUBMIT, type World } from '../support/purchasing.js';
import { expectNothingWritten } from '../support/snapshot.js';

const ADD = `mutation($p: ID!, $d: String!, $n: String!) { addRegionalHoliday(pemdaId: $p, date: $d, name: $n) { id date name kind } }`;
const HOLIDAYS = `query($p: ID!) { holidays(pemdaId: $p, year: 2026) { date kind } }`;

describe('working days skip national days, cuti bersama and the Pemda\'s own days off', () => {
  let t: TestApp;
  let w: World;
  const expire = () => expireUnansweredOrders(t.app.systemContext(), t.app.services.order);
  const submitted = async (name: string) => {
    const product = await w.product(w.vendorA, { name, price: 50_000, stock: 100 });
    const [order] = await checkout(t, w, [[product, 1]]);
    await t.exec(SUBMIT, { id: order.id }, { token: w.pp });
    return order.id as string;
  };

  beforeAll(async () => {
    // The story spans March to October: tokens live 30 days, and the world signs in again when the clock jumps.
    t = await createTestApp({ env: { TOKEN_TTL_SECONDS: String(30 * 24 * 3600) } });
    t.clock.current = new Date('2026-03-10T03:00:00Z');
    w = await purchasingWorld(t);
  });
  afterAll(() => t.close());

  it('the 2026 calendar has the decree\'s 17 national days and 8 days of cuti bersama, for anyone to read', async () => {
    const days = (await t.exec(HOLIDAYS, { p: w.ids.batu })).data.holidays;
    expect(days.filter((d: any) => d.kind === 'NATIONAL')).toHaveLength(17);
    expect(days.filter((d: any) => d.kind === 'CUTI_BERSAMA').map((d: any) => d.date)).toEqual(
      ['2026-02-16', '2026-03-18', '2026-03-20', '2026-03-23', '2026-03-24', '2026-05-15', '2026-05-28', '2026-12-24']);
  });

  it('an order submitted Tuesday 17 March 10:00 WIB waits out Nyepi and Lebaran: due Friday 27 March 10:00, not Friday 20 March', async () => {
    t.clock.current = new Date('2026-03-17T03:00:00Z');
    const order = await submitted('Kue Lebaran');
    // The vendor's order page shows the same deadline the expiry keeps.
    const shown = await t.exec(`query($id: ID!) { order(id: $id) { vendorAnswerDue } }`, { id: order }, { token: w.vendorA.token });
    expect(shown.data.order.vendorAnswerDue).toBe('2026-03-27T03:00:00.000Z');
    // Weekdays only, it would expire Friday 20 March 10:00; but 18-20 and 23-24 March are days off.
    t.clock.current = new Date('2026-03-20T03:00:00Z');
    expect(await expire()).toEqual([]);
    t.clock.current = new Date('2026-03-27T02:59:00Z'); // Wed 25, Thu 26 counted; Fri 27 09:59
    expect(await expire()).toEqual([]);
    t.clock.current = new Date('2026-03-27T03:00:00Z');
    expect(await expire()).toEqual([order]);
  });

  it('BPBJ adds Batu\'s own day off and the deadline moves a day; other Pemdas are not touched', async () => {
    t.clock.current = new Date('2026-10-12T03:00:00Z'); // Monday 12 October 10:00 WIB
    w = await purchasingWorld(t);
    const holiday = (await t.exec(ADD, { p: w.ids.batu, d: '2026-10-14', n: 'Hari Jadi Kota Batu' }, { token: w.bpbj })).data.addRegionalHoliday;
    expect(holiday).toMatchObject({ date: '2026-10-14', kind: 'REGIONAL' });
    const order = await submitted('Apel Hari Jadi');
    t.clock.current = new Date('2026-10-15T03:00:00Z'); // Tue 13, Thu 15: two working days, Wed 14 off
    expect(await expire()).toEqual([]);
    t.clock.current = new Date('2026-10-16T03:00:00Z');
    expect(await expire()).toEqual([order]);
    const bontang = await t.em().getConnection().execute<{ id: string }[]>(`select id from pemda where kemendagri_code = '64.74'`);
    const theirs = (await t.exec(HOLIDAYS, { p: bontang[0].id })).data.holidays;
    expect(theirs.map((d: any) => d.date)).not.toContain('2026-10-14');
    const history = await t.exec(`query($p: ID!) { auditLog(pemdaId: $p, subjectType: CALENDAR) { action reason } }`, { p: w.ids.batu }, { token: w.bpbj });
    expect(history.data.auditLog).toEqual([{ action: 'HOLIDAY_ADDED', reason: '2026-10-14 Hari Jadi Kota Batu' }]);
  });

  it('a past day, a day already off, another Pemda\'s BPBJ and a PP are refused, and nothing is written', async () => {
    await expectNothingWritten(t, async () => {
      expect(errorCode(await t.exec(ADD, { p: w.ids.batu, d: '2026-01-05', n: 'Sudah lewat' }, { token: w.bpbj }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.exec(ADD, { p: w.ids.batu, d: '2026-12-25', n: 'Natal lagi' }, { token: w.bpbj }))).toBe('CONFLICT');
      expect(errorCode(await t.exec(ADD, { p: w.ids.batu, d: '2026-12-01', n: 'Libur Bontang' }, { token: w.bpbjBontang }))).toBe('FORBIDDEN');
      expect(errorCode(await t.exec(ADD, { p: w.ids.batu, d: '2026-12-01', n: 'Libur PP' }, { token: w.pp }))).toBe('FORBIDDEN');
    });
  });
});
