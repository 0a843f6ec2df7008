// Tree-shaking probe: an app that needs only the enums must not pull in zod or the domain code.
import { ENUMS } from '@gainsly/db/enums';

console.log(JSON.stringify({ label: ENUMS.PersonaAggression.toDb(3) }));
