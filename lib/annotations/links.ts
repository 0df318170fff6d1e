// The one URL of an annotation: the workbench with it selected and its
// passages in view; `edit` opens it in the composer (returned work).

export function annotationHref(comparisonId: string, annotationId: string, options: { edit?: boolean } = {}): string {
  const params = new URLSearchParams({ annotation: annotationId });
  if (options.edit) params.set("edit", "1");
  return `/comparisons/${comparisonId}?${params.toString()}`;
}
