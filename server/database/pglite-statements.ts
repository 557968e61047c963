import { setImmediate } from 'node:timers/promises';
import { PGliteKnexDialect } from 'mikro-orm-pglite';

const DOLLAR_TAG = /^\$[A-Za-z_]*\$/;

/**
 * How many SQL statements a text holds: semicolons inside quotes, dollar quotes and comments do not count.
 *
 * Why it matters: MikroORM inlines (escaped) parameters into raw SQL, and the PGlite dialect sends any raw text with
 * more than one ";" to PGlite's multi-statement `exec`, whose answer has another shape. A login email or a search
 * word with a ";" in it then read as no rows: the login throttle computed an invalid date and answered
 * INTERNAL_SERVER_ERROR. Counting statements the way PostgreSQL parses them sends such text down the normal path.
 */
export function countStatements(sql: string): number {
  // Nearly every statement has no ";" at all, or only a final one: no need to read it character by character.
  const first = sql.indexOf(';');
  if (first === -1 || first === sql.trimEnd().length - 1) return sql.slice(0, first === -1 ? undefined : first).trim() ? 1 : 0;
  let statements = 0;
  let content = false;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      i = end === -1 ? sql.length : end; // a doubled quote ('') is two adjacent literals: the same statement
      content = true;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 1;
    } else if (c === '$' && DOLLAR_TAG.test(sql.slice(i, i + 64))) {
      const tag = sql.slice(i, i + 64).match(DOLLAR_TAG)![0];
      const end = sql.indexOf(tag, i + tag.length);
      i = end === -1 ? sql.length : end + tag.length - 1;
      content = true;
    } else if (c === ';') {
      if (content) statements++;
      content = false;
    } else if (!/\s/.test(c)) {
      content = true;
    }
  }
  return statements + (content ? 1 : 0);
}

type Query = { sql: string; method?: string; bindings?: unknown[]; response?: unknown };
type PGliteConnection = { query(sql: string, bindings: unknown[]): Promise<unknown>; exec(sql: string): Promise<unknown> };

let patched = false;

/**
 * The embedded connection's one way to run SQL:
 * - raw SQL goes to PGlite's `exec` only when it really holds several statements (see `countStatements`);
 * - every statement is followed by one turn of the event loop. PGlite answers from its own thread (see PGliteThread)
 *   by message, and Node may hand this thread several messages in a row; a job or report of thousands of short
 *   statements (seeding the demo year, an export, the award) could then keep sending the next one before a request
 *   waiting on the socket is read. With the turn, an officer's request waits at most for one statement of the heavy
 *   work, whatever the work is.
 */
export function embeddedStatements(): void {
  if (patched) return;
  patched = true;
  (PGliteKnexDialect.prototype as unknown as { _query: (connection: PGliteConnection, obj: Query) => Promise<Query> })._query = async (connection, obj) => {
    if (!obj.sql) throw new Error('The query is empty');
    try {
      obj.response = obj.method === 'raw' && countStatements(obj.sql) > 1 ? await connection.exec(obj.sql) : await connection.query(obj.sql, obj.bindings ?? []);
    } finally {
      await setImmediate();
    }
    return obj;
  };
}
