import { pdfPages, sheetValues, xlsxBook } from '../support/files.js';
import { AsnPurchaseReport } from '../../server/asn/asn.entities.js';
import { parseNip } from '../../server/asn/nip.js';
import { Opd } from '../../server/opd/opd.entity.js';
import { pemdaIds } from '../support/catalogue.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { photo } from '../support/images.js';
import { UploadKind } from '../../server/uploads/upload.entity.js';
import { AuditLog, AuditSubject } from '../../server/audit/audit-log.entity.js';
import { expectNothingWritten } from '../support/snapshot.js';

const PROGRAMME = `mutation($input: CreateAsnProgrammeInput!) { createAsnProgramme(input: $input) { id name reportDeadlineDay gradeMinimums { PELAKSANA ESELON_II } outlets { id name } } }`;
const IMPORT = `mutation($p: ID!, $rows: [AsnRowInput!], $csv: String) { importAsn(pemdaId: $p, rows: $rows, csv: $csv) { applied created updated errors { row field message } } }`;
const REPORT = `mutation($input: ReportAsnPurchaseInput!) { reportAsnPurchase(input: $input) { id month status amount } }`;
const MONTH = `query($prog: ID!, $m: String!, $o: ID) { asnMonthlyCompliance(programmeId: $prog, month: $m, opdId: $o) { asn { nip name } required reported counted status } }`;

// Valid NIPs: born 1985-04-12 / 1990-11-30 / 1978-02-28, appointed 2010-03 / 2015-01 / 2003-07.
const NIPS = { pelaksana: '198504122010031001', eselon3: '199011302015012002', tpp: '197802282003071003', tppHigh: '198001012005011004' };
/** The password each ASN and head of OPD chooses at first sign-in, in place of the one BPBJ gave. */
const OWN_PASSWORD = 'Belanja-Pasar-2026';

