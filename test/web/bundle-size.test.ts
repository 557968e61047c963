import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuilt } from './browser.js';

describe('what a visitor of the public pages downloads', () => {
  it('stays under 300 KB of JavaScript gzipped (the explorer is a page of its own)', () => {
    ensureWebBuilt();
    const html = readFileSync(join('web', 'dist', 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join('web', 'dist', file))).length, 0);
    console.log(`Public pages: ${scripts.length} scripts, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThan(300 * 1024);
  });
});
