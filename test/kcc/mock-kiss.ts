/**
 * A KISS backend (Kiss.Bff) on 127.0.0.1 that behaves as Klantinteractie-Servicesysteem/KISS-frontend's
 * source does. Each behaviour names the upstream file it copies:
 *
 * - Kiss.Bff/Intern/NieuwsEnWerkinstructies/Features/SearchBerichtenController.cs:
 *   `GET /api/berichten/published` (policy KcmOrRedactiePolicy): only berichten with
 *   `PublicatieDatum <= now` and no `PublicatieEinddatum` or one `>= now`, by the server's clock;
 *   `type` exact, `search` as ILIKE `%search%` on titel or inhoud; ordered by IsBelangrijk, then
 *   the later of DateUpdated and PublicatieDatum; `page` (1) and `pageSize` (15); headers
 *   X-Current-Page, X-Total-Records, X-Page-Size (which holds the total, as upstream),
 *   X-Total-Pages = ceil(total / pageSize); `SearchBerichtenResponseModel` without
 *   publicatieEinddatum.
 * - Kiss.Bff/Intern/NieuwsEnWerkinstructies/Features/BerichtenController.cs (permission
 *   berichtenread): `GET /api/berichten` every bericht as `BerichtOverviewModel` (id, titel, type,
 *   publicatiedatum, dateCreated, dateUpdated), newest change first, no paging;
 *   `GET /api/berichten/{id:int}` as `BerichtViewModel` with publicatieDatum and
 *   publicatieEinddatum; 404 when there is none.
 * - Kiss.Bff/Config/Permissions/PermissionConfiguration.cs `CreateDefault`: berichtenread for
 *   the roles redacteur and kcm (KISS before 3.0.0: BerichtenController had
 *   `[Authorize(Policy = Policies.RedactiePolicy)]`, redacteur only — `kcmReadsBerichten: false`).
 * - Kiss.Bff/Config/AuthenticationSetup.cs: the cookie session; logged out is a 401 for requests
 *   with an `is-api` header (`HandleLoggedOut`), else a 302 to the login; a missing permission
 *   or role is a 403 (`OnRedirectToAccessDenied`). ASP.NET routes ignore case.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Role = 'kcm' | 'redacteur';

export interface MockBericht {
  id: number;
  titel: string;
  inhoud: string;
  type: 'Werkinstructie' | 'Nieuws';
  /** DateTimeOffset as ASP.NET writes it, e.g. 2027-02-01T08:00:00+01:00. */
  publicatieDatum: string;
  publicatieEinddatum?: string | null;
  dateCreated: string;
  dateUpdated?: string | null;
  isBelangrijk?: boolean;
  skills?: Array<{ id: number; naam: string }>;
}

export interface KissMockOptions {
  berichten: MockBericht[];
  /** Session cookie value (of `.AspNetCore.Cookies`) → the user's roles. */
  sessions: Record<string, Role[]>;
  /** The server's clock. */
  now: Date;
  /** false: KISS before 3.0.0, where only redacteuren may read the editors' endpoints. */
  kcmReadsBerichten?: boolean;
  /** Listed by GET /api/berichten, but deleted before their detail is asked for (404). */
  deletedAfterList?: MockBericht[];
}

export interface KissMock {
  base: string;
  seen: Array<{ url: string; cookie?: string; isApi: boolean }>;
  close(): Promise<void>;
}

