import { z } from 'zod';
import { TEXT_KEYS } from './defaults.ts';

export const REPORT_FORMATS = ['html', 'docx', 'pdf', 'xlsx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const yearParam = z.coerce
  .number({ message: 'Berichtsjahr als Zahl, z. B. 2019' })
  .int('Berichtsjahr als ganze Zahl, z. B. 2019')
  .min(2005, 'Berichtsjahr ab 2005 (Einführung des SGB II)')
  .max(2100, 'Berichtsjahr bis 2100');

export const sectionParam = z.enum(TEXT_KEYS as [string, ...string[]], { message: 'Diesen Textabschnitt gibt es nicht.' });

export const textInput = z.object({
  body: z.string().max(20_000, 'Höchstens 20.000 Zeichen'),
  /** 0 for a section still showing its default text. */
  version: z.number().int().min(0),
});
export type TextInput = z.infer<typeof textInput>;

export interface ReportTextOut {
  key: string;
  title: string;
  body: string;
  defaultBody: string;
  isDefault: boolean;
  version: number;
  updatedAt: string | null;
}
