// The one way the app shows a character's portrait, a corporation's or alliance's logo
// or a type's icon: from EVE_IMAGE_BASE_URL (images.evetech.net, the simulator's in the
// demo), whose origin the Content-Security-Policy allows. Server pages read the base from
// env().imageBaseUrl and hand it to client components as a prop.
//
// Alt text: the name when the image stands alone; "" (decorative) when the name is
// printed right beside it, so a screen reader does not read it twice (WCAG H2, F39).

export type EveImageKind = "character" | "corporation" | "alliance" | "type";

/** Sizes the image server renders. */
export type EveImageSize = 32 | 64 | 128 | 256 | 512;

const PATHS: Record<EveImageKind, (id: number) => string> = {
  character: (id) => `/characters/${id}/portrait`,
  corporation: (id) => `/corporations/${id}/logo`,
  alliance: (id) => `/alliances/${id}/logo`,
  type: (id) => `/types/${id}/icon`,
};

export function eveImageUrl(base: string, kind: EveImageKind, id: number, size: EveImageSize): string {
  return `${base.replace(/\/+$/, "")}${PATHS[kind](id)}?size=${size}`;
}

/** The server size to ask for: the next one up from the shown width, doubled for sharp screens. */
function sourceSize(shown: number): EveImageSize {
  const wanted = shown * 2;
  return wanted <= 32 ? 32 : wanted <= 64 ? 64 : wanted <= 128 ? 128 : wanted <= 256 ? 256 : 512;
}

export function EveImage({
  base,
  kind,
  id,
  size,
  alt,
  className,
}: {
  /** EVE_IMAGE_BASE_URL (env().imageBaseUrl). */
  base: string;
  kind: EveImageKind;
  id: number;
  /** Shown width and height in CSS pixels. */
  size: number;
  /** The name, or "" when the name is printed beside the image. */
  alt: string;
  className?: string;
}) {
  const round = kind === "character" ? "rounded" : "rounded-sm";
  return (
    <img
      src={eveImageUrl(base, kind, id, sourceSize(size))}
      alt={alt}
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      className={`shrink-0 ${round} ${className ?? ""}`.trim()}
    />
  );
}

type Named = { id: number; name: string | null } | null | undefined;

/** "[logo] Corporation · [logo] Alliance": the names are printed, so the logos are decorative. */
export function AffiliationLine({
  base,
  corporation,
  alliance,
  className,
}: {
  base: string;
  corporation: Named;
  alliance: Named;
  className?: string;
}) {
  return (
    <p className={`flex min-w-0 items-center gap-1.5 text-sm text-slate-400 ${className ?? ""}`.trim()}>
      {corporation?.name && <EveImage base={base} kind="corporation" id={corporation.id} size={16} alt="" />}
      <span className="min-w-0 truncate">{corporation?.name ?? "Corporation pending"}</span>
      {alliance?.name && (
        <>
          <span className="text-slate-400"> · </span>
          <EveImage base={base} kind="alliance" id={alliance.id} size={16} alt="" />
          <span className="min-w-0 truncate text-slate-400">{alliance.name}</span>
        </>
      )}
    </p>
  );
}

/** A small image and the name printed beside it (table cells, lists); "fallback" when there is no such entity. */
export function EveName({
  base,
  kind,
  entity,
  fallback = "—",
  size = 20,
}: {
  base: string;
  kind: EveImageKind;
  entity: Named;
  fallback?: string;
  size?: number;
}) {
  if (!entity?.name) return <>{fallback}</>;
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5 align-middle">
      <EveImage base={base} kind={kind} id={entity.id} size={size} alt="" />
      <span className="min-w-0 truncate">{entity.name}</span>
    </span>
  );
}
