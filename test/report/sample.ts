import { readFileSync } from 'node:fs';
import type { JsonFile, JsonReport } from '../../src/report/types.js';

const url = new URL('../fixtures-report/sample-report.json', import.meta.url);

/** A fresh copy of the shared sample report (tests may modify it). */
export function sampleReport(): JsonReport {
  return JSON.parse(readFileSync(url, 'utf8')) as JsonReport;
}

/** Letter text a hostile or careless template author could write; every formatter must neutralize it. */
export const HOSTILE = {
  script: '<script>window.__pwned=1</script>',
  img: '"><img src=x onerror="window.__pwned=2">',
};

export function hostileFile(): JsonFile {
  return {
    path: 'brieven/<svg onload=window.__pwned=7>.md',
    letter: {
      id: 'hostile',
      title: `Brief ${HOSTILE.script}`,
      kenmerk: HOSTILE.img,
      mailingDate: '2026-01-05',
      recipients: 1,
      owner: "'><script>window.__pwned=9</script>",
    },
    references: {
      urls: [
        {
          printed: `voorbeeldstad.example/${HOSTILE.img}`,
          href: 'javascript:window.__pwned=4',
          line: 3,
          column: 1,
          linkText: '<b onmouseover="window.__pwned=10">klik</b>',
          result: {
            kind: 'ok',
            finalUrl: 'javascript:window.__pwned=11',
            status: 200,
            chain: [{ url: 'javascript:window.__pwned=11', status: 200 }],
          },
          form: { platform: 'open-formulieren', slug: '<i>slug</i>', state: '<img src=x onerror=window.__pwned=8>' },
        },
      ],
      forms: [{ kind: 'online-form', text: HOSTILE.script, line: 3, column: 1 }],
      phones: [{ printed: '<u>14 0299</u>', normalized: '140299', line: 4, column: 1 }],
      emails: [],
    },
    findings: [
      {
        rule: 'pretty-url',
        severity: 'error',
        message: `Bad: ${HOSTILE.script} ${HOSTILE.img}`,
        hint: '</td></tr></table><script>window.__pwned=12</script>',
        line: 3,
        column: 1,
        url: 'javascript:window.__pwned=13',
      },
    ],
    briefing: {
      source: 'folder',
      id: '<em>id</em>',
      path: 'javascript:window.__pwned=14',
      title: '</style><script>window.__pwned=6</script>',
      validUntil: '2026-12-31',
    },
  };
}

export function hostileReport(): JsonReport {
  const report = sampleReport();
  report.files.push(hostileFile());
  report.summary.files += 1;
  report.summary.errors += 1;
  return report;
}
