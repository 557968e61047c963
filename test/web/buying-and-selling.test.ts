/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { browserAvailable, expectBasics, expectNotice, shot, signIn, startWebWorld, type WebWorld } from './browser.js';
import { photo } from '../support/images.js';

const run = browserAvailable() ? describe : describe.skip;
const PHONE = { width: 390, height: 844 };
const PRODUCT = 'Keripik Apel Manalagi Kemasan Hantaran';

/**
 * A day in Kota Batu, in the browser only: an UMKM registers on a phone and lists a product; BPBJ verifies it and
 * publishes the product; a PP finds it with a typo and orders above the Rp200 juta approval line; the PPK approves;
 * the vendor accepts and ships; the PP receives and pays; the BPBJ dashboard moves by the order's value.
 */
run('a PP buys from an UMKM in the browser, every step on the record', () => {
  let w: WebWorld;
  let batu: string;
  let bpbjToken: string;
  let vendorPage: Page;
  let ppPage: Page;
  let orderUrl: string;
  let umkkBefore: number;

  const orderStatus = (page: Page) => page.getByTestId('order-status').textContent();
  const recap = async () => (await w.graphql(`query($p: ID!, $y: Int!) { spendRecap(pemdaId: $p, period: { year: $y, yearToDate: true }) { pemda { realisedUmkk } } }`, { p: batu, y: new Date().getFullYear() }, bpbjToken)).spendRecap.pemda.realisedUmkk as number;

  beforeAll(async () => {
    w = await startWebWorld();
    batu = (await w.graphql(`{ pemdas { id name } }`)).pemdas.find((p: any) => p.name.includes('Batu')).id;
    bpbjToken = await w.login('bpbj@batukota.go.id');
    umkkBefore = await recap();
  }, 240_000);
  afterAll(() => w?.close());

  it('an UMKM registers on a phone: a wrong NIB is refused beside the field, then it signs in and waits for BPBJ', async () => {
    vendorPage = await w.page(PHONE);
    await vendorPage.goto(`${w.base}/daftar`);
    await expectBasics(vendorPage, /Daftar penyedia/);
    await vendorPage.getByLabel('Pemerintah daerah').selectOption({ label: 'Pemerintah Kota Batu' });
    await vendorPage.getByLabel('Nama usaha').fill('UD Apel Manalagi Bu Ning');
    await vendorPage.getByLabel('Nama pemilik').fill('Ningsih Rahayu');
    await vendorPage.getByLabel('NIB (13 digit)').fill('12345');
    await vendorPage.getByLabel('NPWP').fill('01.234.567.8-901.000');
    await vendorPage.getByLabel('Kecamatan').fill('Bumiaji');
    await vendorPage.getByLabel('Alamat usaha').fill('Jl. Raya Bumiaji No. 12, Kota Batu');
    await vendorPage.getByLabel('Nomor telepon / WhatsApp').fill('0812-3456-7890');
    await vendorPage.getByLabel('Email untuk masuk').fill('bu.ning@apelmanalagi.id');
    await vendorPage.getByLabel(/^Kata sandi/).fill('Panen-Raya#2026');
    await vendorPage.getByRole('button', { name: 'Daftar' }).click();
    // The message sits beside the field it is about, and the field says so to a screen reader.
    const nib = vendorPage.getByLabel(/^NIB/);
    await vendorPage.locator('#nib-error').waitFor();
    expect(await vendorPage.locator('#nib-error').textContent()).toBe('NIB harus 13 digit angka.');
    expect(await nib.getAttribute('aria-invalid')).toBe('true');
    expect(await nib.getAttribute('aria-describedby')).toBe('nib-error');
    await shot(vendorPage, 'vendor-register-phone');

    await vendorPage.getByLabel(/^NIB/).fill('9120301234567');
    await vendorPage.getByRole('button', { name: 'Daftar' }).click();
    await vendorPage.waitForURL(/\/masuk\?terdaftar=1/, { timeout: 15_000 }).catch(async () => {
      throw new Error(`not registered: ${await vendorPage.locator('.error').allTextContents()}`);
    });
    await signIn(w, vendorPage, 'bu.ning@apelmanalagi.id', 'Panen-Raya#2026');
    await vendorPage.getByTestId('vendor-status').waitFor();
    expect(await vendorPage.getByTestId('vendor-status').textContent()).toContain('Menunggu verifikasi');
    // The NIB from OSS, scanned to PDF, for BPBJ to match against the number.
    await vendorPage.getByLabel('Unggah pindaian NIB').setInputFiles({ name: 'nib.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% NIB 9120301234567\ntrailer <<>>\n%%EOF\n') });
    await expectNotice(vendorPage, 'Pindaian NIB tersimpan');
    await vendorPage.getByTestId('document-NIB').filter({ hasText: 'terunggah' }).waitFor();
    expect(await vendorPage.getByTestId('document-NPWP').textContent()).toContain('belum diunggah');
  });

  it('lists a product with a photo from the phone while it waits: a draft, which it cannot put up for curation yet', async () => {
    await vendorPage.getByLabel('Nama produk').fill(PRODUCT);
    // A 3000 px photo straight from the camera: the API stores it upright, at most 1600 px wide, as a JPEG.
    await vendorPage.getByLabel(/^Tambah foto/).setInputFiles({ name: 'IMG_0412.png', mimeType: 'image/png', buffer: await photo('keripik-hantaran', { width: 3000, height: 2000 }) });
    const preview = vendorPage.getByRole('img', { name: 'Foto 1' });
    await preview.waitFor();
    const stored = await vendorPage.request.get(`${w.base}${await preview.getAttribute('src')}`);
    expect(stored.headers()['content-type']).toBe('image/jpeg');
    expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
    await vendorPage.getByLabel('Kategori').selectOption({ label: 'Produk Olahan Apel › Keripik Apel' });
    await vendorPage.getByLabel('Deskripsi').fill('Keripik apel manalagi Batu tanpa pengawet, 250 g per kemasan, kotak hantaran.');
    await vendorPage.getByLabel(/^Satuan/).fill('kotak');
    await vendorPage.getByLabel(/^Harga per satuan/).fill('2.100.000');
    await vendorPage.getByLabel('Stok').fill('500');
    await vendorPage.getByLabel(/^Nilai TKDN/).fill('45,5'); // as the certificate writes it
    await vendorPage.getByRole('button', { name: 'Simpan sebagai draf' }).click();
    await expectNotice(vendorPage, 'disimpan sebagai draf');
    const product = vendorPage.getByTestId('vendor-product').filter({ hasText: PRODUCT });
    expect(await product.textContent()).toContain('Rp2.100.000 / kotak');
    expect(await product.textContent()).toContain('Draf');
    expect(await product.getByRole('button', { name: 'Ajukan' }).count()).toBe(0);
    expect(await product.locator('img.thumb').getAttribute('src')).toMatch(/^\/uploads\/[0-9a-f-]{36}$/);

    // A draft changes freely: the stock was a slip of the thumb.
    await product.getByRole('button', { name: 'Ubah' }).click();
    await product.getByLabel('Stok').fill('450');
    await product.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expectNotice(vendorPage, 'Perubahan disimpan.');
    await product.filter({ hasText: 'stok 450' }).waitFor();
    await expectBasics(vendorPage, /Usaha & produk/);
  });

  it('imports more products from a spreadsheet: the template, a check that lists the bad row and writes nothing, then the clean file as drafts', async () => {
    const vendorToken = await w.login('bu.ning@apelmanalagi.id', 'Panen-Raya#2026');
    const vendorId = (await w.graphql(`{ me { vendor { id } } }`, {}, vendorToken)).me.vendor.id as string;
    const names = async () => (await w.graphql(`query($v: ID!, $p: ID!) { products(pemdaId: $p, filter: { vendorId: $v, status: [DRAFT] }, first: 100) { edges { node { name price status } } } }`, { v: vendorId, p: batu }, vendorToken)).products.edges.map((e: any) => e.node);
    const before = await names();

    const download = vendorPage.waitForEvent('download');
    await vendorPage.getByRole('button', { name: 'Unduh templat CSV' }).click();
    const template = await download;
    expect(template.suggestedFilename()).toBe('templat-impor-produk.csv');
    const [header, example] = readFileSync((await template.path())!, 'utf8').split('\r\n');
    expect(header).toBe('nama;deskripsi;kode_kategori;satuan;harga;stok;minimal_pesan;pdn;tkdn');
    const code = example.split(';')[2];
    expect(code).toMatch(/^[a-z-]+$/);

    const file = (rows: string[]) => ({ name: 'produk.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\r\n')) });
    const good = `Sari Apel Manalagi 1 liter;Sari apel tanpa gula tambahan;${code};botol;35000;80;6;ya;`;
    await vendorPage.getByLabel('Berkas CSV atau XLSX').setInputFiles(file([good, 'Kue Apel;Kue apel panggang;kue-basah;kotak;lima ribu;10;1;ya;']));
    await vendorPage.getByRole('button', { name: 'Periksa (uji coba)' }).click();
    const problems = vendorPage.getByTestId('import-errors');
    await problems.waitFor();
    expect(await problems.locator('tbody tr').allTextContents()).toEqual([
      expect.stringMatching(/^2price/),
      '2categoryIdKode kategori "kue-basah" tidak ada di katalog ini.',
    ]);
    expect(await vendorPage.getByRole('button', { name: 'Terapkan' }).isDisabled()).toBe(true);
    expect(await names()).toEqual(before);

    await vendorPage.getByLabel('Berkas CSV atau XLSX').setInputFiles(file([good, `Kue Apel;Kue apel panggang;${code};kotak;Rp25.000;10;1;ya;`]));
    await vendorPage.getByRole('button', { name: 'Periksa (uji coba)' }).click();
    await expectNotice(vendorPage, 'Siap diterapkan: 2 produk akan disimpan sebagai draf.');
    expect(await names()).toEqual(before);
    await vendorPage.getByRole('button', { name: 'Terapkan' }).click();
    await expectNotice(vendorPage, 'Diterapkan: 2 produk disimpan sebagai draf.');
    await vendorPage.getByTestId('vendor-product').filter({ hasText: 'Kue Apel' }).filter({ hasText: 'Rp25.000 / kotak' }).waitFor();
    expect((await names()).filter((p: any) => !before.some((b: any) => b.name === p.name))).toEqual(
      expect.arrayContaining([{ name: 'Sari Apel Manalagi 1 liter', price: 35000, status: 'DRAFT' }, { name: 'Kue Apel', price: 25000, status: 'DRAFT' }]),
    );
    expect(await names()).toHaveLength(before.length + 2);
  });

  it('BPBJ verifies the vendor; the vendor puts the product up; BPBJ publishes it', async () => {
    const bpbj = await w.page();
    await signIn(w, bpbj, 'bpbj@batukota.go.id');
    await bpbj.getByRole('link', { name: 'Kurasi' }).click();
    const row = bpbj.getByRole('row', { name: /UD Apel Manalagi Bu Ning/ });
    // BPBJ opens the scan before deciding.
    const scan = bpbj.waitForEvent('download');
    await row.getByRole('button', { name: 'Pindaian NIB' }).click();
    expect((await scan).suggestedFilename()).toBe('NIB-9120301234567.pdf');
    await row.getByRole('button', { name: 'Verifikasi' }).click();
    await expectNotice(bpbj, 'terverifikasi');

    await vendorPage.reload();
    await vendorPage.getByTestId('vendor-status').filter({ hasText: 'Terverifikasi' }).waitFor();
    const product = vendorPage.getByTestId('vendor-product').filter({ hasText: PRODUCT });
    await product.getByRole('button', { name: 'Ajukan' }).click();
    await expectNotice(vendorPage, 'Produk diajukan.');
    expect(await product.textContent()).toContain('Menunggu kurasi');
    await vendorPage.evaluate(() => window.scrollTo(0, 0));
    await shot(vendorPage, 'vendor-products-phone');

    await bpbj.getByLabel('Urutan').selectOption({ label: 'Terbaru dahulu' });
    await bpbj.getByRole('row', { name: new RegExp(PRODUCT) }).first().getByRole('button', { name: 'Tayangkan' }).click();
    await expectNotice(bpbj, 'tayang');
    await bpbj.context().close();

    // The vendor hears of both decisions without asking: the header counts them, the page lists them newest first.
    await vendorPage.getByRole('link', { name: 'Pesanan', exact: true }).click();
    await vendorPage.getByTestId('unread-count').filter({ hasText: /^2$/ }).waitFor();
    await vendorPage.getByRole('link', { name: /^Pemberitahuan/ }).click();
    await expectBasics(vendorPage, /Pemberitahuan/);
    await vendorPage.getByTestId('notification').first().waitFor();
    expect((await vendorPage.getByTestId('notification').locator('strong').allTextContents())).toEqual([`Produk tayang: ${PRODUCT}`, 'UD Apel Manalagi Bu Ning terverifikasi']);
    await vendorPage.getByRole('button', { name: 'Tandai semua sudah dibaca' }).click();
    await expectNotice(vendorPage, 'Semua pemberitahuan ditandai sudah dibaca.');
    await vendorPage.getByTestId('unread-count').waitFor({ state: 'detached' });
    await vendorPage.getByRole('link', { name: 'Usaha & produk' }).click();
  });

  it('a PP finds it with a typo, puts 100 boxes in the cart and checks out with the PPK', async () => {
    ppPage = await w.page();
    await signIn(w, ppPage, 'pp.dinkes@batukota.go.id');
    await expectBasics(ppPage, /Belanja katalog/);
    // Two boxes of keripik side by side before choosing: price, minimum order, stock and who makes them.
    // (The demo lists about two hundred "keripik apel": the PP names the variety, as one would.)
    await ppPage.getByLabel('Cari produk').fill('keripik apel manalagi');
    const cards = ppPage.locator('li.product');
    await cards.filter({ hasText: PRODUCT }).waitFor();
    await cards.filter({ hasText: PRODUCT }).getByLabel(/^Bandingkan/).check();
    await cards.filter({ hasNotText: PRODUCT }).first().getByLabel(/^Bandingkan/).check();
    const comparison = ppPage.getByTestId('comparison');
    await comparison.getByRole('columnheader').nth(2).waitFor();
    expect(await comparison.getByRole('row').first().getByRole('link').count()).toBe(2);
    expect(await comparison.textContent()).toContain('UD Apel Manalagi Bu Ning, Bumiaji');
    // Local content with a decimal comma, on the card and in the comparison alike ("45.5%" reads as a thousand-separated figure).
    expect(await cards.filter({ hasText: PRODUCT }).locator('.tags').textContent()).toContain('PDN, TKDN 45,5%');
    expect(await comparison.textContent()).toContain('PDN, TKDN 45,5%');
    // A box of hampers and a pack are priced by different units: neither is called the cheaper.
    expect(await ppPage.getByTestId('comparison-units').textContent()).toBe('Satuannya berbeda (kotak, pack): harga per satuan tidak dapat dibandingkan langsung.');
    expect(await comparison.getByText('termurah').count()).toBe(0);
    await shot(ppPage, 'opd-compare');
    // Two packs are: the cheaper one says so.
    await comparison.getByRole('button', { name: 'Keluarkan' }).first().click();
    await cards.filter({ hasNotText: PRODUCT }).nth(1).getByLabel(/^Bandingkan/).check();
    await comparison.getByRole('columnheader').nth(2).waitFor();
    expect(await ppPage.getByTestId('comparison-units').textContent()).toBe('Harga per satuan.');
    const prices = await comparison.getByRole('row').nth(1).getByRole('cell').allTextContents();
    const rupiahs = prices.map((text) => Number(/Rp([\d.]+)/.exec(text)![1].replaceAll('.', '')));
    expect(prices.map((text) => text.includes('termurah'))).toEqual(rupiahs.map((r) => r === Math.min(...rupiahs)));

    // A product sold out says so on its card, with no quantity to fill in (the form refused to send, with the browser's
    // "must be at most 0"); the stock back, it can be added again.
    const seller = await w.login('keripik.apel@umkm-batu.id');
    const soldOut = (await w.graphql(`{ products(first: 1, sort: NAME_ASC, filter: { status: [PUBLISHED] }) { edges { node { id name stock } } } }`, {}, seller)).products.edges[0].node;
    const setStock = (stock: number) => w.graphql(`mutation($id: ID!, $stock: Int!) { updateProduct(id: $id, input: { stock: $stock }) { stock } }`, { id: soldOut.id, stock }, seller);
    expect((await setStock(0)).updateProduct.stock).toBe(0);
    await ppPage.getByLabel('Cari produk').fill(soldOut.name);
    const soldOutCard = ppPage.getByRole('listitem').filter({ hasText: soldOut.name }).first();
    await soldOutCard.getByText('Stok habis').waitFor();
    expect(await soldOutCard.getByRole('button', { name: `Tambah ${soldOut.name} ke keranjang` }).count()).toBe(0);
    // So does the public catalogue's card, to a visitor who is offered no quantity in any case.
    const visitor = await w.page();
    await visitor.goto(`${w.base}/publik/${batu}/katalog`);
    await visitor.getByLabel('Cari produk').fill(soldOut.name);
    await visitor.getByRole('listitem').filter({ hasText: soldOut.name }).first().getByText('Stok habis').waitFor();
    await visitor.close();
    // Its vendor's own list says so too, in the same words, and only of that product.
    const sellerPage = await w.page(PHONE);
    await signIn(w, sellerPage, 'keripik.apel@umkm-batu.id');
    const ownRows = sellerPage.getByTestId('vendor-product');
    await ownRows.filter({ hasText: soldOut.name }).getByText('Stok habis').waitFor();
    expect(await ownRows.filter({ hasText: 'Stok habis' }).count()).toBe(1);
    await sellerPage.close();
    await setStock(soldOut.stock);

    await ppPage.getByLabel('Cari produk').fill('kripik apel manalagy');
    const card = ppPage.getByRole('listitem').filter({ hasText: PRODUCT });
    await card.waitFor();
    expect(await ppPage.getByTestId('corrected-query').textContent()).toBe('Menampilkan hasil untuk keripik apel manalagi');
    // Facets name their categories (the leaf a product sits on, three levels down the tree).
    await ppPage.getByRole('group', { name: 'Kategori' }).getByText('Keripik Apel', { exact: false }).first().waitFor();
    await card.getByLabel(/^Jumlah/).fill('100');
    await card.getByRole('button', { name: `Tambah ${PRODUCT} ke keranjang` }).click();
    await expectNotice(ppPage, 'di keranjang');
    await shot(ppPage, 'opd-search');

    await ppPage.getByRole('link', { name: 'Keranjang', exact: true }).click();
    await expectBasics(ppPage, /Keranjang/);
    expect(await ppPage.getByTestId('cart-total').textContent()).toBe('Rp210.000.000');
    // The form starts where the OPD's latest package left it: its delivery address and its PPK.
    const latest = (await w.graphql(`{ orders(first: 1) { edges { node { deliveryAddress ppk { fullName } } } } }`, {}, await w.login('pp.dinkes@batukota.go.id'))).orders.edges[0].node;
    expect(await ppPage.getByLabel('Alamat pengiriman').inputValue()).toBe(latest.deliveryAddress);
    expect(await ppPage.getByLabel('PPK').locator('option:checked').textContent()).toBe(latest.ppk.fullName);
    await ppPage.getByLabel('PPK').selectOption({ label: 'Dewi Lestari (PPK Dinkes)' });
    await ppPage.getByLabel('Alamat pengiriman').fill('Dinas Kesehatan Kota Batu, Jl. Panglima Sudirman 507');
    await ppPage.getByLabel('Kode RUP').fill('51234567');
    await shot(ppPage, 'opd-cart');
    await ppPage.getByRole('button', { name: 'Buat 1 paket' }).click();
    await expectNotice(ppPage, '1 paket dibuat');
    await ppPage.getByRole('row', { name: /UD Apel Manalagi Bu Ning/ }).getByRole('link').click();
    orderUrl = ppPage.url();
    await expectBasics(ppPage, /Paket/);
    expect(await orderStatus(ppPage)).toBe('Draf');
    // Above Batu's Rp200 juta line, the draft already says where submitting it will send it.
    await ppPage.getByText('Perlu persetujuan PPK').waitFor();
    await ppPage.getByRole('button', { name: 'Ajukan paket' }).click();
    await expectNotice(ppPage, 'Paket diajukan.');
    expect(await orderStatus(ppPage)).toBe('Diajukan');
    await ppPage.getByText('Perlu persetujuan PPK').waitFor();
    // The PP is offered only what the PP may do now: cancel, not approve.
    expect(await ppPage.getByRole('button', { name: 'Setujui (PPK)' }).count()).toBe(0);
    expect(await ppPage.getByRole('button', { name: 'Batalkan paket' }).count()).toBe(1);
  });

  it('the PPK approves it; the vendor sees the deadline, accepts (the surat pesanan is issued) and ships', async () => {
    const ppk = await w.page();
    await signIn(w, ppk, 'ppk.dinkes@batukota.go.id');
    // The PPK's list says which package waits for the PPK.
    const code = (await ppPage.getByRole('heading', { level: 1 }).textContent())!.match(/PKT-\d+/)![0];
    await ppk.goto(`${w.base}/opd/paket`);
    const listed = ppk.getByTestId('order-row').filter({ has: ppk.getByRole('link', { name: code, exact: true }) });
    await listed.waitFor();
    expect(await listed.textContent()).toContain('Diajukanmenunggu persetujuan PPK');
    await ppk.goto(orderUrl);
    await ppk.getByRole('button', { name: 'Setujui (PPK)' }).click();
    await expectNotice(ppk, 'disetujui');
    expect(await orderStatus(ppk)).toBe('Disetujui PPK');
    // Approved, the order no longer says it needs the PPK's approval.
    expect(await ppk.getByText('Perlu persetujuan PPK').count()).toBe(0);
    await ppk.context().close();

    await vendorPage.getByRole('link', { name: 'Pesanan', exact: true }).click();
    await expectBasics(vendorPage, /Pesanan/);
    // Its own list names the buying OPD on each row, not the vendor itself again.
    expect(await vendorPage.getByRole('columnheader').allTextContents()).toEqual(['Paket', 'OPD', 'Status', 'Nilai', 'Dibuat']);
    const row = vendorPage.getByTestId('order-row').filter({ hasText: 'Perlu tindakan' });
    expect(await row.textContent()).toContain('dijawab paling lambat');
    await row.getByRole('link').click();
    await vendorPage.getByText(/Penyedia menjawab paling lambat/).waitFor();
    // On the phone each line is a card and the total sits beside its label, on the screen.
    const total = (await vendorPage.getByTestId('order-total').boundingBox())!;
    expect(total.x + total.width).toBeLessThanOrEqual(PHONE.width);
    expect(await vendorPage.getByRole('row', { name: /^Total/ }).getByRole('cell').textContent()).toBe('Rp210.000.000');
    await shot(vendorPage, 'vendor-order-phone');
    await vendorPage.getByRole('button', { name: 'Terima pesanan' }).click();
    await expectNotice(vendorPage, 'surat pesanan terbit');
    await vendorPage.getByRole('button', { name: /^Surat pesanan SP\// }).waitFor();
    await vendorPage.getByLabel('Nomor surat jalan / resi').fill('SJ-APEL-0412');
    await vendorPage.getByRole('button', { name: 'Kirim barang' }).click();
    await expectNotice(vendorPage, 'Pengiriman dicatat.');
    expect(await orderStatus(vendorPage)).toBe('Dikirim');
  });

  it('the PP receives with a BAST and pays; the timeline holds every step and the dashboard moves by the order value', async () => {
    await ppPage.goto(orderUrl);
    await ppPage.getByLabel('Nomor BAST').fill('BAST/027/DINKES/2026');
    await ppPage.getByRole('button', { name: 'Terima barang' }).click();
    await expectNotice(ppPage, 'BAST terbit');
    await ppPage.getByRole('button', { name: /^BAST / }).waitFor();
    const download = ppPage.waitForEvent('download');
    await ppPage.getByRole('button', { name: /^BAST / }).click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

    // The delivery address on the surat pesanan was mistyped: the PP issues it again, with the reason, and the first
    // stays on record. Without a reason nothing is issued.
    const documents = async () => (await w.graphql(`query($id: ID!) { orderDocuments(orderId: $id) { kind number replacesNumber reason } }`, { id: orderUrl.split('/').pop() }, await w.login('pp.dinkes@batukota.go.id'))).orderDocuments;
    const issued = await documents();
    const letter = ppPage.getByTestId('order-document').filter({ hasText: /^Surat pesanan/ });
    ppPage.once('dialog', (dialog) => dialog.accept(''));
    await letter.getByRole('button', { name: 'Terbitkan ulang' }).click();
    await ppPage.getByRole('alert').filter({ hasText: 'Alasan' }).waitFor();
    expect(await documents()).toEqual(issued);
    ppPage.once('dialog', (dialog) => dialog.accept('Alamat pengiriman salah ketik'));
    await letter.getByRole('button', { name: 'Terbitkan ulang' }).click();
    await expectNotice(ppPage, 'terbit menggantikan yang lama');
    const reissued = (await documents()).at(-1);
    const first = issued.find((d: any) => d.kind === 'SURAT_PESANAN');
    expect(reissued).toEqual({ kind: 'SURAT_PESANAN', number: expect.any(String), replacesNumber: first.number, reason: 'Alamat pengiriman salah ketik' });
    expect(reissued.number).not.toBe(first.number);
    await ppPage.getByTestId('order-document').filter({ hasText: `menggantikan ${first.number} (Alamat pengiriman salah ketik)` }).waitFor();
    // Only the latest of each kind can be issued again; the vendor issues nothing.
    expect(await ppPage.getByRole('button', { name: 'Terbitkan ulang' }).count()).toBe(2);
    await vendorPage.goto(orderUrl);
    await vendorPage.getByTestId('order-document').first().waitFor();
    expect(await vendorPage.getByRole('button', { name: 'Terbitkan ulang' }).count()).toBe(0);

    // The amount owed comes grouped as an officer writes rupiah, and is read back to the same whole rupiah (the paid
    // total below).
    expect(await ppPage.getByLabel('Jumlah (Rp)').inputValue()).toBe('210.000.000');
    await ppPage.getByLabel('Referensi (SP2D / bukti transfer)').fill('SP2D-2026-1187');
    const paidOn = await ppPage.getByLabel('Tanggal bayar').inputValue();
    await ppPage.getByRole('button', { name: 'Catat pembayaran' }).click();
    await expectNotice(ppPage, 'Pembayaran dicatat.');
    expect(await orderStatus(ppPage)).toBe('Dibayar');
    await ppPage.getByTestId('timeline').getByText('Pembayaran dicatat').waitFor();
    const timeline = await ppPage.getByTestId('timeline').textContent();
    for (const step of ['Paket dibuat', 'Diajukan', 'Disetujui PPK', 'Diterima penyedia', 'Dikirim', 'Diterima, BAST dibuat', 'Pembayaran dicatat']) expect(timeline).toContain(step);
    await shot(ppPage, 'opd-order');

    // The order is UMK-K spend: the Pemda's realised UMK-K spend grew by exactly its value, on the BPBJ dashboard too.
    const umkkAfter = await recap();
    expect(umkkAfter - umkkBefore).toBe(210_000_000);
    const bpbj = await w.page();
    await signIn(w, bpbj, 'bpbj@batukota.go.id');
    await bpbj.getByTestId('pemda-umkk').waitFor();
    expect(await bpbj.getByTestId('pemda-umkk').textContent()).toBe(`Rp${umkkAfter.toLocaleString('id-ID')}`);

    // The vendor, new this morning, sees what it has been paid.
    await vendorPage.getByRole('link', { name: 'Pesanan', exact: true }).click();
    expect(await vendorPage.getByTestId('paid-total').textContent()).toBe('Rp210.000.000');
    // And confirms the day the money arrived: the OPD's payment date, which its award rests on, is not its word alone.
    // The list has just told the browser's cache this order is paid, but the cache still holds the order as it was
    // shipped, without its payment. The form must wait for the order as it is now: built from the cache, its date
    // field would be empty (the browser refuses to send it) until the slower answer came. A slow answer shows it.
    await vendorPage.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('"operationName":"OrderView"')) await new Promise((done) => setTimeout(done, 1_500));
      await route.fallback();
    });
    await vendorPage.getByTestId('order-row').filter({ hasText: 'Dibayar' }).getByRole('link').click();
    await vendorPage.getByLabel('Tanggal dana diterima').waitFor();
    expect(await vendorPage.getByLabel('Tanggal dana diterima').inputValue()).toBe(paidOn);
    await vendorPage.unroute('**/graphql');
    await vendorPage.getByRole('button', { name: 'Konfirmasi dana diterima' }).click();
    await expectNotice(vendorPage, 'Tanggal dana diterima dicatat.');
    await vendorPage.getByTestId('timeline').getByText('Penyedia mengonfirmasi dana diterima').waitFor();
    expect(await vendorPage.getByText(/dana diterima penyedia/).count()).toBe(1);
    expect(await vendorPage.getByRole('button', { name: 'Konfirmasi dana diterima' }).count()).toBe(0);
    expect(w.foreign).toEqual([]);
  });

  it('the vendor keeps its profile from the phone: a bank account applies at once, a new scale waits for BPBJ', async () => {
    const { login } = await w.graphql(`mutation { login(input: { email: "bu.ning@apelmanalagi.id", password: "Panen-Raya#2026" }) { token } }`);
    const id = (await w.graphql(`{ me { vendor { id } } }`, {}, login.token)).me.vendor.id;
    const PROFILE = `query($id: ID!) { vendor(id: $id) { scale isUmkk phone bankAccount { bankName accountNumber accountName } pendingClassification { scale } } }`;
    const stored = async () => (await w.graphql(PROFILE, { id }, bpbjToken)).vendor;
    await vendorPage.getByRole('link', { name: 'Usaha & produk' }).click();
    const profile = vendorPage.getByRole('region', { name: 'Profil usaha' });
    expect(await profile.getByTestId('vendor-bank').textContent()).toBe('belum diisi');

    // A wrong account number is refused beside the field, and nothing is saved.
    const before = await stored();
    await profile.getByRole('button', { name: 'Ubah profil' }).click();
    await profile.getByLabel('Nama bank').fill('Bank Jatim');
    await profile.getByLabel('Nomor rekening').fill('0412-ab');
    await profile.getByLabel('Nama pemilik rekening').fill('Ningsih Rahayu');
    await profile.getByRole('button', { name: 'Simpan profil' }).click();
    await vendorPage.locator('#bankAccountNumber-error').waitFor();
    expect(await vendorPage.locator('#bankAccountNumber-error').textContent()).toBe('Nomor rekening 6-20 digit angka.');
    expect(await stored()).toEqual(before);

    // The account and a new phone apply at once; the business grew to usaha kecil, which waits for BPBJ.
    await profile.getByLabel('Nomor rekening').fill('0412 3456 78');
    await profile.getByLabel('Nomor telepon / WhatsApp').fill('0813-9876-5432');
    await profile.getByLabel('Skala usaha').selectOption({ label: 'Usaha kecil' });
    await profile.getByRole('button', { name: 'Simpan profil' }).click();
    await expectNotice(vendorPage, 'menunggu persetujuan BPBJ');
    expect(await profile.getByTestId('vendor-bank').textContent()).toBe('Bank Jatim 0412345678 a.n. Ningsih Rahayu');
    // Registered from the Pemda it lives in: domiciled in the city, not in "Pemerintah Kota Batu".
    expect(await profile.getByTestId('vendor-classification').textContent()).toBe('Usaha mikro, domisili Kota Batu · UMK-K ya, lokal ya');
    expect(await profile.getByTestId('pending-classification').textContent()).toContain('Usaha kecil');
    expect(await stored()).toEqual({
      scale: 'MIKRO', isUmkk: true, phone: '+6281398765432',
      bankAccount: { bankName: 'Bank Jatim', accountNumber: '0412345678', accountName: 'Ningsih Rahayu' },
      pendingClassification: { scale: 'KECIL' },
    });
    await shot(vendorPage, 'vendor-profile-phone');
  });
});

