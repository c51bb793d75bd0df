// The heading row every side panel and dialog opens with (title and a labelled close button), and the
// alert line that shows the server's message.
import type { ReactNode, Ref } from 'react';

interface HeadProps {
  id: string;
  title: ReactNode;
  closeLabel: string;
  onClose(): void;
  /** For panels that move the keyboard focus to their heading when they open. */
  headingRef?: Ref<HTMLHeadingElement>;
}

export function PanelHead({ id, title, closeLabel, onClose, headingRef }: HeadProps) {
  return (
    <div className="panel-head">
      <h2 id={id} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
        {title}
      </h2>
      <button type="button" className="close" onClick={onClose} aria-label={closeLabel}>
        ×
      </button>
    </div>
  );
}

/** An error announced to screen readers; nothing when there is none. */
export function ErrorNote({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="error" role="alert">
      {message}
    </p>
  ) : null;
}
