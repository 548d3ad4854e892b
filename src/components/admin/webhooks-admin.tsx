"use client";
// One panel per event type: the URL saved for it (masked: the server never hands it
// back), a form to set or replace it, "Send test", "Remove", and the recent deliveries
// with their status in words, attempts and last error (docs/notifications.md, "Webhooks").
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorMessage } from "~/components/error-message";
import { formatEveTime } from "~/components/sheet/format";
import { Button } from "~/components/ui/button";
import { inputClass } from "~/components/ui/input";
import { Panel } from "~/components/ui/panel";
import { type Column, Table } from "~/components/ui/table";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";

type Webhook = RouterOutputs["admin"]["webhooks"]["list"][number];
type Delivery = Webhook["recent"][number];

// Words as well as colours (WCAG 1.4.1); each colour holds AA on ink-900.
const STATUS: Record<string, { label: string; className: string }> = {
  pending: { label: "Retrying", className: "text-amber-300" },
  delivered: { label: "Delivered", className: "text-emerald-300" },
  failed: { label: "Failed", className: "text-red-300" },
};

const columns: Column<Delivery>[] = [
  { header: "Created", cell: (d) => formatEveTime(d.createdAt) },
  {
    header: "Notice",
    rowHeader: true,
    cell: (d) => `${d.isTest ? "(test) " : ""}${d.title}`,
    className: "break-words",
  },
  {
    header: "Status",
    cell: (d) => {
      const s = STATUS[d.status] ?? STATUS.pending!;
      return (
        <span className={`font-semibold ${s.className}`}>
          {d.status === "pending" && d.attempts === 0 ? "Queued" : s.label}
        </span>
      );
    },
  },
  { header: "Attempts", numeric: true, cell: (d) => d.attempts },
  {
    header: "Last error",
    cell: (d) => (d.lastError ? `${d.lastError}${d.lastAttemptAt ? ` (${formatEveTime(d.lastAttemptAt)})` : ""}` : "—"),
    className: "break-words",
  },
];

export function WebhooksAdmin() {
  const trpc = useTRPC();
  const list = useQuery(trpc.admin.webhooks.list.queryOptions(undefined, { refetchInterval: 10_000 }));
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-300">
        Notices of each event can also be posted to a Discord or Slack channel through an incoming-webhook URL. URLs are
        stored encrypted and shown only masked; Discord&apos;s and Slack&apos;s own https addresses are accepted, other
        hosts only where the operator allows them.
      </p>
      <ErrorMessage error={list.error} />
      {list.data?.map((w) => (
        <WebhookPanel key={w.eventType} webhook={w} />
      ))}
    </div>
  );
}

export function WebhookPanel({ webhook }: { webhook: Webhook }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState("");
  const [kind, setKind] = useState<"" | "discord" | "slack">("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.webhooks.list.queryKey() });
  const save = useMutation(
    trpc.admin.webhooks.set.mutationOptions({
      onSuccess: () => {
        setUrl("");
        return refresh();
      },
    }),
  );
  const remove = useMutation(trpc.admin.webhooks.remove.mutationOptions({ onSuccess: refresh }));
  const test = useMutation(trpc.admin.webhooks.sendTest.mutationOptions({ onSuccess: refresh }));
  const id = `webhook-${webhook.eventType}`;
  return (
    <Panel title={webhook.label} data-testid={id}>
      <p className="mb-3 text-sm text-slate-300" data-testid={`${id}-current`}>
        {webhook.endpoint
          ? `Posting to ${webhook.endpoint.urlHint} (${webhook.endpoint.kind === "discord" ? "Discord" : "Slack"})`
          : "No webhook: notices of this event stay in the app."}
      </p>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ eventType: webhook.eventType, url, ...(kind ? { kind } : {}) });
        }}
      >
        <label className="flex min-w-0 flex-1 basis-64 flex-col gap-0.5 text-xs text-slate-300">
          {webhook.endpoint ? "New webhook URL" : "Webhook URL"}
          <input
            type="url"
            required
            autoComplete="off"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://discord.com/api/webhooks/…"
            className={`${inputClass} w-full text-sm text-slate-200`}
          />
        </label>
        <label className="flex flex-col gap-0.5 text-xs text-slate-300">
          Format
          <select
            value={kind}
            onChange={(e) => setKind(e.target.value as typeof kind)}
            className={`${inputClass} text-sm text-slate-200`}
          >
            <option value="">From the host</option>
            <option value="discord">Discord</option>
            <option value="slack">Slack (and Mattermost)</option>
          </select>
        </label>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          Save
        </Button>
        {webhook.endpoint && (
          <>
            <Button onClick={() => test.mutate({ eventType: webhook.eventType })} disabled={test.isPending}>
              Send test
            </Button>
            <Button onClick={() => remove.mutate({ eventType: webhook.eventType })} disabled={remove.isPending}>
              Remove
            </Button>
          </>
        )}
      </form>
      <div className="mt-2 space-y-2">
        <ErrorMessage error={save.error ?? test.error ?? remove.error} />
        {test.isSuccess && (
          <p role="status" className="text-sm text-slate-300">
            Test queued: its delivery shows below.
          </p>
        )}
      </div>
      {webhook.recent.length > 0 && (
        <section
          aria-label={`Recent deliveries: ${webhook.label}, scrolls sideways`}
          className="relative mt-3 overflow-x-auto"
        >
          <Table
            caption={`Recent deliveries: ${webhook.label}`}
            look="plain"
            rows={webhook.recent}
            rowKey={(d) => d.id}
            columns={columns}
            testId={`${id}-deliveries`}
          />
        </section>
      )}
    </Panel>
  );
}
