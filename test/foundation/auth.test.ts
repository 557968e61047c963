import { SignJWT, type JWTHeaderParameters, type JWTPayload } from 'jose';
import { TokenService } from '../../server/auth/token.js';
import { User } from '../../server/identity/user.entity.js';
import { anotherProcess, createTestApp, errorCode, type TestApp } from '../support/harness.js';

const SECRET = 'a-test-secret-that-is-long-enough-to-sign';

/** A token as the server would issue it, signed with `secret`, expiring at `exp` (epoch seconds or '1h'), or never. */
const signToken = (userId: string, secret: string, exp?: number | string) => {
  const jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setIssuer('katalog-lokal').setAudience('katalog-lokal-api');
  return (exp === undefined ? jwt : jwt.setExpirationTime(exp)).sign(new TextEncoder().encode(secret));
};
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token expiresAt user { email role } } }`;
const ME = `{ me { email role pemda { name } opd { shortName } } }`;

describe('logging in and proving who you are', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOGIN_MAX_ATTEMPTS: '3', JWT_SECRET: SECRET } });
  });
  afterAll(() => t.close());

  it('a PP logs in and `me` answers with its OPD and Pemda', async () => {
    const login = await t.exec(LOGIN, { input: { email: 'PP.Dinkes@batukota.go.id ', password: 'katalog123' } });
    expect(login.errors).toBeUndefined();
    expect(login.data.login.user).toEqual({ email: 'pp.dinkes@batukota.go.id', role: 'PP' });
    expect(new Date(login.data.login.expiresAt).getTime() - t.clock.now().getTime()).toBe(8 * 3600 * 1000);

    const me = await t.exec(ME, {}, { token: login.data.login.token });
    expect(me.data.me).toEqual({
      email: 'pp.dinkes@batukota.go.id',
      role: 'PP',
      pemda: { name: 'Pemerintah Kota Batu' },
      opd: { shortName: 'Dinkes' },
    });
  });

  it('a signed-in request reads the account once: `me` costs that one statement, its links one each', async () => {
    const token = await t.login('pp.dinkes@batukota.go.id');
    t.queries.length = 0;
    const me = await t.exec(`{ me { id email fullName role } }`, {}, { token });
    expect(me.data.me.email).toBe('pp.dinkes@batukota.go.id');
    expect(t.queries).toHaveLength(1);
    expect(t.queries[0]).toMatch(/from app_user where id = .* and active/);
    t.queries.length = 0;
    expect((await t.exec(ME, {}, { token })).data.me.opd).toEqual({ shortName: 'Dinkes' });
    expect(t.queries).toHaveLength(3); // the account, its Pemda, its OPD
  });

  it('stores passwords as argon2id hashes, never as typed', async () => {
    const user = await t.em().findOneOrFail(User, { email: 'bpbj@batukota.go.id' }, { populate: ['passwordHash'] });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.passwordHash).not.toContain('katalog123');
  });

  it('a wrong password and an unknown email get the same refusal', async () => {
    const wrong = await t.exec(LOGIN, { input: { email: 'bpbj@batukota.go.id', password: 'salah-sekali' } }, { ip: '10.0.0.1' });
    const unknown = await t.exec(LOGIN, { input: { email: 'nobody@batukota.go.id', password: 'katalog123' } }, { ip: '10.0.0.1' });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0].message).toBe('Email atau kata sandi salah.');
    expect(unknown.errors![0]).toEqual(expect.objectContaining({ message: wrong.errors![0].message }));
  });

  it('`me` without a token asks the caller to log in', async () => {
    const result = await t.exec(ME);
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(result.data).toBeNull();
  });

  it('refuses a token signed with another secret', async () => {
    const user = await t.em().findOneOrFail(User, { email: 'bpbj@batukota.go.id' });
    const forged = await signToken(user.id, 'an-attacker-who-guessed-a-different-secret!', '1h');
    const result = await t.exec(ME, {}, { token: forged });
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
  });

  it('refuses an unsigned ("alg: none") token', async () => {
    const user = await t.em().findOneOrFail(User, { email: 'bpbj@batukota.go.id' });
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `${b64({ alg: 'none' })}.${b64({ sub: user.id, iss: 'katalog-lokal', aud: 'katalog-lokal-api', exp: 4102444800 })}.`;
    expect(errorCode(await t.exec(ME, {}, { token }))).toBe('UNAUTHENTICATED');
  });

  it('a token stops working when it expires', async () => {
    const token = await t.login('ppk.dinkes@batukota.go.id');
    expect((await t.exec(ME, {}, { token })).data.me.email).toBe('ppk.dinkes@batukota.go.id');
    t.clock.advance(8 * 3600 * 1000 + 1000);
    const result = await t.exec(ME, {}, { token });
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(result.errors![0].message).toMatch(/berakhir/);
  });

  it('a token of a deactivated account is refused at once', async () => {
    const token = await t.login('pp.disdik@batukota.go.id');
    const em = t.em();
    const user = await em.findOneOrFail(User, { email: 'pp.disdik@batukota.go.id' });
    user.active = false;
    await em.flush();
    expect(errorCode(await t.exec(ME, {}, { token }))).toBe('UNAUTHENTICATED');
    const relogin = await t.exec(LOGIN, { input: { email: 'pp.disdik@batukota.go.id', password: 'katalog123' } });
    expect(errorCode(relogin)).toBe('UNAUTHENTICATED');
  });

  it('failures lock out the address that failed, with growing delays, never the account owner elsewhere', async () => {
    const input = { email: 'ppk.rsud@batukota.go.id', password: 'tebak-tebak' };
    const attacker = { ip: '10.1.0.1' };
    for (let i = 0; i < 3; i++) expect(errorCode(await t.exec(LOGIN, { input }, attacker))).toBe('UNAUTHENTICATED');
    const locked = await t.exec(LOGIN, { input: { ...input, password: 'katalog123' } }, attacker);
    expect(errorCode(locked)).toBe('RATE_LIMITED');
    expect(locked.errors![0].extensions!.retryAfterSeconds).toBe(60);

    // The officer at the office logs in as usual: a stranger's guesses cannot lock a PPK (or BPBJ) out.
    const owner = await t.exec(LOGIN, { input: { ...input, password: 'katalog123' } }, { ip: '10.9.9.9' });
    expect(owner.data.login.user.email).toBe('ppk.rsud@batukota.go.id');

    // Each further failure from the attacker doubles its wait: 1, 2, 4 minutes...
    t.clock.advance(61_000);
    expect(errorCode(await t.exec(LOGIN, { input }, attacker))).toBe('UNAUTHENTICATED');
    const longer = await t.exec(LOGIN, { input: { ...input, password: 'katalog123' } }, attacker);
    expect(longer.errors![0].extensions!.retryAfterSeconds).toBe(120);
    t.clock.advance(121_000);
    expect(errorCode(await t.exec(LOGIN, { input }, attacker))).toBe('UNAUTHENTICATED');
    expect((await t.exec(LOGIN, { input }, attacker)).errors![0].extensions!.retryAfterSeconds).toBe(240);

    // Once the wait is over, the right password works, and clears the count.
    t.clock.advance(241_000);
    expect((await t.exec(LOGIN, { input: { ...input, password: 'katalog123' } }, attacker)).data.login.user.email).toBe('ppk.rsud@batukota.go.id');
    expect(errorCode(await t.exec(LOGIN, { input }, attacker))).toBe('UNAUTHENTICATED');
    expect((await t.exec(LOGIN, { input: { ...input, password: 'katalog123' } }, attacker)).data.login).toBeTruthy();
  });

  it('the counts live in the database, so failures spread over two server processes lock as on one', async () => {
    const second = await anotherProcess(t);
    const viaSecond = (password: string) => second.exec(LOGIN, { input: { email: 'pp.dishub@batukota.go.id', password } }, { ip: '10.2.0.1' });
    const input = { email: 'pp.dishub@batukota.go.id', password: 'tebak-tebak' };
    expect(errorCode(await t.exec(LOGIN, { input }, { ip: '10.2.0.1' }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await viaSecond('tebak-tebak'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await t.exec(LOGIN, { input }, { ip: '10.2.0.1' }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await viaSecond('katalog123'))).toBe('RATE_LIMITED');
    await second.close();
  });

  it('a correctly signed token without an expiry is refused', async () => {
    const user = await t.em().findOneOrFail(User, { email: 'bpbj@batukota.go.id' });
    const forever = await signToken(user.id, SECRET);
    expect(errorCode(await t.exec(ME, {}, { token: forever }))).toBe('UNAUTHENTICATED');
    const withExpiry = await signToken(user.id, SECRET, Math.floor(t.clock.now().getTime() / 1000) + 60);
    expect((await t.exec(ME, {}, { token: withExpiry })).data.me.email).toBe('bpbj@batukota.go.id');
  });

  it('a megabyte password is refused without hashing it', async () => {
    const result = await t.exec(LOGIN, { input: { email: 'pp.dinkes@batukota.go.id', password: 'a'.repeat(1024 * 1024) } }, { ip: '10.3.0.1' });
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
  });

  it('one address guessing across many accounts is slowed down too', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 12; i++) {
      await t.exec(LOGIN, { input: { email: `guess${i}@batukota.go.id`, password: 'x' } }, { ip });
    }
    const blocked = await t.exec(LOGIN, { input: { email: 'pp.rsud@batukota.go.id', password: 'katalog123' } }, { ip });
    expect(errorCode(blocked)).toBe('RATE_LIMITED');
    const elsewhere = await t.exec(LOGIN, { input: { email: 'pp.rsud@batukota.go.id', password: 'katalog123' } }, { ip: '198.51.100.1' });
    expect(elsewhere.data.login.user.email).toBe('pp.rsud@batukota.go.id');
  });
});

describe('TokenService', () => {
  it('accepts its own token before expiry and refuses it after', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    const tokens = new TokenService('x'.repeat(32), 60, () => now);
    const { token } = await tokens.issue('user-1', 3);
    expect(await tokens.verify(token)).toEqual({ sub: 'user-1', gen: 3 });
    now = new Date('2026-01-01T00:01:01Z');
    expect(await tokens.verify(token)).toBeNull();
  });

  it('refuses every token it did not issue as issued: other claims, algorithm, secret, or bytes', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const secret = 'x'.repeat(32);
    const tokens = new TokenService(secret, 60, () => now);
    const exp = Math.floor(now.getTime() / 1000) + 60;
    const sign = (claims: JWTPayload, header: JWTHeaderParameters = { alg: 'HS256' }, key = secret) =>
      new SignJWT(claims).setProtectedHeader(header).sign(new TextEncoder().encode(key));
    const valid = { sub: 'user-1', iss: 'katalog-lokal', aud: 'katalog-lokal-api', exp };
    // Signed by jose, read by the verifier; a token from before session generations counts as generation 0.
    expect(tokens.verify(await sign(valid))).toEqual({ sub: 'user-1', gen: 0 });
    expect(tokens.verify(await sign({ ...valid, aud: ['lain', 'katalog-lokal-api'] }))).toEqual({ sub: 'user-1', gen: 0 });

    const refused = [
      await sign({ ...valid, iss: 'katalog-lain' }),
      await sign({ ...valid, aud: 'api-lain' }),
      await sign({ ...valid, sub: undefined }),
      await sign({ ...valid, exp: undefined }),
      await sign({ ...valid, exp: String(exp) as never }),
      await sign({ ...valid, gen: '1' }),
      await sign({ ...valid, nbf: exp }), // not valid yet
      await sign(valid, { alg: 'HS512' }),
      await sign(valid, { alg: 'HS256', crit: ['b64'], b64: true }),
      await sign(valid, { alg: 'HS256' }, 'y'.repeat(32)),
    ];
    for (const token of refused) expect(tokens.verify(token)).toBeNull();

    const good = await sign(valid);
    const [header, payload, signature] = good.split('.');
    const edited = Buffer.from(JSON.stringify({ ...valid, sub: 'user-2' })).toString('base64url');
    for (const token of [`${header}.${edited}.${signature}`, `${good}=`, `${good}.`, `${header}.${payload}.${signature.slice(0, -2)}`, ' ' + good, 'a.b.c', '', '...']) {
      expect(tokens.verify(token)).toBeNull();
    }
  });
});

describe('the password a person may choose', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { email } }`;

  it.each([
    ['eight spaces', ' '.repeat(8), 'Kata sandi terlalu sederhana: pakai paling sedikit 4 karakter berbeda.'],
    ['eight NUL characters', '\u0000'.repeat(8), 'Kata sandi tidak boleh berisi karakter kontrol.'],
    ['a NUL inside', 'rahasia\u0000123', 'Kata sandi tidak boleh berisi karakter kontrol.'],
    ['the email itself', 'pp.pilihan@batukota.go.id', 'Kata sandi tidak boleh memuat email atau nama Anda.'],
    ['the name with digits', 'Wulandari2026', 'Kata sandi tidak boleh memuat email atau nama Anda.'],
    ['one of the most common passwords', 'password1', 'Kata sandi ini termasuk yang paling sering dipakai dan mudah ditebak. Pilih yang lain.'],
    ['too short', 'r4h@s', 'Kata sandi 8 sampai 128 karakter.'],
    ['a megabyte', 'x1y2'.repeat(256 * 1024), 'Kata sandi 8 sampai 128 karakter.'],
  ])('refuses %s, and creates no account', async (_case, password, message) => {
    const token = await t.login('bpbj@batukota.go.id');
    const dinkes = (await t.exec('{ opds { id shortName } }', {}, { token })).data.opds.find((o: any) => o.shortName === 'Dinkes');
    const before = await t.em().count(User, {});
    const result = await t.exec(CREATE_USER, { input: { email: 'pp.pilihan@batukota.go.id', password, fullName: 'Dewi Wulandari', role: 'PP', opdId: dinkes.id } }, { token });
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0].extensions!.fields).toEqual([{ field: 'password', message }]);
    expect(await t.em().count(User, {})).toBe(before);
  });

  it('accepts a long passphrase with spaces', async () => {
    const token = await t.login('bpbj@batukota.go.id');
    const dinkes = (await t.exec('{ opds { id shortName } }', {}, { token })).data.opds.find((o: any) => o.shortName === 'Dinkes');
    const passphrase = 'apel batu manis di bulan juli';
    const result = await t.exec(CREATE_USER, { input: { email: 'pp.frasa@batukota.go.id', password: passphrase, fullName: 'Dewi Wulandari', role: 'PP', opdId: dinkes.id } }, { token });
    expect(result.data.createUser.email).toBe('pp.frasa@batukota.go.id');
    expect(await t.login('pp.frasa@batukota.go.id', passphrase)).toEqual(expect.any(String));
  });

  it('a vendor registering with its own business name as password is refused', async () => {
    const { registration, REGISTER } = await import('../support/catalogue.js');
    const pemdaId = (await t.exec('{ pemdas { id name } }')).data.pemdas.find((p: any) => p.name === 'Pemerintah Kota Batu').id;
    const input = registration(pemdaId);
    const result = await t.exec(REGISTER, { input: { ...input, password: `${input.businessName}!` } });
    expect(result.errors![0].extensions!.fields).toEqual([{ field: 'password', message: 'Kata sandi tidak boleh memuat email atau nama Anda.' }]);
  });
});
