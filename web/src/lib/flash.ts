import { useRouterState } from '@tanstack/react-router';

/**
 * A one-time message for the next page ("Das Team wurde angelegt."), carried in the history entry's
 * state, so it shows on the page navigated to and vanishes on the next navigation:
 * `navigate({ to: '/verwaltung/teams', state: flash('…') })`.
 */
export interface Flash {
  text: string;
  variant: 'success' | 'info' | 'warning';
}

declare module '@tanstack/history' {
  interface HistoryState {
    flash?: Flash;
  }
}

export const flash = (text: string, variant: Flash['variant'] = 'success') => ({ flash: { text, variant } });

export function useFlash(): Flash | undefined {
  return useRouterState({ select: (s) => s.location.state.flash });
}
