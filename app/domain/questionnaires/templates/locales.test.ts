import { describe, expect, it } from "vitest";
import en from "../../../../public/locales/en/questionnaires.json";
import nl from "../../../../public/locales/nl/questionnaires.json";
import { allValidationMessageKeys } from "../messages";
import { questionTypes, yesNoChoices } from "../model";
import { scoreReasons } from "../scoring";
import { lastQuestion, lastSection, unknownQuestion, unknownSection } from "./edit-content";
import { importMessages } from "./import-file.server";
import { transferMessages } from "./json-transfer";
import { invalidBoolean, invalidJson, invalidNumber } from "./question-row";
import { templateErrors } from "./templates.server";
import { xlsxMessages } from "./xlsx-transfer.server";

type Tree = { [key: string]: string | Tree };
function leaves(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === "string" ? [`${prefix}${key}`] : leaves(value, `${prefix}${key}.`)));
}
const has = (tree: Tree, key: string) => {
  const path = key.replace(/^questionnaires:/, "");
  const all = leaves(tree);
  return all.includes(path) || all.includes(`${path}_one`);
};

describe("questionnaires locale files", () => {
  it("have the same keys in Dutch and English", () => {
    expect(leaves(nl as Tree).sort()).toEqual(leaves(en as Tree).sort());
  });

  it("translate every key the validators, importers and use cases emit", () => {
    const keys = [
      ...allValidationMessageKeys,
      ...Object.values(transferMessages),
      ...Object.values(xlsxMessages),
      ...Object.values(importMessages),
      ...Object.values(templateErrors),
      invalidJson,
      invalidBoolean,
      invalidNumber,
      unknownSection,
      unknownQuestion,
      lastSection,
      lastQuestion,
      ...questionTypes.map((type) => `types.${type}`),
      ...yesNoChoices.map((choice) => `choices.${choice}`),
      ...scoreReasons.map((reason) => `reasons.${reason}`),
      ...["pending", "accepted", "rejected", "clarification_requested"].map((state) => `reviewStates.${state}`),
    ];
    for (const tree of [en, nl] as Tree[]) expect(keys.filter((key) => !has(tree, key))).toEqual([]);
  });
});
