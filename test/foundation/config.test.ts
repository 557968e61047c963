import { ConfigError, loadConfig } from '../../server/config.js';

const failureOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a configuration error');
};

describe('configuration read from the environment', () => {
  it('has working defaults for a laptop: embedded database under ./data, port 4000, demo seed', () => {
    const config = loadConfig({});
    expect(config).toEqual(expect.objectContaining({ port: 4000, databaseUrl: null, pgliteDataDir: './data/pglite', seedDemo: true, env: 'development' }));
  });

  it('is safe on a network by default: no signing secret in the code, no cross-origin callers, introspection off in production', () => {
    const development = loadConfig({});
    expect(development.jwtSecret).toBeNull(); // made at first start, beside the database (bootstrap.ts)
    expect(development.corsOrigins).toEqual([]);
    expect(development.introspection).toBe(true);
    const production = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40) });
    expect(production.introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40), INTROSPECTION: 'true' }).introspection).toBe(true);
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', 'Configuration error: PORT must be a whole number from 1 to 65535 (got "abc")'],
    [{ PORT: '70000' }, 'PORT', 'Configuration error: PORT must be a whole number from 1 to 65535 (got "70000")'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL', 'Configuration error: DATABASE_URL is not a valid URL (expected postgres://...)'],
    [{ DATABASE_URL: 'mysql://root@localhost/x' }, 'DATABASE_URL', 'Configuration error: DATABASE_URL must start with postgres: or postgresql:// (got "mysql:")'],
    [{ DATABASE_URL: 'postgres://localhost:5432' }, 'DATABASE_URL', 'Configuration error: DATABASE_URL must name a database (postgres://user@host:5432/dbname)'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET', 'Configuration error: JWT_SECRET must be set to at least 32 characters in production'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET', 'Configuration error: JWT_SECRET must be at least 32 characters'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO', 'Configuration error: SEED_DEMO must be true or false (got "maybe")'],
    [{ CORS_ORIGINS: 'https://ok.go.id,ftp://bad' }, 'CORS_ORIGINS', expect.stringContaining('CORS_ORIGINS must be * or comma-separated origins')],
    [{ MEILI_HOST: 'localhost:7700' }, 'MEILI_HOST', expect.stringContaining('MEILI_HOST must start with http: or https://')],
  ])('refuses %j with one line naming %s', (env, variable, message) => {
    const error = failureOf(env as Record<string, string>);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.variable).toBe(variable);
    expect(error.message).toEqual(message);
    expect(error.message).not.toContain('\n');
  });

  it('in production demo data is off unless asked for', () => {
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40), DATABASE_URL: 'postgres://app@db:5432/katalog' });
    expect(config.seedDemo).toBe(false);
    expect(config.databaseUrl).toBe('postgres://app@db:5432/katalog');
  });

  it('reads a list of CORS origins', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://katalog.batukota.go.id, http://localhost:5173' }).corsOrigins).toEqual([
      'https://katalog.batukota.go.id',
      'http://localhost:5173',
    ]);
  });
});

describe('the token-signing secret without JWT_SECRET', () => {
  it('is made once at first start, kept beside the embedded database readable by the owner only, and reused', async () => {
    const { mkdtempSync, statSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { withSigningSecret, secretFile } = await import('../../server/bootstrap.js');
    const dir = mkdtempSync(join(tmpdir(), 'katalog-secret-'));
    const config = loadConfig({ PGLITE_DATA_DIR: join(dir, 'pglite') });
    const first = withSigningSecret(config);
    expect(secretFile(config)).toBe(join(dir, 'jwt-secret'));
    expect(first.jwtSecret).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(statSync(secretFile(config)).mode & 0o777).toBe(0o600);
    expect(readFileSync(secretFile(config), 'utf8')).toBe(first.jwtSecret);
    expect(withSigningSecret(config).jwtSecret).toBe(first.jwtSecret); // a restart keeps sessions valid
    expect(withSigningSecret(loadConfig({ PGLITE_DATA_DIR: join(dir, 'pglite'), JWT_SECRET: 's'.repeat(40) })).jwtSecret).toBe('s'.repeat(40));
  });
});
