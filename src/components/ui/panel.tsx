import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";

const PADDING = { none: "", md: "p-4", lg: "p-8" } as const;

/**
 * A bordered box on the page's background. `title` gives it the app's section heading;
 * `inset` is a panel inside a panel, a shade darker so it reads as nested. No hooks, so
 * server pages and client components render the same markup.
 */
export function Panel({
  as: Tag = "section",
  title,
  padding = "md",
  inset = false,
  className = "",
  children,
  ...rest
}: HTMLAttributes<HTMLElement> & {
  as?: "section" | "div" | "form" | "li" | "ul";
  title?: ReactNode;
  padding?: keyof typeof PADDING;
  inset?: boolean;
}) {
  return (
    <Tag
      className={cx(
        "rounded-lg border border-ink-700",
        inset ? "bg-ink-950" : "bg-ink-900",
        PADDING[padding],
        className,
      )}
      {...rest}
    >
      {title && <h2 className="mb-3 text-lg font-semibold text-slate-100">{title}</h2>}
      {children}
    </Tag>
  );
}
