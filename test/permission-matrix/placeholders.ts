import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

type HandlerArgs = LoaderFunctionArgs | ActionFunctionArgs;

/**
 * Specs whose routes have ids below the organization put a placeholder in the path and params
 * (the matrix world holds no such rows); the handler wrapper makes the row on first use and
 * calls the route with the real id in its place, in the URL and in the params alike.
 */
export async function withRealId(args: HandlerArgs, param: string, placeholder: string, id: string): Promise<HandlerArgs> {
  const request = new Request(args.request.url.replace(placeholder, id), {
    method: args.request.method,
    headers: args.request.headers,
    body: args.request.method === "GET" ? undefined : await args.request.text(),
  });
  return { ...args, request, params: { ...args.params, [param]: id } };
}
