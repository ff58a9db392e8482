import { loginRoute } from './login-page.tsx';
import { passwordRoute } from './password-page.tsx';

/** Pages anyone may open (no session needed). */
export const authPublicRoutes = [loginRoute];
/** Pages of the signed-in person. */
export const authRoutes = [passwordRoute];
