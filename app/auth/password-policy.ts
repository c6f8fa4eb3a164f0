/**
 * NIST SP 800-63B style: length over composition rules, and no password that is the e-mail or
 * a well-known one. Returns i18n keys of what is wrong.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON = new Set([
  "123456789012",
  "password1234",
  "wachtwoord12",
  "wachtwoord123",
  "qwertyuiop12",
  "welkom123456",
  "passwordpassword",
  "iloveyou1234",
  "111111111111",
  "aaaaaaaaaaaa",
  "letmein12345",
  "admin1234567",
]);

export function passwordProblems(password: string, context: { email?: string } = {}): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push("validation.passwordTooShort");
  if (password.length > PASSWORD_MAX_LENGTH) problems.push("validation.passwordTooLong");
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || new Set(lower).size <= 2) problems.push("validation.passwordTooCommon");
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) problems.push("validation.passwordContainsEmail");
  return problems;
}
