import type { Metadata } from "next";
import type { ReactNode } from "react";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Parallax", template: "%s · Parallax" },
  description: "Compare two sources passage by passage: agreements, contradictions, reviewed findings.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        {/* ::highlight() rules are served as-is; the CSS pipeline warns on every one of them. */}
        {/* eslint-disable-next-line @next/next/no-css-tags */}
        <link rel="stylesheet" href="/highlights.css" />
      </head>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
