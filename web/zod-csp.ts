// Imported first: tells zod never to compile validators with `new Function`. The app's
// Content-Security-Policy forbids eval, and zod's probe for it would be reported as a violation.
import { config } from 'zod';

config({ jitless: true });
