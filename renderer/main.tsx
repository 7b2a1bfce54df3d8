import { render } from 'preact';
import { z } from 'zod';
import { App } from './views/App';
import { applyStoredTheme } from './theme';
import 'prosemirror-view/style/prosemirror.css';

// The forms check fields with the contract's zod schemas. Zod probes for `new Function` to speed up
// object schemas; the CSP forbids eval, and the probe would be reported as a violation.
z.config({ jitless: true });
applyStoredTheme();
render(<App />, document.getElementById('app')!);
