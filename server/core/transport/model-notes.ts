// The model's assumptions in words, returned with every release result so that a reader of the
// numbers sees what they rest on.
import {
  BOUND_DISPERSION_FACTOR,
  BOUND_VELOCITY_FACTOR,
  LAKE_VELOCITY_FACTOR,
  VELOCITY_COEF,
  VELOCITY_EXP,
  WIDTH_COEF,
} from './hydraulics.js';
import { LEADING_EDGE_TO_PEAK, NEAR_FIELD_KM } from './plume.js';

export const MODEL_ASSUMPTIONS: string[] = [
  'Instantaneous release, mixed over the river cross-section; 1-D advection–dispersion along the main path, reach by reach: C = M/(A·√(4πDt))·exp(−(x−Ut)²/(4Dt) − kt) on a uniform reach.',
  `Hydraulic geometry from mean discharge Q (m³/s): U = ${VELOCITY_COEF}·Q^${VELOCITY_EXP} m/s, W = ${WIDTH_COEF}·Q^0.5 m, A = Q/U, h = A/W (Leopold & Maddock form, calibrated to ≈ 1.1 m/s on the lower Danube and 0.3–0.6 m/s on small rivers).`,
  'Longitudinal dispersion by Fischer: D = 0.011·U²W²/(h·u*), shear velocity u* = 0.1·U, clamped to 0.5–5,000 m²/s.',
  `Lakes and reservoirs (Natural Earth lake centerlines): velocity and Fischer dispersion × ${LAKE_VELOCITY_FACTOR}; the slow passage spreads the slug in time and lowers its peak.`,
  `Most probable: mean velocity and Fischer dispersion. Bound (maximum probable): velocity × ${BOUND_VELOCITY_FACTOR}, dispersion × ${BOUND_DISPERSION_FACTOR} — earlier arrival and higher peak (cf. Jobson 1996, USGS WRIR 96-4013, maximum probable velocity).`,
  `Peak concentration M·e^(−kT)/(Q·√(2π)·σt) with σt² = Σ 2·D·Δx/U³; evaluated no nearer than ${NEAR_FIELD_KM} km from the release (near field not modelled).`,
  `Leading edge at ${LEADING_EDGE_TO_PEAK}·Tpeak, the average ratio in Jobson's (1996) tracer data (the Gaussian's Tpeak − 3σt runs unphysically early near the source).`,
  'Discharge: mean annual values from data/discharge.json interpolated in km along each river; size-class defaults by Natural Earth scalerank where the table has none; where the table says flow falls (abstraction) the pollutant leaves with the water. Branches and distributary outlets are evaluated with the main path’s hydraulics at the same km (a split divides flow, not concentration).',
];

/** The same assumptions in Russian, item for item (the UI and reports in Russian show these). */
export const MODEL_ASSUMPTIONS_RU: string[] = [
  'Мгновенный выброс, перемешанный по живому сечению реки; одномерная адвекция–дисперсия вдоль основного пути, участок за участком: C = M/(A·√(4πDt))·exp(−(x−Ut)²/(4Dt) − kt) на однородном участке.',
  `Гидравлическая геометрия по среднему расходу Q (м³/с): U = ${VELOCITY_COEF}·Q^${VELOCITY_EXP} м/с, W = ${WIDTH_COEF}·Q^0.5 м, A = Q/U, h = A/W (вид Леопольда и Маддока, откалиброван на ≈ 1,1 м/с на нижнем Дунае и 0,3–0,6 м/с на малых реках).`,
  'Продольная дисперсия по Фишеру: D = 0.011·U²W²/(h·u*), динамическая скорость u* = 0.1·U, в пределах 0,5–5 000 м²/с.',
  `Озёра и водохранилища (осевые линии озёр Natural Earth): скорость и дисперсия по Фишеру × ${LAKE_VELOCITY_FACTOR}; медленный проход растягивает пятно во времени и снижает пик.`,
  `Наиболее вероятный сценарий: средняя скорость и дисперсия по Фишеру. Граница (максимально вероятный): скорость × ${BOUND_VELOCITY_FACTOR}, дисперсия × ${BOUND_DISPERSION_FACTOR} — более раннее прибытие и более высокий пик (ср. Jobson 1996, USGS WRIR 96-4013, максимально вероятная скорость).`,
  `Пиковая концентрация M·e^(−kT)/(Q·√(2π)·σt), где σt² = Σ 2·D·Δx/U³; оценивается не ближе ${NEAR_FIELD_KM} км от места выброса (ближняя зона не моделируется).`,
  `Передний фронт при ${LEADING_EDGE_TO_PEAK}·Tpeak — среднее отношение в трассерных данных Jobson (1996) (у гауссианы Tpeak − 3σt у источника нефизично рано).`,
  'Расход: среднегодовые значения из data/discharge.json, интерполированные по км вдоль каждой реки; где в таблице нет данных — значения по классу размера (scalerank Natural Earth); где по таблице расход падает (водозабор), загрязнение уходит вместе с водой. Ответвления и рукава дельты рассчитываются с гидравликой основного пути на том же км (разделение делит расход, а не концентрацию).',
];
