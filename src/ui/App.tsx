// The app frame: skip link, masthead, status, routed main content, footer and toasts.
import { useLayoutEffect } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import { ShortcutsHelp } from './components/ShortcutsHelp';
import { installShortcuts } from './shortcuts';
import { ModelsContext, useModels, type AppModels } from './app-context';
import { Masthead } from './components/Masthead';
import { StatusBar } from './components/StatusBar';
import { Toasts } from './components/Toasts';
// Home is in the first bundle (it is the first screen almost every time); other routes load lazily.
import Home from './routes/Home';

const Section = lazy(() => import('./routes/Section'));
const Article = lazy(() => import('./routes/Article'));
const Saved = lazy(() => import('./routes/Saved'));
const Settings = lazy(() => import('./routes/Settings'));
const Sources = lazy(() => import('./routes/Sources'));
const SavePage = lazy(() => import('./routes/SavePage'));
const History = lazy(() => import('./routes/History'));
const Continue = lazy(() => import('./routes/Continue'));
const Search = lazy(() => import('./routes/Search'));
const NotFound = lazy(() => import('./routes/NotFound'));

// Lives inside LocationProvider so shortcuts can navigate in-app. Installed as the first screen is
// committed (a layout effect), not after it paints: the list can be on screen before a paint-time effect runs.
function Shortcuts() {
  const { route } = useLocation();
  const { reader, library } = useModels();
  useLayoutEffect(
    () =>
      installShortcuts(route, {
        toggleSaved: (id) =>
          reader.save(id, !library.saved.value.has(id)).then(
            () => undefined,
            (err) => console.warn('save failed', err),
          ),
        toggleRead: (id) =>
          reader.markRead(id, !library.read.value.has(id)).then(
            () => undefined,
            (err) => console.warn('mark read failed', err),
          ),
      }),
    [route],
  );
  return <ShortcutsHelp />;
}

/** The whole app, given its models. */
export function App({ models }: { models: AppModels }) {
  return (
    <ModelsContext.Provider value={models}>
      <LocationProvider>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <Masthead />
        <StatusBar />
        <main id="main" tabIndex={-1}>
          <ErrorBoundary>
            <Router>
              <Route path="/" component={Home} />
              <Route path="/section/:name" component={Section} />
              <Route path="/article/:id" component={Article} />
              <Route path="/saved" component={Saved} />
              <Route path="/history" component={History} />
              <Route path="/continue" component={Continue} />
              <Route path="/search" component={Search} />
              <Route path="/settings" component={Settings} />
              <Route path="/sources" component={Sources} />
              <Route path="/save" component={SavePage} />
              <Route default component={NotFound} />
            </Router>
          </ErrorBoundary>
        </main>
        <footer class="site-footer">
          <p>Broadsheet keeps your stories on this device and reads them offline.</p>
        </footer>
        <Toasts />
        <Shortcuts />
      </LocationProvider>
    </ModelsContext.Provider>
  );
}
