// The heading row every side panel and dialog opens with (title and a labelled close button), and the
// alert line that shows the server's message.
import { type ReactNode, type Ref, useEffect, useRef } from 'react';

// When the user last pressed a key or a pointer: a panel that opens within a moment of it was opened
// by the user (the control that did it may already be gone, e.g. a map mode's hint).
let lastActionMs = Number.NEGATIVE_INFINITY;
if (typeof window !== 'undefined') {
  const note = () => {
    lastActionMs = performance.now();
  };
  window.addEventListener('keydown', note, true);
  window.addEventListener('pointerdown', note, true);
}
const userActedRecently = () => performance.now() - lastActionMs < 1500;

interface HeadProps {
  id: string;
  title: ReactNode;
  closeLabel: string;
  onClose(): void;
  /** For panels that move the keyboard focus to their heading when they open. */
  headingRef?: Ref<HTMLHeadingElement>;
}

export function PanelHead({ id, title, closeLabel, onClose, headingRef }: HeadProps) {
  const own = useRef<HTMLHeadingElement>(null);
  // A panel the user opens takes the focus, so the keyboard carries on inside it; a panel restored
  // from a link at load leaves the focus alone.
  useEffect(() => {
    if (!headingRef && userActedRecently()) own.current?.focus();
  }, [headingRef]);
  return (
    <div className="panel-head">
      <h2 id={id} ref={headingRef ?? own} tabIndex={-1}>
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
