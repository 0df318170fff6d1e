import { expect, type APIRequestContext } from "@playwright/test";

// Test data made through the public API, as a script would.

export type ApiSource = { id: string; text: string; title: string; label: string };
export type ApiComparison = { id: string; title: string; sources: ApiSource[] };

export const uniqueTag = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A comparison of `count` new pasted sources; source i reads "Outlet i reports …". */
export async function createComparisonWithSources(request: APIRequestContext, count: number, title = `Matrix test ${uniqueTag()}`) {
  const sources = Array.from({ length: count }, (_, i) => ({
    title: `Outlet ${i + 1} report ${uniqueTag()}`,
    outlet: `Outlet ${i + 1}`,
    text: `Outlet ${i + 1} reports that the convoy reached Gao on Tuesday. It says ${i + 1} trucks carried fuel. Residents were told to stay home.`,
  }));
  const created = await request.post("/api/v1/comparisons", { data: { title, question: "When did the convoy arrive?", sources } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const detail = (await (await request.get(`/api/v1/comparisons/${id}`)).json()) as ApiComparison;
  return detail;
}

export function spanIn(source: ApiSource, quote: string) {
  const start = source.text.indexOf(quote);
  expect(start, `"${quote}" in ${source.title}`).toBeGreaterThanOrEqual(0);
  return { sourceId: source.id, start, end: start + quote.length, exact: quote };
}

export async function createAnnotationViaApi(
  request: APIRequestContext,
  comparisonId: string,
  body: {
    kind: "agreement" | "contradiction" | "note";
    rationale: string;
    spans: ReturnType<typeof spanIn>[];
    submit?: boolean;
    tags?: string[];
    credibility?: number;
  },
): Promise<{ id: string; version: number; status: string }> {
  const response = await request.post(`/api/v1/comparisons/${comparisonId}/annotations`, { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; version: number; status: string };
}
