/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { browserAvailable, expectBasics, expectNotice, shot, signIn, startWebWorld, type WebWorld } from './browser.js';

const run = browserAvailable() ? describe : describe.skip;

const SERIES = `query($p: ID!, $y: Int!, $o: ID) { spendMonthlySeries(pemdaId: $p, year: $y, opdId: $o) { realisedUmkk umkkShareOfBudgetYearToDate } }`;

/**
 * The month chart as a reader takes it: each column as tall as the share written above it (one scale for all), that
 * share the API's cumulative share of budget, and the month's own realisation, to the rupiah, in its tooltip.
 */
async function expectMonthColumns(page: Page, series: { realisedUmkk: number; umkkShareOfBudgetYearToDate: number | null }[]) {
  const columns = await page.getByTestId('month-column').evaluateAll((gs) => gs.map((g) => ({
    height: Number(g.querySelector('rect')!.getAttribute('height')),
    share: g.querySelector('text.value')!.textContent,
    title: g.querySelector('title')!.textContent,
  })));
  expect(columns).toHaveLength(series.length);
  const tallest = series.reduce((best, p, i) => ((p.umkkShareOfBudgetYearToDate ?? 0) > (series[best].umkkShareOfBudgetYearToDate ?? 0) ? i : best), 0);
  const perPoint = columns[tallest].height / series[tallest].umkkShareOfBudgetYearToDate!;
  series.forEach((p, i) => {
    expect(columns[i].share).toBe(p.umkkShareOfBudgetYearToDate == null ? '-' : `${p.umkkShareOfBudgetYearToDate.toLocaleString('id-ID', { maximumFractionDigits: 2 })}%`);
    expect(columns[i].height).toBeCloseTo((p.umkkShareOfBudgetYearToDate ?? 0) * perPoint, 1);
    expect(columns[i].title).toContain(`realisasi bulan ini Rp${p.realisedUmkk.toLocaleString('id-ID')}`);
  });
}

