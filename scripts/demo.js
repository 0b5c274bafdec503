// npm run demo: check the example letters of the gemeente Voorbeeldstad (fixtures/demo/).
// Everything runs on this machine: no internet is needed.
import { fileURLToPath } from 'node:url';
import { main } from '../dist/src/cli.js';

const demo = fileURLToPath(new URL('../fixtures/demo/', import.meta.url));
process.chdir(demo);
console.log(`brieflint demo — the letters of the gemeente Voorbeeldstad in ${demo}brieven\n`);
const code = await main(['node', 'brieflint', 'check', 'brieven', '--today', '2027-01-10', '--offline', ...process.argv.slice(2)]);
console.log(
  `\nbrieflint exited with ${code}: ${code === 1 ? 'the example letters hold real problems, as intended' : code === 0 ? 'no problems' : 'it could not do its job'}.`,
);
// The demo itself succeeded when brieflint ran and judged the letters (0 or 1).
process.exitCode = code === 2 ? 2 : 0;
