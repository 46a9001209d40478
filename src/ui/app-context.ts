// The models every component may read, passed down once through context from main.tsx.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Db } from '../storage/db';
import type { ConnectivityModel } from './models/connectivity';
import type { InstallModel } from './models/install';
import type { LibraryModel } from './models/library';
import type { ReaderModel } from './models/reader';
import type { RelatedModel } from './models/related';
import type { SettingsModel } from './models/settings';
import type { SourcesModel } from './models/sources';
import type { SavePageModel } from './models/save-page';
import type { StoragePanelModel } from './models/storage-panel';
import type { ReaderPrefsModel } from './models/reader-prefs';
import type { BackupModel } from './models/backup';
import type { SearchModel } from './models/search';

/** All app models. */
export interface AppModels {
  db: Promise<Db>;
  library: LibraryModel;
  related: RelatedModel;
  reader: ReaderModel;
  settings: SettingsModel;
  sources: SourcesModel;
  savePage: SavePageModel;
  storage: StoragePanelModel;
  prefs: ReaderPrefsModel;
  backup: BackupModel;
  search: SearchModel;
  install: InstallModel;
  connectivity: ConnectivityModel;
}

/** Context carrying the app models. */
export const ModelsContext = createContext<AppModels | null>(null);

/** The app models; throws if a component renders outside the app. */
export function useModels(): AppModels {
  const models = useContext(ModelsContext);
  if (!models) throw new Error('useModels: no ModelsContext provider');
  return models;
}
