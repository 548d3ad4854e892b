"use client";
// The exports page's topics: one card each (a list, not a wide table, so 390 px needs no
// sideways scroll). While any build runs the file states are polled every two seconds,
// so the progress bar moves and Download appears by themselves.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorMessage } from "~/components/error-message";
import { formatDuration, formatEveTime, formatInteger } from "~/components/sheet/format";
import { Button } from "~/components/ui/button";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";

type State = RouterOutputs["exports"]["progress"][number];
interface Topic {
  name: string;
  title: string;
  description: string;
  rows: number;
}

const POLL_MS = 2000;

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0)} MB`;

function Progress({ title, build }: { title: string; build: NonNullable<State["build"]> }) {
  const percent =
    build.rowsExpected > 0 ? Math.min(100, Math.round((build.rowsWritten / build.rowsExpected) * 100)) : 0;
  const label = `${formatInteger(build.rowsWritten)} of ${formatInteger(build.rowsExpected)} rows written`;
  return (
    <div className="mt-2">
      <div
        role="progressbar"
        aria-label={`Building ${title}`}
        aria-valuemin={0}
        aria-valuemax={Math.max(build.rowsExpected, 1)}
        aria-valuenow={build.rowsWritten}
        aria-valuetext={label}
        className="h-2 w-full overflow-hidden rounded bg-ink-700"
      >
        <div className="h-full bg-accent" style={{ width: `${percent}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-300">Building: {label}</p>
    </div>
  );
}

function TopicCard({
  topic,
  state,
  onBuild,
  pending,
}: {
  topic: Topic;
  state: State | undefined;
  onBuild(): void;
  pending: boolean;
}) {
  const file = state?.file ?? null;
  const build = state?.build ?? null;
  const waitUntil = state?.nextBuildAt ? new Date(state.nextBuildAt) : null;
  return (
    <li className="rounded border border-ink-700 bg-ink-900 p-3" data-testid={`export-${topic.name}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 className="text-base font-semibold text-slate-100">{topic.title}</h2>
        <span className="text-sm text-slate-300">{formatInteger(topic.rows)} rows now</span>
      </div>
      <p className="mt-1 text-sm text-slate-300">{topic.description}</p>
      <p className="mt-1 text-sm text-slate-300">
        {file
          ? `Last file: ${formatInteger(file.rows)} rows, ${megabytes(file.bytes)}, built ${formatEveTime(file.completedAt)} (${formatDuration(Date.now() - new Date(file.completedAt).getTime())} ago)`
          : "No file yet."}
      </p>
      {build && <Progress title={topic.title} build={build} />}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        {file ? (
          <a
            href={`/exports/${topic.name}/download`}
            className="rounded bg-accent px-3 py-1 text-sm font-medium text-ink-950"
            aria-label={`Download ${topic.title}`}
          >
            Download
          </a>
        ) : null}
        <Button
          onClick={onBuild}
          disabled={Boolean(build) || pending || Boolean(waitUntil)}
          aria-label={`Build now: ${topic.title}`}
        >
          Build now
        </Button>
        {waitUntil && !build ? (
          <span className="text-xs text-slate-300">Next build possible from {formatEveTime(waitUntil)}</span>
        ) : null}
      </div>
    </li>
  );
}

export function ExportsList({ topics, states }: { topics: Topic[]; states: State[] }) {
  const trpc = useTRPC();
  const [started, setStarted] = useState(false);
  const progress = useQuery(
    trpc.exports.progress.queryOptions(undefined, {
      initialData: states,
      refetchInterval: (query) => (started || query.state.data?.some((s) => s.build) ? POLL_MS : false),
    }),
  );
  const build = useMutation(
    trpc.exports.build.mutationOptions({
      onSuccess: async () => {
        setStarted(true);
        await progress.refetch();
      },
      onSettled: () => setTimeout(() => setStarted(false), POLL_MS * 3),
    }),
  );
  const byTopic = new Map((progress.data ?? states).map((s) => [s.topic, s]));
  return (
    <div>
      <ErrorMessage error={build.error} />
      <ul className="mt-2 grid gap-3">
        {topics.map((topic) => (
          <TopicCard
            key={topic.name}
            topic={topic}
            state={byTopic.get(topic.name)}
            pending={build.isPending && build.variables?.topic === topic.name}
            onBuild={() => build.mutate({ topic: topic.name })}
          />
        ))}
      </ul>
    </div>
  );
}
