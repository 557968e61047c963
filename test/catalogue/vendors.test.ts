import { AuditLog } from '../../server/audit/audit-log.entity.js';
import { User } from '../../server/identity/user.entity.js';
import { Vendor } from '../../server/vendor/vendor.entity.js';
import { normaliseNpwp, normalisePhone } from '../../server/vendor/identifiers.js';
import { pemdaIds, REGISTER, registration, vendorAccount } from '../support/catalogue.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';

const VERIFY = `mutation($id: ID!) { verifyVendor(id: $id) { status verifiedAt } }`;
const REJECT = `mutation($id: ID!, $r: String!) { rejectVendor(id: $id, reason: $r) { status statusReason } }`;
const SUSPEND = `mutation($id: ID!, $r: String!) { suspendVendor(id: $id, reason: $r) { status } }`;
const UPDATE_PROFILE = `mutation($id: ID!, $input: VendorProfileInput!) { updateVendorProfile(id: $id, input: $input) { status nib phone } }`;

describe('vendors register and BPBJ verifies them', () => {
  let t: TestApp;
  let ids: { batu: string; bontang: string };
  let bpbjBatu: string;
  let bpbjBontang: string;

  beforeAll(async () => {
    t = await createTestApp();
    ids = await pemdaIds(t);
    bpbjBatu = await t.login('bpbj@batukota.go.id');
    bpbjBontang = await t.login('bpbj@bontangkota.go.id');
  });
  afterAll(() => t.close());

  const profileOf = (input: Record<string, unknown>) => {
    const { pemdaId: _p, email: _e, password: _w, ...profile } = input;
    return profile;
  };

  it('a UMKM registers without logging in: PENDING, local and UMK-K derived, phone and NPWP normalised', async () => {
    const input = registration(ids.batu, { phone: '0812 3456 7890', npwp: '01.234.567.8-901.000' });
    const result = await t.exec(REGISTER, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data.registerVendor).toEqual(expect.objectContaining({ status: 'PENDING', isLocal: true, isUmkk: true, phone: '+6281234567890' }));
    expect(result.data.registerVendor.npwp).toBeNull(); // anonymous callers never read an NPWP
    const token = await t.login(input.email as string, 'rahasia123');
    const own = await t.exec(`query($id: ID!) { vendor(id: $id) { npwp status } }`, { id: result.data.registerVendor.id }, { token });
    expect(own.data.vendor).toEqual({ npwp: '012345678901000', status: 'PENDING' });
    const audit = await t.em().find(AuditLog, { subjectId: result.data.registerVendor.id });
    expect(audit.map((a) => [a.action, a.toStatus])).toEqual([['REGISTERED', 'PENDING']]);
  });

  it('local and UMK-K follow the domicile and scale: never typed in', async () => {
    const malang = await t.exec(REGISTER, { input: registration(ids.batu, { domicileRegionCode: '35.73', domicileRegionName: 'Kota Malang', scale: 'MENENGAH' }) });
    expect(malang.data.registerVendor).toEqual(expect.objectContaining({ isLocal: false, isUmkk: false }));
    const koperasi = await t.exec(REGISTER, { input: registration(ids.batu, { scale: 'MENENGAH', isKoperasi: true }) });
    expect(koperasi.data.registerVendor).toEqual(expect.objectContaining({ isLocal: true, isUmkk: true }));
  });

  it('bad identifiers are refused field by field and nothing is written', async () => {
    const [vendors, users] = [await t.em().count(Vendor), await t.em().count(User)];
    const result = await t.exec(REGISTER, { input: registration(ids.batu, { nib: '123456789012', npwp: '01.234.ABC.8-901.000', phone: '12345', email: 'bukan-email' }) });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.fields.map((f: any) => f.field).sort()).toEqual(['email', 'nib', 'npwp', 'phone']);
    expect(result.errors![0].extensions!.fields.find((f: any) => f.field === 'nib').message).toBe('NIB harus 13 digit angka.');
    expect([await t.em().count(Vendor), await t.em().count(User)]).toEqual([vendors, users]);
  });

  it('one NIB registers once per Pemda, but may register in another Pemda', async () => {
    const first = registration(ids.batu);
    expect((await t.exec(REGISTER, { input: first })).errors).toBeUndefined();
    const again = await t.exec(REGISTER, { input: registration(ids.batu, { nib: first.nib }) });
    expect(errorCode(again)).toBe('CONFLICT');
    const bontang = await t.exec(REGISTER, { input: registration(ids.bontang, { nib: first.nib, domicileRegionCode: '64.74', domicileRegionName: 'Kota Bontang' }) });
    expect(bontang.data.registerVendor).toEqual(expect.objectContaining({ status: 'PENDING', isLocal: true }));
  });

  it("BPBJ of Batu verifies a Batu vendor; BPBJ of Bontang cannot, and the status stays", async () => {
    const id = (await t.exec(REGISTER, { input: registration(ids.batu) })).data.registerVendor.id;
    expect(errorCode(await t.exec(VERIFY, { id }, { token: bpbjBontang }))).toBe('FORBIDDEN');
    expect((await t.em().findOneOrFail(Vendor, id)).status).toBe('PENDING');
    const ok = await t.exec(VERIFY, { id }, { token: bpbjBatu });
    expect(ok.data.verifyVendor.status).toBe('VERIFIED');
    expect(ok.data.verifyVendor.verifiedAt).toBe(t.clock.now().toISOString());
    const audit = await t.exec(`query($p: ID!, $id: ID!) { auditLog(pemdaId: $p, subjectId: $id) { action fromStatus toStatus actorRole } }`, { p: ids.batu, id }, { token: bpbjBatu });
    expect(audit.data.auditLog[0]).toEqual({ action: 'VERIFIED', fromStatus: 'PENDING', toStatus: 'VERIFIED', actorRole: 'BPBJ' });
    expect(errorCode(await t.exec(VERIFY, { id }, { token: bpbjBatu }))).toBe('CONFLICT');
  });

  it('rejecting and suspending need a reason and the right current status', async () => {
    const id = (await t.exec(REGISTER, { input: registration(ids.batu) })).data.registerVendor.id;
    const noReason = await t.exec(REJECT, { id, r: ' ' }, { token: bpbjBatu });
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.exec(SUSPEND, { id, r: 'Harga tidak wajar' }, { token: bpbjBatu }))).toBe('CONFLICT');
    const rejected = await t.exec(REJECT, { id, r: 'KBLI tidak sesuai kategori' }, { token: bpbjBatu });
    expect(rejected.data.rejectVendor).toEqual({ status: 'REJECTED', statusReason: 'KBLI tidak sesuai kategori' });
  });

  it('a vendor that changes its NIB goes back to PENDING; a new phone number does not', async () => {
    const vendor = await vendorAccount(t, ids.batu, bpbjBatu);
    const phone = await t.exec(UPDATE_PROFILE, { id: vendor.id, input: { ...profileOf(vendor.input), phone: '+62 813 1111 2222' } }, { token: vendor.token });
    expect(phone.data.updateVendorProfile).toEqual(expect.objectContaining({ status: 'VERIFIED', phone: '+6281311112222' }));
    const nib = await t.exec(UPDATE_PROFILE, { id: vendor.id, input: { ...profileOf(vendor.input), nib: '9999999999999' } }, { token: vendor.token });
    expect(nib.data.updateVendorProfile).toEqual(expect.objectContaining({ status: 'PENDING', nib: '9999999999999' }));
  });

  it("a vendor cannot edit another vendor's profile", async () => {
    const mine = await vendorAccount(t, ids.batu, bpbjBatu);
    const other = await vendorAccount(t, ids.batu, bpbjBatu);
    const result = await t.exec(UPDATE_PROFILE, { id: other.id, input: { ...profileOf(other.input), businessName: 'Dibajak' } }, { token: mine.token });
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect((await t.em().findOneOrFail(Vendor, other.id)).businessName).toBe(other.input.businessName);
  });

  it('the public lists verified vendors only; BPBJ filters by status; the queue is oldest first', async () => {
    const pending = (await t.exec(REGISTER, { input: registration(ids.batu) })).data.registerVendor.id;
    const pub = await t.exec(`query($p: ID!) { vendors(pemdaId: $p, first: 100) { totalCount edges { node { status } } } }`, { p: ids.batu });
    expect(new Set(pub.data.vendors.edges.map((e: any) => e.node.status))).toEqual(new Set(['VERIFIED']));
    expect(errorCode(await t.exec(`query($p: ID!) { vendors(pemdaId: $p, status: PENDING) { totalCount } }`, { p: ids.batu }))).toBe('FORBIDDEN');
    const queue = await t.exec(`query($p: ID!) { vendorCurationQueue(pemdaId: $p, first: 100) { totalCount edges { node { id status } } } }`, { p: ids.batu }, { token: bpbjBatu });
    const waiting = queue.data.vendorCurationQueue.edges.map((e: any) => e.node);
    expect(waiting.every((v: any) => v.status === 'PENDING')).toBe(true);
    expect(waiting.at(-1).id).toBe(pending);
    expect(queue.data.vendorCurationQueue.totalCount).toBe(waiting.length);
    const newest = await t.exec(`query($p: ID!) { vendorCurationQueue(pemdaId: $p, first: 1, order: NEWEST_FIRST) { edges { node { id } } } }`, { p: ids.batu }, { token: bpbjBatu });
    expect(newest.data.vendorCurationQueue.edges[0].node.id).toBe(pending); // the newest on the first page, oldest-first's last
    expect(errorCode(await t.exec(`query($p: ID!) { vendorCurationQueue(pemdaId: $p) { totalCount } }`, { p: ids.batu }, { token: bpbjBontang }))).toBe('FORBIDDEN');
  });

  it("curationWaiting counts both queues as their totalCount does, in one statement each, for the Pemda's own BPBJ only", async () => {
    await t.exec(REGISTER, { input: registration(ids.batu) });
    const QUEUES = `query($p: ID!) { vendorCurationQueue(pemdaId: $p) { totalCount } productCurationQueue(pemdaId: $p) { totalCount } }`;
    const WAITING = `query($p: ID!) { curationWaiting(pemdaId: $p) { vendors products } }`;
    const queues = (await t.exec(QUEUES, { p: ids.batu }, { token: bpbjBatu })).data;
    t.queries.length = 0;
    const waiting = await t.exec(WAITING, { p: ids.batu }, { token: bpbjBatu });
    expect(waiting.data.curationWaiting).toEqual({ vendors: queues.vendorCurationQueue.totalCount, products: queues.productCurationQueue.totalCount });
    expect(waiting.data.curationWaiting.vendors).toBeGreaterThan(0);
    // Two counts and nothing else from the queues' tables (the page of rows the menu used to ask for costs two more).
    const fromQueues = t.queries.filter((sql) => /from "(vendor|product)"/.test(sql));
    expect(fromQueues).toHaveLength(2);
    expect(fromQueues.every((sql) => /count\(/.test(sql))).toBe(true);

    expect(errorCode(await t.exec(WAITING, { p: ids.batu }, { token: bpbjBontang }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(WAITING, { p: ids.batu }, { token: (await vendorAccount(t, ids.batu, bpbjBatu)).token }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(WAITING, { p: ids.batu }))).toBe('UNAUTHENTICATED');
  });
});

describe('Indonesian identifiers', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['(0341) 512345', '+62341512345'],
    ['12345', null],
    ['0012345678', null],
  ])('phone %s -> %s', (input, expected) => expect(normalisePhone(input)).toBe(expected));

  it.each([
    ['01.234.567.8-901.000', '012345678901000'],
    ['3507123456780001', '3507123456780001'],
    ['01234567890123', null],
    ['01.234.ABC.8-901.000', null],
  ])('NPWP %s -> %s', (input, expected) => expect(normaliseNpwp(input)).toBe(expected));
});

