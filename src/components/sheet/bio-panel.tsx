// The Bio tab's body. The HTML arrives sanitised by the server (src/server/sheet/bio.ts,
// through the mail allowlist), so it is rendered as is.
import { EmptyState } from "./empty-state";

export function BioPanel({ bio }: { bio: { html: string; loaded: boolean } }) {
  if (!bio.loaded) return <EmptyState>Character details not loaded yet.</EmptyState>;
  if (!bio.html) return <EmptyState>This character has not written a bio.</EmptyState>;
  return (
    <section aria-labelledby="bio-heading" className="rounded border border-ink-700 p-4">
      <h2 id="bio-heading" className="mb-2 text-sm font-semibold text-slate-300">
        Bio
      </h2>
      <div
        className="break-words text-sm leading-relaxed text-slate-200 [&_a]:text-sky-300 [&_a]:underline"
        data-testid="bio-body"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server with the mail allowlist (sheet/mail-html.ts)
        dangerouslySetInnerHTML={{ __html: bio.html }}
      />
    </section>
  );
}
