import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Failed-login counters (see login-throttle.ts): one row per (account, address) pair and per address. */
@Entity({ tableName: 'login_throttle' })
export class LoginThrottleCounter {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'int' })
  failures!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  lastFailureAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  blockedUntil?: Date | null;
}