export async function startKiss(options: KissMockOptions): Promise<KissMock> {
  const seen: KissMock['seen'] = [];
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', ...(req.headers.cookie ? { cookie: req.headers.cookie } : {}), isApi: req.headers['is-api'] !== undefined });
    handle(req, res);
  });

  const json = (res: ServerResponse, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };
  const status = (res: ServerResponse, code: number, headers: Record<string, string> = {}) => {
    res.writeHead(code, headers);
    res.end();
  };

  function roles(req: IncomingMessage): Role[] | undefined {
    const m = /(?:^|;\s*)\.AspNetCore\.Cookies=([^;]+)/.exec(req.headers.cookie ?? '');
    return m ? options.sessions[m[1]] : undefined;
  }

  /** True when allowed; otherwise the 401, 302 or 403 has been sent. */
  function authorize(req: IncomingMessage, res: ServerResponse, allowed: Role[]): boolean {
    const r = roles(req);
    if (!r) {
      if (req.headers['is-api'] !== undefined) status(res, 401);
      else status(res, 302, { location: `/api/login?returnUrl=${encodeURIComponent(req.url ?? '/')}` });
      return false;
    }
    if (!r.some((x) => allowed.includes(x))) {
      status(res, 403);
      return false;
    }
    return true;
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://kiss');
    const path = url.pathname.toLowerCase().replace(/\/+$/, '');
    const berichtenRead: Role[] = options.kcmReadsBerichten === false ? ['redacteur'] : ['redacteur', 'kcm'];
    const now = options.now.getTime();
    const t = (s: string) => Date.parse(s);

    if (path === '/api/berichten/published') {
      if (!authorize(req, res, ['kcm', 'redacteur'])) return;
      const pageSize = Number(url.searchParams.get('pageSize') ?? 15) || 15;
      const page = Number(url.searchParams.get('page') ?? 1) || 1;
      const type = url.searchParams.get('type');
      const search = url.searchParams.get('search');
      const like = search ? ilike(`%${search}%`) : undefined;
      const found = options.berichten
        .filter((b) => t(b.publicatieDatum) <= now)
        .filter((b) => !b.publicatieEinddatum || t(b.publicatieEinddatum) >= now)
        .filter((b) => !type || b.type === type)
        .filter((b) => !like || like.test(b.titel) || like.test(b.inhoud));
      const datum = (b: MockBericht) => (b.dateUpdated && t(b.dateUpdated) > t(b.publicatieDatum) ? t(b.dateUpdated) : t(b.publicatieDatum));
      const ordered = [...found].sort((a, b) => Number(!!b.isBelangrijk) - Number(!!a.isBelangrijk) || datum(b) - datum(a));
      return json(
        res,
        ordered.slice((page - 1) * pageSize, page * pageSize).map((b) => ({
          id: b.id,
          inhoud: b.inhoud,
          isBelangrijk: !!b.isBelangrijk,
          isGelezen: false,
          publicatieDatum: b.publicatieDatum,
          wijzigingsDatum: b.dateUpdated ?? null,
          url: `/api/berichten/${b.id}`,
          titel: b.titel,
          type: b.type,
          skills: b.skills ?? [],
        })),
        {
          'X-Current-Page': String(page),
          'X-Total-Records': String(found.length),
          'X-Page-Size': String(found.length),
          'X-Total-Pages': String(Math.ceil(found.length / pageSize)),
        },
      );
    }
    if (path === '/api/berichten') {
      if (!authorize(req, res, berichtenRead)) return;
      const changed = (b: MockBericht) => t(b.dateUpdated ?? b.dateCreated);
      return json(
        res,
        [...options.berichten, ...(options.deletedAfterList ?? [])]
          .sort((a, b) => changed(b) - changed(a))
          .map((b) => ({ id: b.id, titel: b.titel, dateCreated: b.dateCreated, dateUpdated: b.dateUpdated ?? null, type: b.type, publicatiedatum: b.publicatieDatum })),
      );
    }
    const one = /^\/api\/berichten\/(-?\d+)$/.exec(path);
    if (one) {
      if (!authorize(req, res, berichtenRead)) return;
      const b = options.berichten.find((x) => x.id === Number(one[1]));
      if (!b) return status(res, 404);
      return json(res, {
        id: b.id,
        publicatieDatum: b.publicatieDatum,
        publicatieEinddatum: b.publicatieEinddatum ?? null,
        dateCreated: b.dateCreated,
        dateUpdated: b.dateUpdated ?? null,
        titel: b.titel,
        inhoud: b.inhoud,
        isBelangrijk: !!b.isBelangrijk,
        skills: (b.skills ?? []).map((s) => s.id),
        type: b.type,
      });
    }
    status(res, 404);
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** PostgreSQL ILIKE: % any run, _ any one character, no case. */
function ilike(pattern: string): RegExp {
  const body = [...pattern].map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'is');
}
