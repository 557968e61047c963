import { createTestApp, errorCode, type TestApp } from '../support/harness.js';
import { pemdaIds } from '../support/catalogue.js';

const BUDGET = `mutation($input: OpdBudgetInput!) { setOpdBudget(input: $input) { goodsServicesBudget } }`;
const IMPORT = `mutation($input: ImportExternalSpendInput!) { importExternalSpend(input: $input) { applied created errors { row message } } }`;
const FIGURES = 'budget target realisedUmkk projectedUmkk realisedShare projectedShare neededPerMonth willMiss';
const FORECAST = `query($p: ID!, $y: Int!, $m: Int) { decemberForecast(pemdaId: $p, year: $y, throughMonth: $m) {
  year throughMonth monthsLeft method targetPercent pemda { ${FIGURES} } opds { opdCode ${FIGURES} } } }`;

const spend = (ref: string, spentOn: string, opdCode: string, amount: number, isUmkk = true) =>
  ({ externalRef: ref, spentOn, opdCode, vendorName: 'CV Sumber Rejeki', amount, channel: 'TENDER', isUmkk, isPdn: true, isLocal: true });

async function importRows(t: TestApp, token: string, pemdaId: string, rows: ReturnType<typeof spend>[]) {
  const result = await t.exec(IMPORT, { input: { pemdaId, rows, policy: 'REJECT_ALL' } }, { token });
  if (!result.data?.importExternalSpend.applied) throw new Error(JSON.stringify(result.errors ?? result.data.importExternalSpend.errors));
}

