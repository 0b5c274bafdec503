/**
 * JUnit XML for CI test reports (GitLab `artifacts:reports:junit`, Jenkins, Azure DevOps …).
 *
 * One <testsuite> per letter, one <testcase> per finding. Error findings are <failure>s; unreadable
 * letters are <error>s. Warnings and infos are passing test cases with the message in
 * <system-out> by default, so the test report agrees with the exit code (only errors fail); with
 * `warningsAsFailures` (e.g. for `--max-warnings 0`) they become <failure type="warning">.
 * A letter without findings gets one passing test case, so it shows up as checked.
 */
import type { JsonFile, JsonFinding, JsonReport } from './types.js';
import { escapeXml, escapeXmlText } from './escape.js';
import type { Lang } from '../types.js';
import { formatPosition, isDocxPath } from './position.js';

export interface JunitOptions {
  warningsAsFailures?: boolean;
  /** The language of the messages, for positions (default nl). */
  lang?: Lang;
}

function details(file: JsonFile, f: JsonFinding, pos: string): string {
  const lines = [`${file.path}${pos ? `:${pos}` : ''}`, `${f.severity} ${f.rule}: ${f.message}`];
  if (f.hint) lines.push(f.hint);
  if (f.url) lines.push(`URL: ${f.url}`);
  return lines.join('\n');
}

export function formatJunit(report: JsonReport, options: JunitOptions = {}): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;

  for (const file of report.files) {
    const cases: string[] = [];
    let sFailures = 0;
    let sErrors = 0;
    const classname = escapeXml(file.path);
    const fileAttr = `file="${escapeXml(file.path)}"`;

    if (file.error) {
      sErrors += 1;
      cases.push(
        `    <testcase classname="${classname}" name="${file.kind === 'briefing' ? 'read briefing' : 'read letter'}" ${fileAttr}>\n` +
          `      <error type="${file.kind === 'briefing' ? 'invalid-briefing' : 'unreadable'}" message="${escapeXml(file.error)}">${escapeXmlText(`${file.path}: ${file.error}`)}</error>\n` +
          `    </testcase>`,
      );
    }
    for (const f of file.findings) {
      const pos = formatPosition('short', file.path, f, options.lang ?? 'nl');
      const name = `${f.rule}${pos ? ` (${pos})` : ''}${f.severity === 'error' ? '' : ` [${f.severity}]`}`;
      const lineAttr = f.line >= 1 && !isDocxPath(file.path) ? ` line="${f.line}"` : '';
      const open = `    <testcase classname="${classname}" name="${escapeXml(name)}" ${fileAttr}${lineAttr}>`;
      const failing = f.severity === 'error' || (options.warningsAsFailures === true && f.severity === 'warning');
      if (failing) {
        sFailures += 1;
        cases.push(
          `${open}\n      <failure type="${escapeXml(f.severity === 'error' ? f.rule : 'warning')}" message="${escapeXml(f.message)}">` +
            `${escapeXmlText(details(file, f, pos))}</failure>\n    </testcase>`,
        );
      } else {
        cases.push(`${open}\n      <system-out>${escapeXmlText(details(file, f, pos))}</system-out>\n    </testcase>`);
      }
    }
    if (cases.length === 0) {
      cases.push(`    <testcase classname="${classname}" name="brieflint" ${fileAttr}/>`);
    }

    tests += cases.length;
    failures += sFailures;
    errors += sErrors;
    suites.push(
      `  <testsuite name="${classname}" tests="${cases.length}" failures="${sFailures}" errors="${sErrors}" skipped="0" time="0">\n` +
        `${cases.join('\n')}\n  </testsuite>`,
    );
  }

  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="brieflint" tests="${tests}" failures="${failures}" errors="${errors}" time="0">\n` +
    (suites.length ? `${suites.join('\n')}\n` : '') +
    `</testsuites>\n`
  );
}
