import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The process's Prometheus metrics: request counts and latencies by operation, job runs and failures. */
export const metrics = new Registry();
collectDefaultMetrics({ register: metrics });

export const requestDuration = new Histogram({
  name: 'katalog_graphql_request_seconds',
  help: 'GraphQL requests by operation name and outcome (ok, refused, error).',
  labelNames: ['operation', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metrics],
});

export const jobRuns = new Counter({
  name: 'katalog_job_runs_total',
  help: 'Background job runs claimed by this process, by job and outcome.',
  labelNames: ['job', 'outcome'] as const,
  registers: [metrics],
});

export const backlog = new Gauge({
  name: 'katalog_outbox_backlog',
  help: 'Rows waiting in an outbox: notification emails to send, search documents to sync.',
  labelNames: ['outbox'] as const,
  registers: [metrics],
});

export const poolConnections = new Gauge({
  name: 'katalog_db_pool_connections',
  help: 'Database connections of this process by state (server PostgreSQL; the embedded database has one).',
  labelNames: ['state'] as const,
  registers: [metrics],
});

export const cataloguePageCache = new Counter({
  name: 'katalog_catalogue_page_cache_total',
  help: 'Anonymous catalogue pages: kept, answered from memory (hit), or found changed since (stale).',
  labelNames: ['outcome'] as const,
  registers: [metrics],
});
