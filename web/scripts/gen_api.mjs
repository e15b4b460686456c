// Writes src/types/openapi.gen.ts from ../docs/openapi.yaml with
// openapi-typescript (`npm run gen:api`). With --check it writes nothing and
// fails when the committed file differs from what the spec generates
// (`npm run lint` runs it, so a stale file fails `make web` and `make test`).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const web = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const spec = path.join(web, '..', 'docs', 'openapi.yaml');
const target = path.join(web, 'src', 'types', 'openapi.gen.ts');
const cli = path.join(web, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');

function generate(out) {
  execFileSync(process.execPath, [cli, spec, '--output', out], { stdio: ['ignore', 'ignore', 'inherit'] });
}

if (process.argv.includes('--check')) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'luister-api-types-'));
  try {
    const fresh = path.join(dir, 'openapi.gen.ts');
    generate(fresh);
    const committed = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (fs.readFileSync(fresh, 'utf8') !== committed) {
      console.error(
        `${path.relative(web, target)} is stale: docs/openapi.yaml changed since it was generated. ` +
          'Run `npm run gen:api` in web/ and commit the result.',
      );
      process.exit(1);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
} else {
  generate(target);
}
