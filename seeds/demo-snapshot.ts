import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDate } from '../server/calendar/time-zone.js';
import type { AppConfig } from '../server/config.js';
import type { DemoAccount } from './demo.js';

/**
 * The demo year made once and kept as a copy of the embedded database (a PGlite data-directory tarball), so a first
 * `npm start` loads it in about two seconds instead of taking ~330 orders through the services (about a minute).
 * `npm install` makes it (the `prepare` script); `npm run demo:snapshot` makes it again. It is the database a live
 * start would build, by the same code, only earlier: so it is used only while both still hold: the same build of the
 * server (its migrations and seeds), and the same local date in every demo Pemda, since the year is dated from "today".
 * Anything else (another day, a new build, a data folder that already holds a database) builds live, as before.
 * This module reads a snapshot, and loads nothing heavy: `npm start` reads it before it loads the server's modules.
 * Making one is in make-demo-snapshot.ts.
 */
export const DEMO_SNAPSHOT_DIR = join('data', 'demo-snapshot');
export const ARCHIVE = 'year.tar.gz';
export const META = 'snapshot.json';
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
