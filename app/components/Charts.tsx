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
      {unit ? (
        <text
          x={(LABEL_WIDTH + WIDTH - VALUE_WIDTH) / 2}
          y={height - 1}
          textAnchor="middle"
          fill={TEXT}
          fontSize="12"
        >
          {unit}
        </text>
      ) : null}
    </ChartFrame>
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
  const legend = (
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
  return (
    <ChartFrame title={title} height={height} legend={legend}>
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
      {unit ? (
        <text
          x={(LABEL_WIDTH + WIDTH - VALUE_WIDTH) / 2}
          y={height - 1}
          textAnchor="middle"
          fill={TEXT}
          fontSize="12"
        >
          {unit}
        </text>
      ) : null}
    </ChartFrame>
  );
}
