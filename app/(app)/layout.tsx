import type { ReactNode } from "react";

import { AppHeader } from "@/components/layout/app-header";
import { requirePageUser } from "@/lib/auth/session";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader user={user} />
      {children}
    </div>
  );
}
