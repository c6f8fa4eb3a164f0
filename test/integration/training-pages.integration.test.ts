import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import * as clientHistory from "~/routes/client.$orgId.training.$requirementId_.$partnershipId";
import * as clientRequirement from "~/routes/client.$orgId.training.$requirementId";
import * as clientList from "~/routes/client.$orgId.training._index";
import * as clientNew from "~/routes/client.$orgId.training.new";
import * as vendorAttest from "~/routes/vendor.$orgId.training.$partnershipId.$requirementId";
import * as vendorList from "~/routes/vendor.$orgId.training._index";
import { createI18nInstance } from "~/i18n/i18n.server";
import { todayInDisplayZone } from "~/utils/dates";
import { addDays } from "~/utils/calendar-date";
import { createStoredEvidence } from "../factories/evidence";
import { createOrganization, createPartnership } from "../factories/index";
import { createTrainingAttestation, createTrainingRequirement } from "../factories/training";
import { db, getRequest, TEST_ORIGIN } from "../helpers";
import { call, person, type Handler } from "./requests-helpers";

/**
 * Each training page, rendered on the server with what its loader really returns, in both
 * languages: it renders without throwing, shows its data and leaves no i18n key untranslated.
 */
async function renderPage(Component: ComponentType, data: unknown, path: string, locale: "nl" | "en") {
  const routes = [{ id: "page", path: "*", loader: () => data as object, Component }];
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(`${TEST_ORIGIN}${path}`));
  if (context instanceof Response) throw new Error("unexpected response");
  const router = createStaticRouter(handler.dataRoutes, context);
  const i18n = await createI18nInstance(locale);
  // createElement rather than JSX: the test files under test/ are plain .ts.
  return renderToString(createElement(I18nextProvider, { i18n }, createElement(StaticRouterProvider, { router, context, hydrate: false })));
}

const untranslated = /(training|common):[a-zA-Z]|\b(fields|status|history|vendor\.attest|client\.list)\.[a-zA-Z]/;

describe("training pages", () => {
  it("render for both sides in both languages", async () => {
    const today = todayInDisplayZone();
    const client = await createOrganization(db(), "client");
    const vendor = await createOrganization(db(), "vendor", { name: "KlantContact Render" });
    const partnership = await createPartnership(db(), client.id, vendor.id, { vendorDisplayName: "KlantContact Render" });
    const requirement = await createTrainingRequirement(db(), client.id, { description: "Uitleg bij de eis" });
    await createTrainingRequirement(db(), client.id, { topic: "custom", title: "Eigen script", archivedAt: new Date() });
    const evidence = await createStoredEvidence(db(), vendor.id, { title: "Trainingscertificaat", validUntil: addDays(today, 200) });
    await createTrainingAttestation(db(), partnership.id, requirement.id, { firstCompletionDate: addDays(today, -30), lastCompletionDate: addDays(today, -3), periodEnd: addDays(today, -2) }, [
      { agentRef: "A-1", role: "agent", course: "AVG basics", courseVersion: "2026.1", completionDate: addDays(today, -3), scorePercent: 90 },
    ]);
    const admin = await person(client.id, "admin");
    const vendorAdmin = await person(vendor.id, "admin");
    const base = `/client/${client.id}/training`;
    const vbase = `/vendor/${vendor.id}/training`;

    const pages: [string, ComponentType, Handler, string, Record<string, string>, string, string[]][] = [
      ["client list", clientList.default, clientList.loader as Handler, base, { orgId: client.id }, admin.cookie, ["KlantContact Render", "97"]],
      ["client new", clientNew.default, clientNew.loader as Handler, `${base}/new`, { orgId: client.id }, admin.cookie, ["KlantContact Render"]],
      ["client requirement", clientRequirement.default, clientRequirement.loader as Handler, `${base}/${requirement.id}`, { orgId: client.id, requirementId: requirement.id }, admin.cookie, ["Uitleg bij de eis"]],
      [
        "client history",
        clientHistory.default,
        clientHistory.loader as Handler,
        `${base}/${requirement.id}/${partnership.id}`,
        { orgId: client.id, requirementId: requirement.id, partnershipId: partnership.id },
        admin.cookie,
        ["KlantContact Render", "Test Academy", "AVG basics"],
      ],
      ["vendor list", vendorList.default, vendorList.loader as Handler, vbase, { orgId: vendor.id }, vendorAdmin.cookie, ["97"]],
      [
        "vendor attest",
        vendorAttest.default,
        vendorAttest.loader as Handler,
        `${vbase}/${partnership.id}/${requirement.id}`,
        { orgId: vendor.id, partnershipId: partnership.id, requirementId: requirement.id },
        vendorAdmin.cookie,
        ["Trainingscertificaat", "roster-template.csv", 'name="roster"', 'encType="multipart/form-data"'.toLowerCase()],
      ],
    ];
    for (const [name, Component, loader, path, params, cookie, expected] of pages) {
      const loaded = await call(loader, getRequest(path, cookie), params);
      expect(loaded.status, name).toBe(200);
      for (const locale of ["nl", "en"] as const) {
        const html = await renderPage(Component, loaded.body, path, locale);
        for (const text of expected) expect(html.toLowerCase(), `${name} (${locale}) shows ${text}`).toContain(text.toLowerCase());
        expect(html, `${name} (${locale})`).not.toMatch(untranslated);
      }
    }
    expect(evidence.evidenceId).toBeTruthy();
  });
});
