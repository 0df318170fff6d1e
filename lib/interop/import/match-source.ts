import { trimTrailingSlashes } from "@/lib/text/trim-slashes";

// Which of the comparison's sources a target may lie in: the one its IRI
// names (a Parallax source or version IRI from any instance, by the source's
// id; or the article's URL), else every source, to be tried in turn.

const parallaxSourceId = /\/api\/v1\/sources\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$|\?)/i;

export type MatchableSource = { id: string; url: string | null };

/** Host, path and query, without scheme, fragment, "www." or a trailing slash: how two links to one article compare. */
export function comparableUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    return `${url.host.toLowerCase().replace(/^www\./, "")}${trimTrailingSlashes(url.pathname)}${url.search}`;
  } catch {
    return null;
  }
}

export function namedSourceIds(iris: ReadonlyArray<string | null>): string[] {
  return iris.flatMap((iri) => {
    const id = iri ? parallaxSourceId.exec(iri)?.[1] : undefined;
    return id ? [id.toLowerCase()] : [];
  });
}

export function candidateSources<S extends MatchableSource>(
  target: { sourceIri: string | null; cachedIri: string | null },
  sources: readonly S[],
): { sources: readonly S[]; isNamed: boolean } {
  const ids = namedSourceIds([target.sourceIri, target.cachedIri]);
  const byId = sources.filter((source) => ids.includes(source.id));
  if (byId.length > 0) return { sources: byId, isNamed: true };
  const url = comparableUrl(target.sourceIri);
  const byUrl = url ? sources.filter((source) => comparableUrl(source.url) === url) : [];
  if (byUrl.length > 0) return { sources: byUrl, isNamed: true };
  return { sources, isNamed: false };
}
