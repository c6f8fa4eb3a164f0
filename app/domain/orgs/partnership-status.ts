/**
 * The life of a partnership. "invited" becomes "active" only when the vendor accepts (the
 * acceptance use case does that); the client moves it between active and suspended, and ends it.
 * Ended is final: a renewed relationship is a new partnership with its own history.
 */
export const partnershipStatuses = ["invited", "active", "suspended", "ended"] as const;
export type PartnershipStatus = (typeof partnershipStatuses)[number];

const transitions: Record<PartnershipStatus, readonly PartnershipStatus[]> = {
  invited: ["ended"],
  active: ["suspended", "ended"],
  suspended: ["active", "ended"],
  ended: [],
};

export function isPartnershipStatus(value: unknown): value is PartnershipStatus {
  return typeof value === "string" && (partnershipStatuses as readonly string[]).includes(value);
}

/** The statuses the client may move a partnership to from `from`. */
export function nextStatuses(from: PartnershipStatus): readonly PartnershipStatus[] {
  return transitions[from];
}

export function canChangeStatus(from: PartnershipStatus, to: PartnershipStatus): boolean {
  return transitions[from].includes(to);
}

/** Whether the register fields may still be edited. */
export function isEditable(status: PartnershipStatus): boolean {
  return status !== "ended";
}
