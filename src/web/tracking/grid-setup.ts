// AG Grid's parts this page uses (only these are bundled), its look in DSFR colours and the Marianne font,
// and its own words in French. Imported by the page's code only, which loads on demand.
import {
  CellStyleModule,
  ColumnApiModule,
  CustomEditorModule,
  InfiniteRowModelModule,
  LargeTextEditorModule,
  LocaleModule,
  ModuleRegistry,
  PinnedRowModule,
  RowApiModule,
  RowStyleModule,
  TextEditorModule,
  themeQuartz,
} from 'ag-grid-community'

ModuleRegistry.registerModules([
  InfiniteRowModelModule,
  CustomEditorModule,
  LargeTextEditorModule,
  TextEditorModule,
  CellStyleModule,
  ColumnApiModule,
  RowApiModule,
  LocaleModule,
  PinnedRowModule,
  RowStyleModule,
])

export const GRID_THEME = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 14,
  headerFontSize: 14,
  headerFontWeight: 700,
  foregroundColor: 'var(--text-default-grey)',
  backgroundColor: 'var(--background-default-grey)',
  headerBackgroundColor: 'var(--background-alt-grey)',
  accentColor: 'var(--border-active-blue-france)',
  borderColor: 'var(--border-default-grey)',
  wrapperBorderRadius: 0,
  borderRadius: 0,
  spacing: 6,
  browserColorScheme: 'light',
})

export const GRID_LOCALE: Readonly<Record<string, string>> = {
  loadingOoo: 'Chargement…',
  loadingError: 'Erreur',
  noRowsToShow: 'Aucun établissement ne correspond à ces filtres.',
  ariaSortableColumn: 'Entrée pour trier',
  ariaColumnGroupExpansion: 'Entrée pour déplier ou replier ce groupe de colonnes',
  ariaInputEditor: 'Saisie',
  ariaSkeletonCellLoading: 'Chargement de la ligne',
  ariaSkeletonCellLoadingFailed: 'La ligne n’a pas pu être chargée',
  ariaDeferSkeletonCellLoading: 'Chargement de la cellule',
  ariaPendingChange: 'Modification en cours',
  ariaToggleCellValue: 'Espace pour changer la valeur',
  ariaMenuColumn: 'Alt + flèche bas pour le menu de la colonne',
  ariaLabelColumnMenu: 'Menu de la colonne',
}
