// Bio tab: the character's description from character_details. The section stores the
// bio raw (it is another player's EVE-XML), so it is made safe here, with the same
// allowlist as mail bodies: the game's own link schemes (showinfo:, killReport: ...)
// become their text exactly as they do in the Mail tab.
import type { Db } from "~/server/db/client";
import { sanitizeMailHtml } from "./mail-html";

export interface BioSheet {
  /** Safe HTML; empty when the details were never loaded or the bio is blank. */
  html: string;
  loaded: boolean;
}

/** ESI has sent bios wrapped as a Python unicode literal (u'...'); the wrapper is not part of the text. */
function unwrap(description: string): string {
  const m = description.match(/^u'([\s\S]*)'$/);
  return m ? m[1]! : description;
}

export async function bioSheet(db: Db, characterId: number): Promise<BioSheet> {
  const details = await db.characterDetails.findUnique({ where: { characterId }, select: { description: true } });
  if (!details) return { html: "", loaded: false };
  const html = sanitizeMailHtml(unwrap(details.description ?? ""));
  // A bio of only tags or whitespace shows the empty state rather than a blank box.
  return { html: html.replace(/<[^>]*>|&nbsp;|\s/g, "") === "" ? "" : html, loaded: true };
}
