import { useState } from 'react';

/** Shows the API's per-field refusals beside a form's fields (`field` renders a labelled input with its message). */
export function useFieldErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const field = (name: string, caption: string, props: Record<string, unknown> = {}) => (
    <label>
      {caption}
      <input name={name} required {...props} {...(errors[name] ? { 'aria-invalid': true, 'aria-describedby': `${name}-error` } : {})} />
      {errors[name] && <span className="error" id={`${name}-error`}>{errors[name]}</span>}
    </label>
  );
  return { errors, setErrors, field };
}
