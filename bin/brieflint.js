#!/usr/bin/env node
// The bundle `npm run build` writes (scripts/bundle.js): the same code as dist/src/cli.js, which
// starts faster.
import { main } from '../dist/bundle/cli.js';

process.exitCode = await main(process.argv);
