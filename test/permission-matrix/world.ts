import type { Executor } from "#db/client.server";
import { rolesByKind, type OrganizationKind, type Role } from "~/auth/roles";
import { addMembership, createOrganization, createPartnership, createUser } from "../factories/index";
import { sessionCookieFor } from "../helpers";

/**
 * Two tenants of every kind, a member of every role in the "own" ones, and a partnership per
 * client. Enough to ask every route: own vs foreign, every role of every side.
 */
export interface MatrixWorld {
  orgs: Record<OrganizationKind, { own: string; foreign: string }>;
  /** Cookie of a member with each role, in the "own" organization of its side. */
  cookies: Record<OrganizationKind, Partial<Record<Role, string>>>;
  /** A user with no membership at all. */
  loneCookie: string;
  /** A fresh session of that user, for routes that end the session they are called with. */
  newLoneCookie: () => Promise<string>;
  partnerships: { own: string; foreign: string };
}

export async function buildMatrixWorld(executor: Executor): Promise<MatrixWorld> {
  const kinds = Object.keys(rolesByKind) as OrganizationKind[];
  const orgs = {} as MatrixWorld["orgs"];
  const cookies = {} as MatrixWorld["cookies"];
  for (const kind of kinds) {
    const own = await createOrganization(executor, kind);
    const foreign = await createOrganization(executor, kind);
    orgs[kind] = { own: own.id, foreign: foreign.id };
    cookies[kind] = {};
    for (const role of rolesByKind[kind]) {
      const user = await createUser(executor, { password: null });
      await addMembership(executor, user.id, own.id, role);
      // The foreign tenant has members too, so "foreign" is never merely "empty".
      const other = await createUser(executor, { password: null });
      await addMembership(executor, other.id, foreign.id, role);
      cookies[kind][role] = await sessionCookieFor(user.id);
    }
  }
  const own = await createPartnership(executor, orgs.client.own, orgs.vendor.own);
  const foreign = await createPartnership(executor, orgs.client.foreign, orgs.vendor.foreign);
  const lone = await createUser(executor, { password: null });
  return {
    orgs,
    cookies,
    loneCookie: await sessionCookieFor(lone.id),
    newLoneCookie: () => sessionCookieFor(lone.id),
    partnerships: { own: own.id, foreign: foreign.id },
  };
}
