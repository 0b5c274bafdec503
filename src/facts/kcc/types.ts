/** Filled in by the KCC knowledge base (issue 4). */
export interface KccFacts {
  placeholder?: never;
}
