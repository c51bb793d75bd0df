// Russian labels of the contract's codes, shown by the client and (lower-cased) in server reports.
import type { CodeLabels } from './types.js';

export const codeLabelsRu: CodeLabels = {
  kind: { hazardous_activity: 'Опасная деятельность', tmf: 'Хвостохранилище' },
  sector: {
    chemical: 'Химическая',
    oil_gas_storage: 'Хранение нефти и газа',
    pipeline: 'Трубопровод',
    refinery: 'Нефтепереработка',
    mining_metallurgy: 'Горнодобывающая и металлургия',
    fertiliser: 'Удобрения',
    energy: 'Энергетика',
    waste: 'Отходы',
    other: 'Прочее',
  },
  status: {
    operating: 'Действует',
    temporarily_closed: 'Временно закрыт',
    closed: 'Закрыт',
    abandoned: 'Заброшен',
  },
  damRaise: {
    upstream: 'Вверх по течению',
    downstream: 'Вниз по течению',
    centreline: 'По осевой линии',
    other: 'Прочее',
  },
  floodExposure: { low: 'Низкая', medium: 'Средняя', high: 'Высокая' },
  seismicExposure: { low: 'Низкая', moderate: 'Умеренная', high: 'Высокая', very_high: 'Очень высокая' },
  toxic: {
    cyanide: 'Цианиды',
    arsenic: 'Мышьяк',
    mercury: 'Ртуть',
    radionuclides: 'Радионуклиды',
    heavy_metals: 'Тяжёлые металлы',
    acid_generating: 'Кислотообразующие',
    alkaline_red_mud: 'Щелочной красный шлам',
    salts: 'Соли',
    inert: 'Инертные',
  },
  receptorKind: {
    water_intake: 'Водозабор',
    school: 'Школа',
    hospital: 'Больница',
    protected_area: 'Охраняемая территория',
    flood_zone: 'Зона затопления',
    settlement: 'Населённый пункт',
    other: 'Другой рецептор',
  },
  outletKind: { sea: 'Море', terminal_lake: 'Бессточное озеро', inland_sink: 'Внутренний сток' },
  crossingKind: {
    crossing: 'Пересечение',
    stretch_start: 'Начало пограничного участка',
    stretch_end: 'Конец пограничного участка',
  },
};
