// A notice as Discord or Slack wants it. Titles and messages carry names ESI gave us
// (characters, corporations), so nothing in them may ping a channel or turn into markup:
// Discord is told to parse no mentions, Slack's three control characters are escaped.
import type { NotificationLevel } from "./notify";
import type { WebhookKind } from "./webhook-url";

export interface WebhookNotice {
  level: NotificationLevel | string;
  title: string;
  message: string;
}

// Discord embed colours (decimal RGB), matching the levels' colours on /notifications.
const DISCORD_COLOURS: Record<string, number> = {
  info: 0x38bdf8,
  success: 0x34d399,
  warning: 0xfbbf24,
  danger: 0xf87171,
};
const LEVEL_WORDS: Record<string, string> = {
  info: "Info",
  success: "Success",
  warning: "Warning",
  danger: "Action needed",
};
// Discord's own limits for an embed's title and description.
const DISCORD_TITLE_MAX = 256;
const DISCORD_DESCRIPTION_MAX = 4096;

const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function webhookPayload(kind: WebhookKind, notice: WebhookNotice): Record<string, unknown> {
  const word = LEVEL_WORDS[notice.level] ?? LEVEL_WORDS.info!;
  if (kind === "discord") {
    return {
      content: `${word}: ${notice.title}`.slice(0, 2000),
      embeds: [
        {
          title: notice.title.slice(0, DISCORD_TITLE_MAX),
          description: notice.message.slice(0, DISCORD_DESCRIPTION_MAX),
          color: DISCORD_COLOURS[notice.level] ?? DISCORD_COLOURS.info,
        },
      ],
      allowed_mentions: { parse: [] },
    };
  }
  return { text: `*${slackEscape(`${word}: ${notice.title}`)}*\n${slackEscape(notice.message)}` };
}
