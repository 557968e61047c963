import { jest } from '@jest/globals';
import { createTestApp } from '../support/harness.js';

describe('errors a client sees', () => {
  it.each([
    ['production', { NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40) }],
    ['development (what `npm start` runs, on 0.0.0.0)', { NODE_ENV: 'development' }],
  ])('in %s an unexpected failure is masked: no SQL, no stack, a stable code and an Indonesian message', async (_name, env) => {
    const t = await createTestApp({ env, seed: false });
    const logged = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await t.em().getConnection().execute('drop table pemda cascade');
      const broken = await t.exec(`{ pemdas { id } }`);
      expect(broken.errors).toEqual([
        { message: 'Terjadi kesalahan di server. Silakan coba lagi atau hubungi admin.', path: ['pemdas'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ]);
      expect(JSON.stringify(broken)).not.toMatch(/select|relation|stack/i);
      expect(logged).toHaveBeenCalled(); // the operator still gets the details in the log
    } finally {
      logged.mockRestore();
      await t.close();
    }
  });

  it('an id that is not a UUID is simply not found: no server error, no SQL in the answer', async () => {
    const t = await createTestApp();
    try {
      const bpbj = await t.login('bpbj@batukota.go.id');
      const pp = await t.login('pp.dinkes@batukota.go.id');
      for (const [query, token, code] of [
        [`{ product(id: "abc") { id } }`, undefined, 'NOT_FOUND'],
        [`{ vendor(id: "1; drop table vendor") { id } }`, undefined, 'NOT_FOUND'],
        [`{ pemda(id: "$BATU") { id } }`, undefined, 'NOT_FOUND'],
        [`{ catalogueProgress(pemdaId: "'; select 1 --") { publishedProducts } }`, undefined, 'NOT_FOUND'],
        [`{ spendRecap(pemdaId: "batu", period: { year: 2026 }) { targetPercent } }`, bpbj, 'FORBIDDEN'], // not the officer's Pemda
        [`{ order(id: "PKT-000001") { id } }`, pp, 'NOT_FOUND'],
      ] as const) {
        const result = await t.exec(query, {}, { token });
        expect({ query, code: result.errors?.[0]?.extensions?.code }).toEqual({ query, code });
        expect(JSON.stringify(result)).not.toMatch(/uuid|syntax|select |relation/i);
      }
    } finally {
      await t.close();
    }
  });

  it('a malformed query gets a GraphQL validation code, not a server error', async () => {
    const t = await createTestApp({ seed: false });
    try {
      const result = await t.exec(`{ pemdas { nope } }`);
      expect(result.errors![0].extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    } finally {
      await t.close();
    }
  });
});
