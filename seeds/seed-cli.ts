import { configOrExit } from '../server/bootstrap.js';
import { createOrm, describeDatabase, migrate } from '../server/database/orm.js';
import { DEMO_PASSWORD } from './demo.js';
import { DEMO_YEAR, LARGE_YEAR, seedDemoWithYear } from './year.js';

/** npm run seed [-- --size large]: the demo catalogue, then the year so far, with a line per stage. Idempotent. */
const size = process.argv.includes('--size') ? process.argv[process.argv.indexOf('--size') + 1] : 'demo';
if (size !== 'demo' && size !== 'large') {
  console.error('Usage: npm run seed [-- --size demo|large]');
  process.exit(1);
}
const config = configOrExit();
const orm = await createOrm(config);
await migrate(orm);
const started = Date.now();
// On a terminal, one line redrawn with a bar through the months; in a log, a line per stage.
const tty = process.stdout.isTTY;
const bar = (detail: string) => {
  const month = Number(/(\d{2})\/\d{4}:/.exec(detail)?.[1] ?? 0);
  return month ? `[${'#'.repeat(Math.round((month / 12) * 24)).padEnd(24, '.')}] ` : '';
};
const accounts = await seedDemoWithYear(orm, config, new Date(), size === 'large' ? LARGE_YEAR : DEMO_YEAR, (stage, detail) =>
  tty ? process.stdout.write(`\r\x1b[2K  ${bar(detail)}${stage.padEnd(22)} ${detail} (${((Date.now() - started) / 1000).toFixed(0)} s)`) : console.log(`  ${stage.padEnd(22)} ${detail}`));
console.log(`\nDemo data (${size}) present in ${describeDatabase(config)} after ${((Date.now() - started) / 1000).toFixed(1)} s. Accounts (password "${DEMO_PASSWORD}"): ${accounts.map((a) => a.email).join(', ')}`);
await orm.close();
