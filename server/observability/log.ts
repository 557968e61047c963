import pino from 'pino';

/**
 * One JSON line per event on stdout, for a log shipper to read. Credentials never reach it: the authorization header,
 * passwords and tokens are redacted wherever they appear. The test suite logs nothing (LOG_LEVEL=silent there).
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'katalog-lokal' },
  redact: { paths: ['authorization', 'headers.authorization', '*.password', '*.token', 'password', 'token'], censor: '[disembunyikan]' },
});
