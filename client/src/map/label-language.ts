// Map labels in the UI language: the server's style marks its name labels (metadata "hazatlas:name");
// their text becomes the feature's Russian or English name where the tiles carry one, else its own name.
// Natural Earth tiles carry name/name_ru; OpenMapTiles and Protomaps tiles name:ru, name:en, name_en.
import type {
  ExpressionSpecification,
  LayerSpecification,
  Map as MlMap,
  StyleSpecification,
} from 'maplibre-gl';

export function nameField(lang: string): ExpressionSpecification {
  return lang.startsWith('ru')
    ? ['coalesce', ['get', 'name_ru'], ['get', 'name:ru'], ['get', 'name']]
    : ['coalesce', ['get', 'name:en'], ['get', 'name_en'], ['get', 'name']];
}

const isNameLabel = (l: LayerSpecification): boolean =>
  l.type === 'symbol' && (l.metadata as Record<string, unknown> | undefined)?.['hazatlas:name'] === true;

export function localizeLabels(style: StyleSpecification, lang: string): StyleSpecification {
  const field = nameField(lang);
  return {
    ...style,
    layers: style.layers.map((l) =>
      isNameLabel(l) && l.type === 'symbol' ? { ...l, layout: { ...l.layout, 'text-field': field } } : l,
    ),
  };
}

/** Switches the name labels of a loaded map to `lang`. */
export function setLabelLanguage(map: MlMap, lang: string): void {
  const field = nameField(lang);
  for (const l of map.getStyle().layers) if (isNameLabel(l)) map.setLayoutProperty(l.id, 'text-field', field);
}
