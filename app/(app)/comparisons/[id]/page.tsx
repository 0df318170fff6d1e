import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { ComparisonHeader } from "@/components/workbench/comparison-header";
import { Workbench } from "@/components/workbench/workbench";
import { hasPermission } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { canManageComparison } from "@/lib/comparisons/access";
import { getCompactComparison } from "@/lib/comparisons/compact-service";
import { isAppError } from "@/lib/errors";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// getCompactComparison is cache()d per request and the user object is too, so
// the metadata and the page share one load.
async function load(id: string) {
  const user = await requirePageUser();
  try {
    return { user, comparison: await getCompactComparison(user, id) };
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
  const { user, comparison } = await load(id);
  const annotationId = typeof query.annotation === "string" ? query.annotation : null;
  return (
    <main className="flex h-[calc(100dvh-3.5rem)] flex-col">
      <ComparisonHeader
        comparison={comparison}
        canManage={canManageComparison(user, comparison)}
        canDelete={hasPermission(user.role, "comparison.delete")}
      />
      <Workbench
        comparison={comparison}
        viewer={{ id: user.id, role: user.role }}
        initialAnnotationId={annotationId}
        openInComposer={query.edit === "1"}
      />
    </main>
  );
}
