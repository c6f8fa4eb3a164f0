/** Rules of the partner invitation that both the server and the pages need. Pure. */

/** How long a partner invitation link stays valid. */
export const PARTNER_INVITATION_DAYS = 14;

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + PARTNER_INVITATION_DAYS * 24 * 60 * 60 * 1000);
}

/** The link the invited contact person follows; the acceptance page lives at /invitations/:token. */
export const invitationLink = (appUrl: string, token: string) => `${appUrl}/invitations/${token}`;
