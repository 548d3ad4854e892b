// The staff form on the sign-in page: labelled fields a password manager and a screen reader
// understand, a live region for the refusal, and a plain message for every refusal code the
// LDAP provider can send (none falls through to the generic text).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LdapSignInForm } from "~/components/ldap-sign-in-form";
import { SIGN_IN_MESSAGES, signInMessage } from "~/components/sign-in-messages";
import { LDAP_ERROR_CODES, LDAP_FAILED } from "~/server/auth/ldap-provider";

describe("the LDAP sign-in form", () => {
  const html = renderToStaticMarkup(createElement(LdapSignInForm));

  const input = (id: string) => html.match(new RegExp(`<input id="${id}"[^>]*>`))?.[0] ?? "";

  it("labels both fields and marks them for autocomplete", () => {
    expect(html).toMatch(/<label for="ldap-username"[^>]*>Username<\/label>/);
    expect(html).toMatch(/<label for="ldap-password"[^>]*>Password<\/label>/);
    for (const attribute of ['name="username"', 'autoComplete="username"', 'required=""'])
      expect(input("ldap-username")).toContain(attribute);
    for (const attribute of ['name="password"', 'type="password"', 'autoComplete="current-password"'])
      expect(input("ldap-password")).toContain(attribute);
    expect(html).toMatch(/<button type="submit"[^>]*>Sign in with your staff account<\/button>/);
  });

  it("has an alert region in place before any error, so the first refusal is announced", () => {
    expect(html).toMatch(/<p id="ldap-error" role="alert" class="sr-only"><\/p>/);
  });

  it("explains every refusal code the provider sends", () => {
    for (const code of [...Object.values(LDAP_ERROR_CODES), LDAP_FAILED]) {
      expect(SIGN_IN_MESSAGES[code], code).toBeDefined();
      expect(signInMessage(code)).not.toMatch(/^Sign-in failed \(/);
    }
    expect(signInMessage("LdapUnavailable")).toContain("sign-in with EVE Online still works");
  });
});
