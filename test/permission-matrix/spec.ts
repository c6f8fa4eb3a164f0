import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { OrganizationKind, Role } from "~/auth/roles";
import type { MatrixWorld } from "./world";

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<unknown>;

/**
 * One row of the permission matrix: a route file and how to call it. The harness derives every
 * case from it: each role of each side, own vs foreign tenant, signed out.
 */
export type RouteSpec =
  | {
      /** The file under app/routes, without extension. */
      file: string;
      kind: "tenant";
      /** The side whose URL this is (/client/:orgId/…, /vendor/:orgId/…, /auditor/:orgId/…). */
      side: OrganizationKind;
      method: "GET" | "POST";
      handler: Handler;
      /** Roles of `side` that may use it; the others get 403. */
      allowed: readonly Role[];
      /**
       * Route params and path for an organization id; `scope` says whether nested ids (a
       * partnership, say) should be the own tenant's or another tenant's.
       */
      request: (world: MatrixWorld, orgId: string, scope: "own" | "foreign") => {
        path: string;
        params: Record<string, string>;
        form?: Record<string, string | string[]>;
      };
      /** Whether the route has ids below the organization that could belong to someone else. */
      hasNestedIds?: boolean;
    }
  | {
      file: string;
      /** public: anyone; user: any signed-in user, whatever their organizations. */
      kind: "public" | "user";
      method: "GET" | "POST";
      handler: Handler;
      request: (world: MatrixWorld) => { path: string; params?: Record<string, string>; form?: Record<string, string | string[]> };
      /** Expected status for a signed-in user and for a visitor. */
      expect: { signedIn: number; anonymous: number };
    };
