import { LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, GridComponent, SVGRenderer]);

/** The KERN colour from the stylesheet (follows light and dark mode), with a fallback. */
function token(name: string, fallback: string) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/**
 * A small line chart of a time series (ECharts, SVG). For screen readers the chart is one image whose
 * name lists the values (`label`); the same series is on the page as a table.
 */
export function Sparkline({ values, label }: { values: (number | null)[]; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg', width: 120, height: 32 });
    const colour = token('--kern-color-action-default', '#2044aa');
    chart.setOption({
      animation: false,
      aria: { enabled: false },
      grid: { left: 2, right: 2, top: 3, bottom: 3 },
      xAxis: { type: 'category', show: false, data: values.map((_, i) => i) },
      yAxis: { type: 'value', show: false, scale: true },
      series: [
        {
          type: 'line',
          data: values,
          connectNulls: false,
          showSymbol: false,
          lineStyle: { width: 2, color: colour },
          silent: true,
        },
      ],
    });
    return () => chart.dispose();
  }, [values]);
  return <div ref={ref} className="sparkline" role="img" aria-label={label} />;
}
