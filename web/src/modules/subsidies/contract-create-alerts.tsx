import { useEffect, useRef } from 'react';
import { Alert } from '../../components/alert.tsx';
import { TextLink } from '../../components/button.tsx';
import type { ApiError } from '../../lib/api.ts';

/**
 * The two refusals of "Fördervertrag anlegen" that no single field explains: the person does not meet
 * the criteria (each failed criterion with the server's German reason), or the free funds do not
 * suffice. Each takes the focus when it appears, so screen readers read it first.
 */

function useFocusOnChange<T>(key: T) {
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again for each new answer
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}

export function EligibilityRefused({
  error,
  personId,
  canOverride,
}: {
  error: ApiError;
  personId: string;
  canOverride: boolean;
}) {
  const ref = useFocusOnChange(error);
  return (
    <div tabIndex={-1} ref={ref}>
      <Alert variant="danger" title="Voraussetzungen nicht erfüllt" live="assertive">
        <p className="kern-body">{error.detail}</p>
        <ul className="kern-list">
          {error.errors
            .filter((e) => e.field === 'personId')
            .map((e) => (
              <li key={e.message} className="kern-body">
                {e.message}
              </li>
            ))}
        </ul>
        <p className="kern-body">
          {canOverride
            ? 'Sie können trotzdem fördern: bitte unten die Begründung angeben.'
            : 'Eine Förderung trotz fehlender Voraussetzungen kann nur die Teamleitung bewilligen.'}{' '}
          <TextLink to="/personen/$personId/foerderung" params={{ personId }}>
            Voraussetzungen im Einzelnen prüfen
          </TextLink>
        </p>
      </Alert>
    </div>
  );
}

export function BudgetShortfall({ detail, canOverride }: { detail: string; canOverride: boolean }) {
  const ref = useFocusOnChange(detail);
  return (
    <div tabIndex={-1} ref={ref}>
      <Alert variant="warning" title="Freie Mittel reichen nicht" live="assertive">
        <p className="kern-body">{detail}</p>
        {canOverride && <p className="kern-body">Sie können trotzdem binden: bitte unten die Begründung angeben.</p>}
      </Alert>
    </div>
  );
}
