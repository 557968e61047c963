import { AuditLog, AuditSubject } from '../../server/audit/audit-log.entity.js';
import { Opd } from '../../server/opd/opd.entity.js';
import { Pemda } from '../../server/pemda/pemda.entity.js';
import { User } from '../../server/identity/user.entity.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { expectNothingWritten } from '../support/snapshot.js';

const UPDATE_OPD = `mutation($id: ID!, $input: UpdateOpdInput!) { updateOpd(id: $id, input: $input) { id name } }`;
const CREATE_OPD = `mutation($input: CreateOpdInput!) { createOpd(input: $input) { id code name pemda { name } } }`;

describe('each Pemda sees and manages only its own OPDs', () => {
  let t: TestApp;
  let batu: Pemda;
  let bontang: Pemda;
  let batuDinkes: Opd;
  let tokens: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const em = t.em();
    batu = await em.findOneOrFail(Pemda, { kemendagriCode: '35.79' });
    bontang = await em.findOneOrFail(Pemda, { kemendagriCode: '64.74' });
    batuDinkes = await em.findOneOrFail(Opd, { pemda: batu, shortName: 'Dinkes' });
    tokens = {
      bpbjBatu: await t.login('bpbj@batukota.go.id'),
      bpbjBontang: await t.login('bpbj@bontangkota.go.id'),
      ppBatu: await t.login('pp.dinkes@batukota.go.id'),
      admin: await t.login('admin@katalog.local'),
    };
  });
  afterAll(() => t.close());

  it("a BPBJ lists its own Pemda's OPDs and nobody else's", async () => {
    const result = await t.exec(`{ opds { code name pemda { kemendagriCode } } }`, {}, { token: tokens.bpbjBatu });
    expect(result.data.opds.length).toBeGreaterThanOrEqual(25);
    expect(new Set(result.data.opds.map((o: any) => o.pemda.kemendagriCode))).toEqual(new Set(['35.79']));
    expect(result.data.opds.map((o: any) => o.name)).toEqual(expect.arrayContaining(['Dinas Pendidikan', 'Dinas Kesehatan', 'RSUD Karsa Husada']));
  });

  it("a BPBJ of Bontang cannot list Batu's OPDs", async () => {
    const result = await t.exec(`query($p: ID) { opds(pemdaId: $p) { id } }`, { p: batu.id }, { token: tokens.bpbjBontang });
    expect(errorCode(result)).toBe('FORBIDDEN');
  });

  it('a BPBJ of Bontang cannot edit a Batu OPD, and the OPD stays as it was', async () => {
    const result = await t.exec(UPDATE_OPD, { id: batuDinkes.id, input: { name: 'Diretas' } }, { token: tokens.bpbjBontang });
    expect(errorCode(result)).toBe('FORBIDDEN');
    expect((await t.em().findOneOrFail(Opd, batuDinkes.id)).name).toBe('Dinas Kesehatan');
  });

  it("a BPBJ of Bontang cannot read a Batu OPD by id", async () => {
    expect(errorCode(await t.exec(`query($id: ID!) { opd(id: $id) { name } }`, { id: batuDinkes.id }, { token: tokens.bpbjBontang }))).toBe('FORBIDDEN');
  });

  it('a BPBJ of Batu renames its OPD', async () => {
    const result = await t.exec(UPDATE_OPD, { id: batuDinkes.id, input: { name: 'Dinas Kesehatan Kota Batu' } }, { token: tokens.bpbjBatu });
    expect(result.data.updateOpd.name).toBe('Dinas Kesehatan Kota Batu');
  });

  it('a PP may not create OPDs (role check), and an anonymous caller is asked to log in', async () => {
    const input = { pemdaId: batu.id, code: '9.99.01', name: 'Dinas Baru', shortName: 'Dibaru' };
    expect(errorCode(await t.exec(CREATE_OPD, { input }, { token: tokens.ppBatu }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(CREATE_OPD, { input }))).toBe('UNAUTHENTICATED');
    expect(await t.em().count(Opd, { code: '9.99.01' })).toBe(0);
  });

  it('a BPBJ of Bontang cannot create an OPD inside Batu', async () => {
    const input = { pemdaId: batu.id, code: '9.99.02', name: 'Dinas Siluman', shortName: 'Siluman' };
    expect(errorCode(await t.exec(CREATE_OPD, { input }, { token: tokens.bpbjBontang }))).toBe('FORBIDDEN');
    expect(await t.em().count(Opd, { code: '9.99.02' })).toBe(0);
  });

  it("a BPBJ imports its Pemda's OPD list: every bad row named and nothing written, then a known code renamed and new ones added", async () => {
    const IMPORT = `mutation($p: ID!, $csv: String, $dry: Boolean!) { importOpds(pemdaId: $p, csv: $csv, dryRun: $dry) { applied created updated errors { row field message } } }`;
    const bad = 'kode;nama;singkatan\n8.01.01;Badan Kesatuan Bangsa dan Politik Kota Batu;Kesbangpol\n3.30.01;Dinas Pariwisata!;Dispar\n3.30.01;Bagian Umum;U\nkode salah;Kantor;Kantor\n';
    for (const dry of [true, false]) {
      const refused = await expectNothingWritten(t, () => t.exec(IMPORT, { p: batu.id, csv: bad, dry }, { token: tokens.bpbjBatu }));
      expect(refused.data.importOpds).toEqual({ applied: false, created: 3, updated: 1, errors: [
        { row: 3, field: 'shortName', message: 'Singkatan OPD 2-40 karakter.' },
        { row: 3, field: 'code', message: 'Kode OPD 3.30.01 muncul dua kali dalam berkas.' },
        { row: 4, field: 'code', message: 'Kode OPD 1-32 karakter: huruf, angka, titik atau tanda hubung.' },
      ] });
    }
    const good = 'kode;nama;singkatan\n8.01.01;Badan Kesatuan Bangsa dan Politik Kota Batu;Kesbangpol\n3.30.01;Dinas Pariwisata;Dispar\n3.30.02;Bagian Umum Setda;Bag. Umum\n';
    expect(errorCode(await expectNothingWritten(t, () => t.exec(IMPORT, { p: batu.id, csv: good, dry: false }, { token: tokens.bpbjBontang })))).toBe('FORBIDDEN');
    const applied = await t.exec(IMPORT, { p: batu.id, csv: good, dry: false }, { token: tokens.bpbjBatu });
    expect(applied.data.importOpds).toEqual({ applied: true, created: 2, updated: 1, errors: [] });
    const opds = (await t.exec(`query($p: ID) { opds(pemdaId: $p) { code name shortName } }`, { p: batu.id }, { token: tokens.bpbjBatu })).data.opds;
    expect(opds).toEqual(expect.arrayContaining([
      { code: '8.01.01', name: 'Badan Kesatuan Bangsa dan Politik Kota Batu', shortName: 'Kesbangpol' },
      { code: '3.30.01', name: 'Dinas Pariwisata', shortName: 'Dispar' },
      { code: '3.30.02', name: 'Bagian Umum Setda', shortName: 'Bag. Umum' },
    ]));
    expect(await t.em().count(Opd, { pemda: batu, code: '8.01.01' })).toBe(1); // the same OPD, renamed: its orders and budgets stay with it
  });

  it('creating an OPD with bad fields names every field and writes nothing', async () => {
    const before = await t.em().count(Opd, { pemda: batu });
    const result = await t.exec(CREATE_OPD, { input: { pemdaId: batu.id, code: 'no spaces!', name: 'X', shortName: '' } }, { token: tokens.bpbjBatu });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.fields.map((f: any) => f.field).sort()).toEqual(['code', 'name', 'shortName']);
    expect(await t.em().count(Opd, { pemda: batu })).toBe(before);
  });

  it('an OPD code is unique within its Pemda (CONFLICT) but may repeat in another Pemda', async () => {
    const dup = await t.exec(CREATE_OPD, { input: { pemdaId: batu.id, code: '1.02.01', name: 'Dinas Kembar', shortName: 'Kembar' } }, { token: tokens.bpbjBatu });
    expect(errorCode(dup)).toBe('CONFLICT');
    const created = await t.exec(CREATE_OPD, { input: { pemdaId: bontang.id, code: '2.09.01', name: 'Dinas Ketahanan Pangan', shortName: 'DKP' } }, { token: tokens.bpbjBontang });
    expect(created.data.createOpd).toEqual(expect.objectContaining({ code: '2.09.01', pemda: { name: 'Pemerintah Kota Bontang' } }));
  });

  it('a BPBJ creates a PP for its own OPD but not for an OPD of another Pemda', async () => {
    const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { email role opd { shortName } } }`;
    const ok = await t.exec(CREATE_USER, { input: { email: 'pp.baru@batukota.go.id', password: 'rahasia123', fullName: 'PP Baru', role: 'PP', opdId: batuDinkes.id } }, { token: tokens.bpbjBatu });
    expect(ok.data.createUser).toEqual({ email: 'pp.baru@batukota.go.id', role: 'PP', opd: { shortName: 'Dinkes' } });
    expect(await t.login('pp.baru@batukota.go.id', 'rahasia123')).toEqual(expect.any(String));

    const refused = await t.exec(CREATE_USER, { input: { email: 'pp.susup@bontangkota.go.id', password: 'rahasia123', fullName: 'Susup', role: 'PP', opdId: batuDinkes.id } }, { token: tokens.bpbjBontang });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(await t.em().count(User, { email: 'pp.susup@bontangkota.go.id' })).toBe(0);

    const bpbj = await t.exec(CREATE_USER, { input: { email: 'bpbj2@batukota.go.id', password: 'rahasia123', fullName: 'BPBJ Dua', role: 'BPBJ', pemdaId: batu.id } }, { token: tokens.bpbjBatu });
    expect(errorCode(bpbj)).toBe('FORBIDDEN');

    const dup = await t.exec(CREATE_USER, { input: { email: 'PP.BARU@batukota.go.id', password: 'rahasia123', fullName: 'PP Baru', role: 'PPK', opdId: batuDinkes.id } }, { token: tokens.bpbjBatu });
    expect(errorCode(dup)).toBe('CONFLICT');
  });

  it('the database refuses an account whose scope does not fit its role', async () => {
    const conn = t.em().getConnection();
    await expect(
      conn.execute(`insert into app_user (id, email, password_hash, full_name, role) values (gen_random_uuid(), 'x@y.id', 'h', 'X', 'BPBJ')`),
    ).rejects.toThrow(/app_user_scope_check/);
  });

  it('money beyond 32 bits travels exactly, and fractions are refused', async () => {
    const UPDATE = `mutation($id: ID!, $input: PemdaTargetsInput!) { updatePemdaTargets(id: $id, input: $input) { catalogueSpendTarget } }`;
    const ok = await t.exec(UPDATE, { id: batu.id, input: { catalogueSpendTarget: 105_000_000_001 } }, { token: tokens.bpbjBatu });
    expect(ok.data.updatePemdaTargets.catalogueSpendTarget).toBe(105_000_000_001);
    const frac = await t.exec(UPDATE, { id: batu.id, input: { catalogueSpendTarget: 1000.5 } }, { token: tokens.bpbjBatu });
    expect(errorCode(frac)).toBe('BAD_USER_INPUT');
    const other = await t.exec(UPDATE, { id: bontang.id, input: { catalogueSpendTarget: 1 } }, { token: tokens.bpbjBatu });
    expect(errorCode(other)).toBe('FORBIDDEN');
    expect((await t.em().findOneOrFail(Pemda, bontang.id)).catalogueSpendTarget).toBe(25_000_000_000);
  });

  it('only a platform admin creates a Pemda, with a real IANA time zone; it opens with the standard category tree and synonyms', async () => {
    const CREATE = `mutation($input: CreatePemdaInput!) { createPemda(input: $input) { id name timeZone localSpendTargetPercent } }`;
    const input = { name: 'Pemerintah Kabupaten Probolinggo', kind: 'KABUPATEN', province: 'Jawa Timur', kemendagriCode: '35.13', timeZone: 'Asia/Jakarta' };
    expect(errorCode(await expectNothingWritten(t, () => t.exec(CREATE, { input }, { token: tokens.bpbjBatu })))).toBe('FORBIDDEN');
    const bad = await expectNothingWritten(t, () => t.exec(CREATE, { input: { ...input, timeZone: 'WIB' } }, { token: tokens.admin }));
    expect(bad.errors![0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'timeZone' })] }));
    const ok = await t.exec(CREATE, { input }, { token: tokens.admin });
    expect(ok.data.createPemda).toEqual({ id: expect.any(String), name: 'Pemerintah Kabupaten Probolinggo', timeZone: 'Asia/Jakarta', localSpendTargetPercent: 40 });

    // Its vendors can list products on the first day: the standard tree, KBKI codes and basic needs included, without
    // another Pemda's specialty (Batu's apples); and "migor" already finds minyak goreng.
    const FIELDS = 'code name kbkiCode basicNeeds depth isLeaf';
    const opened = (await t.exec(`query($p: ID!) { categories(pemdaId: $p) { ${FIELDS} children { ${FIELDS} children { ${FIELDS} } } } searchSynonyms(pemdaId: $p) { term expansions } }`, { p: ok.data.createPemda.id })).data;
    const byCode = new Map<string, unknown>();
    const visit = (nodes: any[]) => nodes.forEach(({ children, ...category }) => { byCode.set(category.code, category); visit(children ?? []); });
    visit(opened.categories);
    expect(byCode.get('pangan')).toEqual({ code: 'pangan', name: 'Bahan Pangan Pokok', kbkiCode: null, basicNeeds: true, depth: 1, isLeaf: false });
    expect(byCode.get('pangan-beras')).toEqual({ code: 'pangan-beras', name: 'Beras', kbkiCode: '23161', basicNeeds: true, depth: 2, isLeaf: true });
    expect(byCode.get('atk-kertas')).toEqual(expect.objectContaining({ kbkiCode: '32141', basicNeeds: false }));
    expect(byCode.has('olahan-apel')).toBe(false);
    expect(byCode.get('olahan')).toEqual(expect.objectContaining({ isLeaf: false }));
    expect(opened.searchSynonyms).toContainEqual({ term: 'migor', expansions: ['minyak goreng'] });
    expect(errorCode(await t.exec(CREATE, { input }, { token: tokens.admin }))).toBe('CONFLICT');
  });

  it('the platform admin corrects a Pemda, with the reason on the audit log; its code and zone only while nothing is recorded under them', async () => {
    const UPDATE = `mutation($id: ID!, $input: UpdatePemdaInput!) { updatePemda(id: $id, input: $input) { name kind province kemendagriCode timeZone } }`;
    const probolinggo = await t.em().findOneOrFail(Pemda, { kemendagriCode: '35.13' });
    const fieldsOf = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors![0].extensions!.fields.map((f: { field: string }) => f.field);

    // BPBJ may not, not even its own Pemda's name.
    expect(errorCode(await expectNothingWritten(t, () => t.exec(UPDATE, { id: batu.id, input: { name: 'Pemerintah Kota Wisata Batu', reason: 'Nama baru' } }, { token: tokens.bpbjBatu })))).toBe('FORBIDDEN');
    // A code out of shape, a zone that is not one, a reason left out: each refused beside its field, nothing written.
    expect(fieldsOf(await expectNothingWritten(t, () => t.exec(UPDATE, { id: probolinggo.id, input: { kemendagriCode: '3514', timeZone: 'WIB', reason: 'Salah ketik' } }, { token: tokens.admin })))).toEqual(['kemendagriCode', 'timeZone']);
    expect(fieldsOf(await expectNothingWritten(t, () => t.exec(UPDATE, { id: probolinggo.id, input: { kemendagriCode: '35.14', reason: ' ' } }, { token: tokens.admin })))).toEqual(['reason']);
    // Another Pemda's code, or nothing changed: CONFLICT.
    expect(errorCode(await expectNothingWritten(t, () => t.exec(UPDATE, { id: probolinggo.id, input: { kemendagriCode: '35.79', reason: 'Salah ketik kode' } }, { token: tokens.admin })))).toBe('CONFLICT');
    expect(errorCode(await expectNothingWritten(t, () => t.exec(UPDATE, { id: probolinggo.id, input: { name: ' Pemerintah Kabupaten Probolinggo ', reason: 'Tidak ada' } }, { token: tokens.admin })))).toBe('CONFLICT');

    const corrected = await t.exec(UPDATE, { id: probolinggo.id, input: { kemendagriCode: '35.14', timeZone: 'Asia/Makassar', reason: 'Salah ketik kode dan zona saat pendaftaran' } }, { token: tokens.admin });
    expect(corrected.data.updatePemda).toEqual({ name: 'Pemerintah Kabupaten Probolinggo', kind: 'KABUPATEN', province: 'Jawa Timur', kemendagriCode: '35.14', timeZone: 'Asia/Makassar' });
    const entry = await t.em().findOneOrFail(AuditLog, { subjectType: AuditSubject.PEMDA, subjectId: probolinggo.id });
    expect(entry).toEqual(expect.objectContaining({
      action: 'CORRECTED',
      fromStatus: 'Pemerintah Kabupaten Probolinggo; KABUPATEN; Jawa Timur; 35.13; Asia/Jakarta',
      toStatus: 'Pemerintah Kabupaten Probolinggo; KABUPATEN; Jawa Timur; 35.14; Asia/Makassar',
      reason: 'Salah ketik kode dan zona saat pendaftaran',
    }));

    // Once Batu runs an ASN programme, whose months follow WIB, its zone (and its code) stay; its name may change.
    const programme = await t.exec(`mutation($input: CreateAsnProgrammeInput!) { createAsnProgramme(input: $input) { id } }`,
      { input: { pemdaId: batu.id, name: 'Belanja UMKM ASN', startMonth: '2026-03', minimumRule: 'BY_GRADE' } }, { token: tokens.bpbjBatu });
    expect(programme.errors).toBeUndefined();
    const fixed = await expectNothingWritten(t, () => t.exec(UPDATE, { id: batu.id, input: { timeZone: 'Asia/Makassar', reason: 'Coba ubah zona' } }, { token: tokens.admin }));
    expect(errorCode(fixed)).toBe('CONFLICT');
    expect(fixed.errors![0].message).toContain('tidak dapat diubah lagi');
    const renamed = await t.exec(UPDATE, { id: batu.id, input: { name: 'Pemerintah Kota Batu (Kota Wisata)', reason: 'Nama resmi menurut perda baru' } }, { token: tokens.admin });
    expect(renamed.data.updatePemda).toEqual(expect.objectContaining({ name: 'Pemerintah Kota Batu (Kota Wisata)', kemendagriCode: '35.79', timeZone: 'Asia/Jakarta' }));
  });
});
