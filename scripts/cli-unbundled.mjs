// The CLI from dist/src/ instead of the bundle (bin/brieflint.js runs dist/bundle/): the same code,
// but a CPU profile then names each module and package. For profiling (README, Development):
//   node --cpu-prof --cpu-prof-dir=/tmp/prof scripts/cli-unbundled.mjs check brieven --offline --format json
import { main } from '../dist/src/cli.js';

process.exitCode = await main(process.argv);
