/**
 * SLOW (npm ci and a build in a copy of this repository, ~30–90 s): the GitHub Action's shell
 * steps, read from action.yml and run as the runner runs them — each `run:` with bash, its
 * `env:` and `working-directory:` filled in from the inputs — on a fixture letters repository,
 * with a fake $GITHUB_ACTION_PATH (a copy of this repository as checked out, without
 * node_modules or dist/), $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY. Steps that `uses:` another
 * action (setup-node, the SARIF upload) are GitHub's and not run here.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, copyOfRepository, removeTempDirs, ROOT, run, tempDir, VERSION, writeFiles } from './helpers.js';

interface Step {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface ActionYml {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const ACTION: ActionYml = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));

interface Context {
  inputs: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string> }>;
  runner: { temp: string };
  github: { action_path: string; workspace: string };
}

/** `a.b.c` in the context; '' when absent, as GitHub evaluates a missing property. */
function lookup(ctx: Context, path: string): string {
  let v: unknown = ctx;
  for (const key of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v === undefined || v === null ? '' : String(v);
}

/** `${{ context.path }}` in a value. Anything else is not expected in this action's bash steps. */
function substitute(ctx: Context, text: string): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expr: string) => {
    if (!/^[a-z_][\w.-]*$/i.test(expr)) throw new Error(`unexpected expression in action.yml: ${expr}`);
    return lookup(ctx, expr);
  });
}

/** The `if:` of a bash step: `context.path == '…'` / `!= '…'`, joined by &&; nothing else is expected. */
function condition(ctx: Context, expr: string | undefined): boolean {
  if (expr === undefined) return true;
  return expr.split('&&').every((part) => {
    const m = /^\s*([a-z_][\w.-]*)\s*(==|!=)\s*'([^']*)'\s*$/i.exec(part);
    if (!m) throw new Error(`unexpected condition in action.yml: ${expr}`);
    return (lookup(ctx, m[1]) === m[3]) === (m[2] === '==');
  });
}

interface ActionRun {
  /** The exit status of the action: that of the first bash step that failed, else 0. */
  status: number;
  log: string;
  outputs: Record<string, string>;
  summary: string;
  ran: string[];
}

/** Run the bash steps of action.yml with these inputs (the others at their defaults), as the runner would. */
function runAction(actionPath: string, workspace: string, given: Record<string, string>): ActionRun {
  const temp = tempDir('runner-temp');
  const inputs = Object.fromEntries(Object.entries(ACTION.inputs).map(([k, v]) => [k, given[k] ?? v.default ?? '']));
  const ctx: Context = { inputs, steps: {}, runner: { temp }, github: { action_path: actionPath, workspace } };
  const summaryFile = join(temp, 'step-summary.md');
  writeFileSync(summaryFile, '');
  let log = '';
  const ran: string[] = [];
  for (const step of ACTION.runs.steps) {
    if (step.uses || !step.run) continue;
    if (!condition(ctx, step.if)) continue;
    expect(step.shell).toBe('bash');
    const outputFile = join(temp, `output-${ran.length}`);
    writeFileSync(outputFile, '');
    const env = cleanEnv({
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: temp,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(ctx, String(v))])),
    });
    const cwd = join(workspace, substitute(ctx, step['working-directory'] ?? '.'));
    // GitHub runs a bash step as `bash --noprofile --norc -eo pipefail {0}`.
    const r = run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', substitute(ctx, step.run)], cwd, env, 300_000);
    ran.push(step.name);
    log += r.stdout + r.stderr;
    const outputs = Object.fromEntries(
      readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    if (step.id) ctx.steps[step.id] = { outputs };
    if (r.status !== 0) return { status: r.status ?? -1, log, outputs: actionOutputs(ctx), summary: readFileSync(summaryFile, 'utf8'), ran };
  }
  return { status: 0, log, outputs: actionOutputs(ctx), summary: readFileSync(summaryFile, 'utf8'), ran };
}

function actionOutputs(ctx: Context): Record<string, string> {
  return Object.fromEntries(Object.entries(ACTION.outputs).map(([k, v]) => [k, substitute(ctx, v.value)]));
}

function lettersRepository(): string {
  const dir = tempDir('workspace');
  writeFiles(dir, {
    'brieflint.config.json': JSON.stringify({ domains: ['voorbeeldstad.nl'] }),
    'kcc/afval-2027.md': '---\nletters: [afval-2027, parkeren-2027]\nvalidUntil: 2099-12-31\nurls: [voorbeeldstad.nl/afval, voorbeeldstad.nl/parkeren]\n---\n## Wat vertellen we bellers\nDe pas komt per post.\n',
    'brieven/afval-2027.md': '---\nid: afval-2027\n---\nVraag uw afvalpas aan op voorbeeldstad.nl/afval.\n',
  });
  return dir;
}

