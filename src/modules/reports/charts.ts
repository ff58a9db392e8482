import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ChartBlock } from './document.ts';
import { formatInt } from './format.ts';

/**
 * Charts rendered on the server: ECharts in SSR mode writes SVG (for the web page), resvg turns it into
 * PNG (for Word and PDF). No browser and no system package; text uses the fonts resvg finds on the
 * system, with sans-serif as fallback.
 */
export const CHART_WIDTH = 720;
export const CHART_HEIGHT = 360;
const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';
// Colours distinguishable also in greyscale print and for common colour-vision deficiencies (Okabe–Ito).
const PALETTE = ['#0b4f8a', '#e69f00', '#56b4e9', '#009e73', '#cc79a7', '#d55e00'];

const label = (unit: ChartBlock['unit'], v: number) =>
  unit === '%' ? `${v.toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %` : formatInt(v);

export function chartSvg(chart: ChartBlock): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height: CHART_HEIGHT });
  try {
    instance.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: FONT, fontSize: 12, color: '#1b1b1b' },
      legend: { bottom: 0, left: 'center', width: CHART_WIDTH - 60, itemGap: 28, textStyle: { fontFamily: FONT, fontSize: 11 } },
      grid: { left: 70, right: 20, top: 30, bottom: chart.series.length > 3 ? 100 : 60 },
      xAxis: { type: 'category', data: chart.categories, axisLabel: { fontFamily: FONT, fontSize: 12, interval: 0 } },
      yAxis: {
        type: 'value',
        name: chart.unit,
        nameTextStyle: { fontFamily: FONT },
        axisLabel: { fontFamily: FONT, formatter: (v: number) => label(chart.unit, v) },
      },
      series: chart.series.map((s) => ({
        name: s.name,
        type: chart.type,
        data: s.values,
        label:
          chart.series.length <= 3
            ? {
                show: true,
                position: 'top',
                fontFamily: FONT,
                fontSize: 11,
                formatter: (p: { value: number }) => label(chart.unit, p.value),
              }
            : { show: false },
      })),
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/** PNG at twice the SVG size, sharp in print. */
export function chartPng(chart: ChartBlock): Buffer {
  const resvg = new Resvg(chartSvg(chart), {
    fitTo: { mode: 'zoom', value: 2 },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
