/**
 * What one GraphQL request may cost, checked before anything executes.
 *
 * Four bounds, cheapest first:
 *  1. tokens: the parser stops at LIMITS.tokens (graphql-js `maxTokens`), so a 10,000-fragment document costs one scan;
 *  2. depth, aliases and directives: graphql-armor's validation rules;
 *  3. cost: graphql-query-complexity with the estimator below, against a budget that depends on who calls;
 *  4. rate: the cost is also drawn from a per-minute allowance shared by every server process (see rate-limits.ts).
 *
 * The cost model: every object field costs 1 plus what it selects; a scalar costs nothing; a paged field (`first`,
 * `limit`) multiplies what it selects by its page size, a list without one by ASSUMED_LIST_SIZE; the expensive
 * fields below add their weight once. So `products(first: 100) { edges { node { name vendor { name } } } }` costs
 * 1 + 100 x (1 + 1 + 1) = 301, and 1,000 aliases of it would cost 301,000.
 */
import { checkTextInputs } from './text-inputs.js';
import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { getNamedType, getNullableType, isListType, isLeafType, type DocumentNode, type GraphQLError, type GraphQLSchema, type ValidationContext, type ValidationRule } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Actor, RequestContext } from '../context.js';
import { AppError } from '../errors.js';
import { Role } from '../identity/user.entity.js';

export const LIMITS = {
  tokens: 4000,
  depth: 12,
  aliases: 30,
  directives: 20,
  /** The cost a single request may have, by caller. */
  budget: { anonymous: 3_000, signedIn: 10_000, bpbj: 25_000 },
} as const;

/** A list field with no page-size argument is assumed to hold this many items. */
export const ASSUMED_LIST_SIZE = 20;

/**
 * Fields whose cost is not their rows but their work (full-text ranking, aggregates over a year, file generation).
 * A weight of 100 or more marks a field as expensive: signed-in callers draw it from their per-minute allowance.
 */
export const FIELD_WEIGHTS: Record<string, number> = {
  searchProducts: 20,
  catalogueProgress: 50,
  awardLeaderboard: 50,
  orderCounts: 20,
  spendMonthlySeries: 50,
  spendRecap: 100,
  publicSpendRecap: 100,
  asnMonthlyCompliance: 100,
  opdAsnCompliance: 100,
  publicAsnCompliance: 100,
  compareAwardVersions: 100,
  exportSpendRecap: 500,
  exportAsnCompliance: 500,
  exportAward: 300,
  exportOrders: 1000,
  // Queuing is cheap; the allowance still counts it, so nobody queues a thousand files a minute.
  requestOrdersExport: 100,
  exportSpendSeries: 300,
  exportCatalogueProgress: 100,
  orderDocumentFile: 100,
  // ExportJob.file: a stored file read in full, once per job of a list (exportJobs lists up to 20).
  file: 100,
  splitOrderFlags: 300,
  priceCheck: 20,
  vendorConcentration: 300,
  computeAward: 1000,
  importOpdBudgets: 200,
  importExternalSpend: 200,
  importProducts: 200,
  importAsn: 200,
  importOpds: 200,
};
export const EXPENSIVE_WEIGHT = 100;

/** The error every bound answers with: one stable code, the limit that was passed, an Indonesian message. */
export class QueryTooComplex extends AppError {
  constructor(limit: 'tokens' | 'depth' | 'aliases' | 'directives' | 'cost', max: number, found?: number) {
    const what = {
      tokens: `terlalu panjang (lebih dari ${max} token)`,
      depth: `terlalu dalam (maksimal ${max} tingkat)`,
      aliases: `memakai terlalu banyak alias (maksimal ${max})`,
      directives: `memakai terlalu banyak direktif (maksimal ${max})`,
      cost: `terlalu berat: biayanya ${found} dari batas ${max} untuk akun Anda`,
    }[limit];
    super('QUERY_TOO_COMPLEX', `Permintaan ${what}. Kecilkan halaman (first) atau pecah menjadi beberapa permintaan.`, {
      limit,
      max,
      ...(found === undefined ? {} : { found }),
      http: { status: 400 },
    });
  }
}

