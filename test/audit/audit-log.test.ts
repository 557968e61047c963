import { createTestApp, type TestApp } from '../support/harness.js';
import { pemdaIds } from '../support/catalogue.js';

const ADD = `mutation($p: ID!, $d: String!, $n: String!) { addRegionalHoliday(pemdaId: $p, date: $d, name: $n) { id } }`;
const LOG = `query($p: ID!, $s: AuditSubject) { auditLog(pemdaId: $p, subjectType: $s, limit: 3) { createdAt reason } }`;

describe("the Pemda's audit log, newest first", () => {
  let t: TestApp;
  let batu: string;

  beforeAll(async () => {
    t = await createTestApp();
    batu = (await pemdaIds(t)).batu;
  });
  afterAll(() => t.close());

  it('by when each change happened, even when written out of that order, and by record order within one instant', async () => {
    // Recorded first but dated later (as the demo year writes its orders' steps after the fact, each with its date).
    const addAt = async (at: string, date: string, name: string) => {
      t.clock.current = new Date(at);
      const added = await t.exec(ADD, { p: batu, d: date, n: name }, { token: await t.login('bpbj@batukota.go.id') });
      expect(added.errors).toBeUndefined();
    };
    await addAt('2026-03-12T03:00:00Z', '2026-11-02', 'Dicatat pertama, tanggal 12 Maret');
    await addAt('2026-03-11T03:00:00Z', '2026-11-03', 'Dicatat kedua, tanggal 11 Maret');
    await addAt('2026-03-11T03:00:00Z', '2026-11-04', 'Dicatat ketiga, tanggal 11 Maret');
    const bpbj = await t.login('bpbj@batukota.go.id');

    const expected = [
      { createdAt: '2026-03-12T03:00:00.000Z', reason: '2026-11-02 Dicatat pertama, tanggal 12 Maret' },
      { createdAt: '2026-03-11T03:00:00.000Z', reason: '2026-11-04 Dicatat ketiga, tanggal 11 Maret' },
      { createdAt: '2026-03-11T03:00:00.000Z', reason: '2026-11-03 Dicatat kedua, tanggal 11 Maret' },
    ];
    expect((await t.exec(LOG, { p: batu, s: 'CALENDAR' }, { token: bpbj })).data.auditLog).toEqual(expected);
    // The whole Pemda's log, unfiltered, in the same order (these are its newest entries).
    expect((await t.exec(LOG, { p: batu }, { token: bpbj })).data.auditLog).toEqual(expected);
  });
});
