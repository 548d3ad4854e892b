"use client";
import Link from "next/link";
import { useState } from "react";
import { GroupsAdmin } from "./groups-admin";
import { HoldersTable } from "./holders-table";
import { UsersAdmin } from "./users-admin";
import { WebhooksAdmin } from "./webhooks-admin";

const TABS = { groups: "Groups", users: "Users", holders: "Who holds what", webhooks: "Webhooks" } as const;

export function AdminPanel({ imageBaseUrl }: { imageBaseUrl: string }) {
  const [tab, setTab] = useState<keyof typeof TABS>("groups");
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold text-slate-100">Administration</h1>
        <a href="/admin/audit" className="text-sm text-sky-300 underline">
          Audit log
        </a>
      </div>
      <p className="mb-4 text-sm text-slate-300">
        Groups whose members the app manages by compliance and rules:{" "}
        <Link href="/admin/compliance" className="text-sky-300 underline">
          Compliance groups
        </Link>
      </p>
      <div role="tablist" className="mb-6 flex gap-2 border-b border-ink-700">
        {Object.entries(TABS).map(([key, label]) => (
          <button
            type="button"
            key={key}
            role="tab"
            aria-selected={tab === key}
            onClick={() => setTab(key as keyof typeof TABS)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${tab === key ? "border-accent text-slate-100" : "border-transparent text-slate-400 hover:text-slate-200"}`}
          >
            {label}
          </button>
        ))}
      </div>
      {tab === "groups" && <GroupsAdmin />}
      {tab === "users" && <UsersAdmin imageBaseUrl={imageBaseUrl} />}
      {tab === "holders" && <HoldersTable />}
      {tab === "webhooks" && <WebhooksAdmin />}
    </div>
  );
}
