import { useState } from 'react';

/**
 * The API's per-field refusals (`extensions.fields`) beside a form's fields: `message(name)` is the refusal of one
 * field, with the id its input's `aria-describedby` names; `field` renders a labelled input with its message.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const message = (name: string) => errors[name] && <span className="error" id={`${name}-error`}>{errors[name]}</span>;
  const field = (name: string, caption: string, props: Record<string, unknown> = {}) => (
    <label>
      {caption}
      <input name={name} required {...props} {...(errors[name] ? { 'aria-invalid': true, 'aria-describedby': `${name}-error` } : {})} />
      {message(name)}
    </label>
  );
  return { errors, setErrors, message, field };
}
