/** Filled in by the live-site checker (issue 3). */
export interface SiteFacts {
  placeholder?: never;
}
