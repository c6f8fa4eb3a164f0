import * as index from "~/routes/_index";
import * as splat from "~/routes/$";
import * as setLanguage from "~/routes/set-language";
import * as signIn from "~/routes/sign-in";
import * as signOut from "~/routes/sign-out";
import type { RouteSpec } from "../spec";

export const specs: RouteSpec[] = [
  { file: "_index", kind: "user", method: "GET", handler: index.loader, request: () => ({ path: "/" }), expect: { signedIn: 200, anonymous: 302 } },
  { file: "$", kind: "public", method: "GET", handler: splat.loader, request: () => ({ path: "/nowhere" }), expect: { signedIn: 404, anonymous: 404 } },
  { file: "sign-in", kind: "public", method: "GET", handler: signIn.loader, request: () => ({ path: "/sign-in" }), expect: { signedIn: 302, anonymous: 200 } },
  { file: "sign-out", kind: "public", method: "POST", handler: signOut.action, request: () => ({ path: "/sign-out" }), expect: { signedIn: 302, anonymous: 302 } },
  {
    file: "set-language",
    kind: "public",
    method: "POST",
    handler: setLanguage.action,
    request: () => ({ path: "/set-language", form: { locale: "nl", redirectTo: "/" } }),
    expect: { signedIn: 302, anonymous: 302 },
  },
];