describe("a vendor's login email", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is private: the public reads the business contact email, which the vendor chooses', async () => {
    const ids = await pemdaIds(t);
    const input = registration(ids.batu, { contactEmail: 'Pesanan@KeripikSri.id' });
    const created = await t.exec(REGISTER, { input });
    expect(created.errors).toBeUndefined();
    const bpbj = await t.login('bpbj@batukota.go.id');
    await t.exec(`mutation($id: ID!) { verifyVendor(id: $id) { status } }`, { id: created.data.registerVendor.id }, { token: bpbj });

    const asPublic = await t.exec(`query($id: ID!) { vendor(id: $id) { contactEmail phone address } }`, { id: created.data.registerVendor.id });
    expect(asPublic.data.vendor).toEqual({ contactEmail: 'pesanan@keripiksri.id', phone: '+6281234567890', address: input.address });
    const loginEmail = await t.exec(`query($id: ID!) { vendor(id: $id) { email } }`, { id: created.data.registerVendor.id });
    expect(errorCode(loginEmail)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(asPublic)).not.toContain(input.email);
    // The vendor's own account leads to its vendor record through `me`.
    const own = await t.login(input.email, 'rahasia123');
    expect((await t.exec(`{ me { email vendor { id } asn { nip } } }`, {}, { token: own })).data.me).toEqual({ email: input.email, vendor: { id: created.data.registerVendor.id }, asn: null });
  });
});
