import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { invitePartnerSchema } from "~/domain/orgs/partnership-form";
import { createI18nInstance } from "~/i18n/i18n.server";
import { PartnershipRegisterFields, type RegisterFields } from "./partnership-register-fields";

/** Server-renders the fields as the invite page does after a refused submission. */
async function render(body: Record<string, string | string[]>, locale: "nl" | "en" = "nl") {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) for (const v of [value].flat()) form.append(key, v);
  const lastResult = parseWithZod(form, { schema: invitePartnerSchema }).reply();
  function Harness() {
    const [, fields] = useForm({ id: "t", lastResult });
    return <PartnershipRegisterFields fields={fields as unknown as RegisterFields} />;
  }
  const i18n = await createI18nInstance(locale);
  return renderToString(
    <I18nextProvider i18n={i18n}>
      <Harness />
    </I18nextProvider>,
  );
}

describe("PartnershipRegisterFields", () => {
  it("renders a refused form again with what was typed, errors on the right site row, and the suggestion", async () => {
    const html = await render({
      vendorDisplayName: "Zuid Contact",
      services: "outbound",
      "sites[0].name": "Tanger",
      "sites[0].city": "Tanger",
      "sites[0].country": "MA",
      // A sparse row list: row 7 filled, the ones before it left out.
      "sites[7].name": "Alleen een naam",
      agentHeadcount: "12",
    });
    expect(html).toContain('value="Zuid Contact"');
    expect(html).toContain('value="Tanger"');
    expect(html).toContain('name="sites[7].name"');
    expect(html).toContain('value="Alleen een naam"');
    expect(html).toMatch(/id="[^"]*-7-city-error"/);
    expect(html).toContain("Voorstel: Klasse 1 · hoog risico");
    expect(html).toContain("doorgifte");
    expect(html).toContain(`<input type="checkbox" name="services" checked="" value="outbound"/>`);
  });

  it("offers five empty site rows on a fresh form, in English too", async () => {
    const html = await render({}, "en");
    expect(html.match(/name="sites\[\d+\]\.name"/g)).toHaveLength(5);
    expect(html).toContain("Suggested: Tier 3 · low risk");
  });
});
