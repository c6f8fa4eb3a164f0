/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />
import type { PortalLoadContext } from "./server/app";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext extends PortalLoadContext {}
}

export {};
