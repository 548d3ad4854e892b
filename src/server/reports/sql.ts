// Small SQL pieces the reports share.
import { Prisma } from "@prisma/client";

/** Escapes LIKE's wildcards so a search for "50%" finds that text. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export const sqlOrder = (order: "asc" | "desc") => Prisma.raw(order === "asc" ? "ASC" : "DESC");

export interface Organisation {
  id: number;
  name: string;
}

/** A corporation or alliance column pair; an id whose name is not loaded yet shows as its number. */
export const organisation = (id: number | null, name: string | null): Organisation | null =>
  id === null ? null : { id, name: name ?? `#${id}` };
