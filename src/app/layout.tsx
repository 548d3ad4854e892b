import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Header } from "~/components/header";
import { TRPCReactProvider } from "~/trpc/client";
import "./globals.css";

// Every page depends on who is signed in: render per request, never at build time
// (a build must not need the deployment's settings).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Member Audit",
  description: "Character audit for EVE Online alliances and corporations",
  // public/favicon.svg; pages also say noindex (with X-Robots-Tag and robots.txt) for crawlers that read only HTML.
  icons: { icon: { url: "/favicon.svg", type: "image/svg+xml" } },
  robots: { index: false, follow: false },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-ink-950 text-slate-200 antialiased">
        <TRPCReactProvider>
          <Header />
          <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
