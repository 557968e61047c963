import { createHash } from 'node:crypto';
import { OrderDocument, OrderDocumentKind } from '../../server/documents/order-document.entity.js';
import { orderDocumentPdf } from '../../server/documents/order-document-pdf.js';
import { documentData } from '../../server/documents/order-documents.js';
import { Order } from '../../server/purchasing/order.entity.js';
import { Vendor } from '../../server/vendor/vendor.entity.js';
import { fileBytes, pdfPages } from '../support/files.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { ACCEPT, checkout, purchasingWorld, RECEIVE, SET_SHIPPING, SHIP, SUBMIT, type World } from '../support/purchasing.js';
import { expectNothingWritten } from '../support/snapshot.js';

const DOCUMENTS = `query($o: ID!) { orderDocuments(orderId: $o) { id kind number year sequence issuedAt sha256 replacesNumber reason } }`;
const FILE = `query($id: ID!) { orderDocumentFile(id: $id) { filename contentType base64 } }`;
const REISSUE = `mutation($o: ID!, $k: OrderDocumentKind!, $r: String!) { reissueOrderDocument(orderId: $o, kind: $k, reason: $r) { number replacesNumber reason } }`;

describe('surat pesanan and BAST: numbered, read back, hashed, never rewritten', () => {
  let t: TestApp;
  let w: World;
  let orderId: string;
  let vendor: Vendor;
  const run = async (query: string, vars: Record<string, unknown>, token: string) => {
    const result = await t.exec(query, vars, { token });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data;
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await purchasingWorld(t);
    vendor = await t.em().findOneOrFail(Vendor, w.vendorA.id);
    // Three packs at Rp40.000 and Rp3.000 shipping: Rp123.000.
    const product = await w.product(w.vendorA, { name: 'Keripik Apel Manalagi 250 gr', price: 40_000, unit: 'pack' });
    [{ id: orderId }] = await checkout(t, w, [[product, 3]], { rupCode: '45123678' });
    await run(SET_SHIPPING, { id: orderId, shippingCost: 3_000 }, w.pp);
    await run(SUBMIT, { id: orderId }, w.pp);
  });
  afterAll(() => t.close());

  it('the vendor\'s acceptance issues surat pesanan SP/001/DINKES/2026 with the parties, lines, total and the amount in words', async () => {
    expect((await run(DOCUMENTS, { o: orderId }, w.pp)).orderDocuments).toEqual([]);
    await run(ACCEPT, { id: orderId }, w.vendorA.token);
    const [letter] = (await run(DOCUMENTS, { o: orderId }, w.pp)).orderDocuments;
    expect(letter).toMatchObject({ kind: 'SURAT_PESANAN', number: 'SP/001/DINKES/2026', year: 2026, sequence: 1, replacesNumber: null });
    const file = (await run(FILE, { id: letter.id }, w.pp)).orderDocumentFile;
    expect(file).toMatchObject({ filename: 'SP-001-DINKES-2026.pdf', contentType: 'application/pdf' });
    expect(createHash('sha256').update(fileBytes(file)).digest('hex')).toBe(letter.sha256);
    const text = (await pdfPages(file)).join('\n');
    for (const expected of [
      'PEMERINTAH KOTA BATU', 'DINAS KESEHATAN', 'SURAT PESANAN', 'Nomor: SP/001/DINKES/2026',
      vendor.businessName, `: ${vendor.nib}`, vendor.ownerName, 'Keripik Apel Manalagi 250 gr', 'Rp40.000', 'Rp120.000', 'Rp3.000', 'Rp123.000',
      'Seratus dua puluh tiga ribu rupiah.', 'Kode RUP : 45123678', 'Batu, 2 Maret 2026', 'Pemesan,', 'Pejabat Pengadaan',
    ]) expect(text).toContain(expected);
  });

  it('receipt issues BAST/001/DINKES/2026 for what arrived, dated in words, naming the surat pesanan', async () => {
    await run(SHIP, { id: orderId, deliveryReference: 'SJ-0042' }, w.vendorA.token);
    await run(RECEIVE, { id: orderId, input: { bastNumber: '027/BAST/DINKES/III/2026', bastDate: '2026-03-02' } }, w.pp);
    const [, bast] = (await run(DOCUMENTS, { o: orderId }, w.vendorA.token)).orderDocuments;
    expect(bast).toMatchObject({ kind: 'BAST', number: 'BAST/001/DINKES/2026', sequence: 1 });
    const text = (await pdfPages((await run(FILE, { id: bast.id }, w.vendorA.token)).orderDocumentFile)).join('\n');
    for (const expected of [
      'BERITA ACARA SERAH TERIMA BARANG', 'Nomor: BAST/001/DINKES/2026', 'Senin tanggal dua bulan Maret tahun dua ribu dua puluh enam (2 Maret 2026)',
      'PIHAK PERTAMA', 'PIHAK KEDUA', 'Surat pesanan : SP/001/DINKES/2026', 'Nomor BAST OPD : 027/BAST/DINKES/III/2026', 'SJ-0042',
      'Rp123.000', 'Seratus dua puluh tiga ribu rupiah.',
    ]) expect(text).toContain(expected);
  });

  it('the same order gives the same bytes: rendering the surat pesanan again matches the hash on record', async () => {
    const stored = await t.em().findOneOrFail(OrderDocument, { order: orderId, kind: OrderDocumentKind.SURAT_PESANAN }, { populate: ['content'] });
    const order = await t.em().findOneOrFail(Order, orderId);
    const again = await orderDocumentPdf(await documentData(t.em(), order, OrderDocumentKind.SURAT_PESANAN, { number: stored.number, issuedAt: stored.issuedAt, signerId: stored.signedBy.id }));
    expect(createHash('sha256').update(again).digest('hex')).toBe(stored.sha256);
    expect(Buffer.compare(again, Buffer.from(stored.content))).toBe(0);
  });

  it('an issued document cannot be rewritten or deleted, by any path', async () => {
    const connection = t.em().getConnection();
    await expect(connection.execute(`update order_document set number = 'SP/999/DINKES/2026' where order_id = ?`, [orderId])).rejects.toThrow(/issued once/);
    await expect(connection.execute(`delete from order_document where order_id = ?`, [orderId])).rejects.toThrow(/issued once/);
  });

  it('a reissue takes the next number and names the one it replaces, which stays as it was', async () => {
    const [before] = (await run(DOCUMENTS, { o: orderId }, w.pp)).orderDocuments;
    const reissued = (await run(REISSUE, { o: orderId, k: 'SURAT_PESANAN', r: 'Alamat penyedia diperbarui' }, w.pp)).reissueOrderDocument;
    expect(reissued).toEqual({ number: 'SP/002/DINKES/2026', replacesNumber: 'SP/001/DINKES/2026', reason: 'Alamat penyedia diperbarui' });
    const documents = (await run(DOCUMENTS, { o: orderId }, w.bpbj)).orderDocuments;
    expect(documents.map((d: { number: string }) => d.number)).toEqual(['SP/001/DINKES/2026', 'BAST/001/DINKES/2026', 'SP/002/DINKES/2026']);
    expect(documents[0]).toEqual(before);
    const text = (await pdfPages((await run(FILE, { id: documents[2].id }, w.pp)).orderDocumentFile)).join('\n');
    expect(text).toContain('Menggantikan SP/001/DINKES/2026: Alamat penyedia diperbarui');
  });

  it('only the order\'s parties and its BPBJ read the documents; refusals write nothing', async () => {
    const [letter] = (await run(DOCUMENTS, { o: orderId }, w.pp)).orderDocuments;
    for (const token of [w.vendorB.token, w.ppOther, w.bpbjBontang]) {
      expect(errorCode(await t.exec(DOCUMENTS, { o: orderId }, { token }))).toBe('NOT_FOUND');
      expect(errorCode(await t.exec(FILE, { id: letter.id }, { token }))).toBe('NOT_FOUND');
    }
    expect(errorCode(await t.exec(FILE, { id: letter.id }))).toBe('UNAUTHENTICATED');
    await expectNothingWritten(t, async () => {
      expect(errorCode(await t.exec(REISSUE, { o: orderId, k: 'SURAT_PESANAN', r: 'Penyedia ingin nomor baru' }, { token: w.vendorA.token }))).toBe('FORBIDDEN');
      expect(errorCode(await t.exec(REISSUE, { o: orderId, k: 'SURAT_PESANAN', r: '' }, { token: w.pp }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.exec(REISSUE, { o: orderId, k: 'SURAT_PESANAN', r: 'OPD lain mencoba' }, { token: w.ppOther }))).toBe('NOT_FOUND');
    });
  });

  it('BPBJ numbers documents in its own pattern; a pattern that cannot be unique is refused', async () => {
    const SET = `mutation($id: ID!, $p: String!) { setDocumentNumberPattern(id: $id, pattern: $p) { documentNumberPattern } }`;
    await expectNothingWritten(t, async () => {
      expect(errorCode(await t.exec(SET, { id: w.ids.batu, p: 'SP/{OPD}/{TAHUN}' }, { token: w.bpbj }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.exec(SET, { id: w.ids.batu, p: '{JENIS}/{NOMOR}/{SQL}/{TAHUN}' }, { token: w.bpbj }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.exec(SET, { id: w.ids.batu, p: '{JENIS}/{NOMOR}/{TAHUN}' }, { token: w.bpbjBontang }))).toBe('FORBIDDEN');
    });
    await run(SET, { id: w.ids.batu, p: '027/{JENIS}-{NOMOR}/{OPD}/{BULAN}/{TAHUN}' }, w.bpbj);
    const product = await w.product(w.vendorA, { name: 'Sirup Apel 500 ml', price: 30_000 });
    const [{ id }] = await checkout(t, w, [[product, 1]]);
    await run(SUBMIT, { id }, w.pp);
    await run(ACCEPT, { id }, w.vendorA.token);
    const [letter] = (await run(DOCUMENTS, { o: id }, w.pp)).orderDocuments;
    expect(letter.number).toBe('027/SP-003/DINKES/III/2026'); // the Pemda's third surat pesanan of 2026
    // Received at the same instant it was accepted (the clock stands still here): the surat pesanan still comes first,
    // though the BAST's running number (2) is lower than its own (3), and the BAST names it.
    await run(SHIP, { id, deliveryReference: 'SJ-0043' }, w.vendorA.token);
    await run(RECEIVE, { id, input: { bastNumber: '028/BAST/DINKES/III/2026', bastDate: '2026-03-02' } }, w.pp);
    const both = (await run(DOCUMENTS, { o: id }, w.pp)).orderDocuments;
    expect(both.map((d: { number: string }) => d.number)).toEqual(['027/SP-003/DINKES/III/2026', '027/BAST-002/DINKES/III/2026']);
    expect((await pdfPages((await run(FILE, { id: both[1].id }, w.pp)).orderDocumentFile)).join('\n')).toContain('Surat pesanan : 027/SP-003/DINKES/III/2026');
  });
});
