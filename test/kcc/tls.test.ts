/**
 * kcc.ca: a knowledge base behind the municipality's own CA, trusted without NODE_EXTRA_CA_CERTS.
 * The Objects API runs on 127.0.0.1 over HTTPS with a certificate of a test CA
 * (fixtures/kcc/certs/make-certs.sh); the mock copies maykinmedia/objects-api as
 * test/kcc/mock-objects-api.ts says.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KnowledgeBaseError, loadKcc, resolveKccConfig } from '../../src/facts/kcc/index.js';
import { startObjectsApi, type ObjectsApiMock } from './mock-objects-api.js';

const ROOT = fileURLToPath(new URL('../../fixtures/kcc/', import.meta.url));
const certs = {
  cert: readFileSync(`${ROOT}certs/server.pem`, 'utf8'),
  key: readFileSync(`${ROOT}certs/server-key.pem`, 'utf8'),
};
const VAC = 'https://objecttypen.example/api/v2/objecttypes/0b3c-vac';
const TOKEN = 'tok-tls-7c1e';
const env = { OBJECTS_TOKEN: TOKEN };
const letters = [{ path: 'brieven/kwijtschelding-2027.md', meta: { id: 'kwijtschelding-2027', mailingDate: '2027-02-01' } }];

const mocks: ObjectsApiMock[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

async function httpsApi(): Promise<ObjectsApiMock> {
  const m = await startObjectsApi({
    objects: [{ uuid: 'a1', type: VAC, records: [{ startAt: '2026-01-01', data: { vraag: 'Kwijtschelding', status: 'actief', trefwoorden: [{ trefwoord: 'kwijtschelding-2027' }] } }] }],
    tokens: { [TOKEN]: [VAC] },
    today: '2027-01-10',
    tls: certs,
  });
  mocks.push(m);
  return m;
}
const config = (m: ObjectsApiMock, extra: Record<string, unknown> = {}) =>
  ({ adapter: 'objects-api', url: m.api, objecttype: VAC, tokenEnv: 'OBJECTS_TOKEN', timeout: 2000, retries: 2, backoff: 5, ...extra });

describe('kcc.ca (TLS for the KCC adapters)', () => {
  it('without kcc.ca the internal CA is not trusted: a clear error that names kcc.ca, not retried', async () => {
    // The server copies maykinmedia/objects-api (src/objects/api/v2/views.py); only its certificate is from an unknown CA.
    const m = await httpsApi();
    const started = Date.now();
    const e = await loadKcc(config(m, { backoff: 2000 }), ROOT, letters, { env }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KnowledgeBaseError);
    expect((e as KnowledgeBaseError).reason.en).toMatch(/^TLS certificate not trusted \((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\); .* name that CA certificate \(PEM\) in kcc\.ca$/);
    expect((e as KnowledgeBaseError).reason.nl).toContain('noem dat CA-certificaat (PEM) dan in kcc.ca');
    // Not retried: two retries would have waited 2 s and 4 s.
    expect(Date.now() - started).toBeLessThan(1500);
    expect(m.seen).toHaveLength(0);
  });

  it('with kcc.ca (a PEM file relative to the config) the same server is read', async () => {
    const m = await httpsApi();
    const facts = await loadKcc(config(m, { ca: 'certs/ca.pem' }), ROOT, letters, { env });
    expect(facts.briefings.map((b) => b.id)).toEqual(['a1']);
    expect(m.seen.length).toBeGreaterThan(0);
    const list = await loadKcc(config(m, { ca: ['certs/ca.pem'] }), ROOT, letters, { env });
    expect(list.briefings.map((b) => b.id)).toEqual(['a1']);
  });

  it('a kcc.ca file that cannot be read, or is no certificate, is an error naming the key and the file', async () => {
    const m = await httpsApi();
    const missing = await loadKcc(config(m, { ca: ['certs/ca.pem', 'certs/ontbreekt.pem'] }), ROOT, letters, { env }).catch((x: unknown) => x);
    expect((missing as KnowledgeBaseError).reason.en).toBe(`kcc.ca[1]: cannot read ${ROOT}certs/ontbreekt.pem (ENOENT)`);
    const notPem = await loadKcc(config(m, { ca: 'certs/make-certs.sh' }), ROOT, letters, { env }).catch((x: unknown) => x);
    expect((notPem as KnowledgeBaseError).reason.en).toBe('kcc.ca: not a PEM certificate (-----BEGIN CERTIFICATE-----)');
    expect(m.seen).toHaveLength(0);
  });

  it('the config schema takes a file or a list of files, nothing else', () => {
    expect(resolveKccConfig({ adapter: 'kiss', url: 'https://kiss.example', ca: 'ca.pem' }).ca).toEqual(['ca.pem']);
    expect(resolveKccConfig({ adapter: 'kiss', url: 'https://kiss.example', ca: ['a.pem', 'b.pem'] }).ca).toEqual(['a.pem', 'b.pem']);
    expect(() => resolveKccConfig({ adapter: 'kiss', url: 'https://kiss.example', ca: 5 })).toThrow(/kcc\.ca/);
    expect(() => resolveKccConfig({ adapter: 'kiss', url: 'https://kiss.example', ca: [] })).toThrow(/kcc\.ca/);
  });
});
