import type { SelectHTMLAttributes } from "react";

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  /** A first, empty choice ("Choose…") for a field that has no sensible default. */
  placeholder?: string;
  errors?: string[];
  hint?: string;
};

/**
 * A labelled <select> whose errors sit next to it and are announced. Uncontrolled: a form that uses it
 * with useActionState keys itself on the returned values, because React resets a form after its action
 * and a <select> only takes a new defaultValue when it mounts.
 */
export function SelectField({ label, name, options, placeholder, errors, hint, id, ...select }: SelectFieldProps) {
  const selectId = id ?? name;
  const errorId = `${selectId}-error`;
  const hintId = `${selectId}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={selectId} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {hint ? <p id={hintId} className="text-sm text-slate-600">{hint}</p> : null}
      <select
        id={selectId}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="block w-full max-w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-[invalid=true]:border-red-700"
        {...select}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <p id={errorId} aria-live="polite" className="text-sm text-red-700">
        {errors?.join(" ")}
      </p>
    </div>
  );
}
