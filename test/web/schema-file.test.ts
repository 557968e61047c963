import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { buildAppSchema } from '../../schema/build.js';

describe('the schema the web app is typed against', () => {
  it('is the running schema (npm run schema:print, then npm run codegen, after an API change)', async () => {
    expect(readFileSync('web/schema.graphql', 'utf8')).toBe(`${printSchema(await buildAppSchema())}\n`);
  });
});
