import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { localDate } from '../server/calendar/time-zone.js';
import type { AppConfig } from '../server/config.js';
import { createOrm, embeddedDatabase, migrate } from '../server/database/orm.js';
import { Pemda } from '../server/pemda/pemda.entity.js';
import type { DemoAccount } from './demo.js';
import { DEMO_YEAR, seedDemoWithYear, type Progress } from './year.js';

/**
 * The demo year made once and kept as a copy of the embedded database (a PGlite data-directory tarball), so a first
 * `npm start` loads it in about two seconds instead of taking ~330 orders through the services (about a minute).
 * `npm install` makes it (the `prepare` script); `npm run demo:snapshot` makes it again. It is the database a live
 * start would build, by the same code, only earlier: so it is used only while both still hold: the same build of the
 * server (its migrations and seeds), and the same local date in every demo Pemda, since the year is dated from "today".
 * Anything else (another day, a new build, a data folder that already holds a database) builds live, as before.
 */
export const DEMO_SNAPSHOT_DIR = join('data', 'demo-snapshot');
const ARCHIVE = 'year.tar.gz';
const META = 'snapshot.json';
/** Written by server/build-if-stale.mjs at every build of dist/. */
const BUILD_STAMP = join('dist', '.build-stamp');

export interface SnapshotMeta {
  /** The build it was made by (dist/.build-stamp). */
  build: string;
  madeAt: string;
  /** Each demo Pemda's time zone and its local date when the snapshot was made. */
  localDates: Record<string, string>;
  accounts: DemoAccount[];
}

export interface DemoSnapshot {
  meta: SnapshotMeta;
  archive: Blob;
}

/** The build the running code came from, or null when it runs from sources (tests): then no snapshot applies. */
export function currentBuild(): string | null {
  return existsSync(BUILD_STAMP) ? readFileSync(BUILD_STAMP, 'utf8').trim() : null;
}

/** Why a snapshot cannot stand for a start at `now` by `build`, or null when it can. */
export function staleness(meta: SnapshotMeta, build: string | null, now: Date): string | null {
  if (!build || meta.build !== build) return 'the server was built again since it was made';
  for (const [timeZone, date] of Object.entries(meta.localDates)) {
    if (localDate(now, timeZone) !== date) return `it was made for ${date} (${timeZone}), today is ${localDate(now, timeZone)}`;
  }
  return null;
}

export function readMeta(dir = DEMO_SNAPSHOT_DIR): SnapshotMeta | null {
  try {
    const meta = JSON.parse(readFileSync(join(dir, META), 'utf8')) as SnapshotMeta;
    return typeof meta.build === 'string' && meta.localDates && typeof meta.localDates === 'object' && Array.isArray(meta.accounts) && existsSync(join(dir, ARCHIVE)) ? meta : null;
  } catch {
    return null; // none yet, or unreadable: build live
  }
}

/**
 * The snapshot a start should load, or null: only for the embedded database, a demo start, and a data folder that holds
 * no database yet (a snapshot never replaces data).
 */
export function demoSnapshotFor(config: Pick<AppConfig, 'databaseUrl' | 'pgliteDataDir' | 'seedDemo'>, now: Date, build?: string | null, dir = DEMO_SNAPSHOT_DIR): DemoSnapshot | null {
  if (config.databaseUrl || !config.seedDemo) return null;
  if (config.pgliteDataDir && existsSync(join(config.pgliteDataDir, 'PG_VERSION'))) return null; // a restart: nothing to read
  const meta = readMeta(dir);
  if (!meta || staleness(meta, build === undefined ? currentBuild() : build, now)) return null;
  return { meta, archive: new Blob([readFileSync(join(dir, ARCHIVE))]) };
}

/** What goes into the snapshot: by default the demo catalogue and year, as `npm start` builds them. */
export type Fill = (orm: MikroORM, config: AppConfig, now: Date, progress: Progress) => Promise<DemoAccount[]>;

const demoYearFill: Fill = (orm, config, now, progress) => seedDemoWithYear(orm, config, now, DEMO_YEAR, progress);

/**
 * Builds the demo in an in-memory embedded database and writes it with its meta. The files are replaced only once
 * the new ones are complete, so an interrupted run leaves the old snapshot (or none), never half of one.
 */
export async function makeDemoSnapshot(config: AppConfig, now: Date, build: string, options: { dir?: string; fill?: Fill; progress?: Progress } = {}): Promise<SnapshotMeta> {
  const dir = options.dir ?? DEMO_SNAPSHOT_DIR;
  const orm = await createOrm({ ...config, databaseUrl: null, pgliteDataDir: null });
  try {
    await migrate(orm);
    const accounts = await (options.fill ?? demoYearFill)(orm, config, now, options.progress ?? (() => {}));
    const pemdas = await orm.em.fork().find(Pemda, {});
    const meta: SnapshotMeta = { build, madeAt: now.toISOString(), localDates: Object.fromEntries(pemdas.map((p) => [p.timeZone, localDate(now, p.timeZone)])), accounts };
    const archive = Buffer.from(await (await embeddedDatabase(orm)!.dumpDataDir('gzip')).arrayBuffer());
    mkdirSync(dir, { recursive: true });
    rmSync(join(dir, META), { force: true }); // no meta, no snapshot: while the archive is replaced, nothing reads it
    writeFileSync(join(dir, `${ARCHIVE}.partial`), archive);
    renameSync(join(dir, `${ARCHIVE}.partial`), join(dir, ARCHIVE));
    writeFileSync(join(dir, META), JSON.stringify(meta, null, 2));
    return meta;
  } finally {
    await orm.close();
  }
}
