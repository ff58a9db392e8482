import type { NavEntry } from '../../app/nav.ts';
import { t } from '../../lib/i18n.ts';

export const startNav: NavEntry[] = [{ to: '/', label: t.start.title, description: t.start.navText }];
