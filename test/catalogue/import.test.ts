import { Product } from '../../server/catalogue/product.entity.js';
import { parseProductCsv } from '../../server/catalogue/product-import.js';
import { categoryId, pemdaIds, vendorAccount } from '../support/catalogue.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { expectNothingWritten } from '../support/snapshot.js';

const IMPORT = `mutation($input: ImportProductsInput!) {
  importProducts(input: $input) { applied createdCount failedCount errors { row field message } products { name price status category { code } } }
}`;

const CSV = `name,description,category_code,unit,price,stock,min_order_quantity,image_urls,is_pdn,tkdn_percent
Keripik Apel Original 100 gr,Keripik apel renyah,olahan-apel-keripik,pack,15000,200,10,https://cdn.contoh.id/a.jpg,ya,40.5
"Sari Apel Batu, 12 gelas",Minuman sari apel,olahan-apel-sari,dus,36000,50,1,,ya,
Beras Tanpa Harga,Beras pulen,pangan-beras,karung,,10,1,,tidak,
Dodol Apel Salah Kategori,Dodol,tidak-ada,pack,12000,10,1,http://tidak-aman.id/x.jpg,ya,`;

describe('bulk import of products', () => {
  let t: TestApp;
  let ids: { batu: string; bontang: string };
  let vendor: { id: string; token: string };
  let bpbj: string;

  beforeAll(async () => {
    t = await createTestApp();
    ids = await pemdaIds(t);
    bpbj = await t.login('bpbj@batukota.go.id');
    vendor = await vendorAccount(t, ids.batu, bpbj);
  });
  afterAll(() => t.close());

  const count = () => t.em().count(Product, { vendor: vendor.id });

  it('REJECT_ALL: one bad row rejects the whole file, every error is reported by row and field, nothing is written', async () => {
    const result = await t.exec(IMPORT, { input: { csv: CSV, policy: 'REJECT_ALL' } }, { token: vendor.token });
    expect(result.data.importProducts).toEqual(expect.objectContaining({ applied: false, createdCount: 0, failedCount: 2, products: [] }));
    expect(result.data.importProducts.errors.map((e: any) => [e.row, e.field])).toEqual([
      [3, 'price'],
      [4, 'categoryId'],
      [4, 'imageUrls'],
    ]);
    expect(result.data.importProducts.errors[1].message).toBe('Kode kategori "tidak-ada" tidak ada di katalog ini.');
    expect(await count()).toBe(0);
  });

  it('a check (dryRun) answers the errors and the good rows and writes nothing, whatever the policy', async () => {
    const CHECK = IMPORT.replace('applied createdCount', 'applied validCount createdCount');
    for (const policy of ['REJECT_ALL', 'REJECT_FAILED']) {
      const result = await expectNothingWritten(t, () => t.exec(CHECK, { input: { csv: CSV, policy, dryRun: true } }, { token: vendor.token }));
      expect(result.data.importProducts).toEqual(expect.objectContaining({ applied: false, validCount: 2, createdCount: 0, failedCount: 2, products: [] }));
      expect(result.data.importProducts.errors.map((e: any) => [e.row, e.field])).toEqual([[3, 'price'], [4, 'categoryId'], [4, 'imageUrls']]);
    }
  });

  it('REJECT_FAILED: good rows are imported as drafts, bad rows are reported and skipped', async () => {
    const result = await t.exec(IMPORT, { input: { csv: CSV, policy: 'REJECT_FAILED' } }, { token: vendor.token });
    const out = result.data.importProducts;
    expect(out).toEqual(expect.objectContaining({ applied: true, createdCount: 2, failedCount: 2 }));
    expect(out.products).toEqual([
      { name: 'Keripik Apel Original 100 gr', price: 15000, status: 'DRAFT', category: { code: 'olahan-apel-keripik' } },
      { name: 'Sari Apel Batu, 12 gelas', price: 36000, status: 'DRAFT', category: { code: 'olahan-apel-sari' } },
    ]);
    expect(await count()).toBe(2);
  });

  it('a verified vendor imports a list straight into curation, and BPBJ hears of it once', async () => {
    const PENDING = `{ notifications(first: 100) { kind title link } }`;
    const told = async () => (await t.exec(PENDING, {}, { token: bpbj })).data.notifications.filter((n: any) => n.kind === 'PRODUCT_PENDING');
    const before = await told();
    const beras = await categoryId(t, ids.batu, 'pangan-beras');
    const rows = [1, 2, 3].map((n) => ({ name: `Beras Impor Daftar ${n}`, description: 'Beras lokal', categoryId: beras, unit: 'karung', price: 70000 + n, stock: 5, minOrderQuantity: 1 }));
    const result = await t.exec(IMPORT, { input: { rows, policy: 'REJECT_ALL', submit: true } }, { token: vendor.token });
    expect(result.data.importProducts.products.map((p: any) => p.status)).toEqual(['SUBMITTED', 'SUBMITTED', 'SUBMITTED']);
    const queue = await t.exec(`query($p: ID!) { productCurationQueue(pemdaId: $p, first: 100, order: NEWEST_FIRST) { edges { node { name } } } }`, { p: ids.batu }, { token: bpbj });
    expect(queue.data.productCurationQueue.edges.map((e: any) => e.node.name)).toEqual(expect.arrayContaining(['Beras Impor Daftar 1', 'Beras Impor Daftar 3']));
    const businessName = (await t.exec(`{ me { vendor { businessName } } }`, {}, { token: vendor.token })).data.me.vendor.businessName;
    expect(await told()).toEqual([{ kind: 'PRODUCT_PENDING', title: `3 produk menunggu kurasi dari ${businessName}`, link: '/bpbj/kurasi' }, ...before]);
  });

  it('an unverified vendor may import drafts but not submit them', async () => {
    const pending = await vendorAccount(t, ids.batu, null);
    const result = await t.exec(IMPORT, { input: { csv: CSV, policy: 'REJECT_FAILED', submit: true } }, { token: pending.token });
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect(await t.em().count(Product, { vendor: pending.id })).toBe(0);
  });

  it('only vendors import, and the input must be csv or rows', async () => {
    expect(errorCode(await t.exec(IMPORT, { input: { csv: CSV, policy: 'REJECT_ALL' } }, { token: bpbj }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(IMPORT, { input: { policy: 'REJECT_ALL' } }, { token: vendor.token }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.exec(IMPORT, { input: { csv: 'a;b;c\n1;2;3', policy: 'REJECT_ALL' } }, { token: vendor.token }))).toBe('BAD_USER_INPUT');
  });
});

describe('reading product CSV files', () => {
  it('accepts Indonesian headers, "Rp15.000" prices and yes/no flags', () => {
    const [row] = parseProductCsv('nama;deskripsi;kode_kategori;satuan;harga;stok;minimal_pesan;pdn;tkdn\n'.replace(/;/g, ',') + 'Keripik,Renyah,olahan-keripik,pack,Rp15.000,20,5,ya,"40,25"');
    expect(row).toEqual({ name: 'Keripik', description: 'Renyah', categoryCode: 'olahan-keripik', unit: 'pack', price: 15000, stock: 20, minOrderQuantity: 5, isPdn: true, tkdnPercent: 40.25 });
  });

  it('a price with decimals does not become a whole number', () => {
    const [row] = parseProductCsv('name,price\nA,"15.000,50"');
    expect(Number.isNaN(row.price)).toBe(true);
  });
});
