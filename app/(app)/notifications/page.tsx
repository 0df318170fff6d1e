import type { Metadata } from "next";

import { NotificationsList } from "@/components/versions/notifications-list";
import { requirePageUser } from "@/lib/auth/session";
import { listNotifications } from "@/lib/notifications/service";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requirePageUser();
  const { notifications } = await listNotifications(user);
  return (
    <main className="mx-auto w-full max-w-4xl px-4 py-8">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Notifications</h1>
      <NotificationsList initial={notifications} />
    </main>
  );
}
