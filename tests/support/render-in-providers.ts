// Renders a client component to static HTML inside the app's React Query and tRPC
// providers, with no request made (the tRPC link points at a closed port and nothing
// is refetched), for tests of what a component shows from what the server handed it.
// A router that goes nowhere stands in for Next's, for components that navigate on click.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { type AppRouterInstance, AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import superjson from "superjson";
import type { AppRouter } from "~/server/api/root";
import { TRPCProvider } from "~/trpc/client";

const noop = () => undefined;
const router: AppRouterInstance = {
  back: noop,
  forward: noop,
  refresh: noop,
  push: noop,
  replace: noop,
  prefetch: noop,
  bfcacheId: "test",
};

export function render(element: ReactElement): string {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  const trpcClient = createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: "http://127.0.0.1:9/api/trpc", transformer: superjson })],
  });
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: queryClient },
      createElement(TRPCProvider, {
        trpcClient,
        queryClient,
        // biome-ignore lint/correctness/noChildrenProp: createElement in a .ts file; the providers type children as a prop
        children: createElement(AppRouterContext.Provider, { value: router, children: element }),
      }),
    ),
  );
}

/** The visible text, one "|" between elements. */
export const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, "|")
    .replace(/\|+/g, "|");
