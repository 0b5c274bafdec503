/**
 * `brieflint serve [folder]`: the webredacteur's page on this computer (src/serve/). Same config
 * discovery as `check`; prints the URL with its token, opens it with `--open`, and runs until
 * Ctrl+C.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Lang } from '../types.js';
import { allRules } from '../../rules/index.js';
import { loadConfig } from '../config/index.js';
import { configSections } from '../config/sections.js';
import { VERSION } from '../paths.js';
import { EXIT, guarded, type Io } from './io.js';

export interface ServeFlags {
  config?: string;
  port: number;
  host?: string;
  open?: boolean;
  lang?: Lang;
  offline?: boolean;
  cache: boolean;
  today?: string;
}

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|localhost|::1|\[::1\])$/i;

export async function runServe(folder: string | undefined, flags: ServeFlags, io: Io): Promise<number> {
  return guarded(io, flags.lang ?? 'nl', async () => {
    const config = await loadConfig(io.cwd, allRules, configSections, flags.config);
    const lang: Lang = flags.lang ?? config.lang ?? 'nl';
    const nl = lang === 'nl';
    const dir = resolve(io.cwd, folder ?? '.');
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      io.stderr(nl ? `brieflint: ${folder} is geen map\n` : `brieflint: ${folder} is not a folder\n`);
      return EXIT.failure;
    }
    if (flags.port > 65535) {
      io.stderr(nl ? `brieflint: poort ${flags.port} bestaat niet (0–65535)\n` : `brieflint: port ${flags.port} does not exist (0–65535)\n`);
      return EXIT.failure;
    }
    const host = flags.host ?? '127.0.0.1';
    if (!LOOPBACK.test(host)) {
      io.stderr(
        nl
          ? `brieflint: let op — serve luistert op ${host}, niet alleen op deze computer. Iedereen op het netwerk die de link met het token krijgt, kan brieven controleren en briefings schrijven. Gebruik dit alleen op een vertrouwd netwerk.\n`
          : `brieflint: warning — serve listens on ${host}, not on this computer only. Anyone on the network who gets the link with its token can check letters and write briefings. Use this on a trusted network only.\n`,
      );
    }
    const { startServer } = await import('../serve/server.js');
    let server;
    try {
      server = await startServer({
        cwd: io.cwd,
        config,
        rules: allRules,
        version: VERSION,
        folder: dir,
        lang,
        host,
        port: flags.port,
        offline: !!flags.offline,
        noCache: !flags.cache,
        ...(flags.today ? { today: flags.today } : {}),
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
        io.stderr(
          nl
            ? `brieflint: kan niet luisteren op ${host}:${flags.port} (${code}); ${code === 'EADDRNOTAVAIL' ? 'dit adres hoort niet bij deze computer (--host)' : 'kies een andere poort met --port'}\n`
            : `brieflint: cannot listen on ${host}:${flags.port} (${code}); ${code === 'EADDRNOTAVAIL' ? 'this address is not one of this computer (--host)' : 'choose another port with --port'}\n`,
        );
        return EXIT.failure;
      }
      throw error;
    }
    io.stdout(
      nl
        ? `brieflint serve: open deze link in uw browser (alleen voor u: hij bevat een sleutel):\n\n  ${server.url}\n\nDe pagina toont de brieven in ${folder ?? '.'}. Stoppen: Ctrl+C.\n`
        : `brieflint serve: open this link in your browser (for you only: it holds a key):\n\n  ${server.url}\n\nThe page offers the letters in ${folder ?? '.'}. Stop: Ctrl+C.\n`,
    );
    if (flags.open) openBrowser(server.url, io, nl);
    await stopped(io.signal);
    await server.close();
    return EXIT.clean;
  });
}

/** Until Ctrl+C (SIGINT), SIGTERM, or the caller's signal. */
function stopped(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((done) => {
    const finish = () => {
      process.off('SIGINT', finish);
      process.off('SIGTERM', finish);
      done();
    };
    if (signal) {
      if (signal.aborted) return finish();
      signal.addEventListener('abort', finish, { once: true });
      return;
    }
    process.once('SIGINT', finish);
    process.once('SIGTERM', finish);
  });
}

/** The system's browser; when there is none, the printed link still works. */
function openBrowser(url: string, io: Io, nl: boolean): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]] : ['xdg-open', [url]];
  const failed = () => io.stderr(nl ? 'brieflint: kon geen browser openen; open de link hierboven zelf.\n' : 'brieflint: could not open a browser; open the link above yourself.\n');
  try {
    const child = spawn(cmd as string, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', failed);
    child.on('exit', (code) => {
      if (code) failed();
    });
    child.unref();
  } catch {
    failed();
  }
}
