// Accounts after they are made: an officer changes a password BPBJ chose, BPBJ ends the account of one who left the OPD
// or resets a forgotten password. Each ends the sessions it should, and each refusal writes nothing.
import { AuditLog, AuditSubject } from '../../server/audit/audit-log.entity.js';
import { Opd } from '../../server/opd/opd.entity.js';
import { User } from '../../server/identity/user.entity.js';
import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { expectNothingWritten, snapshotTables } from '../support/snapshot.js';

const ME = `{ me { email mustChangePassword } }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { token user { email mustChangePassword } } }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!, $reason: String!) { setUserActive(id: $id, active: $active, reason: $reason) { email active } }`;
const RESET = `mutation($id: ID!) { resetUserPassword(id: $id) { password user { email mustChangePassword } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;

describe('accounts after they are made', () => {
  let t: TestApp;
  let bpbjBatu: string;
  let bpbjBontang: string;
  const idOf = async (email: string) => (await t.em().findOneOrFail(User, { email })).id;

  beforeAll(async () => {
    t = await createTestApp({ catalogue: true }); // with vendors
    [bpbjBatu, bpbjBontang] = [await t.login('bpbj@batukota.go.id'), await t.login('bpbj@bontangkota.go.id')];
  });
  afterAll(() => t.close());

  it('a PP whose account BPBJ made sets their own password; the old one and its sessions stop working', async () => {
    const dinkes = await t.em().findOneOrFail(Opd, { shortName: 'Dinkes', pemda: { kemendagriCode: '35.79' } });
    const made = await t.exec(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { email mustChangePassword } }`,
      { input: { email: 'pp.gizi@batukota.go.id', password: 'Sementara-2026', fullName: 'Rina Gizi', role: 'PP', opdId: dinkes.id } },
      { token: bpbjBatu },
    );
    expect(made.data.createUser).toEqual({ email: 'pp.gizi@batukota.go.id', mustChangePassword: true });
    const first = await t.login('pp.gizi@batukota.go.id', 'Sementara-2026');
    const other = await t.login('pp.gizi@batukota.go.id', 'Sementara-2026'); // the same account signed in elsewhere
    expect((await t.exec(ME, {}, { token: first })).data.me.mustChangePassword).toBe(true);

    // A wrong current password: refused, and nothing but the login throttle's counter is written.
    const before = await snapshotTables(t);
    const wrong = await t.exec(CHANGE, { input: { currentPassword: 'tebakan-saja', newPassword: 'Kebun-Apel-Batu-7' } }, { token: first });
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors![0].extensions!.fields).toEqual([{ field: 'currentPassword', message: 'Kata sandi saat ini salah.' }]);
    const after = await snapshotTables(t);
    expect(Object.keys(after).filter((table) => after[table] !== before[table])).toEqual(['login_throttle']);

    // A weak or unchanged new password: refused beside the field, nothing written.
    for (const [newPassword, message] of [
      ['password1', 'Kata sandi ini termasuk yang paling sering dipakai dan mudah ditebak. Pilih yang lain.'],
      ['Sementara-2026', 'Kata sandi baru harus berbeda dari yang sekarang.'],
      ['rina-gizi-2026', 'Kata sandi tidak boleh memuat email atau nama Anda.'],
    ]) {
      const refused = await expectNothingWritten(t, () => t.exec(CHANGE, { input: { currentPassword: 'Sementara-2026', newPassword } }, { token: first }));
      expect(refused.errors![0].extensions!.fields).toEqual([{ field: 'newPassword', message }]);
    }

    const changed = await t.exec(CHANGE, { input: { currentPassword: 'Sementara-2026', newPassword: 'Kebun-Apel-Batu-7' } }, { token: first });
    expect(changed.data.changePassword.user).toEqual({ email: 'pp.gizi@batukota.go.id', mustChangePassword: false });
    const fresh = changed.data.changePassword.token;
    expect((await t.exec(ME, {}, { token: fresh })).data.me).toEqual({ email: 'pp.gizi@batukota.go.id', mustChangePassword: false });
    // Both sessions opened with the old password end, the one that changed it included (it holds the new token).
    for (const old of [first, other]) expect(errorCode(await t.exec(ME, {}, { token: old }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.exec(LOGIN, { input: { email: 'pp.gizi@batukota.go.id', password: 'Sementara-2026' } }, { ip: '10.9.0.1' }))).toBe('UNAUTHENTICATED');
    expect(await t.login('pp.gizi@batukota.go.id', 'Kebun-Apel-Batu-7')).toEqual(expect.any(String));
  });

  it('an account on a password BPBJ chose may read itself and change the password, and nothing else until then', async () => {
    const dinkes = await t.em().findOneOrFail(Opd, { shortName: 'Dinkes', pemda: { kemendagriCode: '35.79' } });
    await t.exec(`mutation($input: CreateUserInput!) { createUser(input: $input) { email } }`,
      { input: { email: 'pp.gerbang@batukota.go.id', password: 'Sementara-2026', fullName: 'Bima Gerbang', role: 'PP', opdId: dinkes.id } }, { token: bpbjBatu });
    const temporary = await t.login('pp.gerbang@batukota.go.id', 'Sementara-2026');
    // What the web app's Akun page asks for: the account and the header's unread count.
    const allowed = await t.exec(`{ me { email mustChangePassword } unreadNotificationCount __typename }`, {}, { token: temporary });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.me).toEqual({ email: 'pp.gerbang@batukota.go.id', mustChangePassword: true });

    const CART = `mutation($p: ID!, $q: Int!) { setCartItem(productId: $p, quantity: $q) { quantity product { id } } }`;
    const product = (await t.exec(`{ products(first: 1, pemdaId: "${dinkes.pemda.id}") { edges { node { id minOrderQuantity } } } }`)).data.products.edges[0].node;
    const order = { p: product.id, q: product.minOrderQuantity };
    for (const [query, variables] of [
      [`{ products(first: 1, pemdaId: "${dinkes.pemda.id}") { edges { node { id } } } }`, {}],
      [`{ me { email } opds(pemdaId: "${dinkes.pemda.id}") { id } }`, {}], // one allowed field does not carry another
      [`{ ...Mine } fragment Mine on Query { me { email } cart { quantity } }`, {}], // nor does a fragment
      [`{ ... on Query { akun: me { email } keranjang: cart { quantity } } }`, {}], // nor an inline one, or an alias
      [CART, order],
    ] as const) {
      const refused = await expectNothingWritten(t, () => t.exec(query, variables, { token: temporary }));
      expect(errorCode(refused)).toBe('PASSWORD_CHANGE_REQUIRED');
      expect(refused.errors![0].message).toBe('Kata sandi Anda diberikan BPBJ: gantilah dengan kata sandi Anda sendiri (halaman Akun) sebelum melanjutkan.');
      expect(refused.data ?? null).toBeNull();
    }

    const fresh = (await t.exec(CHANGE, { input: { currentPassword: 'Sementara-2026', newPassword: 'Kebun-Jeruk-Dau-9' } }, { token: temporary })).data.changePassword.token;
    const added = await t.exec(CART, order, { token: fresh });
    expect(added.errors).toBeUndefined();
    expect(added.data.setCartItem).toContainEqual({ quantity: product.minOrderQuantity, product: { id: product.id } });
  });

  it('BPBJ deactivates the account of a PP who left: its session ends at once, its sign-in is refused; reactivated, it signs in again', async () => {
    const pp = await t.login('pp.dinkes@batukota.go.id');
    const id = await idOf('pp.dinkes@batukota.go.id');
    const off = await t.exec(SET_ACTIVE, { id, active: false, reason: 'Pindah tugas ke Dinas Pendidikan' }, { token: bpbjBatu });
    expect(off.data.setUserActive).toEqual({ email: 'pp.dinkes@batukota.go.id', active: false });
    expect(errorCode(await t.exec(ME, {}, { token: pp }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.exec(LOGIN, { input: { email: 'pp.dinkes@batukota.go.id', password: 'katalog123' } }, { ip: '10.9.0.2' }))).toBe('UNAUTHENTICATED');

    const again = await t.exec(SET_ACTIVE, { id, active: false, reason: 'Pindah tugas ke Dinas Pendidikan' }, { token: bpbjBatu });
    expect(errorCode(again)).toBe('CONFLICT');

    const on = await t.exec(SET_ACTIVE, { id, active: true, reason: 'Kembali bertugas di Dinkes' }, { token: bpbjBatu });
    expect(on.data.setUserActive.active).toBe(true);
    expect(await t.login('pp.dinkes@batukota.go.id')).toEqual(expect.any(String));

    const history = await t.em().find(AuditLog, { subjectType: AuditSubject.ACCOUNT, subjectId: id }, { orderBy: { sequence: 'asc' } });
    expect(history.map((h) => [h.action, h.fromStatus, h.toStatus, h.reason, h.actorRole])).toEqual([
      ['DEACTIVATED', 'ACTIVE', 'INACTIVE', 'Pindah tugas ke Dinas Pendidikan', 'BPBJ'],
      ['REACTIVATED', 'INACTIVE', 'ACTIVE', 'Kembali bertugas di Dinkes', 'BPBJ'],
    ]);
  });

  it('BPBJ resets a forgotten password: a temporary one, shown once, that its owner must replace; the old sessions end', async () => {
    const ppk = await t.login('ppk.dinkes@batukota.go.id');
    const reset = await t.exec(RESET, { id: await idOf('ppk.dinkes@batukota.go.id') }, { token: bpbjBatu });
    const { password, user } = reset.data.resetUserPassword;
    expect(password).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
    expect(user).toEqual({ email: 'ppk.dinkes@batukota.go.id', mustChangePassword: true });
    const stored = await t.em().findOneOrFail(User, { email: 'ppk.dinkes@batukota.go.id' }, { populate: ['passwordHash'] });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(password);

    expect(errorCode(await t.exec(ME, {}, { token: ppk }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.exec(LOGIN, { input: { email: 'ppk.dinkes@batukota.go.id', password: 'katalog123' } }, { ip: '10.9.0.3' }))).toBe('UNAUTHENTICATED');
    const signedIn = await t.login('ppk.dinkes@batukota.go.id', password);
    expect((await t.exec(ME, {}, { token: signedIn })).data.me.mustChangePassword).toBe(true);
    const [entry] = await t.em().find(AuditLog, { subjectType: AuditSubject.ACCOUNT, subjectId: stored.id, action: 'PASSWORD_RESET' });
    expect([entry.actorRole, entry.reason]).toEqual(['BPBJ', null]);
  });

  it.each([
    ["Bontang's BPBJ, on a Kota Batu PP", 'bontang', 'pp.rsud@batukota.go.id', 'FORBIDDEN'],
    ['BPBJ, on a vendor (suspended through its vendor status instead)', 'batu', 'keripik.apel@umkm-batu.id', 'FORBIDDEN'],
    ['BPBJ, on its own account', 'batu', 'bpbj@batukota.go.id', 'FORBIDDEN'],
    ['a PP, on another PP', 'pp', 'pp.rsud@batukota.go.id', 'FORBIDDEN'],
    ['BPBJ, on no account', 'batu', null, 'NOT_FOUND'],
  ])('%s: deactivation and reset are refused and write nothing', async (_who, caller, email, code) => {
    const token = caller === 'bontang' ? bpbjBontang : caller === 'batu' ? bpbjBatu : await t.login('pp.dinkes@batukota.go.id');
    const id = email ? await idOf(email) : '00000000-0000-4000-8000-000000000000';
    const off = await expectNothingWritten(t, () => t.exec(SET_ACTIVE, { id, active: false, reason: 'Percobaan menonaktifkan' }, { token }));
    expect(errorCode(off)).toBe(code);
    const reset = await expectNothingWritten(t, () => t.exec(RESET, { id }, { token }));
    expect(errorCode(reset)).toBe(code);
  });

  it("the platform admin gives a Pemda another BPBJ officer and resets that officer's password; the Pemda's BPBJ may not", async () => {
    const admin = await t.login('admin@katalog.local');
    const batu = (await t.em().findOneOrFail(Opd, { shortName: 'Dinkes', pemda: { kemendagriCode: '35.79' } })).pemda.id;
    const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email role mustChangePassword } }`;
    const input = { email: 'bpbj.dua@batukota.go.id', password: 'Sementara-2026', fullName: 'Dewi Kurasi', role: 'BPBJ', pemdaId: batu };
    expect(errorCode(await expectNothingWritten(t, () => t.exec(CREATE, { input }, { token: bpbjBatu })))).toBe('FORBIDDEN');
    const made = (await t.exec(CREATE, { input }, { token: admin })).data.createUser;
    expect(made).toEqual({ id: expect.any(String), email: 'bpbj.dua@batukota.go.id', role: 'BPBJ', mustChangePassword: true });

    expect(errorCode(await expectNothingWritten(t, () => t.exec(RESET, { id: made.id }, { token: bpbjBatu })))).toBe('FORBIDDEN');
    const reset = (await t.exec(RESET, { id: made.id }, { token: admin })).data.resetUserPassword;
    expect(reset.user).toEqual({ email: 'bpbj.dua@batukota.go.id', mustChangePassword: true });
    expect(await t.login('bpbj.dua@batukota.go.id', reset.password)).toEqual(expect.any(String));
    const [entry] = await t.em().find(AuditLog, { subjectType: AuditSubject.ACCOUNT, subjectId: made.id, action: 'PASSWORD_RESET' });
    expect(entry.actorRole).toBe('PLATFORM_ADMIN');
  });

  it("lists a Pemda's accounts of the roles asked for, and only its own Pemda's", async () => {
    const batu = (await t.em().findOneOrFail(Opd, { shortName: 'Dinkes', pemda: { kemendagriCode: '35.79' } })).pemda.id;
    const USERS = `query($p: ID!, $r: [Role!]) { users(pemdaId: $p, roles: $r) { email role } }`;
    const ppks = (await t.exec(USERS, { p: batu, r: ['PPK'] }, { token: bpbjBatu })).data.users;
    expect(ppks).toContainEqual({ email: 'ppk.dinkes@batukota.go.id', role: 'PPK' });
    expect(new Set(ppks.map((u: any) => u.role))).toEqual(new Set(['PPK']));
    const everyone = (await t.exec(USERS, { p: batu }, { token: bpbjBatu })).data.users;
    expect(new Set(everyone.map((u: any) => u.role))).toEqual(new Set(['BPBJ', 'PP', 'PPK', 'ASN', 'KEPALA_OPD', 'VENDOR']));
    expect(errorCode(await t.exec(USERS, { p: batu, r: ['BPBJ'] }, { token: bpbjBontang }))).toBe('FORBIDDEN');
  });

  it('a deactivation needs its reason', async () => {
    const refused = await expectNothingWritten(t, async () => t.exec(SET_ACTIVE, { id: await idOf('pp.rsud@batukota.go.id'), active: false, reason: ' ' }, { token: bpbjBatu }));
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
  });

  it('changing a password needs a session', async () => {
    const refused = await expectNothingWritten(t, () => t.exec(CHANGE, { input: { currentPassword: 'katalog123', newPassword: 'Kebun-Apel-Batu-7' } }));
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');
  });
});
