/** Plain view models of the training screens, shared by training-views.server.ts and the components. */

/** A requirement's editable values, as the requirement form shows them. */
export interface RequirementFormValues {
  topic: string;
  title: string;
  description: string | null;
  frequencyMonths: number;
  minimumCoveragePercent: number;
  appliesToRoles: string[];
  appliesToPartnershipIds: string[] | null;
  namesRequired: boolean;
  lockVersion?: number;
}

export interface RequirementView extends RequirementFormValues {
  id: string;
  archived: boolean;
  lockVersion: number;
}

export interface AttestationView {
  id: string;
  periodStart: string;
  periodEnd: string;
  agentsInScope: number;
  agentsTrained: number;
  coveragePercent: number;
  firstCompletionDate: string | null;
  lastCompletionDate: string | null;
  trainingProvider: string;
  passMarkPercent: number | null;
  attestingOfficerName: string;
  attestingOfficerRole: string;
  hasRoster: boolean;
  attestedAt: string;
  attestedByName: string | null;
  /** Per role, course and version: rows and distinct agents. Never names. */
  roster: { role: string; course: string; courseVersion: string | null; rows: number; agents: number }[];
  evidence: { id: string; title: string; validUntil: string | null; expiry: string }[];
}
