// Mail bodies come from other players: the sanitiser keeps EVE's formatting and web
// links and removes everything that could run script, load resources or hide links.
import { describe, expect, it } from "vitest";
import { sanitizeMailHtml } from "~/server/sheet/mail-html";

/** Everything that must never reach the page, whatever the input. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script|<style|<img|<iframe|<svg|<object|<embed|<form|<input|<link|<meta|<base/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/javascript:|vbscript:|data:/i);
  expect(html).not.toMatch(/url\(|expression\(/i);
}

describe("mail body sanitiser", () => {
  it("keeps EVE's formatting, turns font colours into safe RGB spans and internal links into text", () => {
    const body =
      '<font size="12" color="#bfffa600">Hi <b>pilot</b>,<br><i>fly</i> <u>safe</u></font>' +
      ' see <a href="showinfo:1377//2112000001">Alpha One</a> and <a href="killReport:123:abc">this kill</a>' +
      ' or <a href="https://www.eveonline.com/news">the news</a>';
    const html = sanitizeMailHtml(body);
    expect(html).toBe(
      '<span style="color:#ffa600">Hi <b>pilot</b>,<br /><i>fly</i> <u>safe</u></span>' +
        " see <span>Alpha One</span> and <span>this kill</span>" +
        ' or <a href="https://www.eveonline.com/news" rel="noopener noreferrer nofollow" target="_blank">the news</a>',
    );
  });

  it("drops scripts and styles with their content", () => {
    const html = sanitizeMailHtml(
      'a<script>alert(1)</script>b<style>body{display:none}</style>c<SCRIPT src="//evil"></SCRIPT>d',
    );
    expect(html).toBe("abcd");
  });

  it("drops event handlers and images", () => {
    const html = sanitizeMailHtml(
      '<img src=x onerror="alert(1)"><b onclick="alert(2)" onmouseover=alert(3)>bold</b><div onload="x()">d</div>',
    );
    expect(html).toBe("<b>bold</b><div>d</div>");
    expectInert(html);
  });

  it("neutralises javascript:, data: and obfuscated links", () => {
    const hostile = [
      '<a href="javascript:alert(1)">x</a>',
      '<a href="JaVaScRiPt:alert(1)">x</a>',
      '<a href=" javascript:alert(1)">x</a>',
      '<a href="java&#x09;script:alert(1)">x</a>',
      '<a href="&#106;avascript:alert(1)">x</a>',
      '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
      '<a href="//evil.example/">x</a>',
      '<a href="vbscript:msgbox(1)">x</a>',
      '<a href="https://ok.example/" onclick="alert(1)">x</a>',
    ];
    for (const input of hostile) {
      const html = sanitizeMailHtml(input);
      expectInert(html);
      expect(html).toMatch(
        /^<(span|a href="https:\/\/ok\.example\/" rel="noopener noreferrer nofollow" target="_blank")>x<\/(span|a)>$/,
      );
    }
  });

  it("keeps no author styles: style attributes, url() and hostile colours go", () => {
    const html = sanitizeMailHtml(
      '<span style="position:fixed;top:0;background:url(https://evil/x.png)">a</span>' +
        '<font color="red;background:url(javascript:alert(1))">b</font>' +
        '<div style="color:#ff0000">c</div><p class="admin-banner" id="login">d</p>',
    );
    expect(html).toBe("<span>a</span><span>b</span><div>c</div><p>d</p>");
    expectInert(html);
  });

  it("survives nesting and parser tricks", () => {
    const tricks = [
      "<scr<script>ipt>alert(1)</scr</script>ipt>",
      "<svg><script>alert(1)</script></svg><math><mtext><img src=x onerror=alert(1)></mtext></math>",
      '<iframe src="https://evil"></iframe><object data="x"></object><embed src="x">',
      '<a href="https://ok.example/"><img src=x onerror=alert(1)>click</a>',
      "<<b>b>x</b>",
      '<form action="https://evil"><input name=p><button>go</button></form>',
      "<!--<img src=x onerror=alert(1)>--><b>after</b>",
      '<base href="https://evil/"><meta http-equiv="refresh" content="0;url=https://evil"><link rel=stylesheet href=x>',
      "<textarea><img src=x onerror=alert(1)></textarea>",
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    ];
    for (const input of tricks) expectInert(sanitizeMailHtml(input));
    // Text that merely looks like markup stays text, escaped.
    expect(sanitizeMailHtml("<scr<script>ipt>alert(1)</scr</script>ipt>")).not.toContain("<script");
    expect(sanitizeMailHtml('<a href="https://ok.example/"><img src=x>click</a>')).toBe(
      '<a href="https://ok.example/" rel="noopener noreferrer nofollow" target="_blank">click</a>',
    );
  });

  it("escapes text and returns nothing for a missing body", () => {
    expect(sanitizeMailHtml("1 < 2 & 3 > 2")).toBe("1 &lt; 2 &amp; 3 &gt; 2");
    expect(sanitizeMailHtml(null)).toBe("");
  });
});
