"use client";
import { signIn } from "next-auth/react";

/** Starts EVE SSO. With `scopes` it registers a character (the user stays signed in as before). */
export function SsoButton({
  label,
  scopes,
  className,
}: {
  label: string;
  scopes?: readonly string[];
  className?: string;
}) {
  return (
    <button
      type="button"
      className={className ?? "rounded bg-accent px-4 py-2 font-medium text-ink-950 hover:bg-sky-300"}
      onClick={() =>
        void signIn("eveonline", { callbackUrl: "/launcher" }, scopes ? { scope: scopes.join(" ") } : undefined)
      }
    >
      {label}
    </button>
  );
}
