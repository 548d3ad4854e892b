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
        {/* The first stop for the keyboard: past the header's links straight to the page (WCAG 2.4.1). */}
        <a
          href="#content"
          className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-2 focus:z-50 focus:rounded focus:bg-accent focus:px-3 focus:py-2 focus:text-ink-950"
        >
          Skip to content
        </a>
        <TRPCReactProvider>
          <Header />
          <main id="content" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 focus:outline-none sm:px-6">
            {children}
          </main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
