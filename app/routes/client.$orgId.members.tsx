import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { MembersPage } from "~/components/members-page";
import { membersAction, membersLoader } from "~/domain/accounts/members.server";

export const loader = (args: LoaderFunctionArgs) => membersLoader(args, "client");
export const action = (args: ActionFunctionArgs) => membersAction(args, "client");

export default MembersPage;
