/** The editors' text inputs and selects; callers add width (flex-1, w-full). */
export const inputClass = "rounded border border-ink-700 bg-ink-950 px-2 py-1";
