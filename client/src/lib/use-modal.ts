// A <dialog> shown modally once mounted: showModal traps focus, makes the page behind inert and closes
// on Esc (firing the dialog's close event, where the owner unmounts it).
import { useEffect, useRef } from 'react';

export function useModal() {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return dialog;
}