const month = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}-15`;

describe('the December forecast', () => {
  let t: TestApp;
  let batu: string;
  let bpbj: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.current = new Date('2026-07-05T03:00:00Z'); // June has ended; July is running
    batu = (await pemdaIds(t)).batu;
    bpbj = await t.login('bpbj@batukota.go.id');
    const opds = (await t.exec(`query($p: ID) { opds(pemdaId: $p) { id code } }`, { p: batu }, { token: bpbj })).data.opds as { id: string; code: string }[];
    const opdId = (code: string) => opds.find((o) => o.code === code)!.id;
    for (const [code, budget] of [['1.02.01', 1_200_000_000], ['1.01.01', 600_000_000]] as const) {
      const set = await t.exec(BUDGET, { input: { opdId: opdId(code), fiscalYear: 2026, goodsServicesBudget: budget, plannedUmkk: 0, allocatedUmkk: 0 } }, { token: bpbj });
      if (set.errors) throw new Error(JSON.stringify(set.errors));
    }
    // Last year, the whole Pemda: Rp300 juta January-June, Rp1 miliar in all (the December rush).
    await importRows(t, bpbj, batu, [
      ...[1, 2, 3, 4, 5, 6].map((m) => spend(`2025-A-${m}`, month(2025, m), '1.06.01', 50_000_000)),
      ...[7, 8, 9, 10, 11].map((m) => spend(`2025-A-${m}`, month(2025, m), '1.06.01', 80_000_000)),
      spend('2025-A-12', month(2025, 12), '1.06.01', 300_000_000),
    ]);
    // This year: Dinkes Rp120.000.001 UMK-K (and Rp50 juta that is not UMK-K), Disdik Rp90 juta, through June.
    await importRows(t, bpbj, batu, [
      spend('DINKES-1', '2026-02-10', '1.02.01', 100_000_000),
      spend('DINKES-2', '2026-06-30', '1.02.01', 20_000_001),
      spend('DINKES-3', '2026-03-10', '1.02.01', 50_000_000, false),
      spend('DISDIK-1', '2026-05-10', '1.01.01', 90_000_000),
      spend('DISDIK-JULI', '2026-07-02', '1.01.01', 500_000_000), // July is not over: not in a forecast made at the end of June
    ]);
  }, 120_000);
  afterAll(() => t.close());

  it("projects with last year's shape (x 1.000/300), rounds once, and names who will miss", async () => {
    const result = await t.exec(FORECAST, { p: batu, y: 2026 }, { token: bpbj });
    expect(result.errors).toBeUndefined();
    const f = result.data.decemberForecast;
    expect(f).toEqual(expect.objectContaining({ year: 2026, throughMonth: 6, monthsLeft: 6, method: 'LAST_YEAR_SHAPE', targetPercent: 40 }));
    // Dinkes: 120.000.001 x 1.000/300 = 400.000.003,33 -> 400.000.003, 33,33% of Rp1,2 miliar; target Rp480 juta;
    // (480.000.000 - 120.000.001) / 6 = 59.999.999,83 -> Rp60.000.000 a month.
    // Disdik: 90.000.000 x 10/3 = 300.000.000, 50% of Rp600 juta: it makes it; (240 - 90) juta / 6 = Rp25 juta a month.
    expect(f.opds).toEqual([
      { opdCode: '1.02.01', budget: 1_200_000_000, target: 480_000_000, realisedUmkk: 120_000_001, projectedUmkk: 400_000_003, realisedShare: 10, projectedShare: 33.33, neededPerMonth: 60_000_000, willMiss: true },
      { opdCode: '1.01.01', budget: 600_000_000, target: 240_000_000, realisedUmkk: 90_000_000, projectedUmkk: 300_000_000, realisedShare: 15, projectedShare: 50, neededPerMonth: 25_000_000, willMiss: false },
    ]);
    // The Pemda: the OPDs with a budget summed; 700.000.003 / 1.800.000.000 = 38,89%; (720 juta - 210.000.001) / 6.
    expect(f.pemda).toEqual({ budget: 1_800_000_000, target: 720_000_000, realisedUmkk: 210_000_001, projectedUmkk: 700_000_003, realisedShare: 11.67, projectedShare: 38.89, neededPerMonth: 85_000_000, willMiss: true });
  });

  it('without last year on record, projects at the current pace (x 12/m)', async () => {
    // Replayed at the end of March, with last year's months out of the way (a forecast for 2025 has no 2024).
    const result = await t.exec(FORECAST, { p: batu, y: 2025, m: 3 }, { token: bpbj });
    expect(result.data.decemberForecast).toEqual(expect.objectContaining({ throughMonth: 3, method: 'CURRENT_PACE', opds: [] }));
    expect(result.data.decemberForecast.pemda).toEqual(expect.objectContaining({ budget: 0, realisedUmkk: 0, projectedShare: null }));
  });

  it('refuses a month that has not ended, a year not begun, and anyone but BPBJ of the Pemda', async () => {
    expect(errorCode(await t.exec(FORECAST, { p: batu, y: 2026, m: 7 }, { token: bpbj }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.exec(FORECAST, { p: batu, y: 2026, m: 0 }, { token: bpbj }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.exec(FORECAST, { p: batu, y: 2027 }, { token: bpbj }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await t.exec(FORECAST, { p: batu, y: 2026 }, { token: await t.login('pp.dinkes@batukota.go.id') }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(FORECAST, { p: batu, y: 2026 }, { token: await t.login('bpbj@bontangkota.go.id') }))).toBe('FORBIDDEN');
    expect(errorCode(await t.exec(FORECAST, { p: batu, y: 2026 }))).toBe('UNAUTHENTICATED');
  });
});

/** A small deterministic generator (mulberry32), so the back-test's year is the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the December forecast, back-tested on a generated Pemda year', () => {
  let t: TestApp;
  const errors: { month: number; shape: number; pace: number; missedRight: number }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.current = new Date('2027-01-10T03:00:00Z'); // 2026 is over: every month can be replayed
    const batu = (await pemdaIds(t)).batu;
    const bpbj = await t.login('bpbj@batukota.go.id');
    const opds = (await t.exec(`query($p: ID) { opds(pemdaId: $p) { id code } }`, { p: batu }, { token: bpbj })).data.opds as { id: string; code: string }[];
    // Each OPD: a budget of Rp2-20 miliar and a year-end UMK-K share of 25-55%, spent along the back-loaded shape
    // Indonesian budgets follow (a slow first quarter, the December rush), each month +-30% at random; two years.
    const rnd = random(2026);
    const shape = [3, 4, 6, 7, 8, 8, 8, 9, 9, 10, 11, 17];
    const actual = new Map<string, { budget: number; umkk: number }>();
    const rows: ReturnType<typeof spend>[] = [];
    for (const opd of opds) {
      const budget = 1_000_000 * Math.round(2_000 + rnd() * 18_000);
      const share = 0.25 + rnd() * 0.3;
      for (const year of [2025, 2026]) {
        let umkk = 0;
        shape.forEach((weight, i) => {
          const amount = Math.round((budget * share * weight * (0.7 + rnd() * 0.6)) / 100);
          umkk += amount;
          rows.push(spend(`${year}-${opd.code}-${i + 1}`, month(year, i + 1), opd.code, amount));
        });
        if (year === 2026) actual.set(opd.code, { budget, umkk });
      }
      const set = await t.exec(BUDGET, { input: { opdId: opd.id, fiscalYear: 2026, goodsServicesBudget: budget, plannedUmkk: 0, allocatedUmkk: 0 } }, { token: bpbj });
      if (set.errors) throw new Error(JSON.stringify(set.errors));
    }
    await importRows(t, bpbj, batu, rows);

    // Replay: the forecast as it stood at the end of each month, against where each OPD actually ended the year.
    const endShare = (code: string) => (100 * actual.get(code)!.umkk) / actual.get(code)!.budget;
    for (let m = 1; m <= 11; m++) {
      const f = (await t.exec(FORECAST, { p: batu, y: 2026, m }, { token: bpbj })).data.decemberForecast;
      expect(f.method).toBe('LAST_YEAR_SHAPE');
      const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
      errors.push({
        month: m,
        shape: mean(f.opds.map((o: any) => Math.abs(o.projectedShare - endShare(o.opdCode)))),
        pace: mean(f.opds.map((o: any) => Math.abs((100 * (o.realisedUmkk * 12) / m) / o.budget - endShare(o.opdCode)))),
        missedRight: f.opds.filter((o: any) => o.willMiss === endShare(o.opdCode) < 40).length / f.opds.length,
      });
    }
    console.log(
      `December forecast back-test (${opds.length} OPDs; mean absolute error of the year-end UMK-K share, percentage points):\n` +
        `month  last-year shape  current pace  miss/make called right\n` +
        errors.map((e) => `${String(e.month).padStart(5)}  ${e.shape.toFixed(2).padStart(15)}  ${e.pace.toFixed(2).padStart(12)}  ${(100 * e.missedRight).toFixed(0).padStart(21)}%`).join('\n'),
    );
  }, 240_000);
  afterAll(() => t.close());

  it('is within 4 points of the year-end share from February on, 3 from April, 1.5 by November', () => {
    for (const e of errors.filter((e) => e.month >= 2)) expect(e.shape).toBeLessThan(4);
    for (const e of errors.filter((e) => e.month >= 4)) expect(e.shape).toBeLessThan(3);
    expect(errors[10].shape).toBeLessThan(1.5);
  });

  it("beats the straight-line pace every month, since it knows December's rush", () => {
    for (const e of errors) expect(e.shape).toBeLessThan(e.pace);
  });
});
