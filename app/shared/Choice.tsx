/** A select over `[value, label]` pairs: labelled in view (`label`), or for assistive technology only (`ariaLabel`). */
export function Choice({
  label,
  ariaLabel,
  value,
  onChange,
  options,
  className,
}: {
  label?: string;
  ariaLabel?: string;
  value: string;
  onChange(v: string): void;
  options: readonly (readonly [string, string])[];
  className: string;
}) {
  const select = (
    <select className={className} aria-label={ariaLabel} value={value} onChange={(e) => onChange(e.target.value)}>
      {options.map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
    </select>
  );
  if (label === undefined) return select;
  return (
    <label className="flex items-center gap-1">
      {label}
      {select}
    </label>
  );
}
