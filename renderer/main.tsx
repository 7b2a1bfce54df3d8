import { render } from 'preact';
import { App } from './views/App';
import { applyStoredTheme } from './theme';
import 'prosemirror-view/style/prosemirror.css';

applyStoredTheme();
render(<App />, document.getElementById('app')!);
