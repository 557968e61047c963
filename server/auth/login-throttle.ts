import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Failed logins, counted in PostgreSQL (table `login_throttle`) so every server process sees the same counts.
 *
 * Two counters per attempt:
 *  - the (account, address) pair. After `maxAttempts` failures that pair waits one minute, doubling with each
 *    further failure up to the window. Only the addresses that failed wait: the account's owner at another
 *    address still logs in, so nobody can lock a BPBJ officer out by typing wrong passwords for it.
 *  - the address alone, across accounts (password spraying), with four times the allowance and the same growth.
 * A counter is forgotten after a window without failures; a success clears its pair.
 */
export class LoginThrottle {
  constructor(
    private readonly maxAttempts: number,
    private readonly windowMs: number,
  ) {}

  private counters(account: string, address: string) {
    return [
      { key: `pair:${account}|${address}`, allowance: this.maxAttempts },
      { key: `ip:${address}`, allowance: this.maxAttempts * 4 },
    ];
  }

  /** Seconds until this account may be tried again from this address; 0 when it may now. */
  async retryAfterSeconds(em: EntityManager, account: string, address: string, now: Date): Promise<number> {
    const keys = this.counters(account, address).map((c) => c.key);
    const [row] = await em.getConnection().execute<{ until: Date | null }[]>(
      'select max(blocked_until) as until from login_throttle where key in (?, ?) and blocked_until > ?',
      [...keys, now],
    );
    return row?.until ? Math.ceil((new Date(row.until).getTime() - now.getTime()) / 1000) : 0;
  }

  async recordFailure(em: EntityManager, account: string, address: string, now: Date): Promise<void> {
    const forgottenBefore = new Date(now.getTime() - this.windowMs);
    for (const { key, allowance } of this.counters(account, address)) {
      // One statement per counter: concurrent failures in several processes each add one. Only a counter that
      // reached its allowance needs a second, to set the wait.
      const [{ failures }] = await em.getConnection().execute<{ failures: number }[]>(
        `insert into login_throttle as t (key, failures, last_failure_at, blocked_until) values (?, 1, ?, null)
         on conflict (key) do update set
           failures = case when t.last_failure_at < ? then 1 else t.failures + 1 end,
           last_failure_at = excluded.last_failure_at
         returning failures`,
        [key, now, forgottenBefore],
      );
      if (failures < allowance) continue;
      const waitMs = Math.min(60_000 * 2 ** (failures - allowance), this.windowMs);
      await em.getConnection().execute('update login_throttle set blocked_until = ? where key = ?', [new Date(now.getTime() + waitMs), key]);
    }
  }

  async recordSuccess(em: EntityManager, account: string, address: string): Promise<void> {
    await em.getConnection().execute('delete from login_throttle where key = ?', [this.counters(account, address)[0].key], 'run');
  }
}
