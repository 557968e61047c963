import type { EntityManager } from '@mikro-orm/postgresql';
import { randomInt } from 'node:crypto';
import { checkNewPassword, hashPassword, verifyPassword, DUMMY_HASH, MAX_PASSWORD_LENGTH } from '../auth/password.js';
import { assertManagesPemda, requireActor } from '../auth/scope.js';
import { AuditSubject } from '../audit/audit-log.entity.js';
import type { AuditService } from '../audit/audit.service.js';
import type { LoginThrottle } from '../auth/login-throttle.js';
import type { TokenService } from '../auth/token.js';
import type { Actor, RequestContext } from '../context.js';
import { AppError, badInput, conflict, forbidden, notFound, requireReason, unauthenticated, Validation } from '../errors.js';
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

/** Letters and digits nobody misreads when BPBJ reads a temporary password out over the phone (no 0/O, 1/l/I). */
const TEMPORARY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Three groups of four, e.g. "kq7m-3xdr-p9ta": about 59 bits, easy to read out and to type once. */
export function temporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join('');
  return [group(), group(), group()].join('-');
}

/**
 * Whose account a caller may deactivate, reactivate or reset: the platform admin any but its own; BPBJ those of its
 * own Pemda's OPDs (PP, PPK, ASN, heads of OPD). Not a vendor's (BPBJ suspends the vendor instead, on the record), not
 * another BPBJ officer's, and never one's own (nobody locks themselves out by mistake).
 */
