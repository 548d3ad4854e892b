import { redirect } from "next/navigation";
import { SsoButton } from "~/components/sso-button";
import { Panel } from "~/components/ui/panel";
import { currentUser } from "~/web/auth";

// next-auth's error codes, said plainly.
const MESSAGES: Record<string, string> = {
  OAuthCallback:
    "EVE SSO sign-in failed: the answer from EVE SSO could not be verified (expired, replayed or forged). Nothing was stored; please try again.",
  OAuthSignin: "Could not start EVE SSO sign-in. Please try again.",
  AccessDenied: "Sign-in was refused.",
  AccountInactive: "This account has been deactivated. Ask an administrator.",
  Callback: "EVE SSO sign-in failed. Nothing was stored; please try again.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  if (await currentUser()) redirect("/launcher");
  const { error } = await searchParams;
  return (
    <Panel as="div" padding="lg" className="mx-auto mt-16 max-w-md text-center">
      <h1 className="mb-2 text-2xl font-semibold text-slate-100">Member Audit</h1>
      <p className="mb-6 text-sm text-slate-400">
        Sign in with one of your EVE Online characters. It becomes your main character.
      </p>
      {error && (
        <p
          role="alert"
          data-testid="auth-error"
          className="mb-6 rounded border border-red-800 bg-red-950/60 p-3 text-left text-sm text-red-200"
        >
          {MESSAGES[error] ?? `Sign-in failed (${error}). Nothing was stored; please try again.`}
        </p>
      )}
      <SsoButton label="Sign in with EVE Online" />
    </Panel>
  );
}
