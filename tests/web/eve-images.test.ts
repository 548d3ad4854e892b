// Portraits and logos come from EVE_IMAGE_BASE_URL wherever a character, corporation or
// alliance is shown: the launcher's card (rendered in the app's providers) and the one
// image helper every component uses, held to being the only <img> in the app.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { WhoLooked } from "~/components/audit/who-looked";
import { CharacterCard } from "~/components/character-card";
import { eveImageUrl } from "~/components/eve-image";
import { render } from "../support/render-in-providers";

const BASE = "https://images.example.test/eve";

const images = (html: string) =>
  [...html.matchAll(/<img [^>]*>/g)].map((m) => ({
    src: /src="([^"]*)"/.exec(m[0])?.[1]?.replaceAll("&amp;", "&"),
    alt: /alt="([^"]*)"/.exec(m[0])?.[1],
  }));

describe("EVE images", () => {
  it("the launcher's card shows the portrait and both logos from the configured image server", () => {
    const html = render(
      createElement(CharacterCard, {
        character: {
          id: 2112000001,
          name: "Aura Vexlin",
          isMain: true,
          corporation: { id: 98000001, name: "Sim Industries" },
          alliance: { id: 99000001, name: "Simulated Alliance" },
          registration: {
            isEnabled: true,
            isShared: false,
            sharedAt: null,
            token: { status: "VALID", invalidReason: null, missingScopes: [] },
          },
        },
        imageBaseUrl: BASE,
        canShare: false,
      }),
    );
    const shown = images(html);
    expect(shown.map((i) => i.src)).toEqual([
      `${BASE}/characters/2112000001/portrait?size=128`,
      `${BASE}/corporations/98000001/logo?size=32`,
      `${BASE}/alliances/99000001/logo?size=32`,
    ]);
    // Each name is printed beside its image: the images are decorative, not read out twice.
    expect(shown.every((i) => i.alt === "")).toBe(true);
    expect(html).toContain("Aura Vexlin");
    expect(html).toContain("Sim Industries");
  });

  it("a character whose corporation is not known yet shows its portrait and no broken logo", () => {
    const html = render(
      createElement(CharacterCard, {
        character: {
          id: 2112000002,
          name: "Torvan Kessari",
          isMain: false,
          corporation: null,
          alliance: null,
          registration: null,
        },
        imageBaseUrl: BASE,
        canShare: false,
      }),
    );
    expect(images(html).map((i) => i.src)).toEqual([`${BASE}/characters/2112000002/portrait?size=128`]);
    expect(html).toContain("Corporation pending");
  });

  it("who looked at my characters shows the opened character's portrait", () => {
    const html = render(
      createElement(WhoLooked, {
        rows: [
          {
            id: "1",
            at: new Date("2026-12-01T10:00:00Z"),
            actor: { id: "u2", name: "Ilsa Marrow" },
            character: { id: 2112000001, name: "Aura Vexlin" },
            detail: "assets",
            via: "session",
          },
        ] as never,
        imageBaseUrl: BASE,
      }),
    );
    expect(images(html).map((i) => i.src)).toEqual([`${BASE}/characters/2112000001/portrait?size=32`]);
  });

  it("builds image server addresses whatever the base's trailing slash", () => {
    expect(eveImageUrl(`${BASE}/`, "corporation", 98000001, 64)).toBe(`${BASE}/corporations/98000001/logo?size=64`);
    expect(eveImageUrl(BASE, "type", 587, 32)).toBe(`${BASE}/types/587/icon?size=32`);
  });

  it("no page or component draws an <img> of its own: the one helper does", () => {
    const root = path.resolve(import.meta.dirname, "../../src");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx$/.test(entry.name) && /<img\b/.test(readFileSync(full, "utf8"))) offenders.push(full);
      }
    };
    for (const dir of ["app", "components"]) walk(path.join(root, dir));
    expect(offenders.map((f) => path.relative(root, f))).toEqual(["components/eve-image.tsx"]);
  });
});
