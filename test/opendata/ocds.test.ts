import { readFileSync } from 'node:fs';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { vendorAccount } from '../support/catalogue.js';
import { CANCEL, checkout, COMPLETE, PAY, purchasingWorld, receiveOrder, REJECT, SUBMIT, type World } from '../support/purchasing.js';

const schema = (name: string) => JSON.parse(readFileSync(new URL(`./ocds-schema/${name}`, import.meta.url), 'utf8'));
const ajv = new (Ajv04 as unknown as typeof Ajv04.default)({ strict: false, allErrors: true });
(addFormats as unknown as typeof addFormats.default)(ajv);
ajv.addSchema(schema('release-schema.json')); // its id is the URL the package schema refers to
const validatePackage = ajv.compile(schema('release-package-schema.json'));

const RELEASES = `query($p: ID!, $from: String, $to: String, $after: String, $first: Int) {
  ocdsReleases(pemdaId: $p, from: $from, to: $to, after: $after, first: $first) { releasePackage releaseCount nextCursor } }`;

describe('open data: catalogue purchases as an OCDS 1.1 release package', () => {
  let t: TestApp;
  let w: World;
  const orders: Record<string, string> = {};

  /** Every page, following nextCursor; each page validated against the official schema. */
  async function allReleases(variables: Record<string, unknown> = {}): Promise<any[]> {
    const releases: any[] = [];
    let after: string | null = null;
    do {
      const result: any = await t.exec(RELEASES, { p: w.ids.batu, first: 3, ...variables, after });
      expect(result.errors).toBeUndefined();
      const pkg: any = JSON.parse(result.data.ocdsReleases.releasePackage);
      if (!validatePackage(structuredClone(pkg))) throw new Error(JSON.stringify(validatePackage.errors, null, 2));
      releases.push(...pkg.releases);
      after = result.data.ocdsReleases.nextCursor;
    } while (after);
    return releases;
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await purchasingWorld(t);
    const medium = await vendorAccount(t, w.ids.batu, w.bpbj, { scale: 'MENENGAH', businessName: 'CV Menengah Sejahtera' });
    const koperasi = await vendorAccount(t, w.ids.batu, w.bpbj, { scale: 'MENENGAH', isKoperasi: true, businessName: 'Koperasi Tani Makmur' });
    const micro = await w.product(w.vendorA, { name: 'Beras Mikro', price: 200_000 });
    const mid = await w.product(medium, { name: 'Beras Menengah', price: 700_000 });
    const kop = await w.product(koperasi, { name: 'Beras Koperasi', price: 250_000 });
    const tokens = (vendor: string) => ({ pp: w.pp, ppk: w.ppk, vendor });

    [{ id: orders.micro }] = await checkout(t, w, [[micro, 3]]); // Rp600.000, micro: UMK-K
    await receiveOrder(t, tokens(w.vendorA.token), orders.micro, '2026-02-10');
    await t.exec(PAY, { id: orders.micro, input: { method: 'TRANSFER', amount: 600_000, paidOn: '2026-02-20' } }, { token: w.pp });
    await t.exec(COMPLETE, { id: orders.micro }, { token: w.pp });
    [{ id: orders.medium }] = await checkout(t, w, [[mid, 2]]); // Rp1.400.000, usaha menengah: not UMK-K
    await receiveOrder(t, tokens(medium.token), orders.medium, '2026-02-12');
    [{ id: orders.koperasi }] = await checkout(t, w, [[kop, 2]]); // Rp500.000, a koperasi of medium scale: UMK-K
    await receiveOrder(t, tokens(koperasi.token), orders.koperasi, '2026-02-20');

    [{ id: orders.rejected }] = await checkout(t, w, [[micro, 1]]);
    await t.exec(SUBMIT, { id: orders.rejected }, { token: w.pp });
    await t.exec(REJECT, { id: orders.rejected, reason: 'Stok beras sedang kosong' }, { token: w.vendorA.token });
    [{ id: orders.cancelled }] = await checkout(t, w, [[micro, 1]]);
    // Submitted at 00:30 WIB on 1 March, which is still 28 February in UTC.
    t.clock.current = new Date('2026-02-28T17:30:00Z');
    await t.exec(SUBMIT, { id: orders.cancelled }, { token: w.pp });
    t.clock.current = new Date('2026-03-02T03:00:00Z');
    await t.exec(CANCEL, { id: orders.cancelled, reason: 'Kebutuhan dibatalkan' }, { token: w.pp });
    [{ id: orders.draft }] = await checkout(t, w, [[micro, 1]]); // never submitted: a PP's basket, not published
  }, 180_000);
  afterAll(() => t.close());

  it('publishes one release per order and state change, each page valid against the OCDS 1.1 schemas', async () => {
    const releases = await allReleases();
    const code = async (id: string) => (await t.exec(`query($id: ID!) { order(id: $id) { code } }`, { id }, { token: w.bpbj })).data.order.code;
    const steps = async (id: string) => {
      const ocid = `katalog-lokal-35.79-${await code(id)}`;
      return releases.filter((r) => r.ocid === ocid).map((r) => r.tag.join('+'));
    };
    expect(await steps(orders.micro)).toEqual(['tender', 'award+contract', 'implementation', 'implementation', 'implementation']);
    expect(await steps(orders.medium)).toEqual(['tender', 'award+contract', 'implementation']);
    expect(await steps(orders.rejected)).toEqual(['tender', 'tenderUpdate']);
    expect(await steps(orders.cancelled)).toEqual(['tender', 'tenderCancellation']);
    expect(await steps(orders.draft)).toEqual([]);
    expect(releases).toHaveLength(5 + 3 + 3 + 2 + 2);
    expect(new Set(releases.map((r) => r.id)).size).toBe(releases.length);
    // Oldest first, so a reader can replay the year.
    expect(releases.map((r) => r.date)).toEqual([...releases.map((r) => r.date)].sort());

    const microCode = await code(orders.micro);
    const micro = releases.filter((r) => r.ocid.endsWith(`-${microCode}`));
    expect(micro[0].tender).toEqual(expect.objectContaining({
      status: 'active', procurementMethod: 'direct', value: { amount: 600_000, currency: 'IDR' },
      procuringEntity: { id: 'OPD-35.79-1.02.01', name: expect.stringContaining('Kesehatan') },
      items: [expect.objectContaining({ description: 'Beras Mikro', quantity: 3, unit: { name: 'pack', value: { amount: 200_000, currency: 'IDR' } } })],
    }));
    expect(micro[2].contracts[0].implementation.milestones[0]).toEqual(expect.objectContaining({ type: 'delivery', status: 'met', dateMet: '2026-02-09T17:00:00.000Z' }));
    expect(micro[3].contracts[0].implementation.transactions[0]).toEqual(expect.objectContaining({ date: '2026-02-19T17:00:00.000Z', value: { amount: 600_000, currency: 'IDR' } }));
    expect(micro[4].contracts[0].status).toBe('terminated');
    // The validator is live: a method outside OCDS's closed codelist fails it.
    expect(validatePackage({ version: '1.1', releases: [{ ...micro[0], tender: { ...micro[0].tender, procurementMethod: 'e-katalog' } }] })).toBe(false);
    const supplier = micro[0].parties.find((p: any) => p.roles.includes('supplier'));
    expect(supplier.details).toEqual({ scale: 'micro', classifications: [expect.objectContaining({ id: 'UMKK' }), expect.objectContaining({ id: 'LOKAL' })] });
  });

  it('lets anyone recompute the UMK-K share: (600.000 + 500.000) / 2.500.000 = 44%, as the recap says', async () => {
    const releases = await allReleases();
    // The rule a reader applies: each order's delivery (BAST) release, at the contract's value received; the supplier
    // counts as UMK-K when it carries the UMKK classification.
    let total = 0;
    let umkk = 0;
    for (const r of releases.filter((r) => r.contracts?.[0]?.implementation?.milestones)) {
      const supplier = r.parties.find((p: any) => p.roles.includes('supplier'));
      total += r.contracts[0].value.amount;
      if (supplier.details.classifications?.some((c: any) => c.id === 'UMKK')) umkk += r.contracts[0].value.amount;
    }
    expect([umkk, total]).toEqual([1_100_000, 2_500_000]);
    const scales = releases.filter((r) => r.tag.includes('tender')).map((r) => r.parties[1].details.scale);
    expect(new Set(scales)).toEqual(new Set(['micro', 'medium'])); // the koperasi is medium by scale, UMK-K by law
    const recap = await t.exec(`query($p: ID!) { spendRecap(pemdaId: $p, period: { year: 2026, month: 2 }) { opds { opd { code } realisedUmkk realisedTotal umkkShareOfRealised } } }`, { p: w.ids.batu }, { token: w.bpbj });
    const dinkes = recap.data.spendRecap.opds.find((o: any) => o.opd.code === '1.02.01');
    expect(dinkes).toEqual(expect.objectContaining({ realisedUmkk: umkk, realisedTotal: total, umkkShareOfRealised: 44 }));
  });

  it('holds no personal data: no owner, officer, NPWP, phone, e-mail or street address', async () => {
    const text = JSON.stringify(await allReleases());
    for (const secret of ['Sri Lestari', '01.234.567.8-901.000', '0812-3456-7890', '@', 'Jl. Raya Junrejo', 'Panglima Sudirman', 'rahasia']) expect(text).not.toContain(secret);
  });

  it('filters by local date in the Pemda\'s time zone and pages without loss or repetition', async () => {
    const all = await allReleases({ first: 500 });
    const february = await allReleases({ from: '2026-02-01', to: '2026-02-28' });
    const march = await allReleases({ from: '2026-03-01' });
    expect([...february, ...march].map((r) => r.id).sort()).toEqual(all.map((r) => r.id).sort());
    // Submitted at 00:30 WIB on 1 March (28 February in UTC): a March release.
    const cancelledTender = all.find((r) => r.tag[0] === 'tender' && r.date === '2026-02-28T17:30:00.000Z');
    expect(march.map((r) => r.id)).toContain(cancelledTender.id);
    expect(february.map((r) => r.id)).not.toContain(cancelledTender.id);
  });

  it('refuses a bad page, date or cursor with a clear error, and an unknown Pemda with NOT_FOUND', async () => {
    const ask = (variables: Record<string, unknown>) => t.exec(RELEASES, { p: w.ids.batu, ...variables });
    expect(errorCode(await ask({ first: 0 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await ask({ first: 501 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await ask({ from: '2026-02-30' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await ask({ from: '2026-03-01', to: '2026-02-01' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await ask({ after: 'bukan-kursor' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await ask({ after: Buffer.from('["x", 1, "y"]').toString('base64url') }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.exec(RELEASES, { p: '00000000-0000-4000-8000-000000000000' }))).toBe('NOT_FOUND');
  });

  it('costs the same few statements for a page of 100 releases as for a page of 3', async () => {
    const statements = async (first: number) => {
      t.queries.length = 0;
      await t.exec(RELEASES, { p: w.ids.batu, first });
      return t.queries.length;
    };
    expect(await statements(100)).toBe(await statements(3));
  });
});
