import { SignJWT, jwtVerify } from 'jose';

const ISSUER = 'katalog-lokal';
const AUDIENCE = 'katalog-lokal-api';

export interface TokenClaims {
  sub: string;
}

export class TokenService {
  /** Imported once: given the secret's bytes, jose imports a WebCrypto key at every call (about 100 us a request). */
  private readonly key: Promise<CryptoKey>;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  }

  async issue(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    const expiresAt = new Date((issuedAt + this.ttlSeconds) * 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(await this.key);
    return { token, expiresAt };
  }

  /** Returns the claims, or null when the token is forged, expired or malformed. */
  async verify(token: string): Promise<TokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, await this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: this.now(),
        requiredClaims: ['exp', 'sub'], // a token without an expiry would be a password that never changes
      });
      return typeof payload.sub === 'string' ? { sub: payload.sub } : null;
    } catch {
      return null;
    }
  }
}
