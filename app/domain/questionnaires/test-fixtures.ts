import fc from "fast-check";
import { dataCategoryKinds, serviceKinds } from "~/domain/orgs/inherent-risk";
import type { Answers } from "./answers";
import { addDays, type IsoDate } from "~/utils/calendar-date";
import type { QuestionnaireContext } from "./conditions";
import { questionsOf, type Question, type TemplateContent } from "./model";
import { reviewStates, type Reviews } from "./scoring";

/**
 * Shared test material (imported by the *.test.ts files only): a small template that uses every
 * question type, rule and condition, contexts, and fast-check arbitraries for answers.
 */

export const TODAY: IsoDate = "2025-06-15";

export { addDays };

export function contextWith(partnership: Partial<QuestionnaireContext["partnership"]> = {}): QuestionnaireContext {
  return { partnership: { services: ["inbound"], dataCategories: [], riskTier: 2, countries: ["NL"], ...partnership } };
}
export const inboundContext = contextWith();
export const outboundContext = contextWith({ services: ["inbound", "outbound"] });

const text = (en: string) => ({ nl: `NL ${en}`, en });

/** Every type once, weights chosen so hand calculations stay easy. */
export const fixtureTemplate: TemplateContent = {
  title: text("Fixture"),
  criticalCap: 40,
  sections: [
    {
      key: "basics",
      title: text("Basics"),
      questions: [
        {
          key: "b.policy",
          type: "yes_no",
          text: text("Policy?"),
          required: true,
          weight: 4,
          critical: false,
          allowPartly: true,
          allowNotApplicable: true,
          scoring: { kind: "yes_no", compliantAnswer: "yes" },
        },
        {
          key: "b.fined",
          type: "yes_no",
          text: text("Fined?"),
          required: true,
          weight: 2,
          critical: false,
          scoring: { kind: "yes_no", compliantAnswer: "no" },
        },
        {
          key: "b.tier",
          type: "single_choice",
          text: text("Tier?"),
          required: true,
          weight: 2,
          critical: false,
          options: [
            { value: "gold", label: text("Gold"), credit: 1 },
            { value: "silver", label: text("Silver"), credit: 0.5 },
            { value: "none", label: text("None") },
          ],
          scoring: { kind: "option_credit" },
        },
        {
          key: "b.controls",
          type: "multiple_choice",
          text: text("Controls?"),
          required: true,
          weight: 2,
          critical: false,
          maxSelections: 3,
          options: [
            { value: "x", label: text("X"), credit: 0.5 },
            { value: "y", label: text("Y"), credit: 0.5 },
            { value: "z", label: text("Z"), credit: 0.25 },
            { value: "none", label: text("None"), exclusive: true },
          ],
          scoring: { kind: "option_credit", combine: "sum" },
        },
        {
          key: "b.percent",
          type: "number",
          text: text("Percent?"),
          required: true,
          weight: 2,
          critical: false,
          min: 0,
          max: 100,
          scoring: { kind: "thresholds", direction: "at_least", thresholds: [{ value: 90, credit: 1 }, { value: 75, credit: 0.5 }] },
        },
        {
          key: "b.hours",
          type: "number",
          text: text("Hours?"),
          required: false,
          weight: 2,
          critical: false,
          integer: true,
          min: 0,
          scoring: { kind: "thresholds", direction: "at_most", thresholds: [{ value: 24, credit: 1 }, { value: 48, credit: 0.5 }] },
        },
        {
          key: "b.tested",
          type: "date",
          text: text("Tested on?"),
          required: true,
          weight: 2,
          critical: false,
          scoring: { kind: "max_age", months: 12 },
        },
        { key: "b.notes", type: "text", text: text("Notes?"), required: false, weight: 0, critical: false, maxLength: 20 },
        {
          key: "b.contact",
          type: "text",
          text: text("Contact?"),
          required: false,
          weight: 2,
          critical: false,
          scoring: { kind: "non_empty" },
        },
        {
          key: "b.cert",
          type: "evidence",
          text: text("Certificate?"),
          required: true,
          weight: 2,
          critical: false,
          minFiles: 1,
          maxFiles: 2,
          requireValidUntil: true,
          scoring: { kind: "evidence_present" },
        },
      ],
    },
    {
      key: "outbound",
      title: text("Outbound"),
      showWhen: { kind: "context", field: "partnership.services", op: "includes", value: "outbound" },
      questions: [
        {
          key: "o.optin",
          type: "yes_no",
          text: text("Opt-in?"),
          required: true,
          weight: 5,
          critical: true,
          scoring: { kind: "yes_no", compliantAnswer: "yes" },
        },
      ],
    },
    {
      key: "transfers",
      title: text("Transfers"),
      questions: [
        { key: "t.outside", type: "yes_no", text: text("Outside EEA?"), required: true, weight: 0, critical: false },
        {
          key: "t.mechanism",
          type: "single_choice",
          text: text("Mechanism?"),
          required: true,
          weight: 5,
          critical: true,
          showWhen: { kind: "answer", question: "t.outside", op: "equals", value: "yes" },
          options: [
            { value: "scc", label: text("SCC"), credit: 1 },
            { value: "none", label: text("None"), credit: 0 },
          ],
          scoring: { kind: "option_credit" },
        },
        {
          key: "t.tia",
          type: "evidence",
          text: text("TIA?"),
          required: true,
          weight: 2,
          critical: false,
          minFiles: 1,
          maxFiles: 1,
          requireValidUntil: false,
          showWhen: { kind: "answer", question: "t.mechanism", op: "equals", value: "scc" },
          scoring: { kind: "evidence_present" },
        },
      ],
    },
  ],
};

