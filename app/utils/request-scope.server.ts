import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Values computed once per HTTP request and shared by the loaders that Remix runs for it (root,
 * layout, page each get their own Request object, so the Request cannot be the key). The HTTP
 * server opens a scope per request; outside one (tests, scripts) nothing is shared.
 */
const holder = globalThis as typeof globalThis & { __portalRequestScope?: AsyncLocalStorage<Map<string, unknown>> };
// On globalThis: the launcher and the Remix bundle each load this module once.
const scope = (holder.__portalRequestScope ??= new AsyncLocalStorage<Map<string, unknown>>());

export function runInRequestScope<T>(run: () => T): T {
  return scope.run(new Map(), run);
}

export function memoizeInRequest<T>(key: string, compute: () => T): T {
  const store = scope.getStore();
  if (!store) return compute();
  if (!store.has(key)) store.set(key, compute());
  return store.get(key) as T;
}
