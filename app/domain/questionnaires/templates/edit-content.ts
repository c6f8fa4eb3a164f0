import { DomainError } from "~/domain/errors";
import type { Condition, LocalizedText, Question, ScoringRule, Section, TemplateContent } from "../model";

/**
 * The builder's edit operations on a draft's content. Pure: each takes the content and returns
 * a new one, leaving the input untouched. They only check what they need to find their target
 * (an unknown section or question key is refused); whether the result is a valid template is
 * the schema's job, which the use case runs on the result before it saves anything.
 */

export type Direction = "up" | "down";

export type TemplateEdit =
  | { op: "setMeta"; title: LocalizedText; description?: LocalizedText; criticalCap?: number }
  | { op: "addSection"; key: string; title: LocalizedText }
  | { op: "updateSection"; sectionKey: string; key: string; title: LocalizedText; description?: LocalizedText }
  | { op: "removeSection"; sectionKey: string }
  | { op: "moveSection"; sectionKey: string; direction: Direction }
  | { op: "addQuestion"; sectionKey: string; question: Question }
  | { op: "updateQuestion"; questionKey: string; question: Question }
  | { op: "removeQuestion"; questionKey: string }
  | { op: "moveQuestion"; questionKey: string; direction: Direction }
  | { op: "moveQuestionToSection"; questionKey: string; sectionKey: string }
  | { op: "setSectionCondition"; sectionKey: string; condition: Condition | null }
  | { op: "setQuestionCondition"; questionKey: string; condition: Condition | null }
  | { op: "setScoring"; questionKey: string; scoring: ScoringRule | null };

export const unknownSection = "questionnaires:builder.errors.unknownSection";
export const unknownQuestion = "questionnaires:builder.errors.unknownQuestion";
export const lastSection = "questionnaires:builder.errors.lastSection";
export const lastQuestion = "questionnaires:builder.errors.lastQuestion";

const clone = <T>(value: T): T => structuredClone(value);

function sectionIndex(content: TemplateContent, key: string): number {
  const index = content.sections.findIndex((section) => section.key === key);
  if (index < 0) throw new DomainError("invalid_input", unknownSection, { key });
  return index;
}

function questionPosition(content: TemplateContent, key: string): { s: number; q: number } {
  for (let s = 0; s < content.sections.length; s++) {
    const q = content.sections[s].questions.findIndex((question) => question.key === key);
    if (q >= 0) return { s, q };
  }
  throw new DomainError("invalid_input", unknownQuestion, { key });
}

function swap<T>(items: T[], a: number, b: number) {
  [items[a], items[b]] = [items[b], items[a]];
}

/** A new question for a new section, so that the section is never empty; edited afterwards. */
export function starterQuestion(key: string): Question {
  return {
    key,
    type: "yes_no",
    text: { nl: "Nieuwe vraag", en: "New question" },
    required: true,
    weight: 1,
    critical: false,
    scoring: { kind: "yes_no", compliantAnswer: "yes" },
  };
}

/** Minimal valid content for a blank template. */
export function blankContent(title: LocalizedText): TemplateContent {
  return {
    title,
    sections: [{ key: "general", title: { nl: "Algemeen", en: "General" }, questions: [starterQuestion("general.question_1")] }],
  };
}

/** Applies one edit; throws DomainError("invalid_input") when its target does not exist. */
export function applyEdit(input: TemplateContent, edit: TemplateEdit): TemplateContent {
  const content = clone(input);
  switch (edit.op) {
    case "setMeta": {
      const { sections } = content;
      const next: TemplateContent = { title: edit.title, sections };
      if (edit.description) next.description = edit.description;
      if (edit.criticalCap !== undefined) next.criticalCap = edit.criticalCap;
      return next;
    }
    case "addSection": {
      const section: Section = { key: edit.key, title: edit.title, questions: [starterQuestion(`${edit.key}.question_1`)] };
      content.sections.push(section);
      return content;
    }
    case "updateSection": {
      const s = sectionIndex(content, edit.sectionKey);
      const { description: _old, ...rest } = content.sections[s];
      const next: Section = { ...rest, key: edit.key, title: edit.title };
      if (edit.description) next.description = edit.description;
      content.sections[s] = next;
      return content;
    }
    case "removeSection": {
      const s = sectionIndex(content, edit.sectionKey);
      if (content.sections.length === 1) throw new DomainError("invalid_input", lastSection);
      content.sections.splice(s, 1);
      return content;
    }
    case "moveSection": {
      const s = sectionIndex(content, edit.sectionKey);
      const to = edit.direction === "up" ? s - 1 : s + 1;
      if (to >= 0 && to < content.sections.length) swap(content.sections, s, to);
      return content;
    }
    case "addQuestion": {
      const s = sectionIndex(content, edit.sectionKey);
      content.sections[s].questions.push(clone(edit.question));
      return content;
    }
    case "updateQuestion": {
      const { s, q } = questionPosition(content, edit.questionKey);
      content.sections[s].questions[q] = clone(edit.question);
      return content;
    }
    case "removeQuestion": {
      const { s, q } = questionPosition(content, edit.questionKey);
      if (content.sections[s].questions.length === 1) throw new DomainError("invalid_input", lastQuestion);
      content.sections[s].questions.splice(q, 1);
      return content;
    }
    case "moveQuestion":
      return moveQuestion(content, edit.questionKey, edit.direction);
    case "moveQuestionToSection": {
      const { s, q } = questionPosition(content, edit.questionKey);
      const target = sectionIndex(content, edit.sectionKey);
      if (target === s) return content;
      if (content.sections[s].questions.length === 1) throw new DomainError("invalid_input", lastQuestion);
      const [question] = content.sections[s].questions.splice(q, 1);
      content.sections[target].questions.push(question);
      return content;
    }
    case "setSectionCondition": {
      const s = sectionIndex(content, edit.sectionKey);
      if (edit.condition) content.sections[s].showWhen = clone(edit.condition);
      else delete content.sections[s].showWhen;
      return content;
    }
    case "setQuestionCondition": {
      const { s, q } = questionPosition(content, edit.questionKey);
      if (edit.condition) content.sections[s].questions[q].showWhen = clone(edit.condition);
      else delete content.sections[s].questions[q].showWhen;
      return content;
    }
    case "setScoring": {
      const { s, q } = questionPosition(content, edit.questionKey);
      const question = content.sections[s].questions[q] as { scoring?: ScoringRule };
      if (edit.scoring) question.scoring = clone(edit.scoring);
      else delete question.scoring;
      return content;
    }
  }
}

/**
 * Moves a question one place; at the edge of its section it crosses into the neighbouring
 * section (last place of the one above, first of the one below). A section is never emptied.
 */
function moveQuestion(content: TemplateContent, key: string, direction: Direction): TemplateContent {
  const { s, q } = questionPosition(content, key);
  const questions = content.sections[s].questions;
  const to = direction === "up" ? q - 1 : q + 1;
  if (to >= 0 && to < questions.length) {
    swap(questions, q, to);
    return content;
  }
  const neighbour = direction === "up" ? s - 1 : s + 1;
  if (neighbour < 0 || neighbour >= content.sections.length) return content;
  if (questions.length === 1) throw new DomainError("invalid_input", lastQuestion);
  const [question] = questions.splice(q, 1);
  if (direction === "up") content.sections[neighbour].questions.push(question);
  else content.sections[neighbour].questions.unshift(question);
  return content;
}
