/**
 * A tiny auto-escaping template tag for the KCC page: every interpolated value is passed through
 * escapeHtml unless it is already SafeHtml (built by this same tag). Markup can only come from the
 * template literals in our own source, never from a letter.
 */
import { escapeHtml } from './escape.js';

export class SafeHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.html;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false || value === true) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** Trusted markup from our own constants (CSS, SVG icons). Never pass report data to it. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
