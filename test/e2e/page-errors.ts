import { afterEach, expect } from "vitest";
import { pageErrors } from "./browser";

// Any uncaught error in a page (a crash before hydration, say) fails the test that caused it.
afterEach(() => {
  const seen = pageErrors.splice(0);
  expect(seen, "uncaught errors in the browser").toEqual([]);
});
