/** A skill's level as five pips: trained levels filled, those above the active level dimmed (e.g. an expired Alpha clone). */
export function SkillsPips({ trained, active }: { trained: number; active: number }) {
  return (
    <span
      className="inline-flex gap-0.5"
      role="img"
      aria-label={`Level ${trained} of 5${active < trained ? `, active ${active}` : ""}`}
      title={`Trained ${trained}, active ${active}`}
    >
      {[1, 2, 3, 4, 5].map((level) => (
        <span
          key={level}
          className={`inline-block h-2.5 w-2.5 rounded-sm border ${
            level <= active
              ? "border-sky-400 bg-sky-400"
              : level <= trained
                ? "border-amber-400 bg-amber-400/40"
                : "border-ink-700 bg-transparent"
          }`}
        />
      ))}
    </span>
  );
}
