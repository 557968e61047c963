/**
 * Writes the GraphQL schema as SDL to web/schema.graphql, which the web app's typed operations are generated from
 * (npm run codegen). A test holds the file to the running schema, so an API change shows up in the web app's build.
 */
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { buildAppSchema } from './build.js';

writeFileSync('web/schema.graphql', `${printSchema(await buildAppSchema())}\n`);
console.log('wrote web/schema.graphql');
