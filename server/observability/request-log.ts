import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import type { NextFunction, Request, Response } from 'express';
import type { RequestContext } from '../context.js';
import { log } from './log.js';
import { requestDuration } from './metrics.js';

/** Notes each request's operation name and error codes on its context, for the log line and the metrics. */
export function requestTracePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const trace = contextValue.trace;
      return {
        async didResolveOperation({ operationName, operation }) {
          trace.operation = operationName ?? `${operation?.operation ?? "operasi"} (tanpa nama)`;
        },
        async willSendResponse({ response, request, document }) {
          // A request refused before its operation resolved (validation, limits) is still named in its line.
          const named = document?.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')?.name?.value;
          trace.operation ??= request.operationName ?? named;
          if (response.body.kind === 'single') trace.errorCodes = (response.body.singleResult.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN'));
        },
      };
    },
  };
}

/**
 * One log line per request (request id, method, path, status, duration, the GraphQL operation, the caller's role and
 * Pemda, error codes; never a token or a stack trace for a refused input) and its latency in the metrics. The request
 * id comes from `X-Request-Id` when a proxy sent a sane one, and goes back in the response.
 */
export function requestLog(contextOf: (res: Response) => Pick<RequestContext, 'actor' | 'trace'> | undefined) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const given = req.header('x-request-id');
    const requestId = given && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const ctx = contextOf(res);
      const trace = ctx?.trace;
      const path = req.originalUrl.split('?')[0];
      const codes = trace?.errorCodes ?? [];
      const outcome = res.statusCode >= 500 || codes.includes('INTERNAL_SERVER_ERROR') ? 'error' : res.statusCode >= 400 || codes.length ? 'refused' : 'ok';
      if (path.startsWith('/graphql')) requestDuration.observe({ operation: trace?.operation ?? 'tidak terbaca', outcome }, ms / 1000);
      log[outcome === 'error' ? 'error' : 'info']({
        requestId, method: req.method, path, status: res.statusCode, ms: Math.round(ms * 10) / 10,
        operation: trace?.operation, role: ctx?.actor?.role ?? 'ANONYMOUS', pemdaId: ctx?.actor?.pemdaId ?? undefined,
        errors: codes.length ? codes : undefined,
      }, 'request');
    });
    next();
  };
}
