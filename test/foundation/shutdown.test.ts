import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

// The compiled server as `npm start` runs it, on its own embedded database (a process test: the server PostgreSQL run
// checks the same code path, so it uses a fresh PGlite folder either way).
describe('a server process stopped with SIGTERM', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'katalog-shutdown-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('logs that it is finishing, closes the database and exits 0, on every start', async () => {
    execFileSync(process.execPath, ['server/build-if-stale.mjs'], { stdio: 'ignore' });
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', PORT: String(port), PGLITE_DATA_DIR: join(dataDir, 'pglite'), SEED_DEMO: 'false' };
    delete env.DATABASE_URL;
    for (const start of [1, 2]) {
      const child = spawn(process.execPath, ['dist/server/main.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
      while (!output.includes(`localhost:${port}/graphql`)) {
        if (child.exitCode !== null) throw new Error(`the server did not start:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

      child.kill('SIGTERM');
      // Killed by its own signal (Apollo's handler re-raising it) would be { code: null, signal: 'SIGTERM' }: the
      // embedded database left open. The second start opens the same folder and finds its migrations applied.
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(output).toContain('SIGTERM: finishing in-flight requests, then closing the database');
      expect(output).not.toMatch(/"level":50/);
      if (start === 2) expect(output).not.toMatch(/Applied \d+ migration/);
    }
  }, 240_000);
});
