// Summarise a V8 CPU profile (node --cpu-prof): self time per package or brieflint module, then
// the functions with the most self time. See README, Development, "Profiling".
//   node scripts/profile-summary.mjs /tmp/prof/CPU.*.cpuprofile [rows]
import { readFileSync } from 'node:fs';

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node scripts/profile-summary.mjs <file.cpuprofile> [rows]\n');
  process.exit(2);
}
const rows = Number(rowsArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map();
let totalUs = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
  totalUs += dt;
});

/** Where a function lives: the npm package, brieflint's module (dist/…), Node's internals, or V8's own entries ((garbage collector), (idle)). */
function place(frame) {
  if (!frame.url) return `(${frame.functionName || 'native'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (pkg) return pkg[1];
  const own = /\/dist\/(.*)$/.exec(frame.url);
  if (own) return own[1];
  return frame.url.startsWith('node:') ? frame.url : frame.url.split('/').slice(-2).join('/');
}

const byPlace = new Map();
const byFunction = new Map();
for (const [id, us] of selfUs) {
  const { callFrame } = nodes.get(id);
  const where = place(callFrame);
  byPlace.set(where, (byPlace.get(where) ?? 0) + us);
  const name = `${callFrame.functionName || '(anonymous)'}  ${where}:${callFrame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + us);
}
const ms = (us) => (us / 1000).toFixed(0).padStart(6);
const pct = (us) => `${((100 * us) / totalUs).toFixed(1).padStart(5)} %`;
const top = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, rows);
process.stdout.write(`${(totalUs / 1000).toFixed(0)} ms sampled\n\nself time by package / module:\n`);
for (const [where, us] of top(byPlace)) process.stdout.write(`${ms(us)} ms ${pct(us)}  ${where.slice(0, 100)}\n`);
process.stdout.write('\nself time by function:\n');
for (const [name, us] of top(byFunction)) process.stdout.write(`${ms(us)} ms ${pct(us)}  ${name.slice(0, 140)}\n`);
