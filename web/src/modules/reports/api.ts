/** The report API as the web app sees it (src/modules/reports/routes.ts). */
export interface ReportText {
  key: string;
  title: string;
  body: string;
  defaultBody: string;
  isDefault: boolean;
  version: number;
  updatedAt: string | null;
}

export interface TextsResponse {
  year: number;
  sections: ReportText[];
  placeholders: string[];
}

export interface PreviewCell {
  text: string;
}

export type PreviewBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; number: string; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'note'; text: string }
  | { kind: 'table'; id: string; caption: string; columns: string[]; rows: PreviewCell[][]; footnotes: string[] }
  | { kind: 'chart'; id: string; caption: string; svg: string };

export interface PreviewDocument {
  title: string;
  subtitle: string;
  year: number;
  blocks: PreviewBlock[];
}

export const reportUrl = (year: number) => `/api/reports/eingliederungsbericht/${year}`;

export const DOWNLOADS = [
  { format: 'docx', label: 'Word (.docx)' },
  { format: 'pdf', label: 'PDF' },
  { format: 'xlsx', label: 'Tabellen als Excel (.xlsx)' },
  { format: 'html', label: 'HTML' },
] as const;
