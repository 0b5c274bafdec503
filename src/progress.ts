import cliProgress from 'cli-progress';

/**
 * Live-site progress on a terminal (URLs done / total, current host), via cli-progress; the CLI
 * only starts it when stderr is a TTY and not in CI, so logs stay clean.
 */
export function startProgress(stream: NodeJS.WriteStream): { update(done: number, total: number, host: string): void; stop(): void } {
  const bar = new cliProgress.SingleBar(
    { stream, format: 'brieflint {bar} {value}/{total} URLs  {host}', hideCursor: true, clearOnComplete: true, barsize: 24 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, host) {
      if (!started) {
        bar.start(total, done, { host });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { host });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
