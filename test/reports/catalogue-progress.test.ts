import { pemdaIds } from '../support/catalogue.js';
import { pdfPages, sheetValues, xlsxBook } from '../support/files.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';

describe('the catalogue progress report', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ catalogue: true });
  });
  afterAll(() => t.close());

  const EXPORT = `query($p: ID!, $f: ExportFormat!) { exportCatalogueProgress(pemdaId: $p, format: $f) { filename base64 } }`;

  it('counts vendors and products by status in Indonesian, with totals, as the tables hold them', async () => {
    const { batu } = await pemdaIds(t);
    const bpbj = await t.login('bpbj@batukota.go.id');
    const book = await xlsxBook((await t.exec(EXPORT, { p: batu, f: 'XLSX' }, { token: bpbj })).data.exportCatalogueProgress);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Capaian', 'Penyedia per status', 'Produk per status']);
    const products = sheetValues(book.worksheets[2]);
    const counted = await t.em().getConnection().execute<{ status: string; n: number }[]>(
      `select status, count(*)::int as n from product where pemda_id = ? group by status`, [batu]);
    const published = counted.find((c) => c.status === 'PUBLISHED')!.n;
    expect(products.find((r) => r[0] === 'Tayang')?.[1]).toBe(published);
    expect(products.find((r) => r[0] === 'Jumlah')?.[1]).toBe(counted.reduce((a, c) => a + c.n, 0));
    expect(products.flat()).not.toContain('PUBLISHED');
    const pdf = (await pdfPages((await t.exec(EXPORT, { p: batu, f: 'PDF' }, { token: bpbj })).data.exportCatalogueProgress)).join('\n');
    expect(pdf).toContain('Capaian Katalog Lokal');
    expect(pdf).toContain('Penyedia lokal UMK-K terverifikasi');
  });

  it('is BPBJ\'s own: a PP and another Pemda\'s BPBJ are refused', async () => {
    const { batu } = await pemdaIds(t);
    expect(errorCode(await t.exec(EXPORT, { p: batu, f: 'XLSX' }, { token: await t.login('pp.dinkes@batukota.go.id') }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(EXPORT, { p: batu, f: 'XLSX' }, { token: await t.login('bpbj@bontangkota.go.id') }))).toBe('FORBIDDEN');
  });
});
