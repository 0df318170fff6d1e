// The one shape of a link to an annotation in the workbench: it opens the
// comparison with the annotation selected and its passages in view; with
// `edit`, in the composer (for its author: returned work).

export function annotationHref(comparisonId: string, annotationId: string, options: { edit?: boolean } = {}): string {
  const query = new URLSearchParams({ annotation: annotationId });
  if (options.edit) query.set("edit", "1");
  return `/comparisons/${encodeURIComponent(comparisonId)}?${query.toString()}`;
}
