import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "~/utils/http.server";

/** Any unknown address: the 404 page, in the visitor's language, via the root error boundary. */
export async function loader(_: LoaderFunctionArgs) {
  notFound();
}

export async function action() {
  notFound();
}

export default function NotFound() {
  return null;
}
