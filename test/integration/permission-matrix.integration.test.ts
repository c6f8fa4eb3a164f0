/// <reference types="vite/client" />
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { rolesByKind, type OrganizationKind } from "~/auth/roles";
import { getRequest, postRequest, statusOf, testContext } from "../helpers";
import type { RouteSpec } from "../permission-matrix/spec";
import { buildMatrixWorld, type MatrixWorld } from "../permission-matrix/world";

const specModules = import.meta.glob<{ specs: RouteSpec[] }>("../permission-matrix/specs/*.ts", { eager: true });
const specs = Object.values(specModules).flatMap((m) => m.specs);

const routeFiles = readdirSync(path.resolve(__dirname, "../../app/routes"))
  .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f))
  .map((f) => f.replace(/\.tsx?$/, ""));

let world: MatrixWorld;
beforeAll(async () => {
  world = await buildMatrixWorld(db());
});

function call(spec: RouteSpec, cookie: string | undefined, target: { path: string; params?: Record<string, string>; form?: Record<string, string | string[]> }) {
  const request = spec.method === "GET" ? getRequest(target.path, cookie) : postRequest(target.path, target.form ?? {}, cookie);
  return statusOf(() => spec.handler({ request, params: target.params ?? {}, context: testContext }));
}

const isAllowedStatus = (status: number) => status !== 403 && status !== 404 && status < 500;

describe("permission matrix", () => {
  it("covers every route file", () => {
    const covered = new Set(specs.map((s) => s.file));
    expect(routeFiles.filter((f) => !covered.has(f)), "add a RouteSpec in test/permission-matrix/specs").toEqual([]);
  });

  for (const spec of specs) {
    describe(`${spec.method} ${spec.file}`, () => {
      if (spec.kind !== "tenant") {
        it(`answers ${spec.expect.signedIn} signed in and ${spec.expect.anonymous} signed out`, async () => {
          expect(await call(spec, await world.newLoneCookie(), spec.request(world))).toBe(spec.expect.signedIn);
          expect(await call(spec, undefined, spec.request(world))).toBe(spec.expect.anonymous);
        });
        return;
      }
      it("sends a visitor who is not signed in to the sign-in page", async () => {
        expect(await call(spec, undefined, spec.request(world, world.orgs[spec.side].own, "own"))).toBe(302);
      });
      it("hides the route from a user with no membership (404)", async () => {
        expect(await call(spec, world.loneCookie, spec.request(world, world.orgs[spec.side].own, "own"))).toBe(404);
      });
      for (const kind of Object.keys(rolesByKind) as OrganizationKind[]) {
        for (const role of rolesByKind[kind]) {
          const who = `${kind} ${role}`;
          if (kind === spec.side) {
            const allowed = spec.allowed.includes(role);
            it(`${who}, own tenant: ${allowed ? "allowed" : "403"}`, async () => {
              const status = await call(spec, world.cookies[kind][role], spec.request(world, world.orgs[kind].own, "own"));
              if (allowed) expect(isAllowedStatus(status), `status ${status}`).toBe(true);
              else expect(status).toBe(403);
            });
            it(`${who}, foreign tenant: 404`, async () => {
              const status = await call(spec, world.cookies[kind][role], spec.request(world, world.orgs[kind].foreign, "foreign"));
              expect(status).toBe(404);
            });
            if (spec.hasNestedIds && allowed) {
              it(`${who}, own tenant with a foreign tenant's nested id: 404`, async () => {
                const own = spec.request(world, world.orgs[kind].own, "own");
                const foreign = spec.request(world, world.orgs[kind].own, "foreign");
                expect(foreign.path).not.toBe(own.path);
                expect(await call(spec, world.cookies[kind][role], foreign)).toBe(404);
              });
            }
          } else {
            it(`${who} using their own organization id in a ${spec.side} URL: 404`, async () => {
              const status = await call(spec, world.cookies[kind][role], spec.request(world, world.orgs[kind].own, "own"));
              expect(status).toBe(404);
            });
          }
        }
      }
    });
  }
});
