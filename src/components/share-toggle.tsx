"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "~/trpc/client";

/** Sharing lets holders of view_shared_characters (recruiters) see this character. */
export function ShareToggle({ characterId, shared }: { characterId: number; shared: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toggle = useMutation(trpc.characters.setShared.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <label className="flex items-center gap-2 text-slate-400" title={toggle.error?.message}>
      <input
        type="checkbox"
        role="switch"
        aria-checked={shared}
        aria-label="Shared"
        checked={shared}
        disabled={toggle.isPending}
        onChange={(e) => toggle.mutate({ characterId, shared: e.target.checked })}
      />
      {shared ? "Shared" : "Not shared"}
    </label>
  );
}