function assertManagesAccount(actor: Actor, user: User): void {
  if (user.id === actor.userId) throw forbidden('Akun Anda sendiri tidak dapat diubah di sini; ganti kata sandi Anda di halaman Akun.');
  if (actor.role === Role.PLATFORM_ADMIN) return;
  assertManagesPemda(actor, user.pemda?.id ?? '');
  if (!OPD_ROLES.includes(user.role)) {
    throw forbidden(user.role === Role.VENDOR ? 'Akun penyedia dikelola lewat status penyedianya (bekukan atau aktifkan kembali).' : 'Akun BPBJ hanya dapat dikelola admin platform.');
  }
}

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
    private readonly audit: AuditService,
  ) {}

  private async refuseWhileThrottled(ctx: RequestContext, email: string): Promise<void> {
    const wait = await this.throttle.retryAfterSeconds(ctx.em, email, ctx.clientIp, ctx.now());
    if (wait > 0) {
      throw new AppError('RATE_LIMITED', `Terlalu banyak percobaan masuk dari alamat ini. Coba lagi dalam ${Math.ceil(wait / 60)} menit.`, {
        retryAfterSeconds: wait,
      });
    }
  }

  async login(ctx: RequestContext, emailInput: string, password: string): Promise<LoginResult> {
    const email = normaliseEmail(emailInput ?? '');
    await this.refuseWhileThrottled(ctx, email);

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
    const { token, expiresAt } = await this.tokens.issue(user.id, user.sessionGeneration);
    return { token, expiresAt, user };
  }

  /**
   * The caller sets a new password, proving the current one (a session left open on a shared computer must not be
   * enough). Every other session of the account ends: their tokens carry the old session generation. A wrong current
   * password counts against the login throttle, as a wrong login does, and is its only write.
   */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<LoginResult> {
    const actor = requireActor(ctx);
    await this.refuseWhileThrottled(ctx, actor.email);
    const user = await ctx.em.findOneOrFail(User, actor.userId, { populate: ['passwordHash'] });
    const current = currentPassword ?? '';
    if (current.length > MAX_PASSWORD_LENGTH || !(await verifyPassword(user.passwordHash, current))) {
      await this.throttle.recordFailure(ctx.em, actor.email, ctx.clientIp, ctx.now());
      throw badInput([{ field: 'currentPassword', message: 'Kata sandi saat ini salah.' }]);
    }
    const [acceptable, , problem] = await checkNewPassword(newPassword, [user.email, user.fullName]);
    new Validation()
      .check(acceptable, 'newPassword', problem)
      .check(!acceptable || newPassword !== current, 'newPassword', 'Kata sandi baru harus berbeda dari yang sekarang.')
      .throwIfInvalid();
    user.passwordHash = await hashPassword(newPassword);
    user.sessionGeneration += 1;
    user.mustChangePassword = false;
    await ctx.em.flush();
    const { token, expiresAt } = await this.tokens.issue(user.id, user.sessionGeneration);
    return { token, expiresAt, user };
  }

  /**
   * BPBJ deactivates the account of an officer who left the OPD (its sessions end at once: authentication reads only
   * active accounts), or reactivates it, with the reason on the audit log. The account and its history stay.
   */
  async setUserActive(ctx: RequestContext, userId: string, active: boolean, reasonInput: string): Promise<User> {
    const actor = requireActor(ctx);
    const reason = requireReason(reasonInput);
    const user = await ctx.em.findOne(User, userId);
    if (!user) throw notFound('Akun');
    assertManagesAccount(actor, user);
    if (user.active === active) throw conflict(active ? 'Akun ini sudah aktif.' : 'Akun ini sudah dinonaktifkan.');
    user.active = active;
    this.audit.record(ctx, {
      pemdaId: user.pemda!.id,
      subjectType: AuditSubject.ACCOUNT,
      subjectId: user.id,
      action: active ? 'REACTIVATED' : 'DEACTIVATED',
      fromStatus: active ? 'INACTIVE' : 'ACTIVE',
      toStatus: active ? 'ACTIVE' : 'INACTIVE',
      reason,
    });
    await ctx.em.flush();
    return user;
  }

  /**
   * A forgotten password: BPBJ gives its officer a temporary one, shown once to BPBJ and stored only as a hash. The
   * account's sessions end, and its owner is asked to choose their own at the next sign-in.
   */
  async resetPassword(ctx: RequestContext, userId: string): Promise<{ password: string; user: User }> {
    const actor = requireActor(ctx);
    const user = await ctx.em.findOne(User, userId);
    if (!user) throw notFound('Akun');
    assertManagesAccount(actor, user);
    if (!user.active) throw conflict('Akun ini nonaktif: aktifkan dulu sebelum mengatur ulang kata sandinya.');
    const password = temporaryPassword();
    user.passwordHash = await hashPassword(password);
    user.sessionGeneration += 1;
    user.mustChangePassword = true;
    this.audit.record(ctx, {
      pemdaId: user.pemda!.id,
      subjectType: AuditSubject.ACCOUNT,
      subjectId: user.id,
      action: 'PASSWORD_RESET',
      fromStatus: 'ACTIVE',
      toStatus: 'ACTIVE',
    });
    await ctx.em.flush();
    return { password, user };
  }

  /**
   * Resolves a bearer token to its actor; a token for a disabled or deleted account is refused. Every signed-in
   * request pays for this, so the account is read with one fixed statement as a row (server/database/rows.ts).
   */
  async authenticate(em: EntityManager, token: string): Promise<{ actor: Actor | null; problem: string | null; user: Row<User> | null }> {
    const claims = this.tokens.verify(token);
    const expired = 'Sesi Anda tidak valid atau sudah berakhir. Silakan masuk kembali.';
    if (!claims) return { actor: null, problem: expired, user: null };
    const [user] = await rowsOf(em, User, 'select * from app_user where id = ? and active and session_generation = ?', [claims.sub, claims.gen]);
    return user ? { actor: actorOf(user), problem: null, user } : { actor: null, problem: expired, user: null };
  }

  /** The caller's account: the row `authenticate` read, without another statement. */
  me(ctx: RequestContext): Promise<User | Row<User>> {
    return ctx.loaders.user.load(requireActor(ctx).userId);
  }

  async listUsers(ctx: RequestContext, pemdaId: string, roles?: Role[]): Promise<User[]> {
    assertManagesPemda(requireActor(ctx), pemdaId);
    return ctx.em.find(User, { pemda: pemdaId, ...(roles?.length ? { role: { $in: roles } } : {}) }, { orderBy: { role: 'asc', email: 'asc' } });
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
      // The password was typed by whoever made the account, so it is theirs too: the owner sets their own.
      mustChangePassword: true,
    });
    await ctx.em.flush();
    return user;
  }
}
