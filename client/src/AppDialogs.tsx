// The modal dialogs of the app (one open at a time): site import, basin matrix, report, deleted
// sites, users and tokens.

import type { Site } from '../../shared/api.js';
import { AdminDialog } from './components/AdminDialog.js';
import { DeletedSites } from './components/DeletedSites.js';
import { ImportDialog } from './components/ImportDialog.js';
import { MatrixView } from './components/MatrixView.js';
import { ReportView } from './components/ReportView.js';
import type { Api } from './lib/api.js';
import type { BasinChoice } from './lib/basins.js';
import type { ReleaseParams } from './lib/release.js';
import { reportParamsFrom } from './lib/report.js';

export type OpenDialog =
  | { kind: 'import' }
  | { kind: 'matrix' }
  | { kind: 'report'; siteId: string }
  | { kind: 'deleted' }
  | { kind: 'admin' };

interface Props {
  dialog: OpenDialog | null;
  api: Api;
  basins: BasinChoice[];
  basinId: number | undefined;
  release: ReleaseParams | null;
  onClose(): void;
  /** The register changed (an import landed, a site was restored): lists and map reload. */
  onRegisterChanged(): void;
  onRestored(site: Site): void;
}

export function AppDialogs({
  dialog,
  api,
  basins,
  basinId,
  release,
  onClose,
  onRegisterChanged,
  onRestored,
}: Props) {
  switch (dialog?.kind) {
    case 'report':
      return <ReportView siteId={dialog.siteId} initial={reportParamsFrom(release)} onClose={onClose} />;
    case 'matrix':
      return <MatrixView basins={basins} initialBasinId={basinId} onClose={onClose} />;
    case 'deleted':
      return (
        <DeletedSites
          api={api}
          onClose={onClose}
          onRestored={(x) => {
            onClose();
            onRegisterChanged();
            onRestored(x);
          }}
        />
      );
    case 'admin':
      return <AdminDialog api={api} onClose={onClose} />;
    case 'import':
      return (
        <ImportDialog
          api={api}
          onClose={(imported) => {
            onClose();
            if (imported) onRegisterChanged();
          }}
        />
      );
    default:
      return null;
  }
}
