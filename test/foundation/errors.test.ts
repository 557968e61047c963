import { jest } from '@jest/globals';
import { log } from '../../server/observability/log.js';
import { createTestApp } from '../support/harness.js';

describe('errors a client sees', () => {
  it.each([
    ['production', { NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40) }],
    ['development (what `npm start` runs, on 0.0.0.0)', { NODE_ENV: 'development' }],
  ])('in %s an unexpected failure is masked: no SQL, no stack, a stable code and an Indonesian message', async (_name, env) => {
    const t = await createTestApp({ env, seed: false });
    const logged = jest.spyOn(log, 'error').mockImplementation(() => {});
    try {
      await t.em().getConnection().execute('drop table pemda cascade');
      const broken = await t.exec(`{ pemdas { id } }`);
      expect(broken.errors).toEqual([
        { message: 'Terjadi kesalahan di server. Silakan coba lagi atau hubungi admin.', path: ['pemdas'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      ]);
      expect(JSON.stringify(broken)).not.toMatch(/select|relation|stack/i);
      // The operator still gets the details in the log, with the stack.
      expect(logged).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), 'unexpected error in request');
    } finally {
      logged.mockRestore();
      await t.close();
    }
  });

  it('an id that is not a UUID is BAD_USER_INPUT with an Indonesian message, as a literal or a variable: no SQL, nothing run', async () => {
    const t = await createTestApp();
    try {
      const bpbj = await t.login('bpbj@batukota.go.id');
      const pp = await t.login('pp.dinkes@batukota.go.id');
      for (const [query, variables, token] of [
        [`{ product(id: "abc") { id } }`, {}, undefined],
        [`query($id: ID!) { vendor(id: $id) { id } }`, { id: '1; drop table vendor' }, undefined],
        [`{ pemda(id: "$BATU") { id } }`, {}, undefined],
        [`{ products(pemdaId: "batu") { totalCount } }`, {}, undefined],
        [`query($p: ID) { searchProducts(pemdaId: $p, query: "beras") { totalCount } }`, { p: "'; select 1 --" }, undefined],
        [`{ spendRecap(pemdaId: "batu", period: { year: 2026 }) { targetPercent } }`, {}, bpbj],
        [`{ order(id: "PKT-000001") { id } }`, {}, pp],
        [`mutation { submitOrder(id: 12) { id } }`, {}, pp],
      ] as const) {
        const result = await t.exec(query, variables, { token });
        expect({ query, code: result.errors?.[0]?.extensions?.code }).toEqual({ query, code: 'BAD_USER_INPUT' });
        expect(result.errors![0].message).toMatch(/^ID tidak valid/);
        expect(JSON.stringify(result)).not.toMatch(/invalid input syntax|type uuid|relation "|at .*\.ts/i);
        expect(result.data ?? null).toBeNull();
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
