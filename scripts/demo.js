// npm run demo: check the example letters of the gemeente Voorbeeldstad (fixtures/demo/) against
// the example site, served on 127.0.0.1 over HTTP and HTTPS (a test certificate trusted through
// the config's site.ca). No internet is needed: every demo host is mapped to the local server
// with site.connectTo, as curl's --connect-to does.
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from '../dist/bundle/cli.js';
import { startSiteServer, testCerts } from '../fixtures/site/server.mjs';
import { demoHosts, demoRoutes } from '../fixtures/site/demo-routes.mjs';

const demo = fileURLToPath(new URL('../fixtures/demo/', import.meta.url));
const reportFile = fileURLToPath(new URL('../brieflint-report.html', import.meta.url));
const server = await startSiteServer({ routes: demoRoutes, https: testCerts.server });

// The committed config plus this run's port mapping, written next to it (git-ignored).
const config = JSON.parse(readFileSync(`${demo}brieflint.config.json`, 'utf8'));
config.site = { ...config.site, connectTo: server.connectTo(demoHosts), cache: false };
const runConfig = `${demo}.brieflint-demo.config.json`;
writeFileSync(runConfig, JSON.stringify(config, null, 2));

// `npm run demo -- --serve`: the webredacteur's page (brieflint serve) on the demo letters and site,
// opened in the browser; Ctrl+C stops it. Other options go to serve (e.g. --port 4478, --lang en).
const args = process.argv.slice(2);
const serve = args.includes('--serve');
const rest = args.filter((a) => a !== '--serve');

process.chdir(demo);
console.log(`brieflint demo — the letters of the gemeente Voorbeeldstad in ${demo}brieven`);
console.log(`the example site voorbeeldstad.example is served on 127.0.0.1 (http :${server.httpPort}, https :${server.httpsPort})\n`);
let code = 2;
try {
  code = await main(
    serve
      ? ['node', 'brieflint', 'serve', 'brieven', '--config', runConfig, '--today', '2027-01-10', '--no-cache', ...(rest.includes('--no-open') ? rest.filter((a) => a !== '--no-open') : ['--open', ...rest])]
      : ['node', 'brieflint', 'check', 'brieven', '--config', runConfig, '--today', '2027-01-10', '--report', `html=${reportFile}`, ...rest],
  );
} finally {
  await server.close();
  rmSync(runConfig, { force: true });
}
if (serve) {
  console.log(`\nbrieflint serve stopped; the example site answered ${server.requests.length} requests.`);
  process.exit(code);
}
console.log(`\nThe example site answered ${server.requests.length} requests.`);
console.log(`The KCC page for the team lead: ${reportFile}`);
console.log(
  `brieflint exited with ${code}: ${code === 1 ? 'the example letters hold real problems, as intended' : code === 0 ? 'no problems' : 'it could not do its job'}.`,
);
// The demo itself succeeded when brieflint ran and judged the letters (0 or 1).
process.exitCode = code === 2 ? 2 : 0;
