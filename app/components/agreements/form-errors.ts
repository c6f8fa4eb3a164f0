/** Field errors of a conform reply as i18n keys; bare keys live in the common namespace. */
export function fieldErrorsOf(actionData: unknown): (name: string) => string[] | undefined {
  const data = actionData as { result?: { error?: Record<string, string[] | null> } } | undefined;
  const errors = data?.result?.error ?? {};
  return (name) => errors[name]?.map((e) => (e.includes(":") ? e : `common:${e}`));
}

/** A domain refusal shown above a form: its i18n key and params. */
export function formErrorOf(actionData: unknown): { key: string; params: Record<string, string | number> } | null {
  const data = actionData as { formError?: { key: string; params: Record<string, string | number> } } | undefined;
  return data?.formError ?? null;
}
