import type { ButtonHTMLAttributes } from "react";
import { cx } from "./cx";

const VARIANT = {
  primary: "rounded bg-accent px-3 py-1 text-sm font-medium text-ink-950",
  secondary: "rounded border border-ink-700 px-3 py-1 text-sm",
} as const;

/** The editors' buttons: one primary action (save, create) beside secondary ones. */
export function Button({
  variant = "secondary",
  type = "button",
  className = "",
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANT }) {
  return <button type={type} className={cx(VARIANT[variant], className)} {...rest} />;
}
