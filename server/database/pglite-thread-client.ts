import { mkdirSync } from 'node:fs';
import v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Results } from '@electric-sql/pglite';

// V8 compiles PGlite's WebAssembly first with its quick compiler and recompiles a function with the optimising one
// once it has run "enough" (the tiering budget). PGlite's boot runs enough of it to set the optimiser to work on both
// cores for a second or more, competing with the server's own start (measured: ready 1.9-2.1 s against 1.4-1.5 s
// with the budget raised 100-fold). With the budget raised, what stays hot is still optimised a few seconds on, and
// statements were as fast four seconds after the boot (README, "Two commands"). V8's flags are the process's: this is
// set before the first thread compiles the module.
v8.setFlagsFromString('--wasm-tiering-budget=180000000');

/** Where the embedded database keeps its files (null: in memory), and the tarball to start from on an empty folder. */
export interface EmbeddedDatabaseOptions {
  dataDir: string | null;
  loadDataDir?: Blob;
}

type Reply = { id: number; result?: unknown; error?: Record<string, unknown> & { message: string } };

/** PostgreSQL's error as the thread described it, with its fields (code, detail, constraint...) on an Error again. */
const asError = ({ message, ...fields }: Record<string, unknown> & { message: string }) => Object.assign(new Error(message), fields);

/**
 * `value` made of this realm's objects. A thread's message arrives as objects of Node's main realm, and code under
 * Jest runs in a realm of its own, where `instanceof Date` (MikroORM's test for a timestamp) is false for them. Outside
 * Jest the realms are one and the answer is returned as it came.
 */
function ownRealm<T>(value: T): T {
  if (value === null || typeof value !== 'object' || value instanceof Object) return value;
  const adopt = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return Array.from(v, adopt);
    if (Object.prototype.toString.call(v) === '[object Date]') return new Date((v as Date).getTime());
    if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength));
    if (Object.prototype.toString.call(v) === '[object Blob]') return v; // a data-directory dump: read as bytes, not tested by type
    return Object.fromEntries(Object.entries(v).map(([key, x]) => [key, adopt(x)]));
  };
  return adopt(value) as T;
}

/**
 * The embedded database (PGlite) in a thread of its own, with the part of PGlite's interface the ORM's driver uses
 * (`query`, `exec`, `waitReady`, `close`) and `dumpDataDir`.
 *
 * Why a thread: PGlite is PostgreSQL compiled to WebAssembly, and it runs wherever it is made. In the server's thread,
 * its boot (about a second) could only follow the loading of the server's modules, and every statement ran on the
 * thread that also parses requests and renders answers. In its own thread it boots while the modules load, and a
 * statement runs on the other core while the server's thread goes on with other requests' JavaScript.
 *
 * Statements still run one at a time (PGlite has one connection); results come back by structured clone.
 */
export class PGliteThread {
  readonly waitReady: Promise<void>;
  closed = false;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 1;

  constructor(options: EmbeddedDatabaseOptions) {
    this.worker = new Worker(new URL('./pglite-thread.mjs', import.meta.url), {
      workerData: { dataDir: options.dataDir, loadDataDir: options.loadDataDir },
    });
    this.waitReady = new Promise<void>((resolve, reject) => {
      this.worker.once('message', (message: { ready: boolean; error?: Reply['error'] }) =>
        message.ready ? resolve() : reject(asError(message.error!)));
      this.worker.once('exit', (code) => reject(new Error(`The embedded database stopped while starting (exit code ${code}).`)));
    });
    // Once booted, the thread keeps the process alive only while a statement is on its way (see `call`): a script
    // that has finished, or forgot to close the database, still exits.
    this.waitReady.then(() => {
      this.worker.on('message', (reply: Reply) => this.settle(reply));
      if (this.pending.size === 0) this.worker.unref();
    }, () => undefined);
    this.worker.on('error', (error) => this.stopped(error));
    this.worker.on('exit', (code) => this.stopped(new Error(`The embedded database stopped (exit code ${code}).`)));
  }

  query(sql: string, params: unknown[] = []): Promise<Results> {
    return this.call('query', { sql, params }) as Promise<Results>;
  }

  exec(sql: string): Promise<Results[]> {
    return this.call('exec', { sql }) as Promise<Results[]>;
  }

  dumpDataDir(compression: 'gzip' | 'none' = 'gzip'): Promise<Blob> {
    return this.call('dumpDataDir', { compression }) as Promise<Blob>;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.call('close', {});
    this.closed = true;
    await this.worker.terminate();
  }

  private async call(op: string, message: Record<string, unknown>): Promise<unknown> {
    await this.waitReady;
    if (this.closed) throw new Error('The embedded database is closed.');
    const id = this.nextId++;
    this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id, op });
    });
  }

  private settle({ id, result, error }: Reply): void {
    const call = this.pending.get(id);
    if (!call) return;
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
    if (error) call.reject(asError(error));
    else call.resolve(ownRealm(result));
  }

  private stopped(error: Error): void {
    this.closed = true;
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
  }
}

/** Starts the embedded database's thread on `dataDir`, or in memory when null. Light to import: main.ts starts it
 * before it loads the server's modules, so the two happen side by side. */
export function startEmbeddedDatabase(dataDir: string | null, loadDataDir?: Blob): PGliteThread {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return new PGliteThread({ dataDir, loadDataDir });
}
