import { createTestApp, type TestApp } from '../support/harness.js';

/**
 * The demo catalogue reads as a real one to a BPBJ officer: a vendor sells what its name says, and lists each of its
 * goods once. The trades below are the spec, written out here rather than read from the generator.
 */
describe('the demo catalogue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ catalogue: true });
  });
  afterAll(() => t.close());

  const sql = <T>(text: string) => t.em().getConnection().execute<T[]>(text);

  it('gives each vendor the goods of its trade: no katering sells fertiliser, no percetakan sells rice', async () => {
    const rows = await sql<{ business_name: string; code: string }>(
      `select distinct v.business_name, c.code from product p join vendor v on v.id = p.vendor_id join category c on c.id = p.category_id`,
    );
    const trades: [RegExp, RegExp][] = [
      [/ Katering /, /^mamin-/],
      [/ Percetakan /, /^cetak-/],
      [/ Tani /, /^tani-/],
      [/ Batik /, /^sandang-/],
      [/ Kerajinan /, /^suvenir-/],
      [/ Kopi /, /^olahan-(kopi-teh|kue)$/],
      [/ Keripik (?!Apel Bu Sri)/, /^olahan-(apel-)?keripik$/],
      [/Bu Sri$/, /^olahan-apel-/], // the flagship: apple keripik, juice and dodol
      [/ Amplang (?!Bu Rusmini)/, /^olahan-(laut-amplang|keripik)$/],
      [/ Ikan Asin /, /^olahan-laut-(ikan-kering|terasi)$/],
      [/Bu Rusmini$/, /^olahan-laut-/], // Bontang's flagship: amplang, dried fish and terasi
    ];
    for (const [name, goods] of trades) {
      const vendors = rows.filter((r) => name.test(r.business_name));
      expect(vendors.length).toBeGreaterThan(0);
      expect(vendors.filter((r) => !goods.test(r.code))).toEqual([]);
    }
    // A shop with a general name keeps to one kind: staples, office supplies and cleaning, or oleh-oleh.
    const general = new Map<string, Set<string>>();
    for (const r of rows.filter((r) => /^\S+ (Berkah|Makmur|Sejahtera|Barokah|Mandiri|Lestari|Sumber Rejeki) /.test(r.business_name))) {
      general.set(r.business_name, (general.get(r.business_name) ?? new Set()).add(r.code.replace(/-.*/, '')));
    }
    const kinds = [['pangan', 'mamin'], ['atk', 'kebersihan'], ['olahan', 'suvenir']];
    expect(general.size).toBeGreaterThan(10);
    for (const [vendor, groups] of general) expect([vendor, kinds.some((kind) => [...groups].every((g) => kind.includes(g)))]).toEqual([vendor, true]);
    // Every leaf category still has goods from several vendors, so a buyer finds choice and prices can be compared.
    const thin = await sql<{ code: string }>(
      `select c.code from category c left join product p on p.category_id = c.id and p.status = 'PUBLISHED'
       where c.pemda_id = (select id from pemda where name = 'Pemerintah Kota Batu') and not exists (select 1 from category k where k.parent_id = c.id)
       group by c.code having count(distinct p.vendor_id) < 5`,
    );
    expect(thin).toEqual([]);
  });

  it("gives Kota Bontang a catalogue of its own: its seafood, its places, its bank, none of Kota Batu's apples", async () => {
    const specialties = await sql<{ pemda: string; code: string }>(
      `select p.name as pemda, c.code from category c join pemda p on p.id = c.pemda_id where c.code in ('olahan-apel', 'olahan-laut') order by 1`,
    );
    expect(specialties).toEqual([{ pemda: 'Pemerintah Kota Batu', code: 'olahan-apel' }, { pemda: 'Pemerintah Kota Bontang', code: 'olahan-laut' }]);

    const bontang = await sql<{ business_name: string; address: string; bank_name: string; product: string }>(
      `select v.business_name, v.address, v.bank_name, p.name as product from vendor v join pemda d on d.id = v.pemda_id
         join product p on p.vendor_id = v.id where d.name = 'Pemerintah Kota Bontang'`,
    );
    expect(bontang.length).toBeGreaterThan(100);
    const batuWords = /apel|batu\b|arjuno|panderman|manalagi|songgoriti|bumiaji|junrejo|punten|jatim/i;
    expect(bontang.filter((r) => batuWords.test(`${r.business_name} ${r.address} ${r.bank_name} ${r.product}`))).toEqual([]);
    expect(bontang.filter((r) => /^(Amplang|Kerupuk|Ikan Asin|Abon Ikan|Terasi|Petis|Sambal Terasi) /.test(r.product)).length).toBeGreaterThan(10);
    expect(new Set(bontang.filter((r) => r.bank_name !== null).map((r) => r.bank_name))).toEqual(new Set(['Bankaltimtara']));

    // Its flagship vendor signs in like Bu Sri does, and sells amplang.
    const token = await t.login('amplang@umkm-bontang.id');
    const me = await t.exec(`{ me { vendor { businessName isLocal isUmkk } } }`, {}, { token });
    expect(me.data.me.vendor).toEqual({ businessName: 'UD Amplang Bu Rusmini', isLocal: true, isUmkk: true });
  });

  it('lists each product of a vendor once', async () => {
    expect(await sql(`select vendor_id, name from product group by vendor_id, name having count(*) > 1`)).toEqual([]);
  });

  it("names no two ASN of one OPD alike, as a kepala OPD reading the office's list would expect", async () => {
    expect(Number((await sql<{ n: string }>(`select count(*) as n from asn`))[0].n)).toBeGreaterThan(300);
    expect(await sql(`select opd_id, name from asn group by opd_id, name having count(*) > 1`)).toEqual([]);
  });

  it("dates the demo ASN's catalogue purchases as they happened: ordered before the hand-over, the open one lately", async () => {
    // They read "7 Desember" beside reports of purchases made on 10 and 11 November: placed the moment the demo was made.
    // Instants as text and read back, alike from PGlite (which answers Dates) and the server PostgreSQL (strings).
    const orders = (await sql<{ status: string; placed: string; completed: string | null; purchased: string | null }>(
      `select o.status, o.created_at::text as placed, o.completed_at::text as completed, min(r.purchased_on)::text as purchased
         from asn_order o left join asn_purchase_report r on r.order_id = o.id group by o.id order by o.created_at`))
      .map((o) => ({ ...o, placed: new Date(o.placed), completed: o.completed ? new Date(o.completed) : null }));
    expect(orders.map((o) => o.status)).toEqual(['COMPLETED', 'COMPLETED', 'PLACED']);
    for (const o of orders.slice(0, 2)) {
      expect(o.placed.getTime()).toBeLessThan(o.completed!.getTime());
      expect(o.placed.toISOString().slice(0, 10) <= o.purchased!).toBe(true);
    }
    const open = orders[2].placed.getTime();
    expect(Date.now() - open).toBeGreaterThan(0);
    expect(Date.now() - open).toBeLessThan(3 * 86_400_000);
  });
});
