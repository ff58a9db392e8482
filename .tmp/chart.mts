import fs from 'node:fs';
import { chartPng } from '../src/modules/reports/charts.ts';
fs.writeFileSync('/tmp/report-demo/chart.png', chartPng({ kind: 'chart', id: 'x', caption: 'x', type: 'bar', unit: 'Personen', categories: ['2015','2016','2017','2018','2019'],
 series: ['eLb insgesamt','Frauen','Männer','Langzeitleistungsbeziehende','unter 25 Jahre','Alleinerziehende'].map((name,i)=>({name, values:[11550-i*1500,12490-i*1500,12420-i*1500,11503-i*1500,10597-i*1500]})) }));
