import { randomUUID } from "node:crypto";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { enqueueEmail } from "~/domain/notifications/enqueue-email.server";
import { loader as messageLoader, TextWithLinks } from "~/routes/dev.mailbox.$id";
import { loader as listLoader } from "~/routes/dev.mailbox";
import { overrideEnv } from "~/utils/env.server";
import { db, getRequest, statusOf, testContext } from "../helpers";

async function enqueueMagicLink() {
  const to = `mailbox-${randomUUID().slice(0, 8)}@example.test`;
  const link = `http://portal.test/sign-in/link/${randomUUID()}`;
  const id = await enqueueEmail(db(), to, "en", { template: "magic_link", params: { link, minutes: 15 } });
  return { id, to, link };
}

const list = () => listLoader({ request: getRequest("/dev/mailbox"), params: {}, context: testContext });
const open = (id: string) => messageLoader({ request: getRequest(`/dev/mailbox/${id}`), params: { id }, context: testContext });

describe("development mailbox", () => {
  it("lists the latest e-mails without signing in", async () => {
    const mail = await enqueueMagicLink();
    const { emails } = await list();
    expect(emails.length).toBeLessThanOrEqual(100);
    expect(emails.find((e) => e.id === mail.id)).toMatchObject({
      to: mail.to,
      subject: "Your sign-in link for the Compliance Portal",
      template: "magic_link",
      status: "pending",
    });
  });

  it("shows one e-mail with its headers and text body", async () => {
    const mail = await enqueueMagicLink();
    const { email } = await open(mail.id);
    expect(email).toMatchObject({ to: mail.to, template: "magic_link", locale: "en", status: "pending" });
    expect(email.textBody).toContain(mail.link);
  });

  it("answers 404 for an unknown or malformed id", async () => {
    expect(await statusOf(() => open(randomUUID()))).toBe(404);
    expect(await statusOf(() => open("../../etc/passwd"))).toBe(404);
  });

  it("is switched off (404) once an SMTP server is configured", async () => {
    const mail = await enqueueMagicLink();
    overrideEnv({ SMTP_URL: "smtp://mail.example.test:2525" });
    try {
      expect(await statusOf(list)).toBe(404);
      expect(await statusOf(() => open(mail.id))).toBe(404);
    } finally {
      overrideEnv({ SMTP_URL: undefined });
    }
    expect(await statusOf(list)).toBe(200);
  });

  it("renders addresses in the text as links and everything else as text", () => {
    const html = renderToStaticMarkup(
      createElement(TextWithLinks, { text: "Accept: http://portal.test/invitations/abc.\n<b>not bold</b> javascript:alert(1)" }),
    );
    expect(html).toContain('<a href="http://portal.test/invitations/abc"');
    expect(html).toContain(">http://portal.test/invitations/abc</a>.");
    expect(html).toContain("&lt;b&gt;not bold&lt;/b&gt;");
    expect(html).not.toContain('href="javascript');
  });
});
