import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { localDate } from '../server/calendar/time-zone.js';
import type { AppConfig } from '../server/config.js';
import { createOrm, embeddedDatabase, migrate } from '../server/database/orm.js';
import { Pemda } from '../server/pemda/pemda.entity.js';
import type { DemoAccount } from './demo.js';
import { ARCHIVE, DEMO_SNAPSHOT_DIR, META, type SnapshotMeta } from './demo-snapshot.js';
import { DEMO_YEAR, seedDemoWithYear, type Progress } from './year.js';

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
