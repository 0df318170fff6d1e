/** A source as lists show it: metadata only, never the text. */
export type SourceSummary = {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  language: string;
  rawFormat: string;
  createdAt: string;
  /** Annotations point into the text, so it can no longer change. */
  isTextLocked: boolean;
};
