import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Per-minute allowances (see server/http/rate-limits.ts); the columns are the ones rate-limiter-flexible writes. */
@Entity({ tableName: 'rate_limit' })
export class RateLimitAllowance {
  @PrimaryKey({ type: 'string', length: 255 })
  key!: string;

  @Property({ type: 'int', default: 0 })
  points!: number;

  /** Epoch milliseconds, as the library stores it. */
  @Property({ type: 'bigint', nullable: true })
  expire?: string | null;
}
