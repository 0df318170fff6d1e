import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { OlderVersionBanner } from "@/components/versions/older-version-banner";
import { SourceVersionsBar } from "@/components/versions/source-versions-bar";
import { ComparisonHeader } from "@/components/workbench/comparison-header";
import { Workbench } from "@/components/workbench/workbench";
import { hasPermission } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { canManageComparison } from "@/lib/comparisons/access";
import { fromCompactAnnotations, type CompactAnnotation } from "@/lib/comparisons/compact";
import { getCompactComparison } from "@/lib/comparisons/compact-service";
import { isAppError } from "@/lib/errors";
import { getFeedCursor } from "@/lib/live/service";
import { getSignoffStatus } from "@/lib/reports/signoff-service";
import { parseShownVersions } from "@/lib/versions/placement";
import { getVersion, listVersions } from "@/lib/versions/service";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// getCompactComparison is cache()d per request and the user object is too, so
// the metadata and the page share one load.
async function load(id: string) {
  const user = await requirePageUser();
  try {
    // The feed position first: whatever changes after it is replayed to the live stream.
    const feedCursor = await getFeedCursor(user);
    return { user, feedCursor, comparison: await getCompactComparison(user, id) };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { comparison } = await load((await params).id);
  return { title: comparison.title };
}

export default async function ComparisonPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { user, comparison: latest, feedCursor } = await load(id);
  const annotationId = typeof query.annotation === "string" ? query.annotation : null;
  // Versions: the latest by default; `?version=<sourceId>:<n>` shows an older one read-only (lib/versions).
  const requested = parseShownVersions(query.version);
  const versions = new Map(await Promise.all(latest.sources.map(async (s) => [s.id, await listVersions(user, s.id)] as const)));
  const shown = new Map<string, { number: number; text: string }>();
  await Promise.all(
    latest.sources.map(async (source) => {
      const number = requested.get(source.id);
      if (number === undefined || number === source.version.number || !versions.get(source.id)?.some((v) => v.number === number)) return;
      shown.set(source.id, { number, text: (await getVersion(user, source.id, number)).text });
    }),
  );
  const comparison = latest;
  const { annotations: _annotations, ...withoutAnnotations } = comparison;
  const signoffStatus = await getSignoffStatus(user, comparison.id);
  // The banner reads versions off the spans; plain compact spans are on the latest version and never count.
  const withVersions = fromCompactAnnotations({ ...latest, annotations: latest.annotations.filter(hasFullSpan) });
  return (
    <main className="flex h-[calc(100dvh-3.5rem)] flex-col">
      <ComparisonHeader
        comparison={comparison}
        canManage={canManageComparison(user, comparison)}
        canDelete={hasPermission(user.role, "comparison.delete")}
        signoffStatus={signoffStatus}
      />
      <OlderVersionBanner sources={latest.sources} annotations={withVersions} />
      <SourceVersionsBar
        sources={latest.sources.map((s) => ({
          id: s.id,
          label: s.label,
          versions: versions.get(s.id) ?? [],
          shown: shown.get(s.id)?.number ?? null,
        }))}
      />
      <Workbench
        key={[...shown].map(([sourceId, v]) => `${sourceId}:${v.number}`).join(",")}
        comparison={withoutAnnotations}
        annotationsJson={JSON.stringify(comparison.annotations)}
        viewer={{ id: user.id, role: user.role }}
        shownVersions={Object.fromEntries(shown)}
        feedCursor={feedCursor}
        initialAnnotationId={annotationId}
        openInComposer={query.edit === "1"}
      />
    </main>
  );
}

function hasFullSpan(annotation: CompactAnnotation): boolean {
  return annotation.spans.some((span) => !Array.isArray(span));
}
