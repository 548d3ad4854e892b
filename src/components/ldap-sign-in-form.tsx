"use client";
// Staff sign-in through LDAP (docs/ldap.md): a plain form posted to next-auth's Credentials
// provider. The refusal is announced (role="alert") and focus returns to the password, so a
// keyboard or screen-reader user knows what happened and can retry at once.
import { signIn } from "next-auth/react";
import { type FormEvent, useRef, useState } from "react";
import { signInMessage } from "./sign-in-messages";

// A brighter border than the editors' inputs: the fields alone must be found against the panel (WCAG 1.4.11).
const FIELD = "w-full rounded border border-slate-500 bg-ink-950 px-2 py-1 text-slate-100";

export function LdapSignInForm() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const password = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("ldap", {
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
      callbackUrl: "/launcher",
      redirect: false,
    }).catch(() => undefined);
    if (result?.ok && !result.error) {
      window.location.assign(result.url ?? "/launcher");
      return;
    }
    setPending(false);
    setError(signInMessage(result?.error ?? "LdapUnavailable"));
    if (password.current) {
      password.current.value = "";
      password.current.focus();
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby="ldap-heading" className="space-y-3 text-left" data-testid="ldap-form">
      <h2 id="ldap-heading" className="text-base font-semibold text-slate-100">
        Staff sign-in
      </h2>
      <div>
        <label htmlFor="ldap-username" className="mb-1 block text-sm text-slate-200">
          Username
        </label>
        <input
          id="ldap-username"
          name="username"
          autoComplete="username"
          required
          maxLength={256}
          aria-describedby={error ? "ldap-error" : undefined}
          className={FIELD}
        />
      </div>
      <div>
        <label htmlFor="ldap-password" className="mb-1 block text-sm text-slate-200">
          Password
        </label>
        <input
          id="ldap-password"
          ref={password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1024}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "ldap-error" : undefined}
          className={FIELD}
        />
      </div>
      <p
        id="ldap-error"
        role="alert"
        className={error ? "rounded border border-red-800 bg-red-950/60 p-2 text-sm text-red-200" : "sr-only"}
      >
        {error}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded border border-slate-500 px-4 py-2 font-medium text-slate-100 hover:bg-ink-800 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in with your staff account"}
      </button>
    </form>
  );
}
