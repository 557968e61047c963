import { getNamedType, getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { buildAppSchema } from '../../schema/build.js';
import { random } from '../../seeds/catalogue.js';
import { createTestApp, type TestApp } from '../support/harness.js';
import { snapshotTables } from '../support/snapshot.js';

/** The demo catalogue's seeded generator, so a failure names a seed that reproduces it. */
function generator(seed: number) {
  const rng = random(seed);
  return { pick: rng.pick, chance: (p: number) => rng.next() < p };
}

const TEXT = ['', ' ', 'a', 'Beras 5 kg', "'; drop table vendor; --", '\u0000', 'x\u0000y', '😀'.repeat(300), 'ğüşıöç', '<script>alert(1)</script>', '=HYPERLINK("x")', 'A'.repeat(5001), '0000-01-01', '2026-02-30', '9999-12-31', '35.79', '1e309', 'null'];
const NUMBERS = [0, -1, 1, 7, 2147483647, -2147483648, 1.5];
const RUPIAH = [0, -1, 1, 9007199254740991, 9007199254740992, '12', '1.5', 1.5, -9007199254740991];
const IDS = ['abc', '', "' or 1=1 --", '00000000-0000-4000-8000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'];

function valueOf(type: GraphQLInputType, rng: ReturnType<typeof generator>, depth = 0): unknown {
  if (isNonNullType(type)) return valueOf(type.ofType, rng, depth);
  if (rng.chance(0.1)) return null;
  if (isListType(type)) return Array.from({ length: rng.pick([0, 1, 2, 3]) }, () => valueOf(type.ofType, rng, depth + 1));
  if (isEnumType(type)) return rng.chance(0.2) ? 'NOT_A_VALUE' : rng.pick(type.getValues()).value;
  if (isInputObjectType(type)) {
    if (depth > 4) return {};
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type) || rng.chance(0.7)).map((f) => [f.name, valueOf(f.type, rng, depth + 1)]));
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'String': return rng.pick(TEXT);
      case 'Int': return rng.pick(NUMBERS);
      case 'Float': return rng.pick([...NUMBERS, 1e308, -1e308, 0.005]);
      case 'Boolean': return rng.pick([true, false, 'yes', 1]);
      case 'ID': return rng.pick(IDS);
      case 'Rupiah': return rng.pick(RUPIAH);
      default: return rng.pick([...TEXT.slice(0, 6), '2026-03-02T00:00:00Z', 12]);
    }
  }
  return null;
}

/** `mutation($a: T!, ...) { name(a: $a, ...) { __typename } }` for one mutation of the schema. */
function operationFor(schema: GraphQLSchema, name: string): string {
  const field = schema.getMutationType()!.getFields()[name];
  const vars = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(getNullableType(field.type));
  const selection = isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
  return `mutation${vars ? `(${vars})` : ''} { ${name}${args ? `(${args})` : ''}${selection} }`;
}

/**
 * Mutations that record a refusal by design: a failed login, or a wrong current password, is counted (the throttle),
 * so "nothing written" does not hold. test/foundation/accounts.test.ts checks that the counter is all they write.
 */
const RECORDS_REFUSALS = new Set(['login', 'changePassword']);

describe('hostile input at every argument of every mutation', () => {
  let t: TestApp;
  let schema: GraphQLSchema;
  const tokens: (string | undefined)[] = [undefined];

  beforeAll(async () => {
    t = await createTestApp();
    schema = await buildAppSchema();
    for (const email of ['bpbj@batukota.go.id', 'pp.dinkes@batukota.go.id', 'ppk.dinkes@batukota.go.id', 'admin@katalog.local']) {
      tokens.push(await t.login(email).catch(() => undefined));
    }
  });
  afterAll(() => t.close());

  it('never answers INTERNAL_SERVER_ERROR, and a refused call writes nothing (6 seeded samples a mutation, 6 callers)', async () => {
    const failures: string[] = [];
    const names = Object.keys(schema.getMutationType()!.getFields()).sort();
    expect(names.length).toBeGreaterThan(40);
    let calls = 0;
    for (const [index, name] of names.entries()) {
      const query = operationFor(schema, name);
      const args = schema.getMutationType()!.getFields()[name].args;
      for (let sample = 0; sample < 6; sample++) {
        const seed = index * 100 + sample;
        const rng = generator(seed);
        const variables = Object.fromEntries(args.map((a) => [a.name, valueOf(a.type, rng)]));
        const token = tokens[sample % tokens.length];
        const before = await snapshotTables(t);
        const result = await t.exec(query, variables, { token });
        calls++;
        const codes = (result.errors ?? []).map((e) => e.extensions?.code);
        if (codes.includes('INTERNAL_SERVER_ERROR') || codes.includes(undefined)) failures.push(`${name} seed ${seed}: ${JSON.stringify(result.errors)} with ${JSON.stringify(variables).slice(0, 300)}`);
        if (result.errors && !RECORDS_REFUSALS.has(name)) {
          const after = await snapshotTables(t);
          const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
          if (changed.length) failures.push(`${name} seed ${seed}: refused (${codes.join(',')}) yet wrote ${changed.join(', ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBe(names.length * 6);
  }, 240_000); // about 300 calls, each between two snapshots of every table: ~50 s alone, more beside other suites
});
