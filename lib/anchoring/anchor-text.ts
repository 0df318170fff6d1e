// The text spans are anchored in, prepared once for many spans: normalized,
// indexed, and the previous version it replaces — each only when
// some span first needs it.

import type { EmptyContext } from "./context-agreement";
import { normalizeText, type NormalizedText } from "./normalize-text";
import { preparePreviousVersion, type PreviousVersion } from "./previous-version";
import { indexText, type TextIndex } from "./text-index";

export type AnchorTextOptions = {
  /** "edge" (Parallax's own selectors, the default): an empty prefix or suffix means the text's start or end. */
  emptyContext?: EmptyContext;
  /** The text the selectors were made on, when known (re-anchoring onto a new version). See previous-version.ts. */
  previousText?: string;
};

export type AnchorText = {
  readonly text: string;
  normalized(): NormalizedText;
  /** An n-gram index of the normalized text. */
  index(): TextIndex;
  readonly previous: PreviousVersion | null;
  readonly emptyContext: EmptyContext;
};

export function prepareAnchorText(text: string, options: AnchorTextOptions = {}): AnchorText {
  let normalized: NormalizedText | null = null;
  let index: TextIndex | null = null;
  const normalize = () => (normalized ??= normalizeText(text));
  const { previousText } = options;
  return {
    text,
    normalized: normalize,
    index: () => (index ??= indexText(normalize().text)),
    previous: previousText === undefined || previousText === text ? null : preparePreviousVersion(previousText),
    emptyContext: options.emptyContext ?? "edge",
  };
}
