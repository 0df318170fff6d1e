import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { ComparisonHeader } from "@/components/workbench/comparison-header";
import { Workbench } from "@/components/workbench/workbench";
import { hasPermission } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/session";
import { canManageComparison } from "@/lib/comparisons/access";
import { getComparison } from "@/lib/comparisons/service";
import { isAppError } from "@/lib/errors";

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  const user = await requirePageUser();
  try {
    return { user, comparison: await getComparison(user, id) };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { comparison } = await load((await params).id);
  return { title: comparison.title };
}

export default async function ComparisonPage({ params }: Props) {
  const { user, comparison } = await load((await params).id);
  return (
    <main className="flex h-[calc(100vh-3.5rem)] flex-col">
      <ComparisonHeader
        comparison={comparison}
        canManage={canManageComparison(user, comparison)}
        canDelete={hasPermission(user.role, "comparison.delete")}
      />
      <Workbench comparison={comparison} viewer={{ id: user.id, role: user.role }} />
    </main>
  );
}