run('an ASN reports a purchase from a phone with a receipt photo', () => {
  let w: WebWorld;
  beforeAll(async () => {
    w = await startWebWorld();
  }, 240_000);
  afterAll(() => w?.close());

  it("the month's standing moves by the reported amount", async () => {
    const page = await w.page(PHONE);
    await signIn(w, page, 'asn.dinkes@batukota.go.id');
    await page.waitForURL(/\/asn$/);
    await expectBasics(page, /Belanja UMKM/);
    const standing = page.getByTestId('asn-month').first();
    await standing.waitFor();
    const counted = async () => Number((await standing.locator('strong').textContent())!.replace(/\D/g, ''));
    const before = await counted();
    // The last day to report is the day reporting closes, in Batu's time: the API gives the instant that day ends.
    const batu = (await w.graphql(`{ pemdas { id name } }`)).pemdas.find((p: any) => p.name.includes('Batu')).id;
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date()).slice(0, 7);
    const programme = (await w.graphql(`query($p: ID!, $m: String!) { asnProgrammes(pemdaId: $p) { reportingClosesAt(month: $m) } }`, { p: batu, m: month }, await w.login('asn.dinkes@batukota.go.id'))).asnProgrammes[0];
    const lastDay = new Date(Date.parse(programme.reportingClosesAt) - 1).toLocaleDateString('id-ID', { timeZone: 'Asia/Jakarta', day: 'numeric', month: 'long', year: 'numeric' });
    expect(await standing.textContent()).toMatch(new RegExp(`dari Rp[\\d.]+ · lapor paling lambat ${lastDay} \\(\\d+ hari lagi\\)`));

    await page.getByLabel('Gerai').selectOption({ index: 1 });
    await page.getByLabel('Nilai belanja (Rp)').fill('35.000');
    await page.getByLabel('Barang yang dibeli').fill('Beras 2 kg, telur 1 kg');
    await page.getByLabel('Kebutuhan pokok').check();
    await page.getByRole('button', { name: 'Laporkan' }).click();
    // No photo yet: refused beside the field, nothing sent.
    expect(await page.locator('#receiptUploadId-error').textContent()).toBe('Foto struknya dahulu.');
    await page.getByLabel('Foto struk').setInputFiles({ name: 'struk.png', mimeType: 'image/png', buffer: await photo('struk-asn-browser') });
    await page.getByRole('button', { name: 'Laporkan' }).click();
    await expectNotice(page, 'Belanja dilaporkan');
    await page.getByTestId('asn-report').filter({ hasText: 'Beras 2 kg, telur 1 kg' }).waitFor();
    await page.waitForFunction((b) => Number(document.querySelector('[data-testid="asn-month"] strong')?.textContent?.replace(/\D/g, '')) !== b, before);
    expect(await counted()).toBe(before + 35_000);
    await shot(page, 'asn-report-phone');

    // The head of Dinkes sees the OPD's ASN for the month, this one counted with the new purchase.
    const asnName = (await w.graphql(`{ me { asn { name } } }`, {}, await w.login('asn.dinkes@batukota.go.id'))).me.asn.name as string;
    const head = await w.page();
    await signIn(w, head, 'kepala.dinkes@batukota.go.id');
    await head.waitForURL(/\/kepala$/);
    await expectBasics(head, /ASN OPD/);
    const row = head.getByTestId('asn-row').filter({ hasText: asnName });
    await row.waitFor();
    expect(await row.textContent()).toContain(`Rp${(before + 35_000).toLocaleString('id-ID')}`);
    expect(await head.getByTestId('asn-summary').textContent()).toMatch(/^\d+ dari \d+ ASN memenuhi/);
    await shot(head, 'kepala-opd-asn');

    // The head checks the report against its receipt and rejects it: it stops counting, and the ASN is told why.
    await row.getByRole('button', { name: 'Periksa' }).click();
    const report = head.getByTestId('asn-reports').getByRole('listitem').filter({ hasText: 'Beras 2 kg, telur 1 kg' });
    const receipt = report.getByRole('img', { name: /^Struk / });
    await receipt.waitFor();
    expect(await receipt.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    head.once('dialog', (dialog) => dialog.accept('Struk tidak menunjukkan beras dan telur'));
    await report.getByRole('button', { name: 'Tolak laporan' }).click();
    await expectNotice(head, 'Laporan ditolak; ASN diberi tahu alasannya.');
    await report.filter({ hasText: 'Ditolak' }).filter({ hasText: 'Alasan penolakan: Struk tidak menunjukkan beras dan telur' }).waitFor();
    await shot(head, 'kepala-asn-review');
    await page.reload();
    await standing.waitFor();
    expect(await counted()).toBe(before);
    await page.getByTestId('asn-report').filter({ hasText: 'Beras 2 kg, telur 1 kg' }).filter({ hasText: 'Ditolak' }).waitFor();
    expect(w.foreign).toEqual([]);
  });

  it('an ASN buys from the catalogue on the phone; the vendor confirms hand-over and the purchase is on the ASN\'s record', async () => {
    const vendorToken = await w.login('keripik.apel@umkm-batu.id');
    const vendorName = (await w.graphql(`{ me { vendor { businessName } } }`, {}, vendorToken)).me.vendor.businessName as string;
    const asn = await w.page(PHONE);
    await signIn(w, asn, 'asn.dinkes@batukota.go.id');
    await asn.waitForURL(/\/asn$/);
    await asn.getByRole('link', { name: 'Beli di katalog' }).click();
    await expectBasics(asn, /Beli di katalog/);
    // On the phone the filters start folded: the search box, the order and one line, not a screen of checkboxes
    // before the first product. They open on request.
    await asn.locator('li.product').first().waitFor();
    expect(await asn.getByRole('group', { name: 'Harga' }).isVisible()).toBe(false);
    expect((await asn.getByRole('complementary', { name: 'Saring' }).boundingBox())!.height).toBeLessThan(PHONE.height / 3);
    await asn.getByText('Saring hasil').click();
    await asn.getByRole('group', { name: 'Harga' }).waitFor();
    await asn.getByLabel('Cari produk').fill(vendorName);
    const card = asn.locator('li.product').filter({ hasText: vendorName }).first();
    await card.waitFor();
    const productName = (await card.getByRole('heading').textContent())!;
    await card.getByRole('button', { name: `Pesan ${productName}` }).click();
    await expectNotice(asn, `Dipesan: ${productName}`);
    const order = asn.getByTestId('asn-order').filter({ hasText: productName }).first();
    await order.filter({ hasText: 'Dipesan' }).waitFor();

    const vendor = await w.page(PHONE);
    await signIn(w, vendor, 'keripik.apel@umkm-batu.id');
    await vendor.waitForURL(/\/penyedia$/);
    const incoming = vendor.getByTestId('asn-order').filter({ hasText: productName }).filter({ hasText: 'Dipesan' }).first();
    await incoming.getByRole('button', { name: 'Sudah diserahkan dan dibayar' }).click();
    await expectNotice(vendor, 'belanja ASN ini dihitung');

    await asn.getByRole('link', { name: 'Belanja UMKM bulan ini' }).click();
    await asn.getByTestId('asn-report').filter({ hasText: 'dibeli lewat katalog' }).first().waitFor();
    await asn.getByRole('link', { name: 'Beli di katalog' }).click();
    await asn.getByTestId('asn-order').filter({ hasText: productName }).filter({ hasText: 'Selesai (dihitung)' }).first().waitFor();
    expect(w.foreign).toEqual([]);
  });

  it('a PP proposes a lower price, the vendor counters once from its phone, and the counter is the agreed price', async () => {
    const pp = await w.login('pp.dinkes@batukota.go.id');
    const vendorToken = await w.login('keripik.apel@umkm-batu.id');
    const vendorId = (await w.graphql(`{ me { vendor { id } } }`, {}, vendorToken)).me.vendor.id;
    const batu = (await w.graphql(`{ pemdas { id name } }`)).pemdas.find((p: any) => p.name.includes('Batu')).id;
    const product = (await w.graphql(`query($p: ID!, $v: ID!) { products(pemdaId: $p, filter: { vendorId: $v }, first: 1, sort: PRICE_DESC) { edges { node { id name price minOrderQuantity } } } }`, { p: batu, v: vendorId })).products.edges[0].node;
    await w.graphql(`mutation($id: ID!, $q: Int!) { setCartItem(productId: $id, quantity: $q) { id } }`, { id: product.id, q: Math.max(10, product.minOrderQuantity) }, pp);
    const ppkId = (await w.graphql(`{ ppks { id } }`, {}, pp)).ppks[0].id;
    const made = await w.graphql(`mutation($input: CreateOrderInput!) { createOrder(input: $input) { orders { id vendor { id } } } }`, { input: { ppkId, deliveryAddress: 'Dinas Kesehatan Kota Batu, Jl. Panglima Sudirman 507' } }, pp);
    const orderId = made.createOrder.orders.find((o: any) => o.vendor.id === vendorId).id;
    const proposed = Math.round(product.price * 0.8);
    const countered = Math.round(product.price * 0.9);

    const ppPage = await w.page();
    await signIn(w, ppPage, 'pp.dinkes@batukota.go.id');
    await ppPage.goto(`${w.base}/pesanan/${orderId}`);
    await ppPage.getByLabel(new RegExp(`^Harga usulan ${product.name}`)).fill(proposed.toLocaleString('id-ID'));
    await ppPage.getByRole('button', { name: 'Usulkan harga' }).click();
    await expectNotice(ppPage, 'Usulan harga dikirim');

    const vendor = await w.page(PHONE);
    await signIn(w, vendor, 'keripik.apel@umkm-batu.id');
    await vendor.waitForURL(/\/penyedia$/);
    // The vendor's list says why a draft waits for it.
    await vendor.goto(`${w.base}/penyedia/pesanan?status=DRAFT`);
    const row = vendor.getByTestId('order-row').filter({ has: vendor.locator(`a[href="/pesanan/${orderId}"]`) });
    expect(await row.textContent()).toMatch(/Perlu tindakan.*Draf\s*harga diusulkan PP, menunggu jawaban penyedia/);
    // On the phone the row is a card: its value and date are on the screen, not scrolled off to the right.
    for (const column of ['Nilai', 'Dibuat']) {
      const cell = (await row.locator(`td[data-label="${column}"]`).boundingBox())!;
      expect(cell.x + cell.width).toBeLessThanOrEqual(PHONE.width);
    }
    await vendor.goto(`${w.base}/pesanan/${orderId}`);
    // A counter below the proposal is refused with the API's message; nothing changes.
    const counterField = vendor.getByLabel(new RegExp(`^${product.name}: usulan`));
    await counterField.fill(String(proposed - 1));
    await vendor.getByRole('button', { name: 'Kirim tawaran balik' }).click();
    await vendor.getByRole('alert').filter({ hasText: 'harus antara' }).waitFor();
    await counterField.fill(countered.toLocaleString('id-ID'));
    await vendor.getByRole('button', { name: 'Kirim tawaran balik' }).click();
    await expectNotice(vendor, 'Tawaran balik dikirim');
    // Once: the vendor is offered no second answer.
    expect(await vendor.getByRole('button', { name: 'Kirim tawaran balik' }).count()).toBe(0);

    await ppPage.goto(`${w.base}/opd/paket?status=DRAFT`);
    const ppRow = ppPage.getByTestId('order-row').filter({ has: ppPage.locator(`a[href="/pesanan/${orderId}"]`) });
    expect(await ppRow.textContent()).toContain('penyedia menawar balik');
    await ppPage.goto(`${w.base}/pesanan/${orderId}`);
    await ppPage.getByTestId('timeline').getByText('Penyedia menawar balik').waitFor();
    const agreed = (await w.graphql(`query($id: ID!) { order(id: $id) { negotiation lines { unitPrice counterUnitPrice } } }`, { id: orderId }, pp)).order;
    expect(agreed).toEqual({ negotiation: 'COUNTERED', lines: [{ unitPrice: countered, counterUnitPrice: countered }] });
    expect(await ppPage.getByRole('cell', { name: new RegExp(`tawaran balik Rp${countered.toLocaleString('id-ID').replace(/\./g, '\\.')}`) }).count()).toBe(1);
    expect(w.foreign).toEqual([]);
  });
});
