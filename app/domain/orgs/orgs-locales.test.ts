import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import enOrgs from "../../../public/locales/en/orgs.json";
import nlOrgs from "../../../public/locales/nl/orgs.json";
import { dataCategoryKinds, riskReasonKinds, riskTiers, serviceKinds } from "./inherent-risk";
import { resources } from "~/i18n/resources";
import { navigationFor, sectionsBySide } from "./navigation";
import { partnershipStatuses } from "./partnership-status";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );
}

const has = (tree: Tree, key: string) => {
  const plural = [key, `${key}_one`, `${key}_other`];
  const all = new Set(leaves(tree));
  return plural.some((k) => all.has(k));
};

// Every namespace, as the app bundles them: the pages also use other features' strings.
const bundles = resources as unknown as Record<"en" | "nl", Record<string, Tree>>;

describe("orgs strings", () => {
  it("has the same keys in Dutch and English", () => {
    expect(leaves(nlOrgs as Tree).sort()).toEqual(leaves(enOrgs as Tree).sort());
  });

  it("uses the same placeholders in both languages, and addresses the Dutch reader with u", () => {
    const text = (tree: Tree, key: string) => key.split(".").reduce<Tree | string>((node, part) => (node as Tree)[part], tree) as string;
    const placeholders = (value: string) => [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of leaves(enOrgs as Tree)) {
      const nl = text(nlOrgs as Tree, key);
      expect(placeholders(nl), key).toEqual(placeholders(text(enOrgs as Tree, key)));
      expect(nl, key).not.toMatch(/\b(je|jij|jou|jouw)\b/i);
    }
  });

  it("labels every service, data category, risk reason, status, tier and section in both languages", () => {
    for (const [locale, { orgs }] of Object.entries(bundles)) {
      const wanted = [
        ...serviceKinds.map((s) => `services.${s}`),
        ...dataCategoryKinds.map((c) => `dataCategories.${c}`),
        ...riskReasonKinds.map((r) => `riskReasons.${r}`),
        ...partnershipStatuses.map((s) => `status.${s}`),
        ...riskTiers.map((t) => `tier.label.${t}`),
        ...Object.entries(sectionsBySide).flatMap(([kind, sections]) => sections.map((s) => `sections.${kind}.${s}`)),
        ...partnershipStatuses.map((s) => `partnership.statusHelp.${s}`),
        ...["invited", "saved", "unchanged", "status", "resent", "revoked"].map((n) => `partnership.notices.${n}`),
      ];
      expect(wanted.filter((key) => !has(orgs, key)), locale).toEqual([]);
    }
  });

  it("has a common label for every navigation item", () => {
    const items = (["client", "vendor", "audit_firm"] as const).flatMap((kind) =>
      navigationFor({ userId: "u", organizationId: "o", organizationKind: kind, role: kind === "audit_firm" ? "lead_auditor" : "admin" }),
    );
    for (const { common } of Object.values(bundles)) {
      expect(items.filter((i) => !has(common, i.labelKey))).toEqual([]);
    }
  });

  it("defines every literal key the orgs pages and components use", () => {
    const root = path.resolve(__dirname, "../../..");
    const files = [
      ...["client", "vendor", "auditor"].flatMap((side) => [
        `app/routes/${side}.$orgId.tsx`,
        `app/routes/${side}.$orgId._index.tsx`,
        `app/routes/${side}.$orgId.$section.tsx`,
      ]),
      "app/routes/client.$orgId.partners._index.tsx",
      "app/routes/client.$orgId.partners.new.tsx",
      "app/routes/client.$orgId.partners.$partnershipId.tsx",
      "app/routes/vendor.$orgId.clients.$partnershipId.tsx",
      "app/components/side-shell.tsx",
      "app/components/partnership-badges.tsx",
      "app/components/partnership-facts.tsx",
      "app/components/partnership-register-fields.tsx",
      "app/domain/orgs/partnership-form.ts",
      "app/domain/orgs/invite-partner.server.ts",
      "app/domain/orgs/update-partnership.server.ts",
      "app/domain/orgs/change-partnership-status.server.ts",
      "app/domain/orgs/resend-partner-invitation.server.ts",
      "app/domain/orgs/revoke-partner-invitation.server.ts",
    ];
    const missing: string[] = [];
    for (const file of files) {
      const source = readFileSync(path.join(root, file), "utf8");
      // A template placeholder in a plain string is shown to the user as is.
      for (const m of source.matchAll(/\bt\(\s*"[^"]*\$\{[^"]*"/g)) missing.push(`${file}: placeholder in a plain string ${m[0]}`);
      const defaultNs = /useTranslation\(\s*(?:\[\s*)?"(\w+)"/.exec(source)?.[1] ?? "common";
      // t("key") in the file's namespace, and message keys handed to the field components, which
      // translate them in the common namespace ("validation.x") unless prefixed ("orgs:x").
      const keys = [
        ...[...source.matchAll(/\bt\(\s*"([\w:.]+)"/g)].map((m) => (m[1].includes(":") ? m[1] : `${defaultNs}:${m[1]}`)),
        ...[...source.matchAll(/"((?:validation|errors)\.[\w.]+|orgs:[\w.]+)"/g)].map((m) => (m[1].includes(":") ? m[1] : `common:${m[1]}`)),
      ];
      for (const key of new Set(keys)) {
        const [ns, name] = key.split(":");
        for (const [locale, bundle] of Object.entries(bundles)) {
          const tree = bundle[ns];
          if (!tree || !has(tree, name)) missing.push(`${locale} ${file}: ${ns}:${name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
