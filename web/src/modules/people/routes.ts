import { caseloadRoute } from './caseload-page.tsx';
import { householdCreateRoute, personCreateRoute } from './create-pages.tsx';
import { householdRoute } from './household-page.tsx';
import { personRoute } from './person-page.tsx';
import { searchRoute } from './search-page.tsx';

/** /personen, /bedarfsgemeinschaften, /fallbestand (person.read; changes need person.write or benefit.write). */
export const peopleRoutes = [searchRoute, personCreateRoute, personRoute, householdCreateRoute, householdRoute, caseloadRoute];
