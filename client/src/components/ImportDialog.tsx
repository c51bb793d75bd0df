// Site import: GeoJSON/CSV/KML in any listed CRS, dry run first (the shared ImportFileDialog), a CSV
// template to start from; the commit of a file with bad rows stores the valid ones (skipInvalid).
import { useTranslation } from 'react-i18next';
import type { Api } from '../lib/api.js';
import { ImportFileDialog, type ImportFormat } from './ImportFileDialog.js';

interface Props {
  api: Api;
  onClose(imported: boolean): void;
}

const FORMATS: readonly ImportFormat[] = [
  { value: 'geojson', label: 'GeoJSON', ext: ['.geojson', '.json'] },
  { value: 'csv', label: 'CSV', ext: ['.csv'] },
  { value: 'kml', label: 'KML', ext: ['.kml'] },
  { value: 'kmz', label: 'KMZ', ext: ['.kmz'] },
  { value: 'gpkg', label: 'GeoPackage', ext: ['.gpkg'] },
  { value: 'shp', label: 'Shapefile (.zip)', ext: ['.zip'] },
];

export function ImportDialog({ api, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <ImportFileDialog
      idPrefix="import"
      title={t('import.title')}
      fileLabel={t('import.file')}
      formats={FORMATS}
      run={(file, opts) => api.importSites(file, file.name, opts)}
      commitLabel={(r) => t('import.commit', { count: r.accepted })}
      committedText={(r) => t('import.committed', { accepted: r.ids.length, rejected: r.rejected })}
      templateHref="/api/sites/import/template.csv"
      onClose={onClose}
    />
  );
}
