import { redirect } from "next/navigation";
import { LdapSignInForm } from "~/components/ldap-sign-in-form";
import { signInMessage } from "~/components/sign-in-messages";
import { SsoButton } from "~/components/sso-button";
import { Panel } from "~/components/ui/panel";
import { env } from "~/env";
import { currentUser } from "~/web/auth";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  if (await currentUser()) redirect("/launcher");
  const { error } = await searchParams;
  const ldap = Boolean(env().ldap);
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
          {signInMessage(error)}
        </p>
      )}
      <SsoButton label="Sign in with EVE Online" />
      {ldap && (
        <>
          <p className="my-6 text-sm text-slate-400">or, for staff with a directory account:</p>
          <LdapSignInForm />
        </>
      )}
    </Panel>
  );
}
