import { describe, expect, it } from "vitest";
import * as vendorHome from "~/routes/vendor.$orgId._index";
import { createAgreement } from "../factories/agreements";
import { createOrganization, createPartnership } from "../factories/index";
import { createTrainingRequirement } from "../factories/training";
import { db, getRequest } from "../helpers";
import { call, person, type Handler } from "./requests-helpers";

type Todo = { kind: string; clientName: string; title: string; status?: string; href: string };

describe("the vendor's to-do list across features", () => {
  it("lists an agreement to sign and a missing training attestation, for those who can act on them", async () => {
    const client = await createOrganization(db(), "client", { name: "Waterschap Test" });
    const vendor = await createOrganization(db(), "vendor");
    const partnership = await createPartnership(db(), client.id, vendor.id, { status: "active" });
    const agreement = await createAgreement(db(), partnership.id);
    await createTrainingRequirement(db(), client.id, { title: "Phishing awareness", topic: "custom" });
    const home = (cookie: string) => call(vendorHome.loader as Handler, getRequest(`/vendor/${vendor.id}`, cookie), { orgId: vendor.id });

    const admin = await person(vendor.id, "admin");
    const todos = ((await home(admin.cookie)).body as { otherTodos: Todo[] }).otherTodos;
    expect(todos).toEqual(
      expect.arrayContaining([
        { kind: "agreement_to_sign", clientName: "Waterschap Test", title: "Test agreement", href: `/vendor/${vendor.id}/agreements/${agreement.id}` },
        expect.objectContaining({ kind: "training", clientName: "Waterschap Test", title: "Phishing awareness", topic: "custom", status: "missing" }),
      ]),
    );
    expect(todos).toHaveLength(2);

    // A viewer can act on neither.
    const viewer = await person(vendor.id, "viewer");
    expect(((await home(viewer.cookie)).body as { otherTodos: Todo[] }).otherTodos).toEqual([]);
  });
});
