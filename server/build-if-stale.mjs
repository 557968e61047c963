// Runs before `npm start` and the other scripts that need dist/: compiles the TypeScript only when a source is newer
// than the last build, so a second start skips the ~10 s of tsc. Plain JavaScript: it has to run before any build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['server', 'schema', 'search', 'seeds', 'migrations', 'bench'];
const CONFIG = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];
const STAMP = join('dist', '.build-stamp');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

const sourcesChanged = Math.max(...SOURCES.map(newest), ...CONFIG.filter(existsSync).map(newest));
if (!existsSync(STAMP) || statSync(STAMP).mtimeMs < sourcesChanged) {
  console.log('Building (TypeScript changed since the last build)...');
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  writeFileSync(STAMP, new Date().toISOString());
}
