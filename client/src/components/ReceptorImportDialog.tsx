// Receptor layer import (GeoJSON, CSV or KML, any listed CRS, a kind for rows that name none): dry run
// first; the commit stores the valid rows and skips the bad ones the dry run listed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCode, RECEPTOR_KINDS, type ReceptorKind } from '../../../shared/codes.js';
import type { Api } from '../lib/api.js';
import { ImportFileDialog, type ImportFormat } from './ImportFileDialog.js';

const FORMATS: readonly ImportFormat[] = [
  { value: 'geojson', label: 'GeoJSON', ext: ['.geojson', '.json'] },
  { value: 'csv', label: 'CSV', ext: ['.csv'] },
  { value: 'kml', label: 'KML', ext: ['.kml'] },
  { value: 'gpkg', label: 'GeoPackage', ext: ['.gpkg'] },
];

interface Props {
  api: Api;
  onClose(imported: boolean): void;
}

export function ReceptorImportDialog({ api, onClose }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ReceptorKind | ''>('');
  return (
    <ImportFileDialog
      idPrefix="receptor-import"
      title={t('receptors.importTitle')}
      fileLabel={t('receptors.importFile')}
      formats={FORMATS}
      run={(file, o) =>
        api.importReceptors(file, file.name, {
          format: o.format === 'csv' || o.format === 'kml' ? o.format : 'geojson',
          crs: o.crs,
          kind: kind || undefined,
          dryRun: o.dryRun,
          skipInvalid: o.skipInvalid,
        })
      }
      commitLabel={(r) => t('receptors.commit', { count: r.accepted })}
      committedText={(r) => t('receptors.committed', { accepted: r.ids.length, rejected: r.rejected })}
      resetKey={kind}
      onClose={onClose}
    >
      <div className="field">
        <label htmlFor="receptor-import-kind">{t('receptors.defaultKind')}</label>
        <select
          id="receptor-import-kind"
          value={kind}
          onChange={(e) => setKind(isCode(RECEPTOR_KINDS, e.target.value) ? e.target.value : '')}
        >
          <option value="">{t('receptors.kindFromFile')}</option>
          {RECEPTOR_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`receptors.kinds.${k}`)}
            </option>
          ))}
        </select>
        <p className="muted small">{t('receptors.importHint')}</p>
      </div>
    </ImportFileDialog>
  );
}
