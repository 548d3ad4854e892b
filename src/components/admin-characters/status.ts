import type { RouterOutputs } from "~/trpc/types";

type Row = RouterOutputs["adminCharacters"]["list"]["rows"][number];
export type TotalStatus = Row["status"];

/** Member Audit's wording; colours chosen for AA contrast on the page's dark panels. */
export const STATUS: Record<TotalStatus, { label: string; description: string; className: string }> = {
  disabled: { label: "Disabled", description: "Updates are off for this character", className: "text-slate-300" },
  in_progress: { label: "In progress", description: "An update is running", className: "text-sky-300" },
  error: { label: "Error", description: "A section failed, or the token is invalid", className: "text-red-300" },
  limited_token: {
    label: "Limited token",
    description: "The token lacks a scope some sections need",
    className: "text-amber-300",
  },
  unknown: { label: "Unknown", description: "No section has been updated yet", className: "text-slate-300" },
  incomplete: {
    label: "Incomplete",
    description: "Some sections have not been updated yet",
    className: "text-amber-300",
  },
  ok: { label: "OK", description: "Every section updated successfully", className: "text-emerald-300" },
};

export function tokenLabel(token: Row["token"]): string {
  if (token.state === "missing") return "No token";
  if (token.state === "invalid") return token.reason ? `Invalid (${token.reason})` : "Invalid";
  return token.missingScopes.length === 0 ? "Valid" : `Valid, lacks ${token.missingScopes.length} scopes`;
}
