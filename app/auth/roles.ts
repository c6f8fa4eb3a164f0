/** The roles each side of the portal has, in order of decreasing power. */
export const rolesByKind = {
  client: ["admin", "manager", "reviewer", "viewer"],
  vendor: ["admin", "responder", "contributor", "viewer"],
  audit_firm: ["lead_auditor", "auditor"],
} as const;

export type OrganizationKind = keyof typeof rolesByKind;
export type ClientRole = (typeof rolesByKind.client)[number];
export type VendorRole = (typeof rolesByKind.vendor)[number];
export type AuditFirmRole = (typeof rolesByKind.audit_firm)[number];
export type Role = ClientRole | VendorRole | AuditFirmRole;

export const organizationKinds = Object.keys(rolesByKind) as OrganizationKind[];

export function isRoleOfKind(kind: OrganizationKind, role: string): role is Role {
  return (rolesByKind[kind] as readonly string[]).includes(role);
}

/** URL segment of each side: /client/…, /vendor/…, /auditor/… */
export const sideSegment: Record<OrganizationKind, string> = {
  client: "client",
  vendor: "vendor",
  audit_firm: "auditor",
};
