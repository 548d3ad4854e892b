"use client";
// Mails: by subject, by sender name, or both; headers only (the body is not searched).
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import type { Column } from "~/components/ui/table";
import { useTRPC } from "~/trpc/client";
import type { RouterOutputs } from "~/trpc/types";
import { buttonClass, CharacterCell, SearchResults, TextField } from "./search-controls";

type Row = RouterOutputs["search"]["mails"]["rows"][number];

export function MailSearch({ imageBaseUrl }: { imageBaseUrl: string }) {
  const trpc = useTRPC();
  const [subject, setSubject] = useState("");
  const [sender, setSender] = useState("");
  const [asked, setAsked] = useState<{ subject?: string; sender?: string } | null>(null);
  const mails = useInfiniteQuery(
    trpc.search.mails.infiniteQueryOptions(
      { ...asked, limit: 50 },
      { enabled: asked !== null, getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked({ subject: subject.trim() || undefined, sender: sender.trim() || undefined });
  };
  const columns: Column<Row>[] = [
    {
      header: "Character",
      rowHeader: true,
      cell: (r) => <CharacterCell character={r.character} href={r.href} imageBaseUrl={imageBaseUrl} />,
    },
    {
      header: "Date",
      cell: (r) => (
        <time dateTime={r.timestamp.toISOString()}>{r.timestamp.toISOString().slice(0, 16).replace("T", " ")}</time>
      ),
      className: "whitespace-nowrap",
    },
    {
      header: "Subject",
      cell: (r) => (
        <Link href={r.href} className="break-words text-sky-300 hover:underline">
          {r.subject || "(no subject)"}
        </Link>
      ),
    },
    { header: "Sender", cell: (r) => r.sender?.name ?? "—" },
  ];
  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="Mails">
        <TextField label="Subject contains" value={subject} onChange={setSubject} testId="mail-subject" />
        <TextField label="Sender name contains" value={sender} onChange={setSender} testId="mail-sender" />
        <button type="submit" className={buttonClass} disabled={!subject.trim() && !sender.trim()}>
          Search mails
        </button>
      </form>
      {asked && (
        <SearchResults
          query={mails}
          caption="Mails found, newest first"
          columns={columns}
          rowKey={(r) => `${r.character.id}:${r.mailId}`}
          testId="mail-results"
          empty="No mail in your scope matches."
        />
      )}
    </div>
  );
}
