// Bar charts drawn on the server as SVG (d3-scale does the arithmetic), so they work without JavaScript and
// print. Each chart is a picture of a table shown next to it: the SVG's label says so, the table has the figures.
import { scaleBand, scaleLinear } from "d3-scale";

const WIDTH = 640;
const LABEL_WIDTH = 240;
const VALUE_WIDTH = 90;
const ROW = 30;
const AXIS = 28;
const TEXT = "#0b0c0c";
const GRID = "#b1b4b6";
export const SERIES_COLOURS = ["#1d70b8", "#f47738", "#00703c", "#4c2c92"];

export type Bar = { label: string; value: number | null; valueText: string };

function shorten(label: string, max = 27): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}

type ChartFrameProps = { title: string; height: number; children: React.ReactNode; legend?: React.ReactNode };

function ChartFrame({ title, height, children, legend }: ChartFrameProps) {
  return (
    <figure className="tandem-chart">
      {legend}
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={`${title}. The same figures are in the table that follows.`}
        className="tandem-chart__svg"
        fontFamily="system-ui, sans-serif"
        fontSize="14"
      >
        {children}
      </svg>
    </figure>
  );
}

function Axis({
  x,
  top,
  bottom,
}: {
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
            <text x={x(tick)} y={bottom + 18} textAnchor="middle" fill={TEXT}>
              {tick}
            </text>
          </g>
        ))}
    </g>
  );
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
  const height = bars.length * ROW + AXIS + 10;
  const top = 4;
  const y = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([top, top + bars.length * ROW])
    .padding(0.2);
  const largest = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const x = scaleLinear()
    .domain([0, max ?? largest])
    .nice()
    .range([LABEL_WIDTH, WIDTH - VALUE_WIDTH]);
  const bottom = top + bars.length * ROW;
  return (
    <ChartFrame title={title} height={height}>
      <Axis x={x} top={top} bottom={bottom} />
      {bars.map((bar, i) => {
        const yPos = y(i) ?? 0;
        const middle = yPos + y.bandwidth() / 2 + 5;
        const end = x(bar.value ?? 0);
        return (
          <g key={bar.label}>
            <text x={LABEL_WIDTH - 8} y={middle} textAnchor="end" fill={TEXT}>
              {shorten(bar.label)}
            </text>
            <rect
              x={LABEL_WIDTH}
              y={yPos}
              width={Math.max(0, end - LABEL_WIDTH)}
              height={y.bandwidth()}
              fill={SERIES_COLOURS[0]}
            />
            <text x={end + 6} y={middle} fill={TEXT}>
              {bar.valueText}
            </text>
          </g>
        );
      })}
      <UnitLabel unit={unit} height={height} />
    </ChartFrame>
  );
}

/** A chart's small print (what an axis or a column measures), centred on `x`. */
function Caption({ x, y, children }: { x: number; y: number; children: string }) {
  return (
    <text x={x} y={y} textAnchor="middle" fill={TEXT} fontSize="12">
      {children}
    </text>
  );
}

