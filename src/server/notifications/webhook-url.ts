// Which URLs a webhook may post to. An incoming-webhook URL is a credential and the
// server posts to it on its own: an open choice of host would let an admin (or a stolen
// admin session) aim the server at the internal network. So: Discord's and Slack's own
// https hosts, plus exact origins the operator lists in MEMBERAUDIT_WEBHOOK_ALLOWED_ORIGINS
// (a self-hosted Mattermost, a test receiver). Checked when saved and again before each post.
import { invalidInput } from "~/server/errors/app-error";

export const WEBHOOK_KINDS = ["discord", "slack"] as const;
export type WebhookKind = (typeof WEBHOOK_KINDS)[number];

export interface WebhookSettings {
  /** Extra origins (scheme://host[:port]) besides Discord's and Slack's; http allowed only here. */
  allowedOrigins: readonly string[];
  /** Give up on one post after this long. */
  timeoutMs?: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = { allowedOrigins: [] };

const KNOWN_HOSTS: Record<string, { kind: WebhookKind; path: RegExp }> = {
  "discord.com": { kind: "discord", path: /^\/api\/webhooks\/\d+\/[\w-]+\/?$/ },
  "discordapp.com": { kind: "discord", path: /^\/api\/webhooks\/\d+\/[\w-]+\/?$/ },
  "ptb.discord.com": { kind: "discord", path: /^\/api\/webhooks\/\d+\/[\w-]+\/?$/ },
  "canary.discord.com": { kind: "discord", path: /^\/api\/webhooks\/\d+\/[\w-]+\/?$/ },
  "hooks.slack.com": { kind: "slack", path: /^\/services\/[\w/-]+$/ },
};

export const WEBHOOK_URL_MAX = 2000;

/** Normalises an origin setting entry ("HTTPS://Chat.Example.org:443" → "https://chat.example.org"), or null. */
export function normaliseOrigin(value: string): string | null {
  try {
    const u = new URL(value);
    if (u.protocol !== "https:" && u.protocol !== "http:") return null;
    if (u.username || u.password || (u.pathname !== "/" && u.pathname !== "") || u.search || u.hash) return null;
    return u.origin;
  } catch {
    return null;
  }
}

/**
 * The URL's kind if it may be posted to: Discord's or Slack's hosts over https (kind from
 * the host unless given), or an allowed origin (kind required). Throws BAD_INPUT on `url`/`kind`.
 */
export function checkWebhookUrl(raw: string, kind: WebhookKind | undefined, settings: WebhookSettings): WebhookKind {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalidInput("url", "must be a full URL such as https://discord.com/api/webhooks/…");
  }
  if (raw.length > WEBHOOK_URL_MAX) throw invalidInput("url", `must be at most ${WEBHOOK_URL_MAX} characters`);
  if (url.username || url.password) throw invalidInput("url", "must not carry a user name or password");
  const known = url.protocol === "https:" && url.port === "" ? KNOWN_HOSTS[url.hostname] : undefined;
  if (known) {
    if (!known.path.test(url.pathname)) throw invalidInput("url", `is not an incoming-webhook URL of ${url.hostname}`);
    if (kind && kind !== known.kind) throw invalidInput("kind", `${url.hostname} takes ${known.kind} webhooks`);
    return known.kind;
  }
  if (!settings.allowedOrigins.includes(url.origin)) {
    throw invalidInput(
      "url",
      "must be a Discord or Slack webhook over https, or on an origin listed in MEMBERAUDIT_WEBHOOK_ALLOWED_ORIGINS",
    );
  }
  if (!kind) throw invalidInput("kind", "must be given (discord or slack) for a host other than Discord's or Slack's");
  return kind;
}

/** What the admin page shows: enough to recognise the URL, not enough to use it. */
export function maskWebhookUrl(raw: string): string {
  const url = new URL(raw);
  return `${url.origin}/…${raw.slice(-4)}`;
}

/** The origin alone, for messages and logs: the path holds the secret. */
export function webhookOrigin(raw: string): string {
  try {
    return new URL(raw).origin;
  } catch {
    return "(invalid URL)";
  }
}
