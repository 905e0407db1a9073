// Bar charts drawn on the server as SVG (d3-scale does the arithmetic), so they work without JavaScript and
// print. Each chart is a picture of a table shown next to it: the SVG's label says so, the table has the figures.
// Each chart is drawn twice: wide (labels beside the bars) and narrow (labels above them), and the stylesheet shows
// the narrow drawing on a phone, where it is drawn at about its own size, so its text is 14px or more. Long labels
// wrap onto more lines rather than being cut short.
import { scaleBand, scaleLinear } from "d3-scale";
import type { ReactNode } from "react";

const TEXT = "#0b0c0c";
const GRID = "#b1b4b6";
export const SERIES_COLOURS = ["#1d70b8", "#f47738", "#00703c", "#4c2c92"];

/** How a chart is laid out: its width in SVG units, where the labels go and how big its text is. */
type Layout = {
  name: "wide" | "narrow";
  width: number;
  /** The column left of the bars that holds the labels; 0 when the labels sit above the bars. */
  labelWidth: number;
  valueWidth: number;
  /** Labels; the figures at the end of the bars; small print (axis ticks, units, keys). */
  font: number;
  value: number;
  small: number;
  lineHeight: number;
  /** About how many characters of a label fit on one line. */
  charsPerLine: number;
};

const WIDE: Layout = {
  name: "wide",
  width: 640,
  labelWidth: 240,
  valueWidth: 90,
  font: 14,
  value: 14,
  small: 12,
  lineHeight: 17,
  charsPerLine: 30,
};
// A 390px phone shows the narrow drawing 360px wide: a little larger than its 340 units.
const NARROW: Layout = {
  name: "narrow",
  width: 340,
  labelWidth: 0,
  valueWidth: 100,
  font: 16,
  value: 14,
  small: 14,
  lineHeight: 20,
  charsPerLine: 34,
};

export type Bar = { label: string; value: number | null; valueText: string };

