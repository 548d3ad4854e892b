/** Joins class names, skipping the empty and the switched off (`cond && "class"`). */
export const cx = (...parts: (string | false | null | undefined)[]): string => parts.filter(Boolean).join(" ");
