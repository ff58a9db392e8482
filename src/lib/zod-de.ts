import { z } from 'zod';

// Zod's own messages in German, for fields whose schema gives none of its own.
z.config(z.locales.de());
