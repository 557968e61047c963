import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadConfig } from '../../server/config.js';

// No Docker engine runs on the development machines, so the deployment files are checked by reading them.
describe('docker-compose.yml and Dockerfile', () => {
  const compose = parse(readFileSync('docker-compose.yml', 'utf8'));

  it('runs PostgreSQL 17, Meilisearch v1 and the app built from the Dockerfile', () => {
    expect(compose.services.postgres.image).toMatch(/^postgres:17/);
    expect(compose.services.meilisearch.image).toMatch(/^getmeili\/meilisearch:v1\./);
    expect(compose.services.app.build).toBe('.');
    expect(Object.keys(compose.services.app.depends_on).sort()).toEqual(['meilisearch', 'postgres']);
  });

  it("gives the app an environment its own config accepts, pointing at the compose services", () => {
    const env = compose.services.app.environment as Record<string, string>;
    const config = loadConfig(env);
    expect(new URL(config.databaseUrl!).host).toBe('postgres:5432');
    expect(config.meiliHost).toBe('http://meilisearch:7700');
    expect(config.env).toBe('production');
  });

  it('the Dockerfile copies folders that exist and starts the compiled server', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    for (const [, source] of dockerfile.matchAll(/^COPY (?!--from)(\S+)/gm)) {
      expect(existsSync(source)).toBe(true);
    }
    // npm ci runs before the sources are copied: the `prepare` script (build, demo snapshot) would fail there.
    expect(dockerfile).toMatch(/^RUN npm ci .*--ignore-scripts/m);
    expect(dockerfile).toMatch(/^CMD \["node", (?:"--[a-z-]+=\d+", )*"dist\/server\/main.js"\]$/m);
  });
});
