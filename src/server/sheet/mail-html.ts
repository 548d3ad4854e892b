// EVE mail bodies are HTML in the game client's dialect (font tags with ARGB colours,
// <br>, showinfo:/killReport: links) written by other players, so they are hostile
// input. Only plain formatting survives; links survive only as http(s); the client's
// own link schemes become their text; nothing can run script, load a resource
// (no images, no CSS beyond a plain text colour) or navigate the viewer's window.
import sanitizeHtml from "sanitize-html";

const WEB_LINK = /^https?:\/\/[^\s]+$/i;
const SAFE_COLOR = /^#[0-9a-f]{6}$/i;

/** EVE writes colours as #AARRGGBB (sometimes #RRGGBB); browsers read 8 digits as RRGGBBAA, so keep the RGB part. */
function rgbOf(color: string | undefined): string | undefined {
  const hex = color?.trim().match(/^#?([0-9a-f]{6}|[0-9a-f]{8})$/i)?.[1];
  if (!hex) return undefined;
  return `#${hex.length === 8 ? hex.slice(2) : hex}`;
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "b",
    "i",
    "u",
    "s",
    "em",
    "strong",
    "br",
    "p",
    "div",
    "span",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
    "pre",
    "code",
    "sub",
    "sup",
  ],
  allowedAttributes: { a: ["href", "rel", "target"], span: ["style"] },
  // Only a plain hex text colour: no url(), expressions or layout tricks.
  allowedStyles: { span: { color: [SAFE_COLOR] } },
  allowedSchemes: ["http", "https"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Dropped with everything inside them, not just unwrapped.
  nonTextTags: [
    "script",
    "style",
    "textarea",
    "option",
    "noscript",
    "title",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "template",
    "head",
  ],
  transformTags: {
    font: (_tag, attribs): sanitizeHtml.Tag => {
      const color = rgbOf(attribs.color);
      return { tagName: "span", attribs: color ? { style: `color:${color}` } : {} };
    },
    a: (_tag, attribs): sanitizeHtml.Tag => {
      const href = (attribs.href ?? "").trim();
      // showinfo:, killReport:, fitting:, javascript:, data: ... all become plain text.
      if (!WEB_LINK.test(href)) return { tagName: "span", attribs: {} };
      return { tagName: "a", attribs: { href, rel: "noopener noreferrer nofollow", target: "_blank" } };
    },
    // A span's own style attribute is not trusted: only colours we derived from <font> are kept.
    span: (): sanitizeHtml.Tag => ({ tagName: "span", attribs: {} }),
  },
};

/** The mail body as HTML safe to render in the viewer's page. */
export function sanitizeMailHtml(body: string | null | undefined): string {
  if (!body) return "";
  return sanitizeHtml(body, OPTIONS);
}
