import { getCurrentUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";

import { ComparisonActionsMenu, type ComparisonActionsTarget } from "./comparison-actions-menu";

/**
 * Server wrapper for the workbench header: reads the (request-cached) viewer
 * so the header needs no new props. Delete shows for admins only; the service
 * enforces it regardless.
 */
export async function ComparisonActions({ comparison }: { comparison: ComparisonActionsTarget }) {
  const viewer = await getCurrentUser();
  if (!viewer) return null;
  return <ComparisonActionsMenu comparison={comparison} canDelete={hasPermission(viewer.role, "comparison.delete")} />;
}
