/**
 * npm run bench:award [-- --lines 5000000 --runs 5] [--keep | --reuse <kept database> [--vacuum]]
 *
 * The E-Purchasing Award for a Pemda year of 40 OPDs and `--lines` order lines (default 1,000,000; the goal is
 * computeAward under 0.5 s at 5,000,000), end to end through GraphQL, each run a new draft version, computed on
 * 15 January of the next year. Its own run:
 * bench:recap times the recap on its own year.
 *
 * Beside it, in the same run, the floor: the statements the award reads (the recap's rollups, the payment delays),
 * sent through the same connection without the scoring, the explanation or the stored version.
 */
import { loadavg } from 'node:os';
import { createApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { Role, User } from '../server/identity/user.entity.js';
import { Pemda } from '../server/pemda/pemda.entity.js';
import { seedDemo } from '../seeds/demo.js';
import { generatePemdaYear } from './generate.js';
import { arg, benchDatabase, summarise, timed } from './support.js';

const LINES = arg('lines', 1_000_000);
const RUNS = arg('runs', 5);
const LINES_PER_ORDER = 4;
const ORDERS = Math.ceil(LINES / LINES_PER_ORDER);

const db = await benchDatabase('award');
console.log(`bench:award on ${db.label}: 40 OPDs, ${ORDERS} orders, ${ORDERS * LINES_PER_ORDER} order lines, ${RUNS} runs`);
if (!db.reused) await seedDemo(db.em(), { catalogue: true });
const pemda = await db.em().findOneOrFail(Pemda, { kemendagriCode: '35.79' });
if (db.reused) {
  // The year an earlier --keep run generated (its --lines), now migrated to this code; --vacuum as autovacuum would.
  const vacuum = process.argv.includes('--vacuum');
  await db.em().getConnection().execute(vacuum ? 'vacuum analyze' : 'analyze');
  console.log(`  reusing its year${vacuum ? ', vacuumed' : ''}: ${(await db.em().getConnection().execute<{ n: string }[]>('select count(*) as n from purchase_order_line'))[0].n} order lines`);
} else {
  const [generateMs] = await timed(() => generatePemdaYear(db.em(), pemda, ORDERS, LINES_PER_ORDER));
  console.log(`  generated in ${(generateMs / 1000).toFixed(1)} s`);
}

// The year's award as BPBJ computes it after the year: on 15 January 2027, December's BASTs partly paid in January.
const AFTER_THE_YEAR = new Date('2027-01-15T03:00:00Z');
const app = await createApp(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'b'.repeat(40), PGLITE_DATA_DIR: 'memory', RATE_LIMITS: 'false' }), db.orm, { now: () => AFTER_THE_YEAR });
await app.apollo.start();
const bpbj = await db.em().findOneOrFail(User, { role: Role.BPBJ, pemda });
const asBpbj = () => {
  const ctx = app.systemContext();
  ctx.actor = { userId: bpbj.id, email: bpbj.email, role: Role.BPBJ, pemdaId: pemda.id, opdId: null, vendorId: null };
  return ctx;
};
const AWARD = `mutation($p: ID!) { computeAward(pemdaId: $p, year: 2026) { version rows { opdCode score rank tier } } }`;
const award = async () => {
  const response = await app.apollo.executeOperation({ query: AWARD, variables: { p: pemda.id } }, { contextValue: asBpbj() });
  if (response.body.kind !== 'single' || response.body.singleResult.errors) throw new Error(JSON.stringify(response.body));
  return response.body.singleResult.data as { computeAward: { rows: { rank: number | null }[] } };
};
/** What the award reads, and nothing else. */
const reads = async () => {
  const ctx = asBpbj();
  await ctx.services.recap.recap(ctx, pemda.id, { year: 2026, fromMonth: 1, toMonth: 12 });
  await ctx.services.orderQueries.paymentDelays(ctx, pemda.id, { from: '2026-01-01', asOf: '2026-12-31', yearStart: '2026-01-01' }); // the period's end: the year is over
};

const samples = { award: [] as number[], reads: [] as number[] };
let ranked = 0;
for (let i = 0; i < RUNS; i++) {
  const [ms, data] = await timed(award);
  samples.award.push(ms);
  ranked = data.computeAward.rows.filter((r) => r.rank !== null).length;
}
for (let i = 0; i < RUNS; i++) samples.reads.push((await timed(reads))[0]);
console.log();
const a = summarise('computeAward, year, GraphQL', samples.award);
const f = summarise('floor: the award\'s reads alone', samples.reads);
console.log(`\naward: ${ranked} OPDs ranked; p50 ${a.p50.toFixed(0)} ms, ${(a.p50 / f.p50).toFixed(1)}x its reads (goal < 500 ms at 5,000,000 lines: ${LINES >= 5_000_000 ? (a.p50 < 500 ? 'MET' : 'NOT MET') : 'run with --lines 5000000'}); load avg ${loadavg()[0].toFixed(2)}`);

await app.apollo.stop();
await db.dispose();
