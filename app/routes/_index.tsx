import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { db } from "#db/client.server";
import { findMembershipsOfUser } from "#db/queries/memberships";
import { getUserById } from "#db/queries/users";
import { requireSession } from "~/auth/guards.server";
import { sideSegment } from "~/auth/roles";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "~/components/ui/layout";

/** "/" sends a signed-in user to the organization they last worked in. */
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request);
  const memberships = await findMembershipsOfUser(db(), session.user.id);
  const user = await getUserById(db(), session.user.id);
  const target = memberships.find((m) => m.organizationId === user?.lastOrganizationId) ?? memberships[0];
  if (target) throw redirect(`/${sideSegment[target.organizationKind]}/${target.organizationId}`);
  return null;
}

export default function Home() {
  const { t } = useTranslation("orgs");
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12">
      <EmptyState title={t("noOrganizations.title")}>
        <p>{t("noOrganizations.body")}</p>
        <Link className="mt-4 inline-block text-brand-700 underline" to="/profile">
          {t("noOrganizations.profile")}
        </Link>
      </EmptyState>
    </main>
  );
}