run('a BPBJ officer does a morning\'s work in the browser', () => {
  let w: WebWorld;
  let page: Page;
  let batu: string;
  let bpbjToken: string;

  beforeAll(async () => {
    w = await startWebWorld();
    batu = (await w.graphql(`{ pemdas { id name } }`)).pemdas.find((p: any) => p.name.includes('Batu')).id;
    bpbjToken = await w.login('bpbj@batukota.go.id');
    page = await w.page();
  }, 240_000);
  afterAll(() => w?.close());

  it('logs in with the API\'s Indonesian error first, then reads the dashboard whose figures are the API\'s', async () => {
    await page.goto(`${w.base}/masuk`);
    await expectBasics(page, /Masuk/);
    await page.getByLabel('Email').fill('bpbj@batukota.go.id');
    await page.getByLabel('Kata sandi').fill('salah-sekali');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/salah/i);

    await page.getByLabel('Kata sandi').fill('katalog123');
    const started = Date.now();
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByTestId('pemda-share').waitFor();
    console.log(`Dashboard first render after login: ${Date.now() - started} ms`);
    await expectBasics(page, /Dasbor/);
    const api = (await w.graphql(`query($p: ID!, $y: Int!) { spendRecap(pemdaId: $p, period: { year: $y, yearToDate: true }) { pemda { umkkShareOfBudget realisedUmkk } opds { status } } }`, { p: batu, y: new Date().getFullYear() }, bpbjToken)).spendRecap;
    expect(await page.getByTestId('pemda-share').textContent()).toBe(`${api.pemda.umkkShareOfBudget.toLocaleString('id-ID', { maximumFractionDigits: 2 })}%`);
    expect(await page.getByTestId('pemda-umkk').textContent()).toBe(`Rp${api.pemda.realisedUmkk.toLocaleString('id-ID')}`);
    const onTrack = api.opds.filter((o: any) => o.status === 'ON_TRACK').length;
    expect(await page.getByTestId('status-counts').textContent()).toContain(`Sesuai target ${onTrack}`);
    await expectMonthColumns(page, (await w.graphql(SERIES, { p: batu, y: new Date().getFullYear() }, bpbjToken)).spendMonthlySeries);
    await shot(page, 'bpbj-dashboard');

    await page.reload();
    await page.getByTestId('pemda-share').waitFor(); // the session survives a reload

    // The keyboard reaches every part of the workspace: Tab from the top of the page.
    const reached = new Set<string>();
    await page.locator('body').focus();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      reached.add((await page.evaluate(() => document.activeElement?.textContent ?? '')).trim().replace(/ \d+$/, '')); // less a count beside it
    }
    for (const name of ['Dasbor', 'Kurasi', 'Kategori', 'Penyedia', 'Impor pagu', 'Belanja luar katalog', 'Penghargaan', 'Laporan', 'OPD & akun', 'Pengaturan', 'Log audit', 'Keluar']) expect(reached).toContain(name);
  });

  it('finds every page in a menu grouped beside the page, all of it on a 1366x768 screen; on a phone it starts folded', async () => {
    const menu = page.getByRole('navigation', { name: 'Menu BPBJ' });
    const groups = await menu.getByRole('group').evaluateAll((els) => els.map((g) => [g.getAttribute('aria-label'), [...g.querySelectorAll('a')].map((a) => a.firstChild?.textContent)]));
    expect(groups).toEqual([
      ['Pantauan', ['Dasbor', 'Proyeksi & konsentrasi', 'Pemecahan paket', 'Penghargaan']],
      ['Katalog', ['Kurasi', 'Kategori', 'Penyedia']],
      ['Data belanja', ['Impor pagu', 'Belanja luar katalog', 'Program ASN', 'Laporan']],
      ['Pengelolaan', ['OPD & akun', 'Pengaturan', 'Log audit']],
    ]);
    // The last entry is on the first screen, and the bar above holds one line (fourteen entries in it wrapped to three).
    const last = (await menu.getByRole('link', { name: 'Log audit' }).boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual(768);
    const brand = (await page.locator('header.top .brand').boundingBox())!;
    expect((await page.locator('header.top').boundingBox())!.height).toBeLessThan(brand.height * 3);
    expect(await menu.getByRole('link', { name: 'Dasbor' }).getAttribute('aria-current')).toBe('page');
    // Beside "Kurasi", how many vendors and products wait for BPBJ, as the curation queues count them.
    const queues = (await w.graphql(`query($p: ID!) { vendorCurationQueue(pemdaId: $p) { totalCount } productCurationQueue(pemdaId: $p) { totalCount } }`, { p: batu }, bpbjToken));
    const waiting = queues.vendorCurationQueue.totalCount + queues.productCurationQueue.totalCount;
    expect(waiting).toBeGreaterThan(0);
    expect(await menu.getByRole('link', { name: 'Kurasi' }).getAttribute('aria-label')).toBe(`Kurasi, ${waiting} menunggu kurasi`);
    expect(await menu.getByTestId('menu-count').textContent()).toBe(String(waiting));
    // The keyboard's first stop on a page just opened skips the menus: Enter, and the next Tab is inside the page.
    await page.reload();
    await page.getByTestId('pemda-share').waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Langsung ke isi halaman');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);

    const phone = await w.page({ width: 390, height: 844 });
    await signIn(w, phone, 'bpbj@batukota.go.id');
    await phone.getByTestId('pemda-share').waitFor();
    expect(await phone.getByRole('link', { name: 'Log audit' }).isVisible()).toBe(false);
    expect((await phone.getByTestId('pemda-share').boundingBox())!.y).toBeLessThan(844); // the dashboard's figure comes first
    await phone.getByText('Menu BPBJ').click();
    await phone.getByRole('link', { name: 'Log audit' }).click();
    await expectBasics(phone, /Log audit/);
  });

  it('opens an OPD: planned, allocated, realised and its budget history', async () => {
    await page.getByRole('link', { name: 'Dinas Kesehatan', exact: true }).click();
    await page.getByRole('heading', { name: 'Dinas Kesehatan' }).waitFor();
    await expect(page.getByRole('cell', { name: 'APBD', exact: true }).first().isVisible()).resolves.toBe(true);
    await shot(page, 'bpbj-opd');
    const opdId = new URL(page.url()).pathname.split('/').pop();
    await expectMonthColumns(page, (await w.graphql(SERIES, { p: batu, y: new Date().getFullYear(), o: opdId }, bpbjToken)).spendMonthlySeries);

    // APBD-Perubahan: a new version of the budget, refused without its reason (nothing recorded), then recorded.
    const HISTORY = `query($o: ID!, $y: Int!) { opdBudgetHistory(opdId: $o, fiscalYear: $y) { goodsServicesBudget plannedUmkk allocatedUmkk reason } }`;
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date()).slice(0, 4));
    const before = (await w.graphql(HISTORY, { o: opdId, y: year }, bpbjToken)).opdBudgetHistory;
    const latest = before.at(-1);
    const allocated = Math.min(latest.goodsServicesBudget, latest.allocatedUmkk + 50_000_000);
    await page.getByText('Versi pagu baru (APBD-Perubahan)').click();
    const form = page.getByRole('form', { name: 'Versi pagu baru' });
    await form.getByLabel('Alokasi UMK-K (Rp)').fill(allocated.toLocaleString('id-ID'));
    await form.getByRole('button', { name: 'Simpan versi pagu' }).click();
    await form.locator('label', { hasText: 'Alasan' }).locator('span.error').filter({ hasText: 'alasan perubahan wajib diisi' }).waitFor();
    expect((await w.graphql(HISTORY, { o: opdId, y: year }, bpbjToken)).opdBudgetHistory).toEqual(before);
    await form.getByLabel(/^Alasan/).fill('Perubahan APBD, Perda Nomor 9 Tahun 2026');
    await form.getByRole('button', { name: 'Simpan versi pagu' }).click();
    await expectNotice(page, 'Versi pagu baru berlaku mulai');
    expect((await w.graphql(HISTORY, { o: opdId, y: year }, bpbjToken)).opdBudgetHistory).toEqual([...before, { ...latest, allocatedUmkk: allocated, reason: 'Perubahan APBD, Perda Nomor 9 Tahun 2026' }]);
    await page.getByTestId('budget-version').filter({ hasText: 'Perubahan APBD, Perda Nomor 9 Tahun 2026' }).waitFor();
  });

  it('verifies a pending vendor and publishes a pending product, each shown in place', async () => {
    const queue = (await w.graphql(`query($p: ID!) { vendorCurationQueue(pemdaId: $p, first: 1) { edges { node { id businessName } } } productCurationQueue(pemdaId: $p, first: 1) { edges { node { id name } } } }`, { p: batu }, bpbjToken));
    const vendor = queue.vendorCurationQueue.edges[0].node;
    const product = queue.productCurationQueue.edges[0].node;
    const counts = await w.graphql(`query($p: ID!) { vendorCurationQueue(pemdaId: $p) { totalCount } productCurationQueue(pemdaId: $p) { totalCount } }`, { p: batu }, bpbjToken);
    await page.getByRole('link', { name: 'Kurasi' }).click();
    await expectBasics(page, /Kurasi/);
    await page.getByRole('heading', { name: `Penyedia menunggu verifikasi atau keputusan klasifikasi (${counts.vendorCurationQueue.totalCount})` }).waitFor();
    await page.getByRole('heading', { name: `Produk menunggu tayang (${counts.productCurationQueue.totalCount})` }).waitFor();
    // Each row's action cell is as tall as its row, so the rows' lines meet (a flex cell stopped short of a tall row).
    for (const row of await page.locator('tbody tr:has(td.actions)').all()) {
      const [rowBox, cellBox] = [(await row.boundingBox())!, (await row.locator('td.actions').first().boundingBox())!];
      expect(Math.abs(rowBox.y + rowBox.height - (cellBox.y + cellBox.height))).toBeLessThanOrEqual(1);
    }
    await page.getByRole('row', { name: new RegExp(vendor.businessName) }).getByRole('button', { name: 'Verifikasi' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe(`${vendor.businessName} terverifikasi.`);
    await page.getByRole('row', { name: new RegExp(product.name.replace(/[()]/g, '.')) }).first().getByRole('button', { name: 'Tayangkan' }).click();
    await expectNotice(page, 'tayang');
    const after = await w.graphql(`query($v: ID!, $p: ID!) { vendor(id: $v) { status } product(id: $p) { status } }`, { v: vendor.id, p: product.id }, bpbjToken);
    expect(after).toEqual({ vendor: { status: 'VERIFIED' }, product: { status: 'PUBLISHED' } });
    await shot(page, 'bpbj-curation');

    // Suspending a verified vendor (the first of the list) asks for the reason and takes it out at once.
    const [first] = (await w.graphql(`query($p: ID!) { vendors(pemdaId: $p, status: VERIFIED, first: 1) { edges { node { id businessName scale } } } }`, { p: batu }, bpbjToken)).vendors.edges;
    await page.getByRole('link', { name: 'Penyedia', exact: true }).click();
    await expectBasics(page, /Penyedia/);
    // Its scale in words, as the curation queue and the vendor's own profile name it, not the API's code.
    const scaleName = ({ MIKRO: 'Usaha mikro', KECIL: 'Usaha kecil', MENENGAH: 'Usaha menengah' } as Record<string, string>)[first.node.scale];
    expect(await page.getByRole('row', { name: new RegExp(first.node.businessName) }).textContent()).toContain(scaleName);
    page.once('dialog', (dialog) => dialog.accept('Harga di katalog lebih tinggi dari harga pasar'));
    await page.getByRole('row', { name: new RegExp(first.node.businessName) }).getByRole('button', { name: 'Tangguhkan' }).click();
    await expectNotice(page, 'ditangguhkan');
    expect((await w.graphql(`query($v: ID!) { vendor(id: $v) { status statusReason } }`, { v: first.node.id }, bpbjToken)).vendor).toEqual({ status: 'SUSPENDED', statusReason: 'Harga di katalog lebih tinggi dari harga pasar' });

    // Its page: the profile with the bank account BPBJ pays into, its orders, and its history with the reason.
    await page.getByLabel('Status').selectOption({ label: 'Ditangguhkan' });
    await page.getByRole('link', { name: first.node.businessName }).click();
    await page.getByRole('heading', { name: first.node.businessName }).waitFor();
    const api = (await w.graphql(`query($v: ID!) { vendor(id: $v) { bankAccount { accountNumber } } orders(first: 1, filter: { vendorId: $v }) { totalCount } }`, { v: first.node.id }, bpbjToken));
    expect(await page.getByTestId('vendor-status').textContent()).toContain('Dibekukan');
    expect(await page.getByTestId('vendor-bank').textContent()).toContain(api.vendor.bankAccount.accountNumber);
    await page.getByRole('heading', { name: `Paket terbaru (${api.orders.totalCount} paket)` }).waitFor();
    const history = page.getByTestId('vendor-history').getByRole('listitem');
    expect(await history.first().textContent()).toMatch(/^Dibekukan \d+ \w+ \d{4} .* · oleh BPBJHarga di katalog lebih tinggi dari harga pasar$/);
    await page.getByRole('button', { name: 'Aktifkan kembali' }).click();
    await expectNotice(page, 'aktif kembali');
    await page.getByTestId('vendor-status').filter({ hasText: 'Terverifikasi' }).waitFor();
    await history.first().filter({ hasText: /^Diaktifkan kembali \d/ }).waitFor(); // the history is read again after the action
    await shot(page, 'bpbj-vendor');

    // One of its products, opened from its page: BPBJ freezes it with the reason (buyers no longer see it), then brings it back.
    const products = (await w.graphql(`query($p: ID!, $v: ID!) { products(pemdaId: $p, filter: { vendorId: $v, status: [SUBMITTED, PUBLISHED, SUSPENDED, REJECTED] }, sort: NAME_ASC, first: 1) { totalCount edges { node { id name status } } } }`, { p: batu, v: first.node.id }, bpbjToken)).products;
    await page.getByRole('heading', { name: `Produk (${products.totalCount})` }).waitFor();
    const listed = products.edges[0].node;
    expect(listed.status).toBe('PUBLISHED');
    await page.getByRole('link', { name: listed.name, exact: true }).click();
    await page.getByTestId('product-status').filter({ hasText: 'Tayang' }).waitFor();
    page.once('dialog', (dialog) => dialog.accept('Foto tidak sesuai dengan barang yang dikirim'));
    await page.getByRole('button', { name: 'Bekukan produk' }).click();
    await expectNotice(page, `${listed.name} dibekukan; tidak tampil di katalog.`);
    await page.getByTestId('product-status').filter({ hasText: 'Dibekukan — alasan: Foto tidak sesuai dengan barang yang dikirim' }).waitFor();
    const seen = `query($id: ID!) { product(id: $id) { status statusReason } }`;
    expect((await w.graphql(seen, { id: listed.id }, bpbjToken)).product).toEqual({ status: 'SUSPENDED', statusReason: 'Foto tidak sesuai dengan barang yang dikirim' });
    await expect(w.graphql(seen, { id: listed.id })).rejects.toThrow(/NOT_FOUND/); // the public no longer sees it
    await page.getByRole('button', { name: 'Tayangkan kembali' }).click();
    await expectNotice(page, `${listed.name} tayang kembali.`);
    expect((await w.graphql(seen, { id: listed.id })).product.status).toBe('PUBLISHED');
    // The audit log names the same steps and states in words, not codes.
    await page.getByRole('link', { name: 'Log audit' }).click();
    await page.getByLabel('Jenis').selectOption({ label: 'Penyedia' });
    const latest = page.getByRole('row').nth(1).getByRole('cell');
    await page.getByRole('row').nth(1).filter({ hasText: 'Diaktifkan kembali' }).waitFor();
    expect((await latest.allTextContents()).slice(2)).toEqual([first.node.businessName, 'Diaktifkan kembali', 'Dibekukan', 'Terverifikasi', '', 'BPBJ']);
    // What the entry is about opens from it: the vendor's page.
    await latest.getByRole('link', { name: first.node.businessName }).click();
    await page.waitForURL(new RegExp(`/bpbj/penyedia/${first.node.id}$`));
  });

  it('decides a verified vendor\'s request to be classified usaha kecil, seeing what it changes in the 40% measure', async () => {
    // The demo's business that asks to be KECIL: as MENENGAH its sales are not UMK-K; approved, they would be.
    const queue = (await w.graphql(`query($p: ID!) { vendorCurationQueue(pemdaId: $p, first: 100) { edges { node { id businessName status pendingClassification { scale } } } } }`, { p: batu }, bpbjToken)).vendorCurationQueue;
    const asking = queue.edges.map((e: any) => e.node).find((v: any) => v.pendingClassification);
    expect(asking).toMatchObject({ status: 'VERIFIED', pendingClassification: { scale: 'KECIL' } });
    await page.getByRole('link', { name: 'Kurasi' }).click();
    const row = page.getByRole('row', { name: new RegExp(asking.businessName) }).filter({ has: page.getByTestId('classification-request') });
    const request = row.getByTestId('classification-request');
    await request.waitFor();
    const shown = (field: string) => request.getByRole('row', { name: new RegExp(`^${field}`) }).locator('td').allTextContents();
    expect(await shown('Skala')).toEqual(['Usaha menengah', 'Usaha kecil']);
    expect(await shown('UMK-K')).toEqual(['tidak', 'ya']);
    expect(await row.getByRole('button', { name: 'Verifikasi' }).count()).toBe(0); // it is verified: only the classification waits
    await shot(page, 'bpbj-classification');
    await row.getByRole('button', { name: 'Setujui klasifikasi' }).click();
    await expectNotice(page, `Klasifikasi ${asking.businessName} disetujui.`);
    expect((await w.graphql(`query($v: ID!) { vendor(id: $v) { scale isUmkk pendingClassification { scale } } }`, { v: asking.id }, bpbjToken)).vendor)
      .toEqual({ scale: 'KECIL', isUmkk: true, pendingClassification: null });
  });

  it('imports a budget CSV with a bad row and sees the error, nothing applied; each import\'s template, filled in, passes the check', async () => {
    await page.getByRole('link', { name: 'Impor pagu' }).click();
    await expectBasics(page, /Impor pagu/);
    const year = new Date().getFullYear() + 1;
    const csv = `opd_code,fiscal_year,goods_services_budget,planned_umkk,allocated_umkk\n1.02.01,${year},Rp5.000.000.000,2.000.000.000,1500000000\n9.99.99,${year},1000,0,0\n`;
    await page.getByLabel('Berkas CSV atau XLSX').setInputFiles({ name: 'pagu.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Periksa (uji coba)' }).click();
    await page.getByTestId('import-errors').waitFor();
    expect(await page.getByTestId('import-errors').textContent()).toContain('Kode OPD "9.99.99" tidak ada di Pemda ini.');
    expect(await page.getByRole('button', { name: 'Terapkan' }).isDisabled()).toBe(true);
    await shot(page, 'bpbj-import');

    // The template names every active OPD by code and name; filled in for next year and sent back as it is, it passes.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh templat CSV' }).click();
    const template = await download;
    expect(template.suggestedFilename()).toBe('templat-pagu-opd.csv');
    const [header, ...rows] = readFileSync((await template.path())!, 'utf8').split('\r\n').filter(Boolean).map((line) => line.split(';'));
    expect(header).toEqual(['opd_code', 'opd_name', 'fiscal_year', 'goods_services_budget', 'planned_umkk', 'allocated_umkk', 'effective_from', 'reason']);
    const opds = (await w.graphql(`query($p: ID!) { opds(pemdaId: $p) { code name active } }`, { p: batu }, bpbjToken)).opds.filter((o: any) => o.active);
    expect(rows.map(([code, name]) => `${code} ${name}`).sort()).toEqual(opds.map((o: any) => `${o.code} ${o.name}`).sort());
    const filled = [header, ...rows.map(([code, name]) => [code, name, String(year), '5000000000', '2000000000', '1500000000', '', ''])].map((r) => r.join(';')).join('\r\n');
    await page.getByLabel('Berkas CSV atau XLSX').setInputFiles({ name: 'templat-pagu-opd.csv', mimeType: 'text/csv', buffer: Buffer.from(filled) });
    await page.getByRole('button', { name: 'Periksa (uji coba)' }).click();
    await expectNotice(page, `Siap diterapkan: ${opds.length} baris`);

    // Spend outside the catalogue: its template's example row, sent back as it is, passes the check too.
    await page.getByRole('link', { name: 'Belanja luar katalog' }).click();
    await expectBasics(page, /Belanja luar katalog/);
    const spendDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Unduh templat CSV' }).click();
    const spendTemplate = await spendDownload;
    await page.getByLabel('Berkas CSV atau XLSX').setInputFiles({ name: 'belanja.csv', mimeType: 'text/csv', buffer: readFileSync((await spendTemplate.path())!) });
    await page.getByRole('button', { name: 'Periksa (uji coba)' }).click();
    await expectNotice(page, 'Siap diterapkan: 1 baru, 0 koreksi, 0 tidak berubah');
  });

  it('computes the award for the current quarter, reads an explanation, publishes it; the public leaderboard shows it', async () => {
    await page.getByRole('link', { name: 'Penghargaan' }).click();
    await expectBasics(page, /Penghargaan/);
    // The quarter's latest version is on the page as it opens (the year made a draft): nothing to compute to read it.
    const quarter = Math.floor(new Date().getMonth() / 3) + 1;
    const period = (q: number) => `${new Date().getFullYear()}-Q${q}`;
    const versionsOf = async (q: number) => (await w.graphql(`query($p: ID!, $q: String!) { awardVersions(pemdaId: $p, period: $q) { version status rows { rank opdName } } }`, { p: batu, q: period(q) }, bpbjToken)).awardVersions
      .sort((a: any, b: any) => b.version - a.version);
    const firstOf = (version: any) => version.rows.find((r: any) => r.rank === 1).opdName;
    const [latest] = await versionsOf(quarter);
    await expect(page.getByRole('heading', { name: `${period(quarter)} versi ${latest.version} (draf)` }).isVisible()).resolves.toBe(true);
    expect(await page.locator('tbody tr').first().textContent()).toContain(firstOf(latest));
    if (quarter > 1) {
      // The quarter before, published by the year, reads the same way.
      const published = (await versionsOf(quarter - 1)).find((v: any) => v.status === 'PUBLISHED');
      await page.getByLabel('Triwulan').selectOption(String(quarter - 1));
      await page.getByRole('heading', { name: `${period(quarter - 1)} versi ${published.version} (diumumkan)` }).waitFor();
      expect(await page.locator('tbody tr').first().textContent()).toContain(firstOf(published));
      await expect(page.getByRole('button', { name: 'Umumkan', exact: true }).isDisabled()).resolves.toBe(true);
      await page.getByLabel('Triwulan').selectOption(String(quarter));
    }
    await page.getByRole('button', { name: 'Hitung draf' }).click();
    await expectNotice(page, 'Draf versi');
    await page.getByRole('button', { name: 'Hitung draf' }).click(); // a second draft is compared with the first
    await page.getByTestId('award-comparison').waitFor();
    await page.getByRole('button', { name: 'Dinas Kesehatan', exact: true }).click();
    await expect(page.getByText('Belanja melalui katalog').first().isVisible()).resolves.toBe(true);
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Umumkan', exact: true }).click();
    await expectNotice(page, 'diumumkan');
    await shot(page, 'bpbj-award');

    const leaderboard = (await w.graphql(`query($p: ID!) { awardLeaderboard(pemdaId: $p) { rank opdName } }`, { p: batu })).awardLeaderboard;
    const visitor = await w.page({ width: 390, height: 844 });
    await visitor.goto(`${w.base}/publik/${batu}`);
    await visitor.getByTestId('leaderboard').waitFor();
    await expectBasics(visitor, /Rekap publik/);
    expect(await visitor.getByTestId('leaderboard').locator('tr').first().textContent()).toContain(leaderboard[0].opdName);
    // The OPD's own people see where it stands, and its place in the award just published: its head and its PP alike.
    const dinkesRow = leaderboard.find((r: any) => r.opdName === 'Dinas Kesehatan');
    for (const email of ['kepala.dinkes@batukota.go.id', 'pp.dinkes@batukota.go.id']) {
      const officer = await w.page({ width: 390, height: 844 });
      await signIn(w, officer, email);
      await officer.getByRole('link', { name: 'Capaian OPD' }).click();
      await expectBasics(officer, /Capaian OPD/);
      const token = await w.login(email);
      const me = (await w.graphql(`{ me { pemda { id } opd { id } } }`, {}, token)).me;
      const own = (await w.graphql(`query($p: ID!, $o: ID!, $y: Int!) { spendRecap(pemdaId: $p, opdId: $o, period: { year: $y, yearToDate: true }) { opds { umkkShareOfBudget } } }`,
        { p: me.pemda.id, o: me.opd.id, y: new Date().getFullYear() }, token)).spendRecap.opds;
      expect(own).toHaveLength(1); // its own OPD only
      expect(await officer.getByTestId('opd-share').textContent()).toBe(`${String(Math.round(own[0].umkkShareOfBudget * 100) / 100).replace('.', ',')}%`);
      expect(await officer.getByTestId('opd-award').textContent()).toContain(`Peringkat ${dinkesRow.rank} dari ${leaderboard.length} OPD`);
      await officer.context().close();
    }
    // The OPDs' shares on the phone: every OPD with a share, highest first, as the API gives them, in type a person
    // can read (the chart was a drawing scaled to the screen, its names a few pixels high).
    const shares = (await w.graphql(`query($p: ID!, $y: Int!) { publicSpendRecap(pemdaId: $p, period: { year: $y, yearToDate: true }) { opds { umkkShareOfBudget opd { shortName } } } }`, { p: batu, y: new Date().getFullYear() })).publicSpendRecap.opds
      .filter((o: any) => o.umkkShareOfBudget != null).sort((a: any, b: any) => b.umkkShareOfBudget - a.umkkShareOfBudget);
    const shareRows = visitor.getByTestId('share-row');
    expect(await shareRows.locator('.value').allTextContents()).toEqual(shares.map((o: any) => `${String(Math.round(o.umkkShareOfBudget * 100) / 100).replace('.', ',')}%`));
    expect(new Set(await shareRows.locator('.name').allTextContents())).toEqual(new Set(shares.map((o: any) => o.opd.shortName)));
    const nameSize = await shareRows.first().locator('.name').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(nameSize).toBeGreaterThanOrEqual(12);
    // The listing target counts local products: the tile's figure is the one its percentage is of.
    const listing = (await w.graphql(`query($p: ID!) { catalogueProgress(pemdaId: $p) { publishedProducts publishedLocalProducts listedProductsTarget } }`, { p: batu })).catalogueProgress;
    expect(listing.publishedLocalProducts).toBeLessThan(listing.publishedProducts);
    const tile = (await visitor.getByTestId('listing-progress').textContent())!;
    const id = (n: number) => n.toLocaleString('id-ID');
    expect(tile).toContain(`Produk lokal tayang${id(listing.publishedLocalProducts)}target ${id(listing.listedProductsTarget)} (`);
    expect(tile).toContain(`dari ${id(listing.publishedProducts)} produk tayang`);
    // The ASN programme's latest closed month, OPD by OPD, as the public API gives it: the deadline day of the month
    // after has passed (Jakarta's date), so that month's rates are final.
    const [programme] = (await w.graphql(`query($p: ID!) { asnProgrammes(pemdaId: $p) { id name reportDeadlineDay } }`, { p: batu })).asnProgrammes;
    const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date()).split('-').map(Number);
    const closed = new Date(Date.UTC(y, m - 1 - (d > programme.reportDeadlineDay ? 1 : 2), 1)).toISOString().slice(0, 7);
    const publicRows = (await w.graphql(`query($g: ID!, $m: String!) { publicAsnCompliance(programmeId: $g, month: $m) { opd { name } complianceRate rank } }`, { g: programme.id, m: closed })).publicAsnCompliance;
    const asnSection = visitor.getByRole('region', { name: programme.name });
    await asnSection.getByTestId('opd-asn-ranking').waitFor();
    const BULAN = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
    expect(await asnSection.getByRole('heading').textContent()).toBe(`${programme.name}: ${BULAN[Number(closed.slice(5)) - 1]} ${closed.slice(0, 4)}`);
    const asnRows = asnSection.locator('tbody tr');
    expect(await asnRows.count()).toBe(publicRows.length);
    expect(publicRows[0].rank).toBe(1);
    expect(await asnRows.first().textContent()).toContain(publicRows[0].opd.name);
    expect(await asnRows.first().locator('td').nth(4).textContent()).toBe(`${String(Math.round(publicRows[0].complianceRate * 100) / 100).replace('.', ',')}%`);
    await shot(visitor, 'public-recap-phone');
    const office = await w.page();
    await office.goto(`${w.base}/publik/${batu}`);
    await office.getByTestId('leaderboard').waitFor();
    await shot(office, 'public-recap');
    // The open-data link serves the year's purchases as OCDS, the demo's orders among them.
    const ocds: any = await (await fetch(new URL((await office.getByTestId('ocds-link').getAttribute('href'))!, w.base))).json();
    expect(ocds).toEqual(expect.objectContaining({ version: '1.1', publisher: expect.objectContaining({ uid: '35.79' }) }));
    expect(ocds.releases.length).toBeGreaterThan(0);

    // The public catalogue: search, then a product page with its vendor.
    await office.getByRole('link', { name: /Lihat katalog/ }).click();
    await office.getByLabel('Cari produk').fill('keripik apel');
    await office.waitForURL(/q=keripik\+apel/);
    const first = office.locator('.product h3 a', { hasText: /apel/i }).first(); // an answer to the query, not to a keystroke on the way
    await first.waitFor();
    // Name and link read from one element in one step: the list may re-render between two reads.
    const [name, href] = await first.evaluate((a) => [a.textContent, a.getAttribute('href')]);
    await office.goto(`${w.base}${href}`);
    await office.locator('main h1, main [role="alert"]').first().waitFor();
    expect(await office.locator('main').textContent()).toContain(name!);
    await expectBasics(office, /Produk/);
    await expect(office.getByText('Minimal pesan').isVisible()).resolves.toBe(true);
    await shot(office, 'public-product');
  });

  it('reads the December forecast and the vendor concentration, each figure the API\'s', async () => {
    await page.getByRole('link', { name: 'Proyeksi & konsentrasi' }).click();
    await expectBasics(page, /Proyeksi/);
    await page.getByTestId('forecast-table').waitFor();
    const year = new Date().getFullYear();
    const api = await w.graphql(`query($p: ID!) { decemberForecast(pemdaId: $p, year: ${year}) { method pemda { projectedShare } opds { willMiss } } vendorConcentration(pemdaId: $p, year: ${year}) { hhi } }`, { p: batu }, bpbjToken);
    // The demo year has last year on record: the forecast follows its shape, not a straight line.
    expect(api.decemberForecast.method).toBe('LAST_YEAR_SHAPE');
    expect(await page.getByTestId('projected-share').textContent()).toBe(`${String(api.decemberForecast.pemda.projectedShare).replace('.', ',')}%`);
    const missing = api.decemberForecast.opds.filter((o: any) => o.willMiss).length;
    expect(await page.getByTestId('missing-count').textContent()).toBe(`${missing} dari ${api.decemberForecast.opds.length}`);
    expect(await page.locator('[data-testid=forecast-table] tbody tr').count()).toBe(api.decemberForecast.opds.length);
    expect(await page.locator('[data-testid=concentration-table] tbody tr').count()).toBe(api.vendorConcentration.length);
    await shot(page, 'bpbj-forecast');
  });

  it('lists possible split orders of the year, each with the orders behind it, as the API does', async () => {
    await page.getByRole('link', { name: 'Pemecahan paket' }).click();
    await expectBasics(page, /Pemecahan paket/);
    await page.locator('main section.card, main p:has-text("Tidak ada indikasi")').first().waitFor();
    const shown = await page.locator('main section.card').count();
    const api = await w.graphql(`query($p: ID!) { splitOrderFlags(pemdaId: $p, year: ${new Date().getFullYear()}) { total } }`, { p: batu }, bpbjToken);
    expect(shown).toBe(api.splitOrderFlags.length);
    await shot(page, 'bpbj-split-orders');
  });

  it('downloads the reports the API offers', async () => {
    await page.getByRole('link', { name: 'Laporan' }).click();
    await expectBasics(page, /Laporan/);
    const year = new Date().getFullYear();
    for (const [card, button, filename] of [
      ['Rekap belanja UMK-K', 'Unduh XLSX', `rekap-belanja-umkk-${year}.xlsx`],
      ['Rekap belanja UMK-K', 'Unduh PDF', `rekap-belanja-umkk-${year}.pdf`],
      ['Daftar paket', 'Unduh CSV (Excel)', `paket-${year}-01-01-${year}-12-31.csv`],
    ]) {
      const download = page.waitForEvent('download');
      await page.locator('section', { hasText: card }).getByRole('button', { name: button, exact: true }).click();
      expect((await download).suggestedFilename()).toBe(filename);
    }

    // A period of any length, made in the background: refused beside the field without its end; then asked for, made
    // by the export job's next run (this world runs no scheduler), and downloaded once the page sees it done.
    const period = page.getByRole('region', { name: 'Daftar paket per periode' });
    const ask = period.getByRole('form', { name: 'Minta daftar paket' });
    await ask.getByLabel('Sampai tanggal').fill('');
    await ask.getByRole('button', { name: 'Minta berkas' }).click();
    await ask.locator('span.error').filter({ hasText: 'Tanggal awal dan akhir wajib diisi' }).waitFor();
    expect(await period.locator('tr[data-status]').count()).toBe(0);
    await ask.getByLabel('Sampai tanggal').fill(`${year}-06-30`);
    await ask.getByLabel('Format').selectOption('XLSX');
    await ask.getByRole('button', { name: 'Minta berkas' }).click();
    await period.locator('tr[data-status="QUEUED"]').waitFor();
    expect(await w.runQueuedExports()).toBe(1);
    await period.locator('tr[data-status="DONE"]').waitFor({ timeout: 10_000 });
    const file = page.waitForEvent('download');
    await period.getByRole('button', { name: 'Unduh', exact: true }).click();
    expect((await file).suggestedFilename()).toBe(`paket-${year}-01-01-${year}-06-30.xlsx`);
    // The file outlives the page: back on the reports page later, it is listed from the API, ready to download again.
    await page.getByRole('link', { name: 'Dasbor' }).click();
    await page.getByTestId('pemda-share').waitFor();
    await page.getByRole('link', { name: 'Laporan' }).click();
    const kept = period.locator('tr[data-status="DONE"]');
    await kept.waitFor();
    expect(await kept.textContent()).toContain(`1 Januari ${year} s.d. 30 Juni ${year}XLSX`);
    await period.scrollIntoViewIfNeeded();
    await shot(page, 'bpbj-reports');
  });

  it("adds an OPD and gives a new PP an account; the PP sets their own password first; a forgotten one is reset, a leaver's account ended", async () => {
    await page.getByRole('link', { name: 'OPD & akun' }).click();
    await expectBasics(page, /OPD & akun/);
    const opdsBefore = (await w.graphql(`query($p: ID!) { opds(pemdaId: $p) { code } }`, { p: batu }, bpbjToken)).opds.length;
    const opdForm = page.getByRole('form', { name: 'Tambah OPD' });
    await opdForm.getByLabel('Kode').fill('kode salah!');
    await opdForm.getByLabel('Nama').fill('Dinas Uji Coba');
    await opdForm.getByLabel('Singkatan').fill('Dinuji');
    await opdForm.getByRole('button', { name: 'Tambah OPD' }).click();
    await opdForm.getByText('Kode OPD 1-32 karakter: huruf, angka, titik atau tanda hubung.').waitFor();
    expect((await w.graphql(`query($p: ID!) { opds(pemdaId: $p) { code } }`, { p: batu }, bpbjToken)).opds).toHaveLength(opdsBefore);
    await opdForm.getByLabel('Kode').fill('9.99.01');
    await opdForm.getByRole('button', { name: 'Tambah OPD' }).click();
    await expectNotice(page, 'Dinas Uji Coba ditambahkan.');
    await page.getByText(/^Daftar OPD \(\d+\)$/).click();
    await page.getByRole('row', { name: /9\.99\.01 Dinas Uji Coba Dinuji Aktif/ }).waitFor();
    await page.getByText(/^Daftar OPD \(\d+\)$/).click(); // closed again

    // The accounts of one OPD at a time.
    await page.locator('section[aria-label="Akun pegawai"] > label > select').selectOption({ label: 'Dinas Kesehatan' });
    await page.locator('tr[data-email="pp.dinkes@batukota.go.id"]').waitFor();

    // An account for a new PP of Dinkes, with the first password the page suggests.
    const userForm = page.getByRole('form', { name: 'Buat akun' });
    await userForm.getByLabel('Nama lengkap').fill('Rina Wulandari');
    await userForm.getByLabel('Email dinas').fill('pp.rina@batukota.go.id');
    await userForm.getByLabel('Peran').selectOption({ label: 'Pejabat Pengadaan (PP)' });
    await userForm.locator('select[name=opdId]').selectOption({ label: 'Dinas Kesehatan' });
    const first = await userForm.getByLabel(/Kata sandi pertama/).inputValue();
    expect(first).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    await userForm.getByRole('button', { name: 'Buat akun' }).click();
    await expectNotice(page, `Akun pp.rina@batukota.go.id dibuat. Sampaikan kata sandi pertamanya (${first})`);
    const row = page.locator('tr[data-email="pp.rina@batukota.go.id"]');
    await row.filter({ hasText: 'belum mengganti kata sandi pertama' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'bpbj-accounts');

    // The PP signs in with it and is kept on the account page, whatever page it asks for, until it chooses its own.
    const pp = await w.page({ width: 390, height: 844 });
    await signIn(w, pp, 'pp.rina@batukota.go.id', first);
    await pp.getByText('Kata sandi Anda dibuat oleh BPBJ.').waitFor();
    await pp.goto(`${w.base}/opd/keranjang`);
    await expectBasics(pp, /Akun/);
    expect(new URL(pp.url()).pathname).toBe('/akun');
    await pp.getByLabel('Kata sandi saat ini').fill('bukan-yang-ini');
    await pp.getByLabel(/^Kata sandi baru/).fill('Apel-Manalagi-2026');
    await pp.getByLabel('Ulangi kata sandi baru').fill('Apel-Manalagi-2026');
    await pp.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await pp.getByText('Kata sandi saat ini salah.').waitFor();
    await pp.getByLabel('Kata sandi saat ini').fill(first);
    await pp.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await expectNotice(pp, 'Kata sandi diganti.');
    await shot(pp, 'account-password-phone');
    await pp.getByRole('link', { name: 'Lanjutkan' }).click(); // to the page it asked for
    await expectBasics(pp, /Keranjang/);
    expect(new URL(pp.url()).pathname).toBe('/opd/keranjang');
    await page.reload();
    await expect(page.locator('tr[data-email="pp.rina@batukota.go.id"]').textContent()).resolves.not.toContain('belum mengganti');

    // Forgotten: BPBJ resets it. The PP's session ends; the temporary password signs in, to the account page again.
    page.once('dialog', (dialog) => dialog.accept());
    await page.locator('tr[data-email="pp.rina@batukota.go.id"]').getByRole('button', { name: 'Atur ulang kata sandi' }).click();
    await expectNotice(page, 'Kata sandi sementara Rina Wulandari: ');
    const temporary = (await page.getByRole('status').textContent())!.match(/: ([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})\./)![1];
    await pp.getByRole('link', { name: 'Paket' }).click();
    await pp.getByText('Sesi Anda berakhir').waitFor();
    await signIn(w, pp, 'pp.rina@batukota.go.id', temporary);
    await pp.getByText('Kata sandi Anda dibuat oleh BPBJ.').waitFor();

    // The PP left: deactivated with the reason, its session ends and it cannot sign in; the audit log says so in words.
    page.once('dialog', (dialog) => dialog.accept('Pindah tugas ke Dinas Pendidikan'));
    await page.locator('tr[data-email="pp.rina@batukota.go.id"]').getByRole('button', { name: 'Nonaktifkan' }).click();
    await expectNotice(page, 'Akun Rina Wulandari dinonaktifkan; sesinya berakhir.');
    await page.locator('tr[data-email="pp.rina@batukota.go.id"]').filter({ hasText: 'Nonaktif' }).getByRole('button', { name: 'Aktifkan kembali' }).waitFor();
    const refused = await fetch(`${w.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `mutation { login(input: { email: "pp.rina@batukota.go.id", password: "${temporary}" }) { token } }` }) });
    expect((await refused.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    await page.getByRole('link', { name: 'Log audit' }).click();
    // The demo year's log is longer than a page: older entries load below, in the same newest-first order as the API's.
    const entries = page.locator('tbody tr');
    await entries.nth(99).waitFor();
    expect(await entries.count()).toBe(100);
    await page.getByRole('button', { name: 'Muat yang lebih lama' }).click();
    await entries.nth(100).waitFor();
    const api = (await w.graphql(`query($p: ID!) { auditLog(pemdaId: $p, limit: 200) { reason subjectName } }`, { p: batu }, bpbjToken)).auditLog;
    const shownRows = await entries.evaluateAll((rows) => rows.map((row) => [row.children[2].textContent, row.children[6].textContent]));
    expect(shownRows).toEqual(api.slice(0, shownRows.length).map((e: any) => [e.subjectName ?? '', e.reason ?? '']));
    await page.getByLabel('Jenis').selectOption({ label: 'Akun pegawai' });
    await page.getByRole('row').nth(1).filter({ hasText: 'Akun dinonaktifkan' }).waitFor();
    expect((await page.getByRole('row').nth(1).getByRole('cell').allTextContents()).slice(2)).toEqual(['Rina Wulandari', 'Akun dinonaktifkan', 'Aktif', 'Nonaktif', 'Pindah tugas ke Dinas Pendidikan', 'BPBJ']);
    expect((await page.getByRole('row').nth(2).getByRole('cell').allTextContents()).slice(2, 4)).toEqual(['Rina Wulandari', 'Kata sandi diatur ulang']);
  });

  it('adds a category under an existing one, a bad code refused beside its field, and renames it', async () => {
    await page.getByRole('link', { name: 'Kategori', exact: true }).click();
    await expectBasics(page, /Kategori/);
    const add = page.getByRole('form', { name: 'Tambah kategori' });
    await add.getByLabel('Di bawah').selectOption({ label: 'Produk Olahan Pangan › Produk Olahan Apel' });
    await add.getByLabel('Nama', { exact: true }).fill('Cuka Apel');
    await add.getByLabel(/^Kode \(/).fill('Cuka Apel!');
    await add.getByRole('button', { name: 'Tambah kategori' }).click();
    await add.getByText(/^Kode kategori: huruf kecil/).waitFor();
    const codes = async () => JSON.stringify((await w.graphql(`query($p: ID!) { categories(pemdaId: $p) { code children { code children { code } } } }`, { p: batu })).categories);
    expect(await codes()).not.toContain('olahan-apel-cuka');
    await add.getByLabel(/^Kode \(/).fill('olahan-apel-cuka');
    await add.getByRole('button', { name: 'Tambah kategori' }).click();
    await expectNotice(page, 'Kategori Cuka Apel ditambahkan.');
    const row = page.locator('tr[data-code="olahan-apel-cuka"]');
    await row.waitFor();
    expect(await codes()).toContain('olahan-apel-cuka');
    await row.getByRole('button', { name: 'Ubah' }).click();
    const edit = page.getByRole('form', { name: 'Ubah Cuka Apel' });
    await edit.getByLabel('Nama', { exact: true }).fill('Cuka dan Sari Cuka Apel');
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await expectNotice(page, 'Kategori Cuka dan Sari Cuka Apel disimpan.');
    await row.filter({ hasText: 'Cuka dan Sari Cuka Apel' }).waitFor();
  });

  it('runs the ASN programme: OPDs ranked as the API ranks them, an ASN on leave for the month, an account given, a bad registry row refused', async () => {
    await page.getByRole('link', { name: 'Program ASN' }).click();
    await expectBasics(page, /Program ASN/);
    const now = new Date();
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1)).toISOString().slice(0, 7); // due: its deadline has passed
    await page.getByLabel('Bulan', { exact: true }).fill(month);
    const programmeId = (await w.graphql(`query($p: ID!) { asnProgrammes(pemdaId: $p) { id } }`, { p: batu })).asnProgrammes[0].id;
    const ranking = (await w.graphql(`query($g: ID!, $m: String!) { opdAsnCompliance(programmeId: $g, month: $m) { opd { id name } complianceRate rank } }`, { g: programmeId, m: month }, bpbjToken)).opdAsnCompliance;
    const rows = page.getByTestId('opd-asn-ranking').locator('tbody tr');
    expect(ranking[0].complianceRate).not.toBeNull();
    const rate = `${String(Math.round(ranking[0].complianceRate * 100) / 100).replace('.', ',')}%`;
    await rows.first().filter({ hasText: ranking[0].opd.name }).filter({ hasText: rate }).waitFor();
    expect(await rows.count()).toBe(ranking.length);
    expect(await rows.first().locator('td').nth(4).textContent()).toBe(rate);
    await shot(page, 'bpbj-asn');

    await page.getByTestId('opd-asn-ranking').getByRole('button', { name: 'Dinas Kesehatan', exact: true }).click();
    const dinkes = ranking.find((o: any) => o.opd.name === 'Dinas Kesehatan').opd.id;
    const month_ = `query($g: ID!, $o: ID!, $m: String!) { asnMonthlyCompliance(programmeId: $g, opdId: $o, month: $m) { asn { id name } status } }`;
    const asn = (await w.graphql(month_, { g: programmeId, o: dinkes, m: month }, bpbjToken)).asnMonthlyCompliance;
    await page.getByTestId('asn-row').first().waitFor();
    expect(await page.getByTestId('asn-row').count()).toBe(asn.length);
    const someone = asn.find((r: any) => r.status !== 'EXEMPT');
    const row = page.getByTestId('asn-row').filter({ hasText: someone.asn.name });
    await row.getByRole('button', { name: 'Cuti bulan ini' }).click();
    await expectNotice(page, `${someone.asn.name} dikecualikan untuk`);
    await row.filter({ hasText: 'Dikecualikan' }).waitFor();
    expect((await w.graphql(month_, { g: programmeId, o: dinkes, m: month }, bpbjToken)).asnMonthlyCompliance.find((r: any) => r.asn.id === someone.asn.id).status).toBe('EXEMPT');
    await row.getByRole('button', { name: 'Cabut pengecualian' }).click();
    await expectNotice(page, `Pengecualian ${someone.asn.name}`);
    expect((await w.graphql(month_, { g: programmeId, o: dinkes, m: month }, bpbjToken)).asnMonthlyCompliance.find((r: any) => r.asn.id === someone.asn.id).status).toBe(someone.status);

    // An account for an ASN who has none: the first password is shown once and signs in.
    const demoAsn = (await w.graphql(`{ me { asn { id } } }`, {}, await w.login('asn.dinkes@batukota.go.id'))).me.asn.id;
    const newcomer = asn.find((r: any) => r.asn.id !== demoAsn);
    page.once('dialog', (dialog) => dialog.accept('asn.baru@batukota.go.id'));
    await page.getByTestId('asn-row').filter({ hasText: newcomer.asn.name }).getByRole('button', { name: 'Buat akun' }).click();
    await expectNotice(page, `Akun asn.baru@batukota.go.id dibuat untuk ${newcomer.asn.name}.`);
    const password = (await page.getByRole('status').textContent())!.match(/Kata sandi pertama: ([a-z2-9-]{14})/)![1];
    expect((await w.graphql(`{ me { role mustChangePassword asn { id } } }`, {}, await w.login('asn.baru@batukota.go.id', password))).me).toEqual({ role: 'ASN', mustChangePassword: true, asn: { id: newcomer.asn.id } });

    await page.getByLabel('Berkas CSV atau XLSX').setInputFiles({ name: 'asn.csv', mimeType: 'text/csv', buffer: Buffer.from('nip,name,opd_code,grade,tpp\n199002302015011001,Tanggal Salah,1.02.01,PELAKSANA,\n') });
    await page.getByRole('button', { name: 'Periksa (uji coba)' }).click();
    await page.getByTestId('import-errors').filter({ hasText: 'nip' }).waitFor();
    expect(await page.getByRole('button', { name: 'Terapkan' }).isDisabled()).toBe(true);

    // A second programme, as a regent's instruction sets it: a deadline past the 28th refused beside its field.
    const PROGRAMMES = `query($p: ID!) { asnProgrammes(pemdaId: $p) { id name reportDeadlineDay gradeMinimums { PELAKSANA ESELON_II } outlets { name kind } } }`;
    const before = (await w.graphql(PROGRAMMES, { p: batu })).asnProgrammes;
    await page.getByText('Program baru', { exact: true }).click();
    const form = page.getByRole('form', { name: 'Program baru' });
    await form.getByLabel('Nama program').fill('Belanja Cil Kota Batu');
    await form.getByLabel('Mulai bulan').fill(new Date().toISOString().slice(0, 7));
    await form.getByLabel('Pelaksana (Rp)').fill('60.000');
    await form.getByLabel('Batas lapor').fill('35');
    await form.getByLabel('Nama gerai 1').fill('Pasar Besar Batu');
    await form.getByRole('button', { name: 'Tambah gerai' }).click();
    await form.getByLabel('Nama gerai 2').fill('Galeri Dekranasda Batu');
    await form.getByLabel('Jenis gerai 2').selectOption({ label: 'Galeri Dekranasda' });
    await form.getByRole('button', { name: 'Buat program' }).click();
    await form.locator('label', { hasText: 'Batas lapor' }).locator('span.error').filter({ hasText: 'Batas lapor tanggal 1-28 bulan berikutnya.' }).waitFor();
    expect((await w.graphql(PROGRAMMES, { p: batu })).asnProgrammes).toEqual(before);
    await form.getByLabel('Batas lapor').fill('12');
    await form.getByRole('button', { name: 'Buat program' }).click();
    await expectNotice(page, 'Program "Belanja Cil Kota Batu" dibuat.');
    const created = (await w.graphql(PROGRAMMES, { p: batu })).asnProgrammes.find((p: any) => p.name === 'Belanja Cil Kota Batu');
    expect(created).toEqual(expect.objectContaining({ reportDeadlineDay: 12, gradeMinimums: { PELAKSANA: 60_000, ESELON_II: 200_000 } }));
    expect(created.outlets).toEqual(expect.arrayContaining([{ name: 'Pasar Besar Batu', kind: 'PASAR_RAKYAT' }, { name: 'Galeri Dekranasda Batu', kind: 'GALERI_DEKRANASDA' }]));
    expect(created.outlets).toHaveLength(2);
    await page.waitForURL((url) => url.searchParams.get('program') === created.id);
    const picker = page.locator('select').first(); // the page's programme picker
    await picker.locator('option', { hasText: 'Belanja Cil Kota Batu' }).waitFor({ state: 'attached' });
    expect(await picker.inputValue()).toBe(created.id);
  });

  it("sets the Pemda's rules: a target below the legal floor refused beside its field, months closed, a regional day off, a synonym", async () => {
    await page.getByRole('link', { name: 'Pengaturan' }).click();
    await expectBasics(page, /Pengaturan/);
    const settings = `query($p: ID!) { pemda(id: $p) { localSpendTargetPercent closedThrough } searchSynonyms(pemdaId: $p) { term expansions } }`;
    const before = (await w.graphql(settings, { p: batu }, bpbjToken));
    const targets = page.getByRole('form', { name: 'Target' });
    await targets.getByLabel(/^Target belanja produk UMK-K/).fill('35');
    await targets.getByRole('button', { name: 'Simpan target' }).click();
    await targets.locator('.error').first().waitFor();
    expect(await targets.locator('.error').first().textContent()).toMatch(/40/);
    expect((await w.graphql(settings, { p: batu }, bpbjToken)).pemda.localSpendTargetPercent).toBe(before.pemda.localSpendTargetPercent);
    await targets.getByLabel(/^Target belanja produk UMK-K/).fill('42,5');
    await targets.getByRole('button', { name: 'Simpan target' }).click();
    await expectNotice(page, 'Target disimpan.');
    expect((await w.graphql(settings, { p: batu }, bpbjToken)).pemda.localSpendTargetPercent).toBe(42.5);

    // Close the months up to the one before last (confirmed first: closed months never reopen).
    const today = new Date();
    const month = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 2, 1)).toISOString().slice(0, 7);
    expect(before.pemda.closedThrough === null || before.pemda.closedThrough < month).toBe(true);
    const close = page.getByRole('form', { name: 'Tutup sampai bulan' });
    await close.getByLabel('Bulan terakhir yang ditutup').fill(month);
    await close.getByLabel(/^Alasan/).fill('Rekonsiliasi dengan BPKAD selesai');
    page.once('dialog', (dialog) => dialog.accept());
    await close.getByRole('button', { name: 'Tutup periode' }).click();
    await expectNotice(page, 'ditutup.');
    expect((await w.graphql(settings, { p: batu }, bpbjToken)).pemda.closedThrough).toBe(month);
    await page.getByTestId('closed-through').filter({ hasText: /^Ditutup sampai \w+ \d{4}:/ }).waitFor();

    // A regional day off on the first free day from next week, then removed.
    const holidays = (await w.graphql(`query($p: ID!, $y: Int!) { holidays(pemdaId: $p, year: $y) { date } }`, { p: batu, y: today.getUTCFullYear() + 1 }, bpbjToken)).holidays.map((h: any) => h.date);
    const free = [...Array(60).keys()].map((d) => new Date(Date.UTC(today.getUTCFullYear() + 1, 0, 2 + d)).toISOString().slice(0, 10)).find((d) => !holidays.includes(d))!;
    await page.getByRole('region', { name: 'Hari libur' }).getByLabel('Tahun').selectOption(String(today.getUTCFullYear() + 1));
    const addHoliday = page.getByRole('form', { name: 'Tambah libur daerah' });
    await addHoliday.getByLabel('Tanggal').fill(free);
    await addHoliday.getByLabel(/^Nama/).fill('Hari Jadi Kota Batu');
    await addHoliday.getByRole('button', { name: 'Tambah' }).click();
    await expectNotice(page, 'Libur daerah ditambahkan.');
    const row = page.getByRole('row', { name: /Hari Jadi Kota Batu Libur daerah/ });
    await row.waitFor();
    await row.getByRole('button', { name: 'Hapus' }).click();
    await expectNotice(page, 'Hari Jadi Kota Batu dihapus dari hari libur.');
    await row.waitFor({ state: 'detached' });

    const synonym = page.getByRole('form', { name: 'Tambah atau ubah sinonim' });
    await synonym.getByLabel(/^Kata/).fill('gulmer');
    await synonym.getByLabel(/^Juga dicari sebagai/).fill('gula merah, gula aren');
    await synonym.getByRole('button', { name: 'Simpan sinonim' }).click();
    await expectNotice(page, 'Sinonim disimpan.');
    expect((await w.graphql(settings, { p: batu }, bpbjToken)).searchSynonyms).toContainEqual({ term: 'gulmer', expansions: ['gula merah', 'gula aren'] });
    await shot(page, 'bpbj-settings');
  });

  it('reads the notifications, the older ones on request, as the API lists them', async () => {
    // A vendor puts 55 products up for curation one by one: BPBJ hears of each.
    const vendorToken = await w.login('keripik.apel@umkm-batu.id');
    const categories = (await w.graphql(`query($p: ID!) { categories(pemdaId: $p) { code children { id code } } }`, { p: batu })).categories;
    const keripik = categories.flatMap((c: any) => c.children).find((c: any) => c.code === 'olahan-keripik').id;
    for (let n = 1; n <= 55; n++) {
      const input = { name: `Keripik Tempe Varian ${n}`, description: 'Keripik tempe renyah khas Batu', categoryId: keripik, unit: 'pack', price: 12_000 + n, stock: 40 };
      const made = (await w.graphql(`mutation($input: ProductInput!) { createProduct(input: $input) { id } }`, { input }, vendorToken)).createProduct;
      await w.graphql(`mutation($id: ID!) { submitProduct(id: $id) { id } }`, { id: made.id }, vendorToken);
    }
    const all = (await w.graphql(`{ notifications(first: 100) { id title } }`, {}, bpbjToken)).notifications;
    expect(all.length).toBeGreaterThan(55);
    expect(all[0].title).toBe('Produk menunggu kurasi: Keripik Tempe Varian 55');
    await page.getByRole('link', { name: /^Pemberitahuan/ }).click();
    await expectBasics(page, /Pemberitahuan/);
    const items = page.getByTestId('notification');
    await items.first().waitFor();
    expect(await items.count()).toBe(50);
    await page.getByRole('button', { name: 'Muat yang lebih lama' }).click();
    await items.nth(50).waitFor();
    expect(await items.count()).toBe(Math.min(all.length, 100));
    expect(await items.nth(50).locator('strong').textContent()).toBe(all[50].title);
  });

  it('the platform admin adds a Pemda (a bad code refused beside its field) and its first BPBJ officer, who opens a catalogue with the standard categories', async () => {
    const admin = await w.page();
    await signIn(w, admin, 'admin@katalog.local');
    await expectBasics(admin, /Pemda/);
    const pemdas = async () => (await w.graphql(`{ pemdas { id name province kemendagriCode timeZone } }`)).pemdas;
    const before = await pemdas();
    await admin.getByTestId('pemdas').getByRole('button', { name: 'Pemerintah Kota Batu' }).waitFor();

    await admin.getByText('Pemda baru', { exact: true }).click();
    const form = admin.getByRole('form', { name: 'Pemda baru' });
    await form.getByLabel('Nama resmi').fill('Pemerintah Kabupaten Balangan');
    await form.getByLabel('Jenis').selectOption({ label: 'Kabupaten' });
    await form.getByLabel('Provinsi').fill('Kalimantan Seltan'); // a typo, corrected below
    await form.getByLabel('Kode Kemendagri').fill('63-11');
    await form.getByLabel('Zona waktu').selectOption('Asia/Makassar');
    await form.getByRole('button', { name: 'Daftarkan Pemda' }).click();
    await form.locator('label', { hasText: 'Kode Kemendagri' }).locator('span.error').filter({ hasText: 'Kode Kemendagri berformat NN.NN' }).waitFor();
    expect(await pemdas()).toEqual(before);
    await form.getByLabel('Kode Kemendagri').fill('63.11');
    await form.getByRole('button', { name: 'Daftarkan Pemda' }).click();
    await expectNotice(admin, 'Pemerintah Kabupaten Balangan terdaftar');
    const balangan = (await pemdas()).find((p: any) => p.kemendagriCode === '63.11');
    expect(balangan).toEqual(expect.objectContaining({ name: 'Pemerintah Kabupaten Balangan', timeZone: 'Asia/Makassar' }));

    // The province's typo corrected: refused without a reason, beside the field, and nothing changed; then saved.
    await admin.getByText('Ubah data Pemerintah Kabupaten Balangan').click();
    const correction = admin.getByRole('form', { name: 'Ubah data Pemda' });
    await correction.getByLabel('Provinsi').fill('Kalimantan Selatan');
    await correction.getByRole('button', { name: 'Simpan perubahan' }).click();
    await correction.locator('label', { hasText: 'Alasan perubahan' }).locator('span.error').filter({ hasText: 'Alasan wajib diisi' }).waitFor();
    expect((await pemdas()).find((p: any) => p.id === balangan.id).province).toBe('Kalimantan Seltan');
    await correction.getByLabel('Alasan perubahan').fill('Salah ketik nama provinsi saat pendaftaran');
    await correction.getByRole('button', { name: 'Simpan perubahan' }).click();
    await expectNotice(admin, 'Data Pemerintah Kabupaten Balangan diperbarui');
    expect((await pemdas()).find((p: any) => p.id === balangan.id)).toEqual({ ...balangan, province: 'Kalimantan Selatan' });
    await admin.getByTestId('pemdas').locator('tr', { hasText: 'Pemerintah Kabupaten Balangan' }).filter({ hasText: 'Kalimantan Selatan' }).waitFor();

    const officers = admin.getByRole('region', { name: 'BPBJ Pemerintah Kabupaten Balangan' });
    const accountForm = officers.getByRole('form', { name: 'Buat akun BPBJ' });
    await accountForm.getByLabel('Nama lengkap').fill('Siti Rahmah');
    await accountForm.getByLabel('Email dinas').fill('bpbj@balangankab.go.id');
    const first = await accountForm.getByLabel(/Kata sandi pertama/).inputValue();
    await accountForm.getByRole('button', { name: 'Buat akun BPBJ' }).click();
    await expectNotice(admin, 'Akun BPBJ bpbj@balangankab.go.id dibuat.');
    await officers.locator('tr[data-email="bpbj@balangankab.go.id"]').filter({ hasText: 'belum mengganti kata sandi pertama' }).waitFor();
    await shot(admin, 'admin-pemdas');

    // The new officer chooses a password, then finds Balangan's catalogue tree ready for its vendors.
    const officer = await w.page();
    await signIn(w, officer, 'bpbj@balangankab.go.id', first);
    await officer.getByLabel('Kata sandi saat ini').fill(first);
    await officer.getByLabel(/^Kata sandi baru/).fill('Pasar-Paringin-63');
    await officer.getByLabel('Ulangi kata sandi baru').fill('Pasar-Paringin-63');
    await officer.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await expectNotice(officer, 'Kata sandi diganti.');
    // A Pemda with nothing to measure yet: the dashboard lists what to set up first.
    await officer.getByRole('link', { name: 'Lanjutkan' }).click();
    await expectBasics(officer, /Dasbor/);
    expect(await officer.getByTestId('getting-started').locator('li').first().textContent()).toContain('impor daftar OPD');
    await officer.getByRole('link', { name: 'Kategori' }).first().click();
    await officer.getByText('Bahan Pangan Pokok').first().waitFor();
    expect(await officer.title()).toMatch(/Kategori/);

    // Then the OPDs, from the regional regulation's list: a bad row named and nothing written, then the clean file.
    await officer.getByRole('link', { name: 'OPD & akun' }).click();
    await expectBasics(officer, /OPD & akun/);
    const opds = async () => (await w.graphql(`query($p: ID) { opds(pemdaId: $p) { code shortName } }`, { p: balangan.id }, await w.login('bpbj@balangankab.go.id', 'Pasar-Paringin-63'))).opds;
    const file = (body: string) => ({ name: 'opd.csv', mimeType: 'text/csv', buffer: Buffer.from(body) });
    await officer.getByLabel('Berkas CSV atau XLSX').setInputFiles(file('kode;nama;singkatan\n1.02.01;Dinas Kesehatan;Dinkes\n1.02.01;Dinas Pendidikan;Disdik\n'));
    await officer.getByRole('button', { name: 'Periksa (uji coba)' }).click();
    await officer.getByTestId('import-errors').filter({ hasText: 'Kode OPD 1.02.01 muncul dua kali dalam berkas.' }).waitFor();
    expect(await officer.getByRole('button', { name: 'Terapkan' }).isDisabled()).toBe(true);
    expect(await opds()).toEqual([]);
    await officer.getByLabel('Berkas CSV atau XLSX').setInputFiles(file('kode;nama;singkatan\n1.01.01;Dinas Pendidikan dan Kebudayaan;Disdikbud\n1.02.01;Dinas Kesehatan;Dinkes\n4.01.01;Sekretariat Daerah Kabupaten Balangan;Setda\n'));
    await officer.getByRole('button', { name: 'Periksa (uji coba)' }).click();
    await officer.getByRole('status').filter({ hasText: 'Siap diterapkan: 3 OPD baru, 0 diperbarui.' }).waitFor();
    await officer.getByRole('button', { name: 'Terapkan' }).click();
    await officer.getByRole('status').filter({ hasText: 'Diterapkan: 3 OPD baru, 0 diperbarui.' }).waitFor();
    expect(await opds()).toEqual([{ code: '1.01.01', shortName: 'Disdikbud' }, { code: '1.02.01', shortName: 'Dinkes' }, { code: '4.01.01', shortName: 'Setda' }]);
    await officer.getByRole('link', { name: 'Dasbor' }).click();
    await officer.getByTestId('getting-started').locator('li.done').filter({ hasText: 'impor daftar OPD' }).waitFor(); // the first step done
    await officer.context().close();
    await admin.context().close();
  });

  it('an address that is no page says so, signed in or not, instead of showing the home page', async () => {
    for (const path of ['/paket', '/bpbj/tidak-ada']) {
      await page.goto(`${w.base}${path}`);
      await page.getByRole('heading', { name: 'Halaman tidak ditemukan' }).waitFor();
      expect(await page.title()).toBe('Tidak ditemukan · Katalog Lokal');
    }
    await page.getByRole('link', { name: 'Ke beranda' }).click();
    await page.getByRole('heading', { name: 'Katalog Lokal' }).waitFor();
  });

  it('the explorer at /graphql works offline, and no page asked any other host for anything', async () => {
    const explorer = await w.page();
    const introspected = explorer.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().method() === 'POST');
    await explorer.goto(`${w.base}/graphql`);
    await explorer.locator('.graphiql-container').waitFor();
    await introspected; // the editor takes the run command once it has the schema
    expect(await explorer.title()).toContain('Penjelajah API');
    await explorer.locator('.graphiql-execute-button').click();
    await explorer.locator('.graphiql-response').getByText('Pemerintah Kota Batu').waitFor();
    await shot(explorer, 'explorer');
    expect(w.foreign).toEqual([]);
  });
});
