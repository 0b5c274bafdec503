// Run a command and measure its wall time and peak RSS. Peak RSS comes from GNU time (`%M`, max
// resident set in KiB) when /usr/bin/time exists; otherwise /proc/<pid>/status VmHWM is sampled
// every 20 ms (Linux), else it is reported as unknown.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';

function gnuTimeWorks() {
  if (!existsSync(GNU_TIME)) return false;
  try {
    // BusyBox/BSD time lack -f/-o; probe once.
    const out = join(tmpdir(), `bench-time-probe-${process.pid}`);
    const r = spawnSync(GNU_TIME, ['-f', '%M', '-o', out, 'true']);
    const ok = r.status === 0 && /^\d+/.test(readFileSync(out, 'utf8').trim());
    rmSync(out, { force: true });
    return ok;
  } catch {
    return false;
  }
}

export const rssMethod = gnuTimeWorks() ? 'GNU time %M' : existsSync('/proc/self/status') ? '/proc VmHWM sampling' : 'none';

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {{cwd?: string, env?: NodeJS.ProcessEnv, stdout?: string, stderr?: string, timeoutMs?: number}} options
 * @returns {Promise<{wallMs: number, peakRssMB: number|null, code: number|null, signal: string|null, timedOut: boolean}>}
 */
export async function measure(cmd, args, options = {}) {
  const out = options.stdout ? openSync(options.stdout, 'w') : 'ignore';
  const err = options.stderr ? openSync(options.stderr, 'w') : 'ignore';
  const timeFile = join(tmpdir(), `bench-time-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const viaTime = rssMethod === 'GNU time %M';
  const [file, argv] = viaTime ? [GNU_TIME, ['-f', '%M', '-o', timeFile, cmd, ...args]] : [cmd, args];
  const start = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', out, err] });
  let hwmKB = null;
  let sampler;
  if (!viaTime && rssMethod !== 'none') {
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) hwmKB = Math.max(hwmKB ?? 0, Number(m[1]));
      } catch {
        // gone
      }
    };
    sampler = setInterval(sample, 20);
  }
  let timer;
  let timedOut = false;
  if (options.timeoutMs) {
    timer = setTimeout(() => {
      timedOut = true;
      // Under GNU time, kill the measured process (time's child) so time still reports its peak RSS.
      let killed = false;
      if (viaTime) {
        try {
          for (const pid of readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)) {
            process.kill(Number(pid), 'SIGKILL');
            killed = true;
          }
        } catch {
          killed = false;
        }
      }
      if (!killed) child.kill('SIGKILL');
    }, options.timeoutMs);
  }
  const [code, signal] = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (c, s) => resolve([c, s]));
  });
  const wallMs = performance.now() - start;
  clearTimeout(timer);
  clearInterval(sampler);
  if (typeof out === 'number') closeSync(out);
  if (typeof err === 'number') closeSync(err);
  let peakRssMB = hwmKB === null ? null : hwmKB / 1024;
  if (viaTime) {
    try {
      const text = readFileSync(timeFile, 'utf8').trim().split('\n');
      const kb = Number(text[text.length - 1]);
      if (Number.isFinite(kb)) peakRssMB = kb / 1024;
    } catch {
      // time did not write (killed)
    }
    rmSync(timeFile, { force: true });
  }
  return { wallMs, peakRssMB, code, signal, timedOut };
}
