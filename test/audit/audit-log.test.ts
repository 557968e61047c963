import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { pemdaIds } from '../support/catalogue.js';
import { checkout, purchasingWorld, SUBMIT, type World } from '../support/purchasing.js';

const ADD = `mutation($p: ID!, $d: String!, $n: String!) { addRegionalHoliday(pemdaId: $p, date: $d, name: $n) { id } }`;
const LOG = `query($p: ID!, $s: AuditSubject) { auditLog(pemdaId: $p, subjectType: $s, limit: 3) { createdAt reason } }`;

describe("the Pemda's audit log, newest first", () => {
  let t: TestApp;
  let batu: string;

  beforeAll(async () => {
    t = await createTestApp();
    batu = (await pemdaIds(t)).batu;
  });
  afterAll(() => t.close());

  it('by when each change happened, even when written out of that order, and by record order within one instant', async () => {
    // Recorded first but dated later (as the demo year writes its orders' steps after the fact, each with its date).
    const addAt = async (at: string, date: string, name: string) => {
      t.clock.current = new Date(at);
      const added = await t.exec(ADD, { p: batu, d: date, n: name }, { token: await t.login('bpbj@batukota.go.id') });
      expect(added.errors).toBeUndefined();
    };
    await addAt('2026-03-12T03:00:00Z', '2026-11-02', 'Dicatat pertama, tanggal 12 Maret');
    await addAt('2026-03-11T03:00:00Z', '2026-11-03', 'Dicatat kedua, tanggal 11 Maret');
    await addAt('2026-03-11T03:00:00Z', '2026-11-04', 'Dicatat ketiga, tanggal 11 Maret');
    const bpbj = await t.login('bpbj@batukota.go.id');

    const expected = [
      { createdAt: '2026-03-12T03:00:00.000Z', reason: '2026-11-02 Dicatat pertama, tanggal 12 Maret' },
      { createdAt: '2026-03-11T03:00:00.000Z', reason: '2026-11-04 Dicatat ketiga, tanggal 11 Maret' },
      { createdAt: '2026-03-11T03:00:00.000Z', reason: '2026-11-03 Dicatat kedua, tanggal 11 Maret' },
    ];
    expect((await t.exec(LOG, { p: batu, s: 'CALENDAR' }, { token: bpbj })).data.auditLog).toEqual(expected);
    // The whole Pemda's log, unfiltered, in the same order (these are its newest entries).
    expect((await t.exec(LOG, { p: batu }, { token: bpbj })).data.auditLog).toEqual(expected);

    // Paged back one entry at a time from the last one shown: the same entries in the same order, the tie included.
    const PAGE = `query($p: ID!, $after: ID) { auditLog(pemdaId: $p, subjectType: CALENDAR, limit: 1, after: $after) { id createdAt reason } }`;
    const walked: { id: string; createdAt: string; reason: string }[] = [];
    for (let page = (await t.exec(PAGE, { p: batu }, { token: bpbj })).data.auditLog; page.length; ) {
      walked.push(...page);
      page = (await t.exec(PAGE, { p: batu, after: page.at(-1).id }, { token: bpbj })).data.auditLog;
    }
    expect(walked.map(({ createdAt, reason }) => ({ createdAt, reason }))).toEqual(expected);
  });

  it("pages back only from an entry of the Pemda's own log, for its own BPBJ", async () => {
    const bontang = (await pemdaIds(t)).bontang;
    const theirs = await t.exec(ADD, { p: bontang, d: '2026-11-06', n: 'Libur Bontang' }, { token: await t.login('bpbj@bontangkota.go.id') });
    expect(theirs.errors).toBeUndefined();
    const [bontangEntry] = (await t.exec(`query($p: ID!) { auditLog(pemdaId: $p, limit: 1) { id } }`, { p: bontang }, { token: await t.login('bpbj@bontangkota.go.id') })).data.auditLog;
    const bpbj = await t.login('bpbj@batukota.go.id');
    const OLDER = `query($p: ID!, $after: ID) { auditLog(pemdaId: $p, after: $after) { id } }`;
    const refused = await t.exec(OLDER, { p: batu, after: bontangEntry.id }, { token: bpbj });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toBe('Entri acuan tidak ditemukan di log audit Pemda ini.');
    expect(errorCode(await t.exec(OLDER, { p: batu, after: 'bukan-uuid' }, { token: bpbj }))).toBe('BAD_USER_INPUT');
    const [batuEntry] = (await t.exec(`query($p: ID!) { auditLog(pemdaId: $p, limit: 1) { id } }`, { p: batu }, { token: bpbj })).data.auditLog;
    expect(errorCode(await t.exec(OLDER, { p: batu, after: batuEntry.id }, { token: await t.login('bpbj@bontangkota.go.id') }))).toBe('FORBIDDEN');
  });
});

describe('what each audit entry is about', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp();
    w = await purchasingWorld(t);
  });
  afterAll(() => t.close());

  it("names the package, the vendor, the product and the account as the pages do, one statement per kind for the whole page", async () => {
    const sugar = await w.product(w.vendorA, { name: 'Gula Pasir Audit 1 kg', price: 16_000, stock: 50 });
    const [order] = await checkout(t, w, [[sugar, 2]]);
    await t.exec(SUBMIT, { id: order.id }, { token: w.pp });
    const code = (await t.exec(`query($id: ID!) { order(id: $id) { code } }`, { id: order.id }, { token: w.pp })).data.order.code;
    expect(code).toMatch(/^PKT-\d{6}$/);
    await t.exec(ADD, { p: w.ids.batu, d: '2026-11-05', n: 'Libur tanpa nama subjek' }, { token: w.bpbj });
    const reset = await t.exec(`mutation($id: ID!) { resetUserPassword(id: $id) { user { fullName } } }`, { id: w.ppkOtherId }, { token: w.bpbj });
    const holder = reset.data.resetUserPassword.user.fullName;

    const ENTRIES = `query($p: ID!, $s: AuditSubject, $id: ID) { auditLog(pemdaId: $p, subjectType: $s, subjectId: $id, limit: 500) { subjectType subjectName } }`;
    const about = async (subjectType: string, subjectId: string) => (await t.exec(ENTRIES, { p: w.ids.batu, s: subjectType, id: subjectId }, { token: w.bpbj })).data.auditLog.map((e: any) => e.subjectName);
    expect(new Set(await about('ORDER', order.id))).toEqual(new Set([code]));
    expect(new Set(await about('VENDOR', w.vendorA.id))).toEqual(new Set([w.vendorA.input.businessName]));
    expect(new Set(await about('PRODUCT', sugar))).toEqual(new Set(['Gula Pasir Audit 1 kg']));
    expect(await about('ACCOUNT', w.ppkOtherId)).toEqual([holder]);

    t.queries.length = 0;
    const all = (await t.exec(ENTRIES, { p: w.ids.batu }, { token: w.bpbj })).data.auditLog;
    const kinds = new Set(all.map((e: any) => e.subjectType));
    expect(kinds).toEqual(new Set(['VENDOR', 'PRODUCT', 'ORDER', 'CALENDAR', 'ACCOUNT']));
    expect(all.filter((e: any) => e.subjectType === 'CALENDAR').map((e: any) => e.subjectName)).toEqual([null]);
    // The caller's account, the page, then one statement for each named kind on it: vendors, products, packages, accounts.
    const naming = t.queries.filter((sql) => /^\[query\] select id, \w+ from (vendor|product|purchase_order|app_user|pemda) where id in/.test(sql));
    expect(naming).toHaveLength(4);
    expect(t.queries).toHaveLength(6);
  });
});
