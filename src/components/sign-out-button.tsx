"use client";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/signin" })}
      className="rounded border border-ink-700 px-3 py-1 text-slate-300 hover:bg-ink-800"
    >
      Sign out
    </button>
  );
}
