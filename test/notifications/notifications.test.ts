import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { mailTransport, sendDueEmails } from '../../server/notifications/mail.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { ACCEPT, checkout, purchasingWorld, SUBMIT, type World } from '../support/purchasing.js';
import { expectNothingWritten } from '../support/snapshot.js';
import { productInput, registration, vendorAccount } from '../support/catalogue.js';

const NOTIFICATIONS = `{ notifications { id kind title body link readAt emailState } unreadNotificationCount }`;

/** A real SMTP server on loopback that keeps what it receives, and refuses one address (to see retries). */
async function smtpServer(refuse: string) {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onRcptTo(address, _session, callback) {
      callback(address.address === refuse ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }) : undefined);
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => (received.push(mail), callback()), callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { received, port: (server.server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('notifications: written with the change, read in the app, mailed once over real SMTP', () => {
  let t: TestApp;
  let w: World;
  let smtp: Awaited<ReturnType<typeof smtpServer>>;
  const vendorBEmail = () => t.em().getConnection().execute<{ email: string }[]>(`select email from app_user where vendor_id = ?`, [w.vendorB.id]).then((r) => r[0].email);
  const send = async () => sendDueEmails(t.em(), await mailTransport(t.config.smtpUrl!), t.config, t.clock.now());

  beforeAll(async () => {
    smtp = await smtpServer('nobody@contoh.id');
    t = await createTestApp({ env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: 'https://katalog.batukota.go.id' } });
    w = await purchasingWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('a submitted order tells the vendor in the app and by email, with the working-day deadline, exactly once', async () => {
    const product = await w.product(w.vendorA, { name: 'Keripik Apel Pedas', price: 20_000 });
    const [order] = await checkout(t, w, [[product, 2]]);
    await t.exec(SUBMIT, { id: order.id }, { token: w.pp });
    const inbox = (await t.exec(NOTIFICATIONS, {}, { token: w.vendorA.token })).data;
    const arrived = inbox.notifications.filter((n: any) => n.kind === 'ORDER_ARRIVED');
    expect(arrived).toHaveLength(1);
    // Submitted Monday 2 March 10:00 WIB: three working days end Thursday 5 March 10:00.
    expect(arrived[0]).toMatchObject({ title: `Pesanan baru ${order.code} dari Dinas Kesehatan`, link: `/pesanan/${order.id}`, readAt: null, emailState: 'PENDING' });
    expect(arrived[0].body).toContain('Rp40.000');
    expect(arrived[0].body).toContain('paling lambat 5 Maret 2026 10.00 WIB');
    expect(inbox.unreadNotificationCount).toBeGreaterThanOrEqual(1);

    expect(await send()).toEqual({ sent: expect.any(Number), failed: 0 });
    const mail = smtp.received.find((m) => m.subject === arrived[0].title)!;
    expect(mail.text).toContain('paling lambat 5 Maret 2026 10.00 WIB');
    expect(mail.text).toContain(`https://katalog.batukota.go.id/pesanan/${order.id}`);
    expect(mail.messageId).toBe(`<${arrived[0].id}@katalog-lokal>`);
    const count = smtp.received.length;
    expect(await send()).toEqual({ sent: 0, failed: 0 }); // never twice
    expect(smtp.received).toHaveLength(count);
    expect((await t.exec(NOTIFICATIONS, {}, { token: w.vendorA.token })).data.notifications.find((n: any) => n.id === arrived[0].id).emailState).toBe('SENT');
  });

  it('the PP hears of the vendor\'s answer; nobody hears of their own act; a refused step tells no one', async () => {
    const product = await w.product(w.vendorA, { name: 'Sari Apel', price: 10_000 });
    const [order] = await checkout(t, w, [[product, 1]]);
    await t.exec(SUBMIT, { id: order.id }, { token: w.pp });
    await expectNothingWritten(t, async () => expect(errorCode(await t.exec(ACCEPT, { id: order.id }, { token: w.vendorB.token }))).toBe('FORBIDDEN'));
    await t.exec(ACCEPT, { id: order.id }, { token: w.vendorA.token });
    const pp = (await t.exec(NOTIFICATIONS, {}, { token: w.pp })).data.notifications;
    expect(pp.filter((n: any) => n.link === `/pesanan/${order.id}`).map((n: any) => n.title)).toEqual([`${order.code}: Diterima penyedia`]);
    const vendor = (await t.exec(NOTIFICATIONS, {}, { token: w.vendorA.token })).data.notifications;
    expect(vendor.filter((n: any) => n.link === `/pesanan/${order.id}`).map((n: any) => n.kind)).toEqual(['ORDER_ARRIVED']);
  });

  it('the vendor hears of a price proposal on a draft, and the PP of its counter with the new total', async () => {
    const product = await w.product(w.vendorA, { name: 'Snack Box Rapat', price: 20_000 });
    const [order] = await checkout(t, w, [[product, 100]]);
    const inbox = async (token: string) => (await t.exec(`{ notifications { kind title body link } }`, {}, { token })).data.notifications.filter((n: any) => n.link === `/pesanan/${order.id}`);
    expect(await inbox(w.vendorA.token)).toEqual([]); // a draft is the OPD's own until it asks the vendor something
    await t.exec(`mutation($id: ID!, $prices: [LinePriceInput!]!) { proposeOrderPrices(id: $id, prices: $prices) { negotiation } }`, { id: order.id, prices: [{ lineId: order.lines[0].id, unitPrice: 16_000 }] }, { token: w.pp });
    expect(await inbox(w.vendorA.token)).toEqual([{
      kind: 'NEGOTIATION_PROPOSED', link: `/pesanan/${order.id}`, title: `Usulan harga ${order.code} dari Dinas Kesehatan`,
      body: `Dinas Kesehatan mengusulkan harga untuk paket ${order.code} sebelum mengajukannya. Terima usulan itu, atau tawar balik sekali di antara usulan dan harga katalog.`,
    }]);
    await t.exec(`mutation($id: ID!, $counter: [LinePriceInput!]) { respondToOrderNegotiation(id: $id, accept: false, counter: $counter) { negotiation } }`, { id: order.id, counter: [{ lineId: order.lines[0].id, unitPrice: 18_000 }] }, { token: w.vendorA.token });
    expect(await inbox(w.pp)).toEqual([{
      kind: 'NEGOTIATION_ANSWERED', link: `/pesanan/${order.id}`, title: `${order.code}: penyedia menawar balik`,
      body: `Total paket ${order.code} kini Rp1.800.000. Ajukan paketnya bila sesuai.`,
    }]);
  });

  it('BPBJ hears of a product waiting for curation; a person who turned email off gets it in the app only', async () => {
    await t.exec(`mutation { setEmailNotifications(enabled: false) { emailNotifications } }`, {}, { token: w.bpbj });
    const draft = await t.exec(`mutation($input: ProductInput!) { createProduct(input: $input) { id } }`, { input: { name: 'Jenang Apel', description: 'Jenang apel khas Batu.', categoryId: w.snack, unit: 'pack', price: 15_000, stock: 10, minOrderQuantity: 1, imageUrls: [], isPdn: true } }, { token: w.vendorB.token });
    await t.exec(`mutation($id: ID!) { submitProduct(id: $id) { status } }`, { id: draft.data.createProduct.id }, { token: w.vendorB.token });
    const bpbj = (await t.exec(NOTIFICATIONS, {}, { token: w.bpbj })).data.notifications;
    expect(bpbj.find((n: any) => n.kind === 'PRODUCT_PENDING' && n.title.includes('Jenang Apel'))).toMatchObject({ emailState: 'SKIPPED', link: '/bpbj/kurasi' });
  });

  it('a vendor hears each of BPBJ\'s decisions, with the reason, stamped at the moment it was made', async () => {
    const nib = registration(w.ids.batu).nib;
    const vendor = await vendorAccount(t, w.ids.batu, w.bpbj, { nib, scale: 'MENENGAH' });
    const verifiedAt = t.clock.now().toISOString();
    t.clock.advance(3_600_000);
    const created = await t.exec(`mutation($input: ProductInput!) { createProduct(input: $input) { id } }`, { input: productInput(w.snack, { name: 'Dodol Apel Premium' }) }, { token: vendor.token });
    const product = created.data.createProduct.id;
    await t.exec(`mutation($id: ID!) { submitProduct(id: $id) { status } }`, { id: product }, { token: vendor.token });
    await t.exec(`mutation($id: ID!, $reason: String!) { rejectProduct(id: $id, reason: $reason) { status } }`, { id: product, reason: 'Foto produk tidak sesuai nama' }, { token: w.bpbj });
    const rejectedAt = t.clock.now().toISOString();
    const { pemdaId: _p, email: _e, password: _w, ...profile } = vendor.input;
    t.clock.advance(3_600_000);
    await t.exec(`mutation($id: ID!, $input: VendorProfileInput!) { updateVendorProfile(id: $id, input: $input) { id } }`, { id: vendor.id, input: { ...profile, scale: 'KECIL' } }, { token: vendor.token });
    // A BPBJ of another Pemda cannot decide it, and tells the vendor nothing.
    await expectNothingWritten(t, async () => expect(errorCode(await t.exec(`mutation($id: ID!) { reviewVendorClassification(id: $id, approve: true) { id } }`, { id: vendor.id }, { token: w.bpbjBontang }))).toBe('FORBIDDEN'));
    await t.exec(`mutation($id: ID!) { reviewVendorClassification(id: $id, approve: true) { id } }`, { id: vendor.id }, { token: w.bpbj });

    const inbox = (await t.exec(`{ notifications { kind title body link createdAt } }`, {}, { token: vendor.token })).data.notifications;
    expect(inbox.map((n: any) => n.kind)).toEqual(['CLASSIFICATION_APPROVED', 'PRODUCT_REJECTED', 'VENDOR_VERIFIED']);
    const [classification, rejected, verified] = inbox;
    expect(verified).toMatchObject({ title: `${vendor.input.businessName} terverifikasi`, link: '/penyedia', createdAt: verifiedAt });
    expect(rejected).toMatchObject({ title: 'Produk ditolak: Dodol Apel Premium', createdAt: rejectedAt });
    expect(rejected.body).toBe('Alasan BPBJ: Foto produk tidak sesuai nama. Ubah produknya lalu ajukan kembali.');
    expect(classification.body).toBe('BPBJ menyetujui: skala usaha menengah → usaha kecil; UMK-K tidak → ya. Berlaku untuk pesanan mulai sekarang.');
  });

  it('a refused address is retried with back-off and keeps its error; the rest go out', async () => {
    await t.em().getConnection().execute(`update app_user set email = 'nobody@contoh.id' where email = ?`, [await vendorBEmail()]);
    const product = await w.product(w.vendorB, { name: 'Cuka Apel', price: 30_000 });
    const [order] = await checkout(t, w, [[product, 1]]);
    await t.exec(SUBMIT, { id: order.id }, { token: w.pp });
    expect((await send()).failed).toBe(2); // to the refused address: BPBJ published its product, then the order arrived
    const [row] = await t.em().getConnection().execute<{ email_state: string; email_attempts: number; email_error: string }[]>(
      `select email_state, email_attempts, email_error from notification n join app_user u on u.id = n.recipient_id where u.email = 'nobody@contoh.id' and n.kind = 'ORDER_ARRIVED'`);
    expect(row).toMatchObject({ email_state: 'PENDING', email_attempts: 1 });
    expect(row.email_error).toMatch(/550|Mailbox unavailable/);
    expect((await send()).failed).toBe(0); // not due again for a minute
  });

  it('each person reads and marks only their own', async () => {
    const mine = (await t.exec(NOTIFICATIONS, {}, { token: w.vendorA.token })).data.notifications;
    const marked = await t.exec(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: mine.map((n: any) => n.id) }, { token: w.pp });
    expect(marked.data.markNotificationsRead).toBe(0);
    expect((await t.exec(`mutation { markNotificationsRead }`, {}, { token: w.vendorA.token })).data.markNotificationsRead).toBe(mine.filter((n: any) => !n.readAt).length);
    expect((await t.exec(NOTIFICATIONS, {}, { token: w.vendorA.token })).data.unreadNotificationCount).toBe(0);
    expect(errorCode(await t.exec(NOTIFICATIONS, {}))).toBe('UNAUTHENTICATED');
  });

  it('older ones come page by page after the last one shown, none twice or missed, even those of the same instant', async () => {
    const PAGE = `query($after: ID) { notifications(first: 2, after: $after) { id createdAt } }`;
    const all = (await t.exec(`{ notifications(first: 100) { id createdAt } }`, {}, { token: w.vendorA.token })).data.notifications;
    expect(all.length).toBeGreaterThan(4);
    expect(new Set(all.map((n: any) => n.createdAt)).size).toBeLessThan(all.length); // some share an instant (the test clock stands still)
    const paged: any[] = [];
    for (let after: string | undefined, page: any[] = [null]; page.length; ) {
      page = (await t.exec(PAGE, { after }, { token: w.vendorA.token })).data.notifications;
      paged.push(...page);
      after = page.at(-1)?.id;
    }
    expect(paged).toEqual(all);
    // Another person's notification is no place to start from.
    const theirs = (await t.exec(`{ notifications(first: 1) { id } }`, {}, { token: w.pp })).data.notifications[0].id;
    const refused = await t.exec(PAGE, { after: theirs }, { token: w.vendorA.token });
    expect(refused.errors![0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [{ field: 'after', message: 'Pemberitahuan acuan tidak ditemukan.' }] }));
  });
});

describe('ASN reminders before the reporting deadline', () => {
  it('an ASN short of the minimum for September hears of it on 8 October, once; not on 1 October nor after the 10th', async () => {
    const t = await createTestApp({ catalogue: true });
    try {
      const remind = () => t.app.services.asnMonitoring.remindMissingReports(t.app.systemContext());
      t.clock.current = new Date('2026-10-01T03:00:00Z'); // ten days before the deadline: too early
      expect(await remind()).toBe(0);
      // The demo ASN of Dinkes reported one Rp88.000 purchase for September; BPBJ rejects it on the 7th, so the month is short.
      t.clock.current = new Date('2026-10-07T03:00:00Z');
      const [september] = await t.em().getConnection().execute<{ id: string }[]>(
        `select r.id from asn_purchase_report r join app_user u on u.asn_id = r.asn_id where u.email = 'asn.dinkes@batukota.go.id' and r.month = '2026-09'`);
      const rejected = await t.exec(`mutation($id: ID!) { rejectAsnReport(id: $id, reason: "Struk tidak terbaca") { status } }`, { id: september.id }, { token: await t.login('bpbj@batukota.go.id') });
      expect(rejected.data.rejectAsnReport.status).toBe('REJECTED');
      t.clock.current = new Date('2026-10-08T03:00:00Z'); // Thursday 8 October 10:00 WIB; reports close at the end of the 10th
      expect(await remind()).toBeGreaterThanOrEqual(1);
      expect(await remind()).toBe(0); // the job runs every six hours: once is enough
      const asn = await t.login('asn.dinkes@batukota.go.id');
      // Newest first: the reminder, then the rejection a day before (the same instant would leave their order to chance).
      const [reminder, rejection] = (await t.exec(`{ notifications { kind title body link } }`, {}, { token: asn })).data.notifications;
      expect(rejection.kind).toBe('ASN_REPORT_REJECTED');
      expect(reminder.kind).toBe('ASN_REPORT_MISSING');
      expect(reminder.title).toBe('Laporan belanja UMKM September 2026 belum cukup');
      expect(reminder.body).toContain('tercatat Rp0 dari minimal');
      expect(reminder.body).toContain('paling lambat 10 Oktober 2026.');
      t.clock.current = new Date('2026-10-11T03:00:00Z');
      expect(await remind()).toBe(0);
    } finally {
      await t.close();
    }
  });
});
