import { Order } from '../../server/purchasing/order.entity.js';
import { registration, vendorAccount } from '../support/catalogue.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { checkout, purchasingWorld, type World } from '../support/purchasing.js';
import { expectNothingWritten } from '../support/snapshot.js';

const UPDATE = `mutation($id: ID!, $input: VendorProfileInput!) { updateVendorProfile(id: $id, input: $input) {
  status isUmkk isLocal scale isKoperasi pendingClassification { scale isKoperasi domicileRegionCode isUmkk isLocal } } }`;
const REVIEW = `mutation($id: ID!, $approve: Boolean!, $reason: String) { reviewVendorClassification(id: $id, approve: $approve, reason: $reason) {
  isUmkk isKoperasi pendingClassification { isKoperasi } } }`;
const AUDIT = `query($p: ID!, $id: ID!) { auditLog(pemdaId: $p, subjectType: VENDOR, subjectId: $id) { action reason actorRole } }`;

/** The profile the vendor registered with, as VendorProfileInput wants it. */
const profile = (overrides: Record<string, unknown>) => {
  const { pemdaId: _p, email: _e, password: _w, ...fields } = registration('x', overrides);
  return fields;
};

describe('what decides the 40% measure is never the vendor\'s own word', () => {
  let t: TestApp;
  let w: World;
  let menengah: { id: string; token: string };
  let product: string;
  let nib: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await purchasingWorld(t);
    // A MENENGAH vendor, verified: its sales do not count as UMK-K.
    nib = registration(w.ids.batu).nib;
    menengah = await vendorAccount(t, w.ids.batu, w.bpbj, { scale: 'MENENGAH', nib });
    product = await w.product(menengah, { name: 'Meja Kayu Jati Olahan', price: 850000, stock: 20, unit: 'buah' });
  });
  afterAll(() => t.close());

  it('declaring itself a koperasi leaves the vendor MENENGAH and not UMK-K until BPBJ approves, on the audit log with before and after', async () => {
    const asked = await t.exec(UPDATE, { id: menengah.id, input: profile({ scale: 'MENENGAH', isKoperasi: true, nib }) }, { token: menengah.token });
    expect(asked.errors).toBeUndefined();
    expect(asked.data.updateVendorProfile).toEqual({
      status: 'VERIFIED', isUmkk: false, isLocal: true, scale: 'MENENGAH', isKoperasi: false,
      // What BPBJ is asked to approve: a koperasi, which would count as UMK-K.
      pendingClassification: { scale: 'MENENGAH', isKoperasi: true, domicileRegionCode: '35.79', isUmkk: true, isLocal: true },
    });
    // Saved again with the same request and a new phone number: BPBJ is asked once, not twice.
    const again = await t.exec(UPDATE, { id: menengah.id, input: profile({ scale: 'MENENGAH', isKoperasi: true, nib, phone: '0813-1111-2222' }) }, { token: menengah.token });
    expect(again.data.updateVendorProfile.pendingClassification).toMatchObject({ isKoperasi: true });
    const log = (await t.exec(AUDIT, { p: w.ids.batu, id: menengah.id }, { token: w.bpbj })).data.auditLog;
    expect(log.filter((e: any) => e.action === 'CLASSIFICATION_CHANGE_REQUESTED')).toEqual([
      { action: 'CLASSIFICATION_CHANGE_REQUESTED', actorRole: 'VENDOR', reason: 'koperasi tidak → ya; UMK-K tidak → ya' },
    ]);
    const notified = (await t.exec(`{ notifications(first: 50) { kind title link } }`, {}, { token: w.bpbj })).data.notifications.filter((n: any) => n.kind === 'CLASSIFICATION_PENDING');
    expect(notified).toEqual([{ kind: 'CLASSIFICATION_PENDING', title: expect.stringContaining('Perubahan klasifikasi menunggu keputusan'), link: '/bpbj/kurasi' }]);
    expect((await t.exec(`{ vendorCurationQueue(pemdaId: "${w.ids.batu}", first: 100) { edges { node { id } } } }`, {}, { token: w.bpbj })).data.vendorCurationQueue.edges.map((e: any) => e.node.id)).toContain(menengah.id);

    // Bought meanwhile: not UMK-K spend, and it stays so after the approval.
    const [before] = await checkout(t, w, [[product, 1]]);

    expect(errorCode(await expectNothingWritten(t, () => t.exec(REVIEW, { id: menengah.id, approve: true }, { token: w.bpbjBontang })))).toBe('FORBIDDEN');
    expect(errorCode(await expectNothingWritten(t, () => t.exec(REVIEW, { id: menengah.id, approve: false }, { token: w.bpbj })))).toBe('BAD_USER_INPUT'); // a rejection needs a reason

    const approved = await t.exec(REVIEW, { id: menengah.id, approve: true, reason: 'Akta koperasi diperiksa' }, { token: w.bpbj });
    expect(approved.data.reviewVendorClassification).toEqual({ isUmkk: true, isKoperasi: true, pendingClassification: null });
    const [decision] = (await t.exec(AUDIT, { p: w.ids.batu, id: menengah.id }, { token: w.bpbj })).data.auditLog;
    expect(decision).toEqual({ action: 'CLASSIFICATION_APPROVED', actorRole: 'BPBJ', reason: 'koperasi tidak → ya; UMK-K tidak → ya. Akta koperasi diperiksa' });

    expect((await t.em().findOneOrFail(Order, before.id)).vendorIsUmkk).toBe(false);
    const [after] = await checkout(t, w, [[product, 1]]);
    expect((await t.em().findOneOrFail(Order, after.id)).vendorIsUmkk).toBe(true);
  });

  it('a rejected request leaves the classification as it was, and a second review has nothing to decide', async () => {
    await t.exec(UPDATE, { id: menengah.id, input: profile({ scale: 'MENENGAH', isKoperasi: true, nib, domicileRegionCode: '35.07', domicileRegionName: 'Kabupaten Malang' }) }, { token: menengah.token });
    const rejected = await t.exec(REVIEW, { id: menengah.id, approve: false, reason: 'Domisili masih di Kota Batu menurut NIB' }, { token: w.bpbj });
    expect(rejected.data.reviewVendorClassification).toEqual({ isUmkk: true, isKoperasi: true, pendingClassification: null });
    expect(errorCode(await expectNothingWritten(t, () => t.exec(REVIEW, { id: menengah.id, approve: true }, { token: w.bpbj })))).toBe('CONFLICT');
  });
});
