import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { MembersPage } from "~/components/members-page";
import { membersAction, membersLoader } from "~/domain/accounts/members.server";

export const loader = (args: LoaderFunctionArgs) => membersLoader(args, "audit_firm");
export const action = (args: ActionFunctionArgs) => membersAction(args, "audit_firm");

export default MembersPage;
