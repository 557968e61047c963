import type { EntityManager } from '@mikro-orm/postgresql';
import type { PageCandidate } from './catalogue/catalogue-page-cache.js';
import type { AppConfig } from './config.js';
import type { Role } from './identity/user.entity.js';
import type { Loaders } from './loaders.js';
import type { Services } from './services.js';

/** Who is calling, as the services see it: the role and the scope the role is bound to. */
export interface Actor {
  userId: string;
  email: string;
  role: Role;
  pemdaId: string | null;
  opdId: string | null;
  vendorId: string | null;
}

/** Everything one GraphQL request carries. Services take it first, so every rule knows who asks. */
export interface RequestContext {
  /** A fork of the EntityManager for this request only. */
  em: EntityManager;
  actor: Actor | null;
  /** Set when a token was sent but could not be accepted (forged, expired, account disabled). */
  authProblem: string | null;
  /**
   * The caller signed in with a password BPBJ chose and has not yet chosen its own: the request may only read the
   * account and change the password (server/auth/password-change-gate.ts).
   */
  passwordChangeRequired: boolean;
  clientIp: string;
  config: AppConfig;
  services: Services;
  loaders: Loaders;
  now: () => Date;
  /** What the request's log line reports (operation, error codes); one object shared by Apollo's copies of the context. */
  trace: { operation?: string; errorCodes: string[] };
  /** An anonymous page the HTTP layer may keep (server/catalogue/catalogue-page-cache.ts); unset for every other request. */
  cataloguePage?: PageCandidate;
}
