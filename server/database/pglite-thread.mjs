// The embedded database's own thread (see pglite-thread-client.ts). Plain JavaScript so that the same file runs from
// the sources (tests) and from dist/ (tsc copies it): a worker thread is started from a file, and Node 20 runs no
// TypeScript by itself.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/** What a failed statement tells the caller: PostgreSQL's fields (code, detail, constraint...), which a thread's
 * structured clone of an Error would drop. */
function describeError(error) {
  const fields = {};
  for (const [key, value] of Object.entries(error ?? {})) {
    if (value == null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  return { ...fields, name: error?.name ?? 'Error', message: error?.message ?? String(error) };
}

const db = new PGlite({
  dataDir: workerData.dataDir ?? undefined,
  extensions: { pg_trgm },
  // Keep `date` columns as 'YYYY-MM-DD' text, as the pg driver does for the server database.
  parsers: { 1082: (value) => value },
  loadDataDir: workerData.loadDataDir ?? undefined,
});

const operations = {
  query: ({ sql, params }) => db.query(sql, params),
  exec: ({ sql }) => db.exec(sql),
  dumpDataDir: ({ compression }) => db.dumpDataDir(compression),
  close: () => db.close(),
};

try {
  await db.waitReady;
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ ready: false, error: describeError(error) });
}

parentPort.on('message', async (message) => {
  try {
    parentPort.postMessage({ id: message.id, result: await operations[message.op](message) });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: describeError(error) });
  }
});
