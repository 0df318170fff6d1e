import { trimTrailingSlashes } from "@/lib/text/trim-slashes";

// The absolute base of the IRIs Parallax mints in exports (annotation ids,
// collection pages, source and version IRIs). W3C ids must be absolute IRIs,
// so they are built from the public URL (NEXTAUTH_URL, which the launcher
// always sets) rather than from whatever host a proxy forwarded.

export function publicBaseUrl(request?: Request): string {
  const configured = process.env.NEXTAUTH_URL;
  const base = configured ? new URL(configured) : request ? new URL(request.url) : new URL("http://localhost:3000");
  return base.origin + trimTrailingSlashes(base.pathname);
}

/** The IRIs of Parallax records, for one base URL. */
export function parallaxIris(baseUrl: string) {
  const api = `${baseUrl}/api/v1`;
  return {
    annotation: (id: string) => `${api}/annotations/${id}`,
    source: (id: string) => `${api}/sources/${id}`,
    version: (sourceId: string, number: number) => `${api}/sources/${sourceId}/versions/${number}`,
    collection: (comparisonId: string) => `${api}/comparisons/${comparisonId}/annotations.jsonld`,
    user: (id: string) => `urn:uuid:${id}`,
    software: baseUrl,
  };
}

export type ParallaxIris = ReturnType<typeof parallaxIris>;
