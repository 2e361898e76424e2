/** What was wrong with a form's input, one line each, announced to screen readers. Nothing when empty. */
export function ErrorList({ errors, className = '', testId }: { errors: readonly string[]; className?: string; testId: string }) {
  if (errors.length === 0) return null;
  return (
    <ul role="alert" className={`text-red-700 dark:text-red-300 ${className}`} data-testid={testId}>
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}