/** What the bars measure, centred under the value axis. */
function UnitLabel({ unit, height }: { unit?: string; height: number }) {
  if (!unit) return null;
  return (
    <Caption x={(LABEL_WIDTH + WIDTH - VALUE_WIDTH) / 2} y={height - 1}>
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
  const groupHeight = series.length * 20 + 12;
  const top = 4;
  const bottom = top + groups.length * groupHeight;
  const height = bottom + AXIS + 10;
  const largest = Math.max(1, ...groups.flatMap((g) => g.values.map((v) => v ?? 0)));
  const x = scaleLinear()
    .domain([0, max ?? largest])
    .nice()
    .range([LABEL_WIDTH, WIDTH - VALUE_WIDTH]);
  const inner = scaleBand<number>()
    .domain(series.map((_, i) => i))
    .range([0, groupHeight - 12])
    .padding(0.1);
  return (
    <ChartFrame title={title} height={height} legend={<Legend series={series} />}>
      <Axis x={x} top={top} bottom={bottom} />
      {groups.map((group, g) => {
        const groupTop = top + g * groupHeight + 6;
        return (
          <g key={group.label}>
            <text x={LABEL_WIDTH - 8} y={groupTop + (groupHeight - 12) / 2 + 5} textAnchor="end" fill={TEXT}>
              {shorten(group.label)}
            </text>
            {group.values.map((value, i) => {
              const yPos = groupTop + (inner(i) ?? 0);
              const end = x(value ?? 0);
              return (
                <g key={series[i]}>
                  <rect
                    x={LABEL_WIDTH}
                    y={yPos}
                    width={Math.max(0, end - LABEL_WIDTH)}
                    height={inner.bandwidth()}
                    fill={SERIES_COLOURS[i % SERIES_COLOURS.length]}
                  />
                  <text x={end + 6} y={yPos + inner.bandwidth() / 2 + 5} fill={TEXT} fontSize="13">
                    {group.valueTexts[i]}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
      <UnitLabel unit={unit} height={height} />
    </ChartFrame>
  );
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
  const top = 22;
  const cellHeight = 30;
  const right = WIDTH - 10;
  const largest = Math.max(1, ...rows.flatMap((r) => r.cells.map((c) => c.value)));
  const x = scaleBand<number>()
    .domain(columns.map((_, i) => i))
    .range([LABEL_WIDTH, right])
    .padding(0.08);
  const shade = scaleLinear<string>().domain([0, largest]).range([HEAT_LOW, HEAT_HIGH]);
  const bottom = top + rows.length * cellHeight;
  const keyTop = bottom + 18;
  const keySteps = [...new Set([0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * largest)))];
  const height = keyTop + 40;
  return (
    <ChartFrame title={title} height={height}>
      <Caption x={(LABEL_WIDTH + right) / 2} y={10}>
        {columnTitle}
      </Caption>
      {columns.map((column, i) => (
        <Caption key={column} x={(x(i) ?? 0) + x.bandwidth() / 2} y={top - 2}>
          {column}
        </Caption>
      ))}
      {rows.map((row, r) => {
        const y = top + 4 + r * cellHeight;
        return (
          <g key={row.label}>
            <text x={LABEL_WIDTH - 8} y={y + (cellHeight - 6) / 2 + 5} textAnchor="end" fill={TEXT}>
              {shorten(row.label)}
            </text>
            {row.cells.map((cell, i) => {
              const dark = cell.value > largest * 0.6;
              return (
                <g key={columns[i]}>
                  <rect
                    x={x(i)}
                    y={y}
                    width={x.bandwidth()}
                    height={cellHeight - 6}
                    fill={cell.value > 0 ? shade(cell.value) : "#ffffff"}
                    stroke={GRID}
                    strokeWidth={1}
                  />
                  {cell.text ? (
                    <text
                      x={(x(i) ?? 0) + x.bandwidth() / 2}
                      y={y + (cellHeight - 6) / 2 + 5}
                      textAnchor="middle"
                      fill={dark ? "#ffffff" : TEXT}
                      fontSize="13"
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
      <text x={LABEL_WIDTH - 8} y={keyTop + 15} textAnchor="end" fill={TEXT} fontSize="12">
        {`Number: ${textMeaning}. Shade: ${shadeUnit}`}
      </text>
      {keySteps.map((value, i) => (
        <g key={value}>
          <rect
            x={LABEL_WIDTH + i * 70}
            y={keyTop}
            width={22}
            height={20}
            fill={value > 0 ? shade(value) : "#ffffff"}
            stroke={GRID}
          />
          <text x={LABEL_WIDTH + i * 70 + 28} y={keyTop + 15} fill={TEXT} fontSize="12">
            {value}
          </text>
        </g>
      ))}
    </ChartFrame>
  );
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
  const top = 4;
  const bottom = top + bars.length * ROW;
  const height = bottom + AXIS + 10;
  const y = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([top, bottom])
    .padding(0.2);
  const largest = Math.max(1, ...bars.map((b) => b.values.reduce((sum, v) => sum + v, 0)));
  const x = scaleLinear()
    .domain([0, largest])
    .nice()
    .range([LABEL_WIDTH, WIDTH - VALUE_WIDTH]);
  return (
    <ChartFrame title={title} height={height} legend={<Legend series={series} />}>
      <Axis x={x} top={top} bottom={bottom} />
      {bars.map((bar, i) => {
        const yPos = y(i) ?? 0;
        const middle = yPos + y.bandwidth() / 2 + 5;
        let running = 0;
        const ends = bar.values.map((v) => {
          running += v;
          return running;
        });
        return (
          <g key={bar.label}>
            <text x={LABEL_WIDTH - 8} y={middle} textAnchor="end" fill={TEXT}>
              {shorten(bar.label)}
            </text>
            {bar.values.map((value, s) => {
              if (value <= 0) return null;
              const from = x(ends[s]! - value);
              const to = x(ends[s]!);
              return (
                <g key={series[s]}>
                  <rect
                    x={from}
                    y={yPos}
                    width={to - from}
                    height={y.bandwidth()}
                    fill={SERIES_COLOURS[s % SERIES_COLOURS.length]}
                    stroke="#ffffff"
                    strokeWidth={1}
                  />
                  {to - from >= 16 ? (
                    <text
                      x={(from + to) / 2}
                      y={middle}
                      textAnchor="middle"
                      fill={ON_SERIES[s % ON_SERIES.length]}
                      fontSize="13"
                    >
                      {value}
                    </text>
                  ) : null}
                </g>
              );
            })}
            <text x={x(ends.at(-1) ?? 0) + 6} y={middle} fill={TEXT}>
              {bar.totalText}
            </text>
          </g>
        );
      })}
      <UnitLabel unit={unit} height={height} />
    </ChartFrame>
  );
}
