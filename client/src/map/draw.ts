// Drawing a development on the map with plain MapLibre events: in 'polygon' mode each click adds a
// vertex and a double-click (or finish()) closes the ring; in 'point' mode one click places a point.
import type { Point, Polygon, Position } from 'geojson';
import type { MapMouseEvent, Map as MlMap } from 'maplibre-gl';
import { setDraft } from './planning-layers.js';

export type DrawKind = 'polygon' | 'point';
export type DrawResult = Point | Polygon;

/** Two clicks closer than this (screen pixels) are one vertex: a double-click fires two clicks first. */
const SAME_VERTEX_PX = 4;

export class DrawController {
  private vertices: Position[] = [];
  private kind: DrawKind = 'polygon';
  private active = false;
  private readonly onClick = (e: MapMouseEvent) => this.click(e);
  private readonly onDblClick = (e: MapMouseEvent) => {
    e.preventDefault();
    this.finish();
  };

  constructor(
    private readonly map: MlMap,
    private readonly onDone: (g: DrawResult) => void,
    private readonly onChange: (vertexCount: number) => void = () => {},
  ) {}

  start(kind: DrawKind): void {
    this.stop();
    this.kind = kind;
    this.vertices = [];
    this.active = true;
    this.map.doubleClickZoom.disable();
    this.map.on('click', this.onClick);
    this.map.on('dblclick', this.onDblClick);
    this.render();
  }

  /** Stops listening; the drawing stays on the map. */
  stop(): void {
    if (!this.active) return;
    this.active = false;
    this.map.off('click', this.onClick);
    this.map.off('dblclick', this.onDblClick);
    // Re-enabled after the double-click that finished the ring has been handled.
    setTimeout(() => this.map.doubleClickZoom.enable(), 0);
  }

  get drawing(): boolean {
    return this.active;
  }

  get count(): number {
    return this.vertices.length;
  }

  /** Closes the polygon (≥ 3 vertices) and reports it. */
  finish(): void {
    if (this.kind !== 'polygon' || this.vertices.length < 3) return;
    const ring = [...this.vertices, this.vertices[0]!];
    const polygon: Polygon = { type: 'Polygon', coordinates: [ring] };
    this.stop();
    setDraft(this.map, [polygon]);
    this.onDone(polygon);
  }

  /** Shows a finished geometry (e.g. restored) without drawing. */
  show(g: DrawResult | null): void {
    setDraft(this.map, g ? [g] : []);
  }

  clear(): void {
    this.stop();
    this.vertices = [];
    setDraft(this.map, []);
    this.onChange(0);
  }

  private click(e: MapMouseEvent): void {
    const p: Position = [e.lngLat.lng, e.lngLat.lat];
    if (this.kind === 'point') {
      const point: Point = { type: 'Point', coordinates: p };
      this.stop();
      setDraft(this.map, [point]);
      this.onDone(point);
      return;
    }
    const last = this.vertices[this.vertices.length - 1];
    if (last) {
      const a = this.map.project(last as [number, number]);
      if (Math.hypot(a.x - e.point.x, a.y - e.point.y) < SAME_VERTEX_PX) return;
    }
    this.vertices.push(p);
    this.render();
    this.onChange(this.vertices.length);
  }

  private render(): void {
    const v = this.vertices;
    const points: Point[] = v.map((coordinates) => ({ type: 'Point', coordinates }));
    const outline =
      v.length >= 3
        ? [{ type: 'Polygon' as const, coordinates: [[...v, v[0]!]] }]
        : v.length === 2
          ? [{ type: 'LineString' as const, coordinates: v }]
          : [];
    setDraft(this.map, [...outline, ...points]);
  }
}
