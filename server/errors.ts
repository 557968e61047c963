import { GraphQLError } from 'graphql';

/** Stable error codes clients may switch on. Messages are for people (Bahasa Indonesia); codes never change. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'QUERY_TOO_COMPLEX'
  | 'TIMEOUT'
  | 'SERVER_BUSY'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PASSWORD_CHANGE_REQUIRED';

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = (message = 'Silakan masuk (login) terlebih dahulu.') =>
  new AppError('UNAUTHENTICATED', message);

export const forbidden = (message = 'Anda tidak berwenang melakukan tindakan ini.') =>
  new AppError('FORBIDDEN', message);

/** An account signed in with a password BPBJ chose (new, or reset) may do nothing but choose its own. */
export const passwordChangeRequired = () =>
  new AppError('PASSWORD_CHANGE_REQUIRED', 'Kata sandi Anda diberikan BPBJ: gantilah dengan kata sandi Anda sendiri (halaman Akun) sebelum melanjutkan.', {
    http: { status: 403 },
  });

/** No database connection came free within DATABASE_WAIT_TIMEOUT_MS: nothing of the request ran; it may simply be sent again. */
export const serverBusy = () =>
  new AppError('SERVER_BUSY', 'Server sedang sibuk melayani permintaan lain; permintaan Anda belum dijalankan. Coba lagi sebentar lagi.', {
    retryAfterSeconds: 1,
    http: { status: 503, headers: new Map([['retry-after', '1']]) },
  });

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} tidak ditemukan.`);

export const conflict = (message: string, extra: Record<string, unknown> = {}) =>
  new AppError('CONFLICT', message, extra);

export const badInput = (fields: FieldError[]) =>
  new AppError(
    'BAD_USER_INPUT',
    fields.length === 1 ? fields[0].message : `Ada ${fields.length} isian yang tidak valid: ${fields.map((f) => f.field).join(', ')}.`,
    { fields },
  );

export const MIN_REASON_LENGTH = 5;

/** A reason a person will read later (rejection, suspension, cancellation): required, returned trimmed. */
export function requireReason(reason: string | null | undefined): string {
  new Validation().check((reason ?? '').trim().length >= MIN_REASON_LENGTH, 'reason', `Alasan wajib diisi (minimal ${MIN_REASON_LENGTH} karakter).`).throwIfInvalid();
  return reason!.trim();
}

/**
 * Collects every field problem of one input before failing, so a form shows all its errors at once.
 * Services validate with it before they write anything.
 */
export class Validation {
  readonly errors: FieldError[] = [];

  check(ok: boolean, field: string, message: string): this {
    if (!ok) this.errors.push({ field, message });
    return this;
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  throwIfInvalid(): void {
    if (!this.ok) throw badInput(this.errors);
  }
}
