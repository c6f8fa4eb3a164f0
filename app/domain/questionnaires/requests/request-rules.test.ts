import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import enEmails from "../../../../public/locales/en/emails.json";
import enRequests from "../../../../public/locales/en/requests.json";
import nlEmails from "../../../../public/locales/nl/emails.json";
import nlRequests from "../../../../public/locales/nl/requests.json";
import { fixtureTemplate, inboundContext } from "../test-fixtures";
import { countedAnswers, isEditable, progressOf, todayInAmsterdam, type RequestStatus } from "./request-rules";

const answer = (reviewState: "pending" | "accepted" | "rejected" | "clarification_requested", value: unknown = "x", isConfirmed = true) => ({
  value,
  isConfirmed,
  reviewState,
});

describe("isEditable", () => {
  it.each([
    ["sent", undefined, true],
    ["in_progress", answer("pending"), true],
    ["submitted", answer("pending"), false],
    ["accepted", answer("accepted"), false],
    ["cancelled", undefined, false],
    // Returned: only flagged answers reopen, and questions still without an answer.
    ["returned", answer("accepted"), false],
    ["returned", answer("pending"), false],
    ["returned", answer("rejected"), true],
    ["returned", answer("clarification_requested"), true],
    ["returned", undefined, true],
    ["returned", answer("pending", null), true],
    ["returned", answer("pending", "x", false), true],
  ] as const)("%s with %j: %s", (status, stored, expected) => {
    expect(isEditable(status as RequestStatus, stored)).toBe(expected);
  });
});

describe("countedAnswers and progress", () => {
  it("leaves unconfirmed prefills out: they are offers, not answers", () => {
    const stored = [
      { questionKey: "a", value: 1, isConfirmed: true, reviewState: "pending" as const },
      { questionKey: "b", value: 2, isConfirmed: false, reviewState: "pending" as const },
    ];
    expect(countedAnswers(stored)).toEqual({ a: 1 });
  });

  it("counts answered visible questions only", () => {
    const empty = progressOf(fixtureTemplate, {}, inboundContext);
    expect(empty.answered).toBe(0);
    expect(empty.total).toBeGreaterThan(0);
    expect(empty.percent).toBe(0);
  });
});

describe("todayInAmsterdam", () => {
  it("uses the Dutch calendar day, not UTC's", () => {
    expect(todayInAmsterdam(new Date("2025-06-30T22:30:00Z"))).toBe("2025-07-01");
    expect(todayInAmsterdam(new Date("2025-01-01T22:59:00Z"))).toBe("2025-01-01");
  });
});

type Tree = { [key: string]: string | string[] | Tree };
const leaves = (tree: Tree, prefix = ""): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" || Array.isArray(value) ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`),
  );
const has = (tree: Tree, key: string) => {
  const all = new Set(leaves(tree));
  return [key, `${key}_one`, `${key}_other`].some((k) => all.has(k));
};

describe("request strings", () => {
  it("has the same keys in Dutch and English, and speaks to the Dutch reader with u", () => {
    expect(leaves(nlRequests as Tree).sort()).toEqual(leaves(enRequests as Tree).sort());
    expect(JSON.stringify(nlRequests)).not.toMatch(/\b(je|jij|jou|jouw)\b/i);
    expect(Object.keys(nlEmails.questionnaire_sent).sort()).toEqual(Object.keys(enEmails.questionnaire_sent).sort());
  });

  it("defines every requests: key the request code uses", () => {
    const root = path.resolve(__dirname, "../../../..");
    const files = [
      ...readdirSync(__dirname).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).map((f) => path.join(__dirname, f)),
      ...readdirSync(path.join(root, "app/routes")).filter((f) => f.includes("questionnaires")).map((f) => path.join(root, "app/routes", f)),
      ...readdirSync(path.join(root, "app/components")).filter((f) => f.startsWith("questionnaire-")).map((f) => path.join(root, "app/components", f)),
    ];
    const missing: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      for (const [, key] of source.matchAll(/"requests:([\w.]+)"/g)) {
        for (const [locale, tree] of Object.entries({ en: enRequests, nl: nlRequests })) {
          if (!has(tree as Tree, key)) missing.push(`${locale} ${path.basename(file)}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
