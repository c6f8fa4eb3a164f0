import { z } from "zod";
import { COMMENT_MAX, MESSAGE_MAX } from "./request-rules";

/**
 * The forms of the request screens, shared by the routes and their tests. Format checks only;
 * the use cases decide everything that needs the database (ownership, status, the version).
 */

const required = { required_error: "validation.required", invalid_type_error: "validation.required" };
const uuid = z.string(required).uuid("validation.invalidChoice");

export const sendSchema = z.object({
  templateVersionId: uuid,
  partnershipIds: z.array(uuid, required).min(1, "requests:errors.noPartnerships"),
  dueDate: z.string(required).regex(/^\d{4}-\d{2}-\d{2}$/, "requests:errors.dueDateInvalid"),
  message: z.string().max(MESSAGE_MAX, "requests:errors.messageTooLong").optional(),
});

const version = z.coerce.number({ invalid_type_error: "validation.number" }).int().min(0);
const questionKey = z.string(required).min(1).max(200);

/** The vendor's answering screen. `value` is JSON, so every type keeps its shape. */
export const vendorIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), questionKey, version, value: z.string().max(100_000).default("null") }),
  z.object({ intent: z.literal("confirm"), questionKey, version }),
  z.object({ intent: z.literal("submit") }),
]);

/** The client's review screen. */
export const clientIntentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("review"),
    questionKey,
    verdict: z.enum(["accepted", "rejected", "clarification_requested"]),
    comment: z.string().max(COMMENT_MAX, "requests:errors.commentTooLong").optional(),
    raiseFinding: z.literal("on").optional(),
  }),
  z.object({ intent: z.literal("return"), version }),
  z.object({ intent: z.literal("accept"), version }),
]);

/** Parses the JSON of an answer; anything unreadable is a wrong type, not a crash. */
export function parseAnswerValue(raw: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false };
  }
}

// Shared with the browser: a route builds its schema from these at module level, so they must
// not live in *.server.ts files (the browser bundle gets those empty).

/** The "comment" intent of both request screens. The length rules are the use case's. */
export const commentIntentSchema = z.object({
  intent: z.literal("comment"),
  questionKey: z.string({ required_error: "validation.required" }).min(1).max(200),
  body: z.string().max(100_000).optional(),
});

/** The "assign" intent of the vendor's screen; an empty assignee removes the assignment. */
export const assignIntentSchema = z.object({
  intent: z.literal("assign"),
  sectionKey: z.string({ required_error: "validation.required" }).min(1).max(200),
  assigneeUserId: z.string().uuid("validation.invalidChoice").optional(),
});
