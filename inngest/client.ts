import { Inngest } from "inngest";

// The app id must stay stable: Inngest treats a new id as a new app.
export const inngest = new Inngest({ id: "memberaudit" });
