// The probe the popup injects into a tab's top frame when no highlighter answers it: true when Legal Lens's first
// pass runs there (so the page holds no term), false when it does not (utils/first-pass.ts).
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { firstPassRuns } from '@/utils/first-pass';

export default defineUnlistedScript(() => firstPassRuns());
