/** The CLI in-process and projects in temp folders (one home: test/cli/run.ts), and `checkJson`, for the KCC tests of whole runs. */
import type { JsonReport } from '../../src/report/types.js';
import { cli } from '../cli/run.js';

export { cli, project } from '../cli/run.js';

/** `check … --offline --format json --today 2027-01-10`, parsed. */
export async function checkJson(args: string[], cwd: string) {
  const r = await cli([...args, '--offline', '--format', 'json', '--today', '2027-01-10'], cwd);
  return { ...r, report: JSON.parse(r.stdout) as JsonReport };
}
