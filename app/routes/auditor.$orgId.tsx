import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/auth/guards.server";
import { SideShell } from "~/components/side-shell";
import { sideShell } from "~/domain/orgs/navigation";
import { rememberLastOrganization } from "~/domain/orgs/remember-organization.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.organization.name} · Compliance Portal` : "Compliance Portal" },
];

/**
 * The frame of the audit_firm side: organization, role and the navigation the role may see. It
 * protects nothing by itself (loaders run in parallel); every child route runs its own guard.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, organizationName } = await requireActor(request, params.orgId, "audit_firm", "organization.view");
  await rememberLastOrganization(actor.userId, actor.organizationId);
  return sideShell(actor, organizationName);
}

export default function AuditorLayout() {
  const data = useLoaderData<typeof loader>();
  return (
    <SideShell data={data}>
      <Outlet />
    </SideShell>
  );
}
