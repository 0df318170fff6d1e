import type { Metadata } from "next";

import { PageLinks } from "@/components/ui/page-links";
import { NotificationsList } from "@/components/versions/notifications-list";
import { requirePageUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications/service";

export const metadata: Metadata = { title: "Notifications" };

type Props = { searchParams: Promise<{ cursor?: string }> };

export default async function NotificationsPage({ searchParams }: Props) {
  const user = await requirePageUser();
  const { cursor: rawCursor } = await searchParams;
  const cursor = typeof rawCursor === "string" ? rawCursor : null;
  const { notifications, nextCursor } = await listNotifications(user, { cursor });
  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-8">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Notifications</h1>
      <NotificationsList key={cursor ?? "first"} initial={notifications} />
      <PageLinks path="/notifications" cursor={cursor} nextCursor={nextCursor} label="Pages of notifications" />
    </main>
  );
}
