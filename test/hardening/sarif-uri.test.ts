/**
 * SARIF artifact URIs percent-encode what RFC 3986 requires and never turn a
 * backslash in a file name (legal on Linux) into `/`, which would name another file.
 */
import { describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { artifactLocation } from '../../src/report/sarif.js';
import { cli, NO_KCC, project } from './helpers.js';
import { sarifValidator } from '../fixtures-report/sarif-validator.js';

/** RFC 3986 pchar (unreserved, sub-delims, ':', '@') or a percent-encoded octet, segments split by '/'. */
const RFC3986_PATH = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-F]{2})*$/;

describe('SARIF artifact URIs', () => {
  const names = ['brieven/a\\b.md', 'brieven/100% zeker.md', 'brieven/vraag?antwoord#1.md', 'brieven/[concept] {v2} ^`|"<>.md', 'brieven/één café.md', 'brieven/a:b.md'];

  for (const name of names) {
    it(`${JSON.stringify(name)}: encoded as RFC 3986 requires, decoding back to the same name`, () => {
      const { uri, uriBaseId } = artifactLocation(name);
      expect(uriBaseId).toBe('%SRCROOT%');
      expect(uri).toMatch(RFC3986_PATH);
      expect(uri.split('/').map(decodeURIComponent).join('/')).toBe(name);
      // Resolved against a base, it stays one file in the same folder.
      expect(decodeURIComponent(new URL(uri, 'file:///repo/').pathname)).toBe(`/repo/${name}`);
    });
  }

  it('a backslash is part of the name, never a folder separator', () => {
    expect(artifactLocation('brieven/a\\b.md').uri).toBe('brieven/a%5Cb.md');
    expect(artifactLocation('/srv/brieven/a\\b.md').uri).toBe('file:///srv/brieven/a%5Cb.md');
    expect(artifactLocation('C:/brieven/x.md').uri).toBe('file:///C:/brieven/x.md');
  });

  it('a letter named a\\b.md on Linux gets its own URI in a real run, and the log is valid SARIF', async () => {
    const dir = project({
      'brieflint.config.json': JSON.stringify({ domains: ['voorbeeldstad.example'], rules: NO_KCC }),
      'brieven/a\\b.md': 'Kijk op http://voorbeeldstad.example/a.\n',
      'brieven/a/b.md': 'Kijk op http://voorbeeldstad.example/b.\n',
    });
    const run = await cli(['check', 'brieven', '--offline', '--format', 'sarif'], dir);
    const log = JSON.parse(run.stdout) as Log;
    const uris = log.runs[0].results!.map((r) => r.locations![0].physicalLocation!.artifactLocation!.uri).sort();
    expect(uris).toEqual(['brieven/a%5Cb.md', 'brieven/a/b.md']);
    expect(sarifValidator()(log)).toBe(true);
  });
});
