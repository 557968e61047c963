import type { TestApp } from './harness.js';

/**
 * A fingerprint of every table in the database (row count and a hash of its rows in a stable order). Two equal
 * snapshots mean nothing was written in between: the proof that a refused request changed nothing.
 */
export async function snapshotTables(t: TestApp): Promise<Record<string, string>> {
  const connection = t.em().getConnection();
  const tables = await connection.execute<{ name: string }[]>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const snapshot: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await connection.execute<{ rows: string; hash: string }[]>(
      `select count(*) as rows, md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as hash from "${name}" r`,
    );
    snapshot[name] = `${row.rows} rows ${row.hash}`;
  }
  return snapshot;
}

/** Runs `refused`, and proves the database is the same afterwards; returns what `refused` returned. */
export async function expectNothingWritten<T>(t: TestApp, refused: () => Promise<T>): Promise<T> {
  const before = await snapshotTables(t);
  const result = await refused();
  expect(await snapshotTables(t)).toEqual(before);
  return result;
}