describe('the GitHub Action runs the brieflint of its own checkout (slow: npm ci and a build)', () => {
  afterAll(removeTempDirs);
  let actionPath: string;
  let first: ActionRun;
  let workspace: string;

  beforeAll(() => {
    actionPath = copyOfRepository(tempDir('action-path'), ['test', 'fixtures', 'bench', 'docs']);
    expect(existsSync(join(actionPath, 'node_modules'))).toBe(false);
    expect(existsSync(join(actionPath, 'dist'))).toBe(false);
    workspace = lettersRepository();
    writeFiles(workspace, { 'brieven/parkeren-2027.md': '---\nid: parkeren-2027\n---\nVerleng uw vergunning op www.voorbeeldstad.nl/Parkeren/Vergunning_Aanvragen.aspx?id=7.\n' });
    first = runAction(actionPath, workspace, { paths: 'brieven/', args: '--offline' });
  }, 400_000);

  it('builds brieflint in the action path (npm ci; prepare builds dist/) and runs it there', () => {
    expect(first.ran).toEqual(['Build brieflint (the action\'s own checkout)', 'Run brieflint', 'Fail on errors']);
    expect(existsSync(join(actionPath, 'dist/bundle/cli.js'))).toBe(true);
    expect(first.log).not.toMatch(/npx|brieflint@latest/);
  });

  it('annotates the letters, writes SARIF and the job summary, and fails the job with exit code 1', () => {
    expect(first.status).toBe(1);
    expect(first.outputs).toEqual({ 'exit-code': '1', 'sarif-file': 'brieflint.sarif' });
    expect(first.log).toMatch(/^::error file=brieven\/parkeren-2027\.md,line=4,col=\d+,title=brieflint pretty-url::www\.voorbeeldstad\.nl\/Parkeren/m);
    expect(first.log).not.toContain('file=brieven/afval-2027.md');
    const sarif = JSON.parse(readFileSync(join(workspace, 'brieflint.sarif'), 'utf8'));
    expect(sarif.runs[0].tool.driver.version).toBe(VERSION);
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['kcc-briefing-mismatch', 'pretty-url']);
    expect(first.summary).toContain('brieven/parkeren-2027.md');
    expect(first.summary).toMatch(/2 fouten/);
  });

  it('a clean run exits 0; a second use in the same job does not build again', () => {
    const clean = lettersRepository();
    const r = runAction(actionPath, clean, { paths: 'brieven/', args: '--offline' });
    expect(r.ran).toEqual(["Build brieflint (the action's own checkout)", 'Run brieflint']);
    expect(r.status).toBe(0);
    expect(r.outputs['exit-code']).toBe('0');
    expect(r.log).toContain(`brieflint ${VERSION}: already built`);
    expect(r.log).not.toMatch(/^::(error|warning)/m);
  });

  it('the deprecated `version` input is accepted: ignored with a warning when it names another version', () => {
    const clean = lettersRepository();
    const other = runAction(actionPath, clean, { paths: 'brieven/', args: '--offline', version: '0.0.9' });
    expect(other.status).toBe(0);
    expect(other.log).toContain(`::warning title=brieflint::the 'version' input is deprecated and ignored: this action runs brieflint ${VERSION}`);
    for (const same of ['latest', VERSION, `v${VERSION}`]) {
      const r = runAction(actionPath, clean, { paths: 'brieven/', args: '--offline', version: same });
      expect(r.status).toBe(0);
      expect(r.log).not.toContain('::warning');
    }
  });

  it('runs in working-directory with a config file, and fails the job with exit code 2 when brieflint cannot do its job', () => {
    const ws = tempDir('workspace-sub');
    const sub = join(ws, 'gemeente');
    mkdirSync(sub);
    writeFiles(sub, {
      'instellingen/brieflint.json': JSON.stringify({ domains: ['voorbeeldstad.nl'], rules: { 'kcc-briefing-missing': 'off' } }),
      'brieven/a.md': '---\nid: a\n---\nKijk op voorbeeldstad.nl/afval.\n',
    });
    const r = runAction(actionPath, ws, { 'working-directory': 'gemeente', paths: 'brieven/', config: 'instellingen/brieflint.json', args: '--offline' });
    expect(r.outputs['exit-code']).toBe('0');
    expect(existsSync(join(sub, 'brieflint.sarif'))).toBe(true);

    const broken = runAction(actionPath, ws, { 'working-directory': 'gemeente', paths: 'brieven/', config: 'bestaat-niet.json', args: '--offline' });
    expect(broken.status).toBe(2);
    expect(broken.outputs['exit-code']).toBe('2');
    expect(broken.log).toContain('::error title=brieflint::brieflint could not do its job (exit code 2)');
  });
});
