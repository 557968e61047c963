import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth-checker.js';
import { IdentityResolver } from './identity/identity.resolver.js';
import { OpdResolver } from './opd/opd.resolver.js';
import { PemdaResolver } from './pemda/pemda.resolver.js';

export const resolvers = [IdentityResolver, PemdaResolver, OpdResolver] as const;

export function buildAppSchema(): Promise<GraphQLSchema> {
  // Input rules live in the services (one place for GraphQL, CSV imports and seeds), so class-validator stays off.
  return buildSchema({ resolvers, authChecker, validate: false });
}
