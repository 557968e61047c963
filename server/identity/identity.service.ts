import type { EntityManager } from '@mikro-orm/postgresql';
import { checkNewPassword, hashPassword, verifyPassword, DUMMY_HASH, MAX_PASSWORD_LENGTH } from '../auth/password.js';
import { assertManagesPemda, requireActor } from '../auth/scope.js';
import type { LoginThrottle } from '../auth/login-throttle.js';
import type { TokenService } from '../auth/token.js';
import type { Actor, RequestContext } from '../context.js';
import { AppError, conflict, forbidden, notFound, unauthenticated, Validation } from '../errors.js';
import { Opd } from '../opd/opd.entity.js';
import { Pemda } from '../pemda/pemda.entity.js';
import { OPD_ROLES, Role, User } from './user.entity.js';
import { rowsOf, type Row } from '../database/rows.js';

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: User;
}

export interface CreateUserInput {
  email: string;
  password: string;
  fullName: string;
  role: Role;
  pemdaId?: string | null;
  opdId?: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function actorOf(user: User | Row<User>): Actor {
  return {
    userId: user.id,
    email: user.email,
    role: user.role,
    pemdaId: user.pemda?.id ?? null,
    opdId: user.opd?.id ?? null,
    vendorId: user.vendor?.id ?? null,
  };
}

export class IdentityService {
  constructor(
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
  ) {}

  async login(ctx: RequestContext, emailInput: string, password: string): Promise<LoginResult> {
    const email = normaliseEmail(emailInput ?? '');
    const wait = await this.throttle.retryAfterSeconds(ctx.em, email, ctx.clientIp, ctx.now());
    if (wait > 0) {
      throw new AppError('RATE_LIMITED', `Terlalu banyak percobaan masuk dari alamat ini. Coba lagi dalam ${Math.ceil(wait / 60)} menit.`, {
        retryAfterSeconds: wait,
      });
    }

    // A password longer than any we accept is wrong without hashing it: argon2 over a megabyte is a free DoS.
    const user = await ctx.em.findOne(User, { email }, { populate: ['passwordHash'] });
    const valid = password.length <= MAX_PASSWORD_LENGTH && (await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password));
    if (!user || !valid || !user.active) {
      await this.throttle.recordFailure(ctx.em, email, ctx.clientIp, ctx.now());
      throw unauthenticated('Email atau kata sandi salah.');
    }
    await this.throttle.recordSuccess(ctx.em, email, ctx.clientIp);
    user.lastLoginAt = ctx.now();
    await ctx.em.flush();
    const { token, expiresAt } = await this.tokens.issue(user.id);
    return { token, expiresAt, user };
  }

  /**
   * Resolves a bearer token to its actor; a token for a disabled or deleted account is refused. Every signed-in
   * request pays for this, so the account is read with one fixed statement as a row (server/database/rows.ts).
   */
  async authenticate(em: EntityManager, token: string): Promise<{ actor: Actor | null; problem: string | null; user: Row<User> | null }> {
    const claims = this.tokens.verify(token);
    const expired = 'Sesi Anda tidak valid atau sudah berakhir. Silakan masuk kembali.';
    if (!claims) return { actor: null, problem: expired, user: null };
    const [user] = await rowsOf(em, User, 'select * from app_user where id = ? and active', [claims.sub]);
    return user ? { actor: actorOf(user), problem: null, user } : { actor: null, problem: expired, user: null };
  }

  /** The caller's account: the row `authenticate` read, without another statement. */
  me(ctx: RequestContext): Promise<User | Row<User>> {
    return ctx.loaders.user.load(requireActor(ctx).userId);
  }

  async listUsers(ctx: RequestContext, pemdaId: string): Promise<User[]> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    return ctx.em.find(User, { pemda: pemdaId }, { orderBy: { role: 'asc', email: 'asc' } });
  }

  /**
   * Platform admins create BPBJ accounts; BPBJ creates PP, PPK and ASN accounts for its own Pemda's OPDs.
   * Vendor accounts are made by vendor self-registration, not here.
   */
  async createUser(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    const actor = requireActor(ctx);
    const email = normaliseEmail(input.email ?? '');
    const v = new Validation()
      .check(EMAIL.test(email), 'email', 'Format email tidak valid.')
      .check(...(await checkNewPassword(input.password, [email, input.fullName])))
      .check((input.fullName ?? '').trim().length >= 2, 'fullName', 'Nama lengkap wajib diisi.')
      .check(input.role !== Role.VENDOR && input.role !== Role.PLATFORM_ADMIN, 'role', 'Akun penyedia dibuat lewat pendaftaran penyedia; admin platform tidak dapat dibuat di sini.');
    const needsOpd = OPD_ROLES.includes(input.role);
    v.check(!needsOpd || Boolean(input.opdId), 'opdId', 'Peran ini wajib terikat pada satu OPD.');
    v.check(input.role !== Role.BPBJ || Boolean(input.pemdaId), 'pemdaId', 'Akun BPBJ wajib terikat pada satu Pemda.');
    v.throwIfInvalid();

    let pemda: Pemda | null = null;
    let opd: Opd | null = null;
    if (needsOpd) {
      opd = await ctx.em.findOne(Opd, input.opdId!);
      if (!opd) throw notFound('OPD');
      pemda = await opd.pemda.loadOrFail();
    } else {
      pemda = await ctx.em.findOne(Pemda, input.pemdaId!);
      if (!pemda) throw notFound('Pemda');
    }
    if (input.role === Role.BPBJ && actor.role !== Role.PLATFORM_ADMIN) {
      throw forbidden('Hanya admin platform yang dapat membuat akun BPBJ.');
    }
    assertManagesPemda(actor, pemda.id);

    if (await ctx.em.count(User, { email })) throw conflict('Email ini sudah terdaftar.');
    const user = ctx.em.create(User, {
      email,
      passwordHash: await hashPassword(input.password),
      fullName: input.fullName.trim(),
      role: input.role,
      pemda,
      opd,
    });
    await ctx.em.flush();
    return user;
  }
}
