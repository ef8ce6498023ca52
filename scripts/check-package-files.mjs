// Asserts that the tarball of each published package lists README.md and LICENSE (and that the package's LICENSE is
// the repository's), by asking `npm pack --dry-run` what it would pack. Run by `test:all`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const PACKAGES = ['core', 'node', 'browser', 'react', 'server', 'cli'];
const REQUIRED = ['README.md', 'LICENSE'];
const rootLicense = readFileSync(join(root, 'LICENSE'), 'utf8');

const problems = [];
for (const name of PACKAGES) {
  const directory = join(root, 'packages', name);
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: directory, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const packed = new Set(JSON.parse(output)[0].files.map((file) => file.path));
  for (const file of REQUIRED) if (!packed.has(file)) problems.push(`packages/${name}: the tarball lacks ${file}`);
  if (readFileSync(join(directory, 'LICENSE'), 'utf8') !== rootLicense) problems.push(`packages/${name}/LICENSE differs from the root LICENSE`);
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`the tarballs of ${PACKAGES.map((name) => `@scribe/${name}`).join(', ')} list ${REQUIRED.join(' and ')}`);
