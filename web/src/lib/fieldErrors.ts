/** The API's per-field messages (`extensions.fields`) by field name, without the `input.` prefix, for a form to show beside each field. */
export function fieldErrorsOf(error: { extensions?: Record<string, unknown> } | undefined): Record<string, string> {
  const fields = (error?.extensions?.fields as { field: string; message: string }[] | undefined) ?? [];
  return Object.fromEntries(fields.map((f) => [f.field.replace(/^input\./, ''), f.message]));
}
