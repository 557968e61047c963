import { configOrExit } from '../server/bootstrap.js';
import { currentBuild, DEMO_SNAPSHOT_DIR, readMeta, staleness } from './demo-snapshot.js';
import { makeDemoSnapshot } from './make-demo-snapshot.js';

/**
 * `npm run demo:snapshot`, and the last step of `npm install` (`prepare`): makes the demo year's snapshot unless the
 * one in data/demo-snapshot is still good for today. It never fails the install: without a snapshot, `npm start`
 * builds the year live.
 */
const config = configOrExit();
const now = new Date();
const build = currentBuild();
const existing = readMeta();
const stale = existing && staleness(existing, build, now);
try {
  if (!config.seedDemo) console.log('Demo snapshot: skipped (SEED_DEMO is off).');
  else if (!build) console.log('Demo snapshot: skipped (no build of the server in dist/).');
  else if (existing && !stale && !process.argv.includes('--force')) console.log(`Demo snapshot: up to date in ${DEMO_SNAPSHOT_DIR} (made ${existing.madeAt}).`);
  else {
    const started = Date.now();
    console.log(`Demo snapshot: building the demo year once, so the first npm start loads it in seconds (about a minute)${stale ? `; the last one is out of date: ${stale}` : ''}...`);
    await makeDemoSnapshot(config, now, build, { progress: (stage, detail) => process.stdout.isTTY && process.stdout.write(`\r\x1b[2K  ${stage.padEnd(22)} ${detail}`) });
    console.log(`${process.stdout.isTTY ? '\n' : ''}Demo snapshot: made in ${((Date.now() - started) / 1000).toFixed(1)} s, in ${DEMO_SNAPSHOT_DIR}.`);
  }
} catch (error) {
  console.warn(`Demo snapshot: not made (${(error as Error).message}); npm start will build the demo year live.`);
}
process.exit(0); // never fail the install