describe('ASN purchase programmes (SiMadu in Bontang, WITA)', () => {
  let t: TestApp;
  let bontang: string;
  let bpbj: string;
  let programme: any;
  let tppProgramme: any;
  let tokens: Record<string, string>;

  /** The ASN photographs a receipt (a picture of its own per seed) and uploads it. */
  const receipt = async (token: string, seed: string) => t.upload(UploadKind.RECEIPT, await photo(seed), token);
  const report = async (token: string, input: Record<string, unknown>) =>
    t.exec(REPORT, { input: { programmeId: programme.id, outletId: programme.outlets[0].id, items: 'Beras 5 kg, minyak goreng', basicNeeds: true, receiptUploadId: await receipt(token, JSON.stringify(input)), ...input } }, { token });

  /** Tokens last 8 hours: after moving the clock, everyone logs in again. */
  const relogin = async () => {
    bpbj = await t.login('bpbj@bontangkota.go.id');
    for (const key of Object.keys(tokens)) tokens[key] = await t.login(`${key}@bontangkota.go.id`, OWN_PASSWORD);
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.current = new Date('2026-03-10T12:00:00Z');
    bontang = (await pemdaIds(t)).bontang;
    bpbj = await t.login('bpbj@bontangkota.go.id');
    programme = (await t.exec(PROGRAMME, { input: {
      pemdaId: bontang, name: 'Betah: Belanja Tiap Hari di Pasar', startMonth: '2026-01', minimumRule: 'BY_GRADE',
      outlets: [{ name: 'Pasar Tamrin', kind: 'PASAR_RAKYAT' }, { name: 'Pasar Citra Mas Loktuan', kind: 'PASAR_RAKYAT' }, { name: 'Pasar Taman Telihan', kind: 'PASAR_RAKYAT' }],
    } }, { token: bpbj })).data.createAsnProgramme;
    tppProgramme = (await t.exec(PROGRAMME, { input: {
      pemdaId: bontang, name: 'Belanja UMKM 10% TPP', startMonth: '2026-01', minimumRule: 'PERCENT_OF_TPP', tppPercent: 10, tppFloor: 300_000, basicNeedsOnly: true,
      outlets: [{ name: 'Galeri UMKM Bontang', kind: 'LAINNYA' }],
    } }, { token: bpbj })).data.createAsnProgramme;
    const imported = await t.exec(IMPORT, { p: bontang, rows: [
      { nip: NIPS.pelaksana, name: 'Rina Pelaksana', opdCode: '1.02.01', grade: 'PELAKSANA' },
      { nip: NIPS.eselon3, name: 'Budi Eselon Tiga', opdCode: '1.02.01', grade: 'ESELON_III' },
      { nip: NIPS.tpp, name: 'Sari TPP Kecil', opdCode: '1.01.01', grade: 'PELAKSANA', tppAmount: 2_000_000 },
      { nip: NIPS.tppHigh, name: 'Dedi TPP Besar', opdCode: '1.01.01', grade: 'ESELON_IV', tppAmount: 5_000_000 },
    ] }, { token: bpbj });
    expect(imported.data.importAsn).toEqual({ applied: true, created: 4, updated: 0, errors: [] });
    const asns = await t.em().getConnection().execute<{ id: string; nip: string }[]>(`select id, nip from asn`);
    tokens = {};
    for (const [key, nip] of Object.entries(NIPS)) {
      const id = asns.find((a) => a.nip === nip)!.id;
      await t.exec(`mutation($a: ID!, $e: String!) { createAsnAccount(asnId: $a, email: $e, password: "rahasia123") { role } }`, { a: id, e: `${key}@bontangkota.go.id` }, { token: bpbj });
      tokens[key] = await t.signInFirstTime(`${key}@bontangkota.go.id`, 'rahasia123', OWN_PASSWORD);
    }
  });
  afterAll(() => t.close());

  it("names the latest month whose reports have closed, at the end of the 10th in Bontang's time (WITA)", async () => {
    const LATEST = `{ asnProgrammes(pemdaId: "${bontang}") { name latestClosedMonth } }`;
    const closed = async () => (await t.exec(LATEST)).data.asnProgrammes.find((p: any) => p.name === programme.name).latestClosedMonth;
    const now = t.clock.current;
    try {
      t.clock.current = new Date('2026-03-10T15:59:00Z'); // 23.59 WITA on the 10th: February is still open
      expect(await closed()).toBe('2026-01');
      t.clock.current = new Date('2026-03-10T16:00:00Z'); // midnight WITA: February is closed
      expect(await closed()).toBe('2026-02');
      t.clock.current = new Date('2026-02-10T12:00:00Z'); // January, the first month, still open
      expect(await closed()).toBeNull();
    } finally {
      t.clock.current = now;
    }
  });

  it('defaults to SiMadu\'s minimums by grade and the 10th as the deadline', () => {
    expect(programme).toEqual(expect.objectContaining({ reportDeadlineDay: 10, gradeMinimums: { PELAKSANA: 50_000, ESELON_II: 200_000 } }));
  });

  it('a report at 23:59 WITA on the 10th counts for the previous month; at 00:00 on the 11th it is late', async () => {
    t.clock.current = new Date('2026-03-10T15:59:00Z'); // 23:59 WITA, 10 March
    const onTime = await report(tokens.pelaksana, { purchasedOn: '2026-02-20', amount: 30_000 });
    expect(onTime.data.reportAsnPurchase).toEqual(expect.objectContaining({ month: '2026-02', status: 'COUNTED' }));
    t.clock.current = new Date('2026-03-10T16:00:00Z'); // 00:00 WITA, 11 March
    const late = await report(tokens.pelaksana, { purchasedOn: '2026-02-21', amount: 25_000 });
    expect(late.data.reportAsnPurchase).toEqual(expect.objectContaining({ month: '2026-02', status: 'LATE' }));

    const month = await t.exec(MONTH, { prog: programme.id, m: '2026-02' }, { token: bpbj });
    const rina = month.data.asnMonthlyCompliance.find((r: any) => r.asn.nip === NIPS.pelaksana);
    // Rp30.000 counted of Rp50.000 required; with the late Rp25.000 it would have been met: LATE.
    expect(rina).toEqual(expect.objectContaining({ required: 50_000, reported: 55_000, counted: 30_000, status: 'LATE' }));
  });

  it('says when a month\'s reporting closes, as the ASN page counts down to it: 00:00 WITA on the 11th of the next month', async () => {
    const answer = await t.exec(`query($p: ID!) { asnProgrammes(pemdaId: $p) { id reportingClosesAt(month: "2026-03") } }`, { p: bontang });
    expect(answer.data.asnProgrammes.find((p: any) => p.id === programme.id).reportingClosesAt).toBe('2026-04-10T16:00:00.000Z');
    const bad = await t.exec(`query($p: ID!) { asnProgrammes(pemdaId: $p) { reportingClosesAt(month: "Maret") } }`, { p: bontang });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
  });

  it('the minimum follows the grade: Rp100.000 for eselon III', async () => {
    t.clock.current = new Date('2026-04-05T02:00:00Z');
    await relogin();
    await report(tokens.eselon3, { purchasedOn: '2026-03-03', amount: 60_000 });
    const partly = (await t.exec(MONTH, { prog: programme.id, m: '2026-03' }, { token: bpbj })).data.asnMonthlyCompliance.find((r: any) => r.asn.nip === NIPS.eselon3);
    // 5 April: March's deadline (10 April) has not passed, so short of the minimum is "belum jatuh tempo", not NOT_MET.
    expect(partly).toEqual(expect.objectContaining({ required: 100_000, counted: 60_000, status: 'NOT_DUE' }));
    await report(tokens.eselon3, { purchasedOn: '2026-03-17', amount: 40_000, outletId: programme.outlets[1].id });
    const met = (await t.exec(MONTH, { prog: programme.id, m: '2026-03' }, { token: bpbj })).data.asnMonthlyCompliance.find((r: any) => r.asn.nip === NIPS.eselon3);
    expect(met).toEqual(expect.objectContaining({ counted: 100_000, status: 'MET' }));
  });

  it('percent of TPP with a floor: 10% of Rp2.000.000 is below the Rp300.000 floor; 10% of Rp5.000.000 is Rp500.000', async () => {
    const rows = (await t.exec(MONTH, { prog: tppProgramme.id, m: '2026-03' }, { token: bpbj })).data.asnMonthlyCompliance;
    expect(rows.find((r: any) => r.asn.nip === NIPS.tpp).required).toBe(300_000);
    expect(rows.find((r: any) => r.asn.nip === NIPS.tppHigh).required).toBe(500_000);
  });

  it('where only basic needs count, other purchases are stored but not counted', async () => {
    const input = { programmeId: tppProgramme.id, outletId: tppProgramme.outlets[0].id, purchasedOn: '2026-03-04' };
    const craft = await t.exec(REPORT, { input: { ...input, amount: 200_000, items: 'Tas anyaman', basicNeeds: false, receiptUploadId: await receipt(tokens.tpp, 'tas') } }, { token: tokens.tpp });
    expect(craft.data.reportAsnPurchase.status).toBe('NOT_COUNTED');
    const rice = await t.exec(REPORT, { input: { ...input, amount: 300_000, items: 'Beras 25 kg', basicNeeds: true, receiptUploadId: await receipt(tokens.tpp, 'beras') } }, { token: tokens.tpp });
    expect(rice.data.reportAsnPurchase.status).toBe('COUNTED');
    const row = (await t.exec(MONTH, { prog: tppProgramme.id, m: '2026-03' }, { token: bpbj })).data.asnMonthlyCompliance.find((r: any) => r.asn.nip === NIPS.tpp);
    expect(row).toEqual(expect.objectContaining({ reported: 500_000, counted: 300_000, status: 'MET' }));
  });

  it('a report may name the catalogue products bought: basic needs then follows their categories', async () => {
    const { categoryId, productInput, publishedProduct, vendorAccount } = await import('../support/catalogue.js');
    const vendor = await vendorAccount(t, bontang, bpbj, { domicileRegionCode: '64.74', domicileRegionName: 'Kota Bontang' });
    const rice = await publishedProduct(t, vendor.token, bpbj, productInput(await categoryId(t, bontang, 'pangan-beras'), { name: 'Beras Bontang 5 kg' }));
    const batik = await publishedProduct(t, vendor.token, bpbj, productInput(await categoryId(t, bontang, 'sandang-batik'), { name: 'Batik Kuntul Perak' }));
    const input = { programmeId: tppProgramme.id, vendorId: vendor.id, purchasedOn: '2026-04-01', amount: 75_000, items: 'Belanja di katalog' };
    const basic = await t.exec(REPORT, { input: { ...input, productIds: [rice], receiptUploadId: await receipt(tokens.tpp, 'k1') } }, { token: tokens.tpp });
    expect(basic.data.reportAsnPurchase.status).toBe('COUNTED');
    const mixed = await t.exec(REPORT, { input: { ...input, productIds: [rice, batik], basicNeeds: true, receiptUploadId: await receipt(tokens.tpp, 'k2') } }, { token: tokens.tpp });
    expect(mixed.data.reportAsnPurchase.status).toBe('NOT_COUNTED'); // the batik is not basic needs, whatever was declared
    expect(errorCode(await t.exec(REPORT, { input: { ...input, receiptUploadId: await receipt(tokens.tpp, 'k3') } }, { token: tokens.tpp }))).toBe('BAD_USER_INPUT');
  });

  it('a receipt photo counts once: sent again with another amount, or by another ASN, it is a CONFLICT and nothing is written', async () => {
    const picture = await photo('struk-sama');
    const input = { purchasedOn: '2026-04-02', amount: 45_000 };
    const firstUpload = await t.upload(UploadKind.RECEIPT, picture, tokens.eselon3);
    expect((await report(tokens.eselon3, { ...input, receiptUploadId: firstUpload })).data.reportAsnPurchase.status).toBe('COUNTED');
    const stored = await t.em().findOneOrFail(AsnPurchaseReport, { receiptImageUrl: `/uploads/${firstUpload}` });
    // The hash is the server's, of the stored picture: 64 hex characters nobody typed.
    expect(stored.receiptImageHash).toMatch(/^[0-9a-f]{64}$/);
    const before = await t.em().count(AsnPurchaseReport, {});

    const again = await report(tokens.eselon3, { ...input, amount: 54_000, receiptUploadId: await t.upload(UploadKind.RECEIPT, picture, tokens.eselon3) });
    expect(errorCode(again)).toBe('CONFLICT');
    const colleague = await report(tokens.pelaksana, { ...input, receiptUploadId: await t.upload(UploadKind.RECEIPT, picture, tokens.pelaksana) });
    expect(errorCode(colleague)).toBe('CONFLICT');
    // Nor can an ASN file a report on someone else's upload.
    const borrowed = await report(tokens.pelaksana, { ...input, amount: 12_000, receiptUploadId: await receipt(tokens.eselon3, 'struk-orang-lain') });
    expect(borrowed.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'receiptUploadId' })]);
    expect(await t.em().count(AsnPurchaseReport, {})).toBe(before);
  });

  it('an ASN sees only its own reports and its own month status, never the monthly compliance of others', async () => {
    const mine = await t.exec(`{ myAsnReports { amount } }`, {}, { token: tokens.eselon3 });
    expect(mine.data.myAsnReports.map((r: any) => r.amount).sort()).toEqual([40_000, 45_000, 60_000]);
    const month = await t.exec(MONTH, { prog: programme.id, m: '2026-03' }, { token: tokens.eselon3 });
    expect(month.data.asnMonthlyCompliance).toEqual([expect.objectContaining({ asn: { nip: NIPS.eselon3, name: 'Budi Eselon Tiga' }, required: 100_000, counted: 100_000, status: 'MET' })]);
    // `me` leads the ASN to its own record, so it need not find itself by name among namesakes.
    // Each link is read once per kind: the account, its OPD (also the record's), its ASN record.
    t.queries.length = 0;
    const me = await t.exec(`{ me { opd { code } asn { nip grade opd { code } } vendor { id } } }`, {}, { token: tokens.eselon3 });
    expect(me.data.me).toEqual({ opd: { code: '1.02.01' }, asn: { nip: NIPS.eselon3, grade: 'ESELON_III', opd: { code: '1.02.01' } }, vendor: null });
    expect(t.queries).toHaveLength(3);
  });

  it('a month before the programme began is refused, not shown as everyone NOT_MET', async () => {
    const before = await t.exec(MONTH, { prog: programme.id, m: '2025-12' }, { token: bpbj });
    expect(errorCode(before)).toBe('BAD_USER_INPUT');
    expect(before.errors![0].message).toMatch(/^Program ini berjalan mulai /);
  });

  it('the OPD head rejects a report of its own OPD with a reason; another OPD\'s head cannot', async () => {
    const em = t.em();
    const dinkes = await em.findOneOrFail(Opd, { pemda: bontang, code: '1.02.01' });
    const disdik = await em.findOneOrFail(Opd, { pemda: bontang, code: '1.01.01' });
    const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { role } }`;
    await t.exec(CREATE, { input: { email: 'kadinkes@bontangkota.go.id', password: 'rahasia123', fullName: 'Kepala Dinkes', role: 'KEPALA_OPD', opdId: dinkes.id } }, { token: bpbj });
    await t.exec(CREATE, { input: { email: 'kadisdik@bontangkota.go.id', password: 'rahasia123', fullName: 'Kepala Disdik', role: 'KEPALA_OPD', opdId: disdik.id } }, { token: bpbj });
    const target = (await t.exec(`{ myAsnReports { id amount } }`, {}, { token: tokens.eselon3 })).data.myAsnReports.find((r: any) => r.amount === 60_000);
    const [kadinkes, kadisdik] = [await t.signInFirstTime('kadinkes@bontangkota.go.id', 'rahasia123', OWN_PASSWORD), await t.signInFirstTime('kadisdik@bontangkota.go.id', 'rahasia123', OWN_PASSWORD)];

    // The head of Dinkes reads the ASN's March reports with their receipts (which only it, BPBJ and the ASN may open).
    const asnId = (await t.exec(`{ me { asn { id } } }`, {}, { token: tokens.eselon3 })).data.me.asn.id;
    const REPORTS = `query($a: ID!, $m: String!) { asnReports(asnId: $a, month: $m) { id purchasedOn amount status receiptImageUrl } }`;
    const march = (await t.exec(REPORTS, { a: asnId, m: '2026-03' }, { token: kadinkes })).data.asnReports;
    expect(march.map((r: any) => [r.purchasedOn, r.amount, r.status])).toEqual([['2026-03-03', 60_000, 'COUNTED'], ['2026-03-17', 40_000, 'COUNTED']]);
    const receiptId = march[0].receiptImageUrl.replace('/uploads/', '');
    const seenBy = async (token: string) => Boolean(await t.app.services.uploads.find(await t.app.createContext({ authorization: `Bearer ${token}`, clientIp: '127.0.0.1' }), receiptId));
    expect([await seenBy(kadinkes), await seenBy(bpbj), await seenBy(kadisdik), await seenBy(tokens.pelaksana)]).toEqual([true, true, false, false]);
    expect(errorCode(await t.exec(REPORTS, { a: asnId, m: '2026-03' }, { token: kadisdik }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(REPORTS, { a: asnId, m: '2026-03' }, { token: tokens.pelaksana }))).toBe('FORBIDDEN');

    const REJECT = `mutation($id: ID!, $r: String!) { rejectAsnReport(id: $id, reason: $r) { status } }`;
    const refused = await expectNothingWritten(t, () => t.exec(REJECT, { id: target.id, r: 'Struk tidak terbaca' }, { token: kadisdik }));
    expect(errorCode(refused)).toBe('FORBIDDEN');
    const rejected = await t.exec(REJECT, { id: target.id, r: 'Struk tidak terbaca' }, { token: kadinkes });
    expect(rejected.data.rejectAsnReport.status).toBe('REJECTED');
    const again = await expectNothingWritten(t, () => t.exec(REJECT, { id: target.id, r: 'Struk tidak terbaca' }, { token: kadinkes }));
    expect(errorCode(again)).toBe('CONFLICT');
    // On the record, and the ASN is told why.
    const [entry] = await t.em().find(AuditLog, { subjectType: AuditSubject.ASN_REPORT, subjectId: target.id });
    expect([entry.action, entry.fromStatus, entry.toStatus, entry.reason, entry.actorRole]).toEqual(['REJECTED', 'COUNTED', 'REJECTED', 'Struk tidak terbaca', 'KEPALA_OPD']);
    const [told] = (await t.exec(`{ notifications(first: 1) { title body } }`, {}, { token: tokens.eselon3 })).data.notifications;
    expect(told).toEqual({ title: 'Laporan belanja 3 Maret 2026 ditolak', body: expect.stringMatching(/^Rp60\.000 \(.*\) tidak dihitung: Struk tidak terbaca$/) });
    const row = (await t.exec(MONTH, { prog: programme.id, m: '2026-03' }, { token: bpbj })).data.asnMonthlyCompliance.find((r: any) => r.asn.nip === NIPS.eselon3);
    expect(row).toEqual(expect.objectContaining({ counted: 40_000, status: 'NOT_DUE' })); // March is not due until 10 April
  });

  it('per OPD: ASN count, compliance, rupiah and top outlets, ranked; the public sees only that', async () => {
    const OPD = `query($prog: ID!, $m: String!) { opdAsnCompliance(programmeId: $prog, month: $m) { opd { code } asnCount metCount complianceRate totalCounted topOutlets { name total } rank } }`;
    const feb = (await t.exec(OPD, { prog: programme.id, m: '2026-02' }, { token: bpbj })).data.opdAsnCompliance;
    const dinkes = feb.find((o: any) => o.opd.code === '1.02.01');
    expect(dinkes).toEqual(expect.objectContaining({ asnCount: 2, metCount: 0, complianceRate: 0, totalCounted: 30_000, topOutlets: [{ name: 'Pasar Citra Mas Loktuan', total: 30_000 }], rank: 1 }));
    const pub = await t.exec(`query($prog: ID!, $m: String!) { publicAsnCompliance(programmeId: $prog, month: $m) { opd { code } asnCount complianceRate totalCounted } }`, { prog: programme.id, m: '2026-02' });
    expect(pub.data.publicAsnCompliance.find((o: any) => o.opd.code === '1.02.01')).toEqual({ opd: { code: '1.02.01' }, asnCount: 2, complianceRate: 0, totalCounted: 30_000 });
    expect(errorCode(await t.exec(OPD, { prog: programme.id, m: '2026-02' }, { token: tokens.eselon3 }))).toBe('FORBIDDEN');
  });

  it('listing programmes with their outlets costs one query for all the outlets, not one per programme', async () => {
    const queriesFor = async (fields: string) => {
      t.queries.length = 0;
      const listed = await t.exec(`query($p: ID!) { asnProgrammes(pemdaId: $p) { ${fields} } }`, { p: bontang });
      expect(listed.data.asnProgrammes.length).toBeGreaterThanOrEqual(2);
      return t.queries.length;
    };
    const withoutOutlets = await queriesFor('id');
    const listed = await t.exec(`query($p: ID!) { asnProgrammes(pemdaId: $p) { id outlets { name } } }`, { p: bontang });
    expect(listed.data.asnProgrammes.find((p: any) => p.id === programme.id).outlets.map((o: any) => o.name))
      .toEqual(['Pasar Citra Mas Loktuan', 'Pasar Taman Telihan', 'Pasar Tamrin']);
    expect(await queriesFor('id outlets { name }')).toBe(withoutOutlets + 1);
  });

  it('the registry import checks every NIP and applies all rows or none', async () => {
    const result = await t.exec(IMPORT, { p: bontang, csv: 'nip,name,opd_code,grade,tpp\n198504122010031005,Valid Satu,1.02.01,PELAKSANA,\n199002302015011001,Tanggal Salah,1.02.01,PELAKSANA,\n198504122010033001,Gender Salah,9.99.99,DIREKTUR,' }, { token: bpbj });
    expect(result.data.importAsn.applied).toBe(false);
    expect(result.data.importAsn.errors.map((e: any) => `${e.row}:${e.field}`)).toEqual(['2:nip', '3:nip', '3:opdCode', '3:grade']);
    expect(await t.em().count('Asn' as never, { nip: '198504122010031005' } as never)).toBe(0);
    expect(errorCode(await t.exec(IMPORT, { p: bontang, rows: [] }, { token: await t.login('bpbj@batukota.go.id') }))).toBe('FORBIDDEN');
  });
});

describe('NIP', () => {
  it.each([
    ['198504122010031001', { birthDate: '1985-04-12', appointmentMonth: '2010-03', gender: 'L', sequence: '001' }],
    ['199011302015012002', { birthDate: '1990-11-30', appointmentMonth: '2015-01', gender: 'P', sequence: '002' }],
  ])('%s is valid', (nip, parts) => expect(parseNip(nip)).toEqual(parts));

  it.each([
    ['19850412201003100', 'NIP harus 18 digit angka.'],
    ['199002302015011001', 'Tanggal lahir pada NIP (digit 1-8) bukan tanggal yang ada.'],
    ['198504122010131001', 'Bulan pengangkatan pada NIP (digit 13-14) harus 01-12.'],
    ['198504122010033001', 'Digit jenis kelamin pada NIP (digit 15) harus 1 atau 2.'],
    ['198504121990031001', 'Tahun pengangkatan pada NIP tidak masuk akal (kurang dari 17 tahun setelah lahir).'],
  ])('%s is refused: %s', (nip, reason) => expect(parseNip(nip)).toBe(reason));
});

describe('ASN recap export', () => {
  it('BPBJ exports the per-OPD month as CSV, XLSX and PDF with Indonesian headers, the month in words and a totals row; others cannot', async () => {
    const t = await createTestApp({ catalogue: true });
    try {
      const { batu } = await pemdaIds(t);
      t.clock.current = new Date('2026-10-15T03:00:00Z'); // after September's deadline: the month has rates and ranks
      const bpbj = await t.login('bpbj@batukota.go.id');
      const [programme] = (await t.exec(`query($p: ID!) { asnProgrammes(pemdaId: $p) { id } }`, { p: batu })).data.asnProgrammes;
      const EXPORT = `query($id: ID!, $f: ExportFormat!) { exportAsnCompliance(programmeId: $id, month: "2026-09", format: $f) { filename base64 } }`;
      const csv = (await t.exec(EXPORT, { id: programme.id, f: 'CSV' }, { token: bpbj })).data.exportAsnCompliance;
      const lines = Buffer.from(csv.base64, 'base64').toString('utf8').trim().split('\r\n');
      expect(lines[0]).toBe('Peringkat,Kode OPD,Nama OPD,Jumlah ASN,Memenuhi,Cuti / Dikecualikan,% Kepatuhan,Total Belanja Terhitung,Gerai Teratas');
      expect(lines).toHaveLength(1 + 31);
      expect(lines[1].startsWith('1,')).toBe(true);
      const xlsx = (await t.exec(EXPORT, { id: programme.id, f: 'XLSX' }, { token: bpbj })).data.exportAsnCompliance;
      expect(xlsx.filename).toBe('rekap-belanja-asn-2026-09.xlsx');
      const rows = sheetValues((await xlsxBook(xlsx)).worksheets[0]);
      expect(rows[2][0]).toBe('Periode: September 2026');
      const opdRows = rows.filter((r) => /^\d\.\d\d\.\d\d$/.test(String(r[1])));
      expect(opdRows).toHaveLength(31);
      const totals = rows.find((r) => r[2] === 'Jumlah')!;
      // The totals row adds the OPDs' members, those who met the minimum and those exempt.
      expect(totals.slice(3, 6)).toEqual([3, 4, 5].map((c) => opdRows.reduce((a, r) => a + Number(r[c]), 0)));
      const pdf = (await pdfPages((await t.exec(EXPORT, { id: programme.id, f: 'PDF' }, { token: bpbj })).data.exportAsnCompliance)).join('\n');
      expect(pdf).toContain('Periode: September 2026');
      expect(pdf).toContain('Mengetahui,');
      expect(errorCode(await t.exec(EXPORT, { id: programme.id, f: 'CSV' }, { token: await t.login('bpbj@bontangkota.go.id') }))).toBe('FORBIDDEN');
    } finally {
      await t.close();
    }
  });
});
