import type { ReactNode } from 'react';

export interface ActionFormProps {
  /** The form's accessible name ("Write reviewer workbooks"). */
  label: string;
  /** What submitting does (Enter in a field, or the submit button). */
  onSubmit: () => Promise<void> | void;
  children: ReactNode;
}

/** A labelled form whose submit runs one action instead of navigating. */
export function ActionForm({ label, onSubmit, children }: ActionFormProps) {
  return (
    <form
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}
