"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "~/trpc/client";

/** Two clicks: removing deletes the character's audit data and revokes its token. */
export function RemoveCharacterButton({ characterId, name }: { characterId: number; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(trpc.characters.remove.mutationOptions({ onSuccess: () => router.refresh() }));

  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="rounded border border-ink-700 px-3 py-1 text-sm text-slate-300 hover:bg-ink-800"
      >
        Remove
      </button>
    );
  }
  return (
    <span className="flex items-center gap-2 text-sm">
      <button
        type="button"
        disabled={remove.isPending}
        onClick={() => remove.mutate({ characterId })}
        className="rounded bg-red-600 px-3 py-1 text-white hover:bg-red-500 disabled:opacity-50"
        aria-label={`Confirm removing ${name}`}
      >
        Delete data of {name}
      </button>
      <button type="button" onClick={() => setConfirming(false)} className="text-slate-400 hover:text-slate-200">
        Cancel
      </button>
      {remove.error && <span className="text-red-300">{remove.error.message}</span>}
    </span>
  );
}
