import type { ReactNode } from "react";

import { AppHeader } from "@/components/layout/app-header";
import { LiveProvider } from "@/components/live/live-provider";
import { requirePageUser } from "@/lib/auth/session";
import { countUnreadNotifications } from "@/lib/notifications/service";
import { getNavCounts } from "@/lib/reviews/service";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  const [counts, notifications] = await Promise.all([getNavCounts(user), countUnreadNotifications(user)]);
  return (
    <LiveProvider viewerId={user.id} initialCounts={counts}>
      <div className="flex min-h-screen flex-col">
        <AppHeader user={user} counts={{ ...counts, notifications }} />
        {children}
      </div>
    </LiveProvider>
  );
}
