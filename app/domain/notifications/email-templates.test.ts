import { describe, expect, it } from "vitest";
import { translator } from "~/i18n/i18n.server";
import { renderEmail } from "./email-templates";

describe("renderEmail", () => {
  it("writes in the recipient's language, with the link in text and HTML", async () => {
    const email = {
      template: "magic_link",
      params: { link: "http://portal.test/sign-in/link/abc?x=<b>", minutes: 15 },
    } as const;
    const nl = renderEmail(await translator("nl"), email);
    const en = renderEmail(await translator("en"), email);
    expect(nl.subject).toBe("Uw aanmeldlink voor de Compliance Portal");
    expect(en.subject).toBe("Your sign-in link for the Compliance Portal");
    expect(nl.text).toContain("verloopt over 15 minuten");
    expect(en.text).toContain("http://portal.test/sign-in/link/abc?x=<b>");
    // Values are escaped in HTML, never injected as markup.
    expect(en.html).toContain("x=&lt;b&gt;");
    expect(en.html).not.toContain("x=<b>");
  });

  it("escapes names that contain markup", async () => {
    const html = renderEmail(await translator("en"), {
      template: "partner_invitation",
      params: { clientName: "<script>x</script>", inviterName: "Anna", link: "http://portal.test/i/1", expiresAt: "1 Dec" },
    }).html;
    expect(html).not.toContain("<script>");
  });
});