/**
 * The cost model as a graphql-query-complexity estimator. It also adds up, into `expensive`, the weights of the
 * expensive fields it meets (each as often as it appears), so one walk of the document gives both figures.
 */
function estimator(expensive: { total: number }): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (type.name.startsWith('__') || field.name.startsWith('__')) return 0; // introspection is bounded by depth
    const weight = FIELD_WEIGHTS[field.name] ?? 0;
    if (weight >= EXPENSIVE_WEIGHT) expensive.total += weight;
    if (isLeafType(getNamedType(field.type))) return weight;
    const pageSize = typeof args.first === 'number' ? args.first : typeof args.limit === 'number' ? args.limit : null;
    // A connection's edges are the page its field already multiplied by `first`.
    const isList = isListType(getNullableType(field.type)) && field.name !== 'edges';
    const items = pageSize ?? (isList ? ASSUMED_LIST_SIZE : 1);
    return weight + 1 + Math.max(0, items) * childComplexity;
  };
}

/** What a request may cost, by who calls: the public pages, an officer or vendor, the bureau that runs the Pemda. */
export function budgetFor(actor: Actor | null): number {
  if (!actor) return LIMITS.budget.anonymous;
  if (actor.role === Role.BPBJ || actor.role === Role.PLATFORM_ADMIN) return LIMITS.budget.bpbj;
  return LIMITS.budget.signedIn;
}

/** The validation rules for depth, aliases and directives; each reports a QueryTooComplex error. */
export function limitRules(): ValidationRule[] {
  const reject = (limit: 'depth' | 'aliases' | 'directives', max: number) => ({
    n: max,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, _error: GraphQLError) => context?.reportError(new QueryTooComplex(limit, max))],
  });
  return [
    maxDepthRule({ ...reject('depth', LIMITS.depth), ignoreIntrospection: true }),
    maxAliasesRule(reject('aliases', LIMITS.aliases)),
    maxDirectivesRule(reject('directives', LIMITS.directives)),
  ];
}

export interface OperationCost {
  /** The whole operation's cost under the model above. */
  cost: number;
  /** The sum of the weights of expensive fields it selects (each counted as often as it appears). */
  expensive: number;
}

/** Variables this long are costed afresh each time rather than kept as a key (an import's CSV text, say). */
const LONGEST_CACHED_VARIABLES = 2_000;
/** Costs kept per parsed query, by operation and variables. */
const COSTS_PER_QUERY = 64;
const costs = new WeakMap<DocumentNode, Map<string, OperationCost>>();

/**
 * An operation's cost, worked out once per query, operation and variables: walking the query against the schema cost
 * a spend recap about a fifteenth of its CPU at every request. Apollo keeps each parsed query (the same document on
 * every request that sends its text), so the cost is kept with it.
 */
export function costOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined, operationName: string | undefined): OperationCost {
  const compute = () => {
    const expensive = { total: 0 };
    const cost = getComplexity({ schema, query: document, variables, operationName, estimators: [estimator(expensive)] });
    return { cost, expensive: expensive.total };
  };
  const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {})}`;
  if (key.length > LONGEST_CACHED_VARIABLES) return compute();
  let known = costs.get(document);
  if (!known) costs.set(document, (known = new Map()));
  let cost = known.get(key);
  if (!cost) {
    if (known.size >= COSTS_PER_QUERY) known.clear();
    known.set(key, (cost = compute()));
  }
  return cost;
}

/**
 * Checks an operation's cost against the caller's budget, then draws it from the caller's per-minute allowance.
 * Runs after validation and before execution, so a refused request reads nothing.
 */
export function requestLimitsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName, contextValue }) {
          checkTextInputs(document, request.variables);
          const { cost, expensive } = costOf(schema, document, request.variables, operationName ?? undefined);
          const budget = budgetFor(contextValue.actor);
          if (cost > budget) throw new QueryTooComplex('cost', budget, cost);
          await contextValue.services.rateLimits.draw(contextValue, { cost, expensive });
        },
      };
    },
  };
}
