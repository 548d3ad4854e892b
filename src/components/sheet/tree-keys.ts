// Keyboard movement in a WAI-ARIA tree (https://www.w3.org/WAI/ARIA/apg/patterns/treeview/):
// one tab stop (roving tabindex), Up/Down to the previous/next visible item, Home/End to the
// first/last, Right into an open item's first child, Left out to its parent. Opening and
// closing are the items' own (they hold that state). Only rendered items are visible: a
// closed item's children are not in the DOM.
import type { FocusEvent, KeyboardEvent } from "react";

const ITEM = '[role="treeitem"]';

function items(tree: HTMLElement): HTMLElement[] {
  return [...tree.querySelectorAll<HTMLElement>(ITEM)];
}

function focusItem(tree: HTMLElement, item: HTMLElement | null | undefined) {
  if (!item) return;
  for (const other of items(tree)) other.tabIndex = other === item ? 0 : -1;
  item.focus();
}

/** The tree's keys; pass as onKeyDown of the element with role="tree". */
export function treeKeys(e: KeyboardEvent<HTMLElement>) {
  const tree = e.currentTarget;
  const current = (e.target as HTMLElement).closest<HTMLElement>(ITEM);
  if (!current || !tree.contains(current)) return;
  const all = items(tree);
  const at = all.indexOf(current);
  const parent = current.parentElement?.closest<HTMLElement>(ITEM) ?? null;
  const firstChild = current.querySelector<HTMLElement>(ITEM);
  const target = {
    ArrowDown: all[at + 1],
    ArrowUp: all[at - 1],
    Home: all[0],
    End: all[all.length - 1],
    ArrowRight: current.getAttribute("aria-expanded") === "true" ? firstChild : undefined,
    ArrowLeft: current.getAttribute("aria-expanded") === "true" ? undefined : parent,
  }[e.key];
  if (target === undefined && !["ArrowDown", "ArrowUp", "Home", "End"].includes(e.key)) return;
  e.preventDefault();
  focusItem(tree, target);
}

/** Keeps one tab stop: the item last focused, or the first when focus enters the tree from outside. */
export function treeFocus(e: FocusEvent<HTMLElement>) {
  const tree = e.currentTarget;
  const item = (e.target as HTMLElement).closest<HTMLElement>(ITEM);
  if (item) for (const other of items(tree)) other.tabIndex = other === item ? 0 : -1;
}