/** A label as lines of at most `max` characters, broken between words (a longer word is split, never cut). */
export function wrapLabel(label: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of label.split(/\s+/).filter(Boolean)) {
    let rest = word;
    while (rest.length > max) {
      if (line) lines.push(line);
      lines.push(rest.slice(0, max));
      rest = rest.slice(max);
      line = "";
    }
    if (!line) line = rest;
    else if (line.length + 1 + rest.length <= max) line = `${line} ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

type PlacedRow = { lines: string[]; barTop: number; labelX: number; labelY: number };

/**
 * Places rows of bars one under another: each row's bars are `barHeight` tall with `gap` between rows, and its
 * label is beside the bars (wide, centred on them, taller rows for longer labels) or above them (narrow).
 */
function placeRows(layout: Layout, labels: string[], barHeight: number, gap: number, top: number) {
  let cursor = top;
  const rows: PlacedRow[] = labels.map((label) => {
    const lines = wrapLabel(label, layout.charsPerLine);
    const block = lines.length * layout.lineHeight;
    if (layout.labelWidth > 0) {
      const height = Math.max(barHeight + gap, block + 6);
      const middle = cursor + height / 2;
      const row = {
        lines,
        barTop: middle - barHeight / 2,
        labelX: layout.labelWidth - 8,
        labelY: middle - block / 2 + layout.lineHeight * 0.75,
      };
      cursor += height;
      return row;
    }
    const row = {
      lines,
      barTop: cursor + block + 2,
      labelX: 2,
      labelY: cursor + layout.lineHeight * 0.8,
    };
    cursor += block + 2 + barHeight + gap;
    return row;
  });
  return { rows, bottom: cursor };
}

function RowLabel({ layout, row }: { layout: Layout; row: PlacedRow }) {
  return (
    <text
      x={row.labelX}
      y={row.labelY}
      textAnchor={layout.labelWidth > 0 ? "end" : "start"}
      fill={TEXT}
      className="tandem-chart__label"
      // Above the bars the grid lines pass behind a label: a white outline keeps it clear of them.
      {...(layout.labelWidth > 0 ? {} : { stroke: "#ffffff", strokeWidth: 4, paintOrder: "stroke" })}
    >
      {row.lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a label's lines never reorder, and may repeat
        <tspan key={`${i}-${line}`} x={row.labelX} dy={i ? layout.lineHeight : 0}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

type Drawing = { height: number; body: ReactNode };

type ChartFrameProps = { title: string; draw: (layout: Layout) => Drawing; legend?: ReactNode };

function ChartFrame({ title, draw, legend }: ChartFrameProps) {
  return (
    <figure className="tandem-chart">
      {legend}
      {[WIDE, NARROW].map((layout) => {
        const { height, body } = draw(layout);
        return (
          <svg
            key={layout.name}
            viewBox={`0 0 ${layout.width} ${height}`}
            width="100%"
            role="img"
            aria-label={`${title}. The same figures are in the table that follows.`}
            className={`tandem-chart__svg tandem-chart__svg--${layout.name}`}
            fontFamily="system-ui, sans-serif"
            fontSize={layout.font}
          >
            {body}
          </svg>
        );
      })}
    </figure>
  );
}

/** The value scale: from the labels' column (or the left edge) to the room left for the values. */
function valueScale(layout: Layout, max: number) {
  return scaleLinear()
    .domain([0, max])
    .nice()
    .range([layout.labelWidth > 0 ? layout.labelWidth : 12, layout.width - layout.valueWidth]);
}

function Axis({
  layout,
  x,
  top,
  bottom,
}: {
  layout: Layout;
  x: ReturnType<typeof scaleLinear<number>>;
  top: number;
  bottom: number;
}) {
  return (
    <g>
      {x
        .ticks(5)
        .filter(Number.isInteger)
        .map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={top} y2={bottom} stroke={GRID} strokeWidth={1} />
            <text x={x(tick)} y={bottom + 18} textAnchor="middle" fill={TEXT} fontSize={layout.small}>
              {tick}
            </text>
          </g>
        ))}
    </g>
  );
}

const AXIS = 28;

/** Rows of bars against a value axis: where each row goes, the chart's height and the value scale. */
function valueRows(
  layout: Layout,
  labels: string[],
  bar: { height: number; gap: number },
  max: number,
  unit?: string,
) {
  const top = 4;
  const { rows, bottom } = placeRows(layout, labels, bar.height, bar.gap, top);
  const height = bottom + AXIS + (unit ? layout.small + 10 : 10);
  return { top, rows, bottom, height, x: valueScale(layout, max) };
}

/** Horizontal bars, one per row, against a scale from 0 to `max` (the largest value when not given). */
export function BarChart({
  title,
  bars,
  max,
  unit,
}: {
  title: string;
  bars: Bar[];
  max?: number;
  unit?: string;
}) {
  const largest = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const draw = (layout: Layout): Drawing => {
    const { top, rows, bottom, height, x } = valueRows(
      layout,
      bars.map((b) => b.label),
      { height: 24, gap: 6 },
      max ?? largest,
      unit,
    );
    return {
      height,
      body: (
        <>
          <Axis layout={layout} x={x} top={top} bottom={bottom} />
          {bars.map((bar, i) => {
            const row = rows[i]!;
            const end = x(bar.value ?? 0);
            return (
              <g key={bar.label}>
                <RowLabel layout={layout} row={row} />
                <rect
                  x={x(0)}
                  y={row.barTop}
                  width={Math.max(0, end - x(0))}
                  height={24}
                  fill={SERIES_COLOURS[0]}
                />
                <text x={end + 6} y={row.barTop + 17} fill={TEXT} fontSize={layout.value}>
                  {bar.valueText}
                </text>
              </g>
            );
          })}
          <UnitLabel layout={layout} x={x} unit={unit} height={height} />
        </>
      ),
    };
  };
  return <ChartFrame title={title} draw={draw} />;
}

/** A chart's small print (what an axis or a column measures), centred on `x`. */
function Caption({ layout, x, y, children }: { layout: Layout; x: number; y: number; children: string }) {
  return (
    <text x={x} y={y} textAnchor="middle" fill={TEXT} fontSize={layout.small}>
      {children}
    </text>
  );
}

/** What the bars measure, centred under the value axis. */
function UnitLabel({
  layout,
  x,
  unit,
  height,
}: {
  layout: Layout;
  x: ReturnType<typeof scaleLinear<number>>;
  unit?: string;
  height: number;
}) {
  if (!unit) return null;
  const [from, to] = x.range() as [number, number];
  return (
    <Caption layout={layout} x={(from + to) / 2} y={height - 6}>
      {unit}
    </Caption>
  );
}

function Legend({ series }: { series: string[] }) {
  return (
    <ul className="tandem-chart__legend govuk-list" aria-hidden="true">
      {series.map((name, i) => (
        <li key={name}>
          <svg className="tandem-chart__swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
            <rect width="14" height="14" fill={SERIES_COLOURS[i % SERIES_COLOURS.length]} stroke="#0b0c0c" />
          </svg>{" "}
          {name}
        </li>
      ))}
    </ul>
  );
}

export type Group = { label: string; values: Array<number | null>; valueTexts: string[] };

/** Bars in groups (for example start and end per area), with a legend naming each series. */
export function GroupedBarChart({
  title,
  series,
  groups,
  max,
  unit,
}: {
  title: string;
  series: string[];
  groups: Group[];
  max?: number;
  unit?: string;
}) {
  const largest = Math.max(1, ...groups.flatMap((g) => g.values.map((v) => v ?? 0)));
  const draw = (layout: Layout): Drawing => {
    const barsHeight = series.length * 20;
    const { top, rows, bottom, height, x } = valueRows(
      layout,
      groups.map((g) => g.label),
      { height: barsHeight, gap: 12 },
      max ?? largest,
      unit,
    );
    const inner = scaleBand<number>()
      .domain(series.map((_, i) => i))
      .range([0, barsHeight])
      .padding(0.1);
    return {
      height,
      body: (
        <>
          <Axis layout={layout} x={x} top={top} bottom={bottom} />
          {groups.map((group, g) => {
            const row = rows[g]!;
            return (
              <g key={group.label}>
                <RowLabel layout={layout} row={row} />
                {group.values.map((value, i) => {
                  const yPos = row.barTop + (inner(i) ?? 0);
                  const end = x(value ?? 0);
                  return (
                    <g key={series[i]}>
                      <rect
                        x={x(0)}
                        y={yPos}
                        width={Math.max(0, end - x(0))}
                        height={inner.bandwidth()}
                        fill={SERIES_COLOURS[i % SERIES_COLOURS.length]}
                      />
                      <text
                        x={end + 6}
                        y={yPos + inner.bandwidth() / 2 + layout.small * 0.35}
                        fill={TEXT}
                        fontSize={layout.small + 1}
                      >
                        {group.valueTexts[i]}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
          <UnitLabel layout={layout} x={x} unit={unit} height={height} />
        </>
      ),
    };
  };
  return <ChartFrame title={title} draw={draw} legend={<Legend series={series} />} />;
}

export type HeatmapRow = { label: string; cells: Array<{ value: number; text: string }> };

const HEAT_LOW = "#f3f2f1";
const HEAT_HIGH = "#12436d";

/**
 * A grid of squares, one row per item and one column per period, each shaded by its value (darker is more) and
 * labelled with `text`; an empty square is white. A key below shows what the shades stand for.
 */
export function HeatmapChart({
  title,
  columns,
  columnTitle,
  rows,
  shadeUnit,
  textMeaning,
}: {
  title: string;
  columns: string[];
  columnTitle: string;
  rows: HeatmapRow[];
  /** What the shading measures, for the key: "minutes". */
  shadeUnit: string;
  /** What the number in a square means: "sessions". */
  textMeaning: string;
}) {
  const largest = Math.max(1, ...rows.flatMap((r) => r.cells.map((c) => c.value)));
  const shade = scaleLinear<string>().domain([0, largest]).range([HEAT_LOW, HEAT_HIGH]);
  const keySteps = [...new Set([0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * largest)))];
  const draw = (layout: Layout): Drawing => {
    const top = layout.small * 2 + 8;
    const cellHeight = 24;
    const right = layout.width - (layout.labelWidth > 0 ? 10 : 1);
    const left = layout.labelWidth > 0 ? layout.labelWidth : 2;
    const x = scaleBand<number>()
      .domain(columns.map((_, i) => i))
      .range([left, right])
      .padding(0.08);
    const placed = placeRows(
      layout,
      rows.map((r) => r.label),
      cellHeight,
      6,
      top + 4,
    );
    // The key: a sentence saying what the numbers and shades are, then the shades with their values.
    const keyText = `Number: ${textMeaning}. Shade: ${shadeUnit}`;
    const keyTextTop = placed.bottom + 12;
    const keyTop = layout.labelWidth > 0 ? keyTextTop : keyTextTop + layout.small + 8;
    const keyStep = layout.labelWidth > 0 ? 70 : 64;
    const height = keyTop + 34;
    return {
      height,
      body: (
        <>
          <Caption layout={layout} x={(left + right) / 2} y={layout.small}>
            {columnTitle}
          </Caption>
          {columns.map((column, i) => (
            <Caption key={column} layout={layout} x={(x(i) ?? 0) + x.bandwidth() / 2} y={top - 2}>
              {column}
            </Caption>
          ))}
          {rows.map((row, r) => {
            const place = placed.rows[r]!;
            const y = place.barTop;
            return (
              <g key={row.label}>
                <RowLabel layout={layout} row={place} />
                {row.cells.map((cell, i) => {
                  const dark = cell.value > largest * 0.6;
                  return (
                    <g key={columns[i]}>
                      <rect
                        x={x(i)}
                        y={y}
                        width={x.bandwidth()}
                        height={cellHeight}
                        fill={cell.value > 0 ? shade(cell.value) : "#ffffff"}
                        stroke={GRID}
                        strokeWidth={1}
                      />
                      {cell.text ? (
                        <text
                          x={(x(i) ?? 0) + x.bandwidth() / 2}
                          y={y + cellHeight / 2 + layout.small * 0.35}
                          textAnchor="middle"
                          fill={dark ? "#ffffff" : TEXT}
                          fontSize={layout.small + 1}
                        >
                          {cell.text}
                        </text>
                      ) : null}
                    </g>
                  );
                })}
              </g>
            );
          })}
          <text
            x={layout.labelWidth > 0 ? layout.labelWidth - 8 : 2}
            y={layout.labelWidth > 0 ? keyTop + 15 : keyTextTop + layout.small}
            textAnchor={layout.labelWidth > 0 ? "end" : "start"}
            fill={TEXT}
            fontSize={layout.small}
          >
            {keyText}
          </text>
          {keySteps.map((value, i) => (
            <g key={value}>
              <rect
                x={left + i * keyStep}
                y={keyTop}
                width={22}
                height={20}
                fill={value > 0 ? shade(value) : "#ffffff"}
                stroke={GRID}
              />
              <text x={left + i * keyStep + 28} y={keyTop + 15} fill={TEXT} fontSize={layout.small}>
                {value}
              </text>
            </g>
          ))}
        </>
      ),
    };
  };
  return <ChartFrame title={title} draw={draw} />;
}

/** Text on each series colour: white where it reads well, black on the orange. */
const ON_SERIES = ["#ffffff", "#0b0c0c", "#ffffff", "#ffffff"];

export type StackedBar = { label: string; values: number[]; totalText: string };

/** One horizontal bar per row, split into a segment per series (each labelled with its count), total at the end. */
export function StackedBarChart({
  title,
  series,
  bars,
  unit,
}: {
  title: string;
  series: string[];
  bars: StackedBar[];
  unit?: string;
}) {
  const largest = Math.max(1, ...bars.map((b) => b.values.reduce((sum, v) => sum + v, 0)));
  const draw = (layout: Layout): Drawing => {
    const { top, rows, bottom, height, x } = valueRows(
      layout,
      bars.map((b) => b.label),
      { height: 24, gap: 6 },
      largest,
      unit,
    );
    return {
      height,
      body: (
        <>
          <Axis layout={layout} x={x} top={top} bottom={bottom} />
          {bars.map((bar, i) => {
            const row = rows[i]!;
            const middle = row.barTop + 12 + layout.small * 0.35;
            let running = 0;
            const ends = bar.values.map((v) => {
              running += v;
              return running;
            });
            return (
              <g key={bar.label}>
                <RowLabel layout={layout} row={row} />
                {bar.values.map((value, s) => {
                  if (value <= 0) return null;
                  const from = x(ends[s]! - value);
                  const to = x(ends[s]!);
                  return (
                    <g key={series[s]}>
                      <rect
                        x={from}
                        y={row.barTop}
                        width={to - from}
                        height={24}
                        fill={SERIES_COLOURS[s % SERIES_COLOURS.length]}
                        stroke="#ffffff"
                        strokeWidth={1}
                      />
                      {to - from >= layout.small + 4 ? (
                        <text
                          x={(from + to) / 2}
                          y={middle}
                          textAnchor="middle"
                          fill={ON_SERIES[s % ON_SERIES.length]}
                          fontSize={layout.small + 1}
                        >
                          {value}
                        </text>
                      ) : null}
                    </g>
                  );
                })}
                <text x={x(ends.at(-1) ?? 0) + 6} y={row.barTop + 17} fill={TEXT} fontSize={layout.value}>
                  {bar.totalText}
                </text>
              </g>
            );
          })}
          <UnitLabel layout={layout} x={x} unit={unit} height={height} />
        </>
      ),
    };
  };
  return <ChartFrame title={title} draw={draw} legend={<Legend series={series} />} />;
}