/** Answers that earn full credit on every fixture question shown in an outbound partnership. */
export const compliantFixtureAnswers: Answers = {
  "b.policy": { choice: "yes" },
  "b.fined": { choice: "no" },
  "b.tier": "gold",
  "b.controls": ["x", "y"],
  "b.percent": 95,
  "b.hours": 4,
  "b.tested": "2025-01-01",
  "b.contact": "security@vendor.example",
  "b.cert": { files: [{ fileId: "f1", validUntil: "2026-01-01" }] },
  "o.optin": { choice: "yes" },
  "t.outside": { choice: "yes" },
  "t.mechanism": "scc",
  "t.tia": { files: [{ fileId: "f2" }] },
};

// ---------------------------------------------------------------------------------------------
// fast-check arbitraries

/** A value that earns full credit for a scored question (and is valid for an unscored one). */
export function compliantValue(question: Question, today: IsoDate): unknown {
  switch (question.type) {
    case "yes_no":
      return { choice: question.scoring?.compliantAnswer ?? "yes" };
    case "single_choice": {
      const best = [...question.options].sort((a, b) => (b.credit ?? 0) - (a.credit ?? 0))[0];
      return best.value;
    }
    case "multiple_choice": {
      const positive = question.options.filter((option) => (option.credit ?? 0) > 0 && !option.exclusive);
      if (question.scoring?.combine === "min") return [positive.find((option) => option.credit === 1)!.value];
      return positive.slice(0, question.maxSelections ?? positive.length).map((option) => option.value);
    }
    case "number": {
      const rule = question.scoring;
      if (!rule) return question.min ?? 0;
      const full = rule.thresholds.filter((threshold) => threshold.credit === 1).map((threshold) => threshold.value);
      return rule.direction === "at_least" ? Math.min(...full) : Math.max(...full);
    }
    case "date":
      return today;
    case "text":
      return "answered";
    case "evidence":
      return { files: Array.from({ length: question.minFiles }, (_, i) => ({ fileId: `ok-${i}`, validUntil: addDays(today, 365) })) };
  }
}

const junk = fc.constantFrom<unknown>(42, "zzz", { choice: "maybe" }, [1, 2], true, { files: "nope" }, -1e9);

/** Mostly well-formed values of the question's type, sometimes out of bounds, rarely junk. */
export function arbitraryValue(question: Question, today: IsoDate): fc.Arbitrary<unknown> {
  const valid = ((): fc.Arbitrary<unknown> => {
    switch (question.type) {
      case "yes_no": {
        const choices = ["yes", "no", ...(question.allowPartly ? ["partly"] : []), ...(question.allowNotApplicable ? ["not_applicable"] : [])];
        return fc.constantFrom(...choices).map((choice) => (choice === "not_applicable" ? { choice, reason: "n.v.t." } : { choice }));
      }
      case "single_choice":
        return fc.constantFrom(...question.options.map((option) => option.value));
      case "multiple_choice": {
        const plain = question.options.filter((option) => !option.exclusive).map((option) => option.value);
        const exclusive = question.options.filter((option) => option.exclusive).map((option) => [option.value]);
        return exclusive.length > 0
          ? fc.oneof(fc.subarray(plain, { minLength: 1 }), fc.constantFrom(...exclusive))
          : fc.subarray(plain, { minLength: 1 });
      }
      case "number": {
        const min = question.min ?? -1000;
        const max = question.max ?? 1000;
        return question.integer
          ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
          : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      }
      case "date":
        return fc.integer({ min: -900, max: question.allowFuture ? 400 : 0 }).map((days) => addDays(today, days));
      case "text":
        return fc.string({ maxLength: 30 });
      case "evidence":
        return fc
          .array(fc.integer({ min: -400, max: 800 }), { minLength: question.minFiles, maxLength: question.maxFiles })
          .map((offsets) => ({ files: offsets.map((days, i) => ({ fileId: `file-${i}`, validUntil: addDays(today, days) })) }));
    }
  })();
  return fc.oneof({ arbitrary: valid, weight: 8 }, { arbitrary: junk, weight: 1 });
}

/** Answers to a random subset of the version's questions (hidden ones included). */
export function arbitraryAnswers(content: TemplateContent, today: IsoDate = TODAY): fc.Arbitrary<Record<string, unknown>> {
  const questions = questionsOf(content).map(({ question }) => question);
  return fc
    .tuple(...questions.map((question) => fc.option(arbitraryValue(question, today), { nil: undefined, freq: 3 })))
    .map((values) => Object.fromEntries(questions.flatMap((question, i) => (values[i] === undefined ? [] : [[question.key, values[i]]]))));
}

export function arbitraryReviews(content: TemplateContent): fc.Arbitrary<Reviews> {
  const keys = questionsOf(content).map(({ question }) => question.key);
  return fc
    .tuple(...keys.map(() => fc.option(fc.constantFrom(...reviewStates), { nil: undefined, freq: 2 })))
    .map((states) => Object.fromEntries(keys.flatMap((key, i) => (states[i] ? [[key, states[i]]] : []))));
}

export const arbitraryContext: fc.Arbitrary<QuestionnaireContext> = fc.record({
  partnership: fc.record({
    services: fc.subarray([...serviceKinds]),
    dataCategories: fc.subarray([...dataCategoryKinds]),
    riskTier: fc.constantFrom(1, 2, 3),
    countries: fc.subarray(["NL", "BE", "SR", "US", "ZA"]),
  }),
});
