// Distinguished names compared the way directories compare them for our purposes: the
// configured mapping is typed by a person (`cn=Staff, ou=Groups,...`) and the server answers
// with its own spelling (`cn=staff,ou=groups,...`); both must land on the same key.
import { Filter } from "ldapts";

export function normalizeDn(dn: string): string {
  return dn
    .split(/(?<!\\),/)
    .map((rdn) =>
      rdn
        .split(/(?<!\\)=/)
        .map((part) => part.trim())
        .join("="),
    )
    .join(",")
    .toLowerCase();
}

/** The value of the first RDN (`cn=Fleet Commanders,ou=groups` → `Fleet Commanders`), unescaped. */
export function firstRdnValue(dn: string): string {
  const first = dn.split(/(?<!\\),/)[0] ?? dn;
  const value = first.slice(first.indexOf("=") + 1).trim();
  return value.replace(/\\(.)/g, "$1");
}

/**
 * Puts a value into a filter template at each `placeholder`, escaped per RFC 4515 (`*`, `(`,
 * `)`, `\`, NUL become `\2a`, `\28`, `\29`, `\5c`, `\00`): user input can only ever be a value,
 * never widen or close the filter.
 */
export function fillFilter(template: string, placeholder: string, value: string): string {
  return template.replaceAll(placeholder, Filter.escape(value));
}
