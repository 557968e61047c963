import type { EntityManager } from '@mikro-orm/postgresql';
import { orderCode } from '../purchasing/order-queries.js';
import { AuditSubject } from './audit-log.entity.js';

/**
 * How the pages name each kind of subject an audit entry is about: a package by its code, a vendor by its business
 * name, a product by its name, an account by its holder's name, a Pemda by its name. The other kinds (a period, a
 * holiday, outside spend, an ASN's order or report) carry what they are in the entry itself, as its statuses and reason.
 */
const NAMED: Partial<Record<AuditSubject, { sql: string; name: (row: Record<string, unknown>) => string }>> = {
  [AuditSubject.ORDER]: { sql: 'select id, number from purchase_order where id in (?)', name: (r) => orderCode({ number: Number(r.number) }) },
  [AuditSubject.VENDOR]: { sql: 'select id, business_name from vendor where id in (?)', name: (r) => String(r.business_name) },
  [AuditSubject.PRODUCT]: { sql: 'select id, name from product where id in (?)', name: (r) => String(r.name) },
  [AuditSubject.ACCOUNT]: { sql: 'select id, full_name from app_user where id in (?)', name: (r) => String(r.full_name) },
  [AuditSubject.PEMDA]: { sql: 'select id, name from pemda where id in (?)', name: (r) => String(r.name) },
};

export type AuditSubjectKey = `${AuditSubject} ${string}`;

/** The names of these subjects ("ORDER <id>" keys), one statement per kind asked; null for a kind not named, or gone. */
export async function auditSubjectNames(em: EntityManager, keys: readonly AuditSubjectKey[]): Promise<(string | null)[]> {
  const idsOf = new Map<AuditSubject, Set<string>>();
  for (const key of keys) {
    const [kind, id] = key.split(' ') as [AuditSubject, string];
    if (NAMED[kind]) idsOf.set(kind, (idsOf.get(kind) ?? new Set()).add(id));
  }
  const names = new Map<string, string>();
  await Promise.all([...idsOf].map(async ([kind, ids]) => {
    const rows = await em.getConnection().execute<Record<string, unknown>[]>(NAMED[kind]!.sql, [[...ids]]);
    for (const row of rows) names.set(`${kind} ${String(row.id)}`, NAMED[kind]!.name(row));
  }));
  return keys.map((key) => names.get(key) ?? null);
}
