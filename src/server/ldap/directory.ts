// The directory conversation for one sign-in (docs/ldap.md): bind as the service account,
// find the user's entry, bind as that entry with the given password (on a connection of its
// own, so the searches that follow keep the service account's rights), test the extra
// filter on the entry, read its groups. The password goes to the server and nowhere else:
// it is not logged, not kept, not put into any error.
import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import { type ConnectionOptions, rootCertificates } from "node:tls";
import {
  Client,
  InvalidCredentialsError,
  InappropriateAuthError,
  type Entry,
  ResultCodeError,
  SizeLimitExceededError,
  UnwillingToPerformError,
} from "ldapts";
import { fillFilter, firstRdnValue } from "./dn";
import type { LdapSettings } from "./settings";

export interface DirectoryUser {
  dn: string;
  username: string;
  displayName: string | null;
  email: string | null;
  /** The groups the search found, with the name a mirrored group takes (its cn, else its first RDN). */
  groups: { dn: string; name: string }[];
}

export type DirectoryAnswer =
  | { kind: "authenticated"; user: DirectoryUser }
  /** Unknown user or wrong password: told apart nowhere, so the form cannot be used to list users. */
  | { kind: "invalid-credentials" }
  /** The password was right but the entry does not match LDAP_USER_FILTER_EXTRA. */
  | { kind: "filtered-out"; dn: string };

/** The directory could not be asked: down, too slow, TLS refused, or the service account refused. */
export class DirectoryUnavailableError extends Error {
  constructor(readonly why: string) {
    super(`LDAP directory unavailable: ${why}`);
    this.name = "DirectoryUnavailableError";
  }
}

export type Directory = (username: string, password: string) => Promise<DirectoryAnswer>;

/** Bounds that keep a request's input inside what a directory or a log line should see. */
export const CREDENTIAL_BOUNDS = { username: 256, password: 1024 } as const;

export function ldapDirectory(settings: LdapSettings): Directory {
  return (username, password) => authenticate(settings, username, password);
}

async function authenticate(settings: LdapSettings, username: string, password: string): Promise<DirectoryAnswer> {
  // An empty password would be an unauthenticated bind (RFC 4513 §5.1.2), which some servers accept.
  if (!username || !password || username.length > CREDENTIAL_BOUNDS.username) return { kind: "invalid-credentials" };
  if (password.length > CREDENTIAL_BOUNDS.password || username.includes("\0")) return { kind: "invalid-credentials" };
  const service = await connect(settings);
  try {
    if (settings.bind) {
      await service.bind(settings.bind.dn, settings.bind.password).catch((error: unknown) => {
        // An LDAP result is the server's answer to the account; anything else is the way to the server.
        const why = error instanceof ResultCodeError ? "the service account (LDAP_BIND_DN) was refused: " : "";
        throw new DirectoryUnavailableError(`${why}${describe(error)}`);
      });
    }
    const attrs = [settings.attributes.displayName, settings.attributes.email];
    const found = await run(() =>
      service
        .search(settings.userSearchBase, {
          scope: "sub",
          filter: fillFilter(settings.userFilter, "{username}", username),
          attributes: attrs,
          sizeLimit: 2,
        })
        .catch((error: unknown) => {
          // More entries than the limit: as ambiguous as two, below.
          if (error instanceof SizeLimitExceededError) return { searchEntries: [] as Entry[] };
          throw error;
        }),
    );
    // Two entries for one username is a directory to fix, not a user to guess at.
    const entry = found.searchEntries.length === 1 ? found.searchEntries[0]! : undefined;
    if (!entry) return { kind: "invalid-credentials" };
    if (!(await passwordMatches(settings, entry.dn, password))) return { kind: "invalid-credentials" };
    if (settings.userFilterExtra) {
      const match = await run(() =>
        service.search(entry.dn, { scope: "base", filter: settings.userFilterExtra, attributes: ["1.1"] }),
      );
      if (match.searchEntries.length === 0) return { kind: "filtered-out", dn: entry.dn };
    }
    return {
      kind: "authenticated",
      user: {
        dn: entry.dn,
        username,
        displayName: first(entry, settings.attributes.displayName, 200),
        email: first(entry, settings.attributes.email, 320),
        groups: await groupsOf(service, settings, entry.dn),
      },
    };
  } finally {
    await service.unbind().catch(() => undefined);
  }
}

async function connect(settings: LdapSettings): Promise<Client> {
  // Read at each sign-in, so a renewed CA file needs no restart; the certificate is always verified.
  const tlsOptions = settings.tlsCaFile
    ? { ca: [...rootCertificates, readFileSync(settings.tlsCaFile, "utf8")] }
    : undefined;
  const client = new Client({
    url: settings.url,
    timeout: settings.timeoutMs,
    connectTimeout: settings.connectTimeoutMs,
    strictDN: true,
    // Only for ldaps://: given on an ldap:// client, ldapts's StartTLS handshake is cut off.
    tlsOptions: settings.url.startsWith("ldaps:") ? tlsOptions : undefined,
  });
  if (settings.startTls)
    await run(() => client.startTLS(startTlsOptions(settings.url, tlsOptions))).catch(async (error: unknown) => {
      await client.unbind().catch(() => undefined);
      throw error;
    });
  return client;
}

/**
 * ldapts upgrades the socket without naming the server, and Node then checks the certificate
 * against "localhost": the URL's host must be passed for the check to mean anything.
 */
function startTlsOptions(url: string, base: ConnectionOptions | undefined): ConnectionOptions {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  return { ...base, host, ...(isIP(host) ? {} : { servername: host }) };
}

async function passwordMatches(settings: LdapSettings, dn: string, password: string): Promise<boolean> {
  const user = await connect(settings);
  try {
    await user.bind(dn, password);
    return true;
  } catch (error) {
    if (
      error instanceof InvalidCredentialsError ||
      error instanceof UnwillingToPerformError ||
      error instanceof InappropriateAuthError
    )
      return false;
    throw new DirectoryUnavailableError(describe(error));
  } finally {
    await user.unbind().catch(() => undefined);
  }
}

async function groupsOf(service: Client, settings: LdapSettings, userDn: string): Promise<DirectoryUser["groups"]> {
  if (!settings.groupSearchBase) return [];
  const base = settings.groupSearchBase;
  const { searchEntries } = await run(() =>
    service.search(base, {
      scope: "sub",
      filter: fillFilter(settings.groupFilter, "{dn}", userDn),
      attributes: ["cn"],
    }),
  );
  return searchEntries.map((group) => ({
    dn: group.dn,
    name: first(group, "cn", 150) ?? firstRdnValue(group.dn).slice(0, 150),
  }));
}

/** A single text value of an attribute (multi-valued: the first), cut to what its column holds. */
function first(entry: Entry, attribute: string, max: number): string | null {
  const raw = entry[attribute];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return null;
  const text = (Buffer.isBuffer(value) ? value.toString("utf8") : value).replaceAll("\0", "").trim();
  return text ? text.slice(0, max) : null;
}

async function run<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof DirectoryUnavailableError) throw error;
    throw new DirectoryUnavailableError(describe(error));
  }
}

/** The error's class and first line: enough for an operator, and never carrying a password (none is sent back). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error).split("\n")[0]!;
  const code = (error as { code?: unknown }).code;
  return `${error.name}${typeof code === "string" ? ` ${code}` : ""}: ${error.message.split("\n")[0]}`;
}
