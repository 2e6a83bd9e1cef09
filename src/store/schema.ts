// Row types of the tables, as Kysely sees them (migrations/*.sql is the source of truth).
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<string, string | undefined, string>
type Json = ColumnType<Record<string, unknown>, string, string>

export interface RegionTable {
  code: string
  name: string
}
export interface DepartementTable {
  code: string
  name: string
  region_code: string
}
export interface CategoryTable {
  code: string
  label: string
  aggregate_code: string | null
  valid_from: string | null
  valid_to: string | null
  closed: boolean
}
export interface CategoryAggregateTable extends Omit<CategoryTable, 'aggregate_code'> {
  level: number
}
export interface SourceFileTable {
  id: Generated<number>
  file_name: string
  sha256: string
  size_bytes: ColumnType<number, number, number>
  content_gzip: Uint8Array
  received_at: Timestamp
}
export interface FinessImportTable {
  id: Generated<number>
  source_file_id: number
  format: string
  extract_number: number | null
  extract_date: string | null
  encoding: string | null
  strict: boolean
  started_at: Timestamp
  finished_at: string | null
  lines_read: Generated<number>
  sites_read: Generated<number>
  created_count: Generated<number>
  changed_count: Generated<number>
  unchanged_count: Generated<number>
  closed_count: Generated<number>
  reopened_count: Generated<number>
  rejected_count: Generated<number>
  warning_count: Generated<number>
  legal_entities_count: Generated<number>
  groups_count: Generated<number>
}
export interface FinessImportIssueTable {
  import_id: number
  line: number
  severity: 'rejected' | 'warning'
  code: string
  field: string | null
  finess: string | null
  value: string | null
  message: string
}
export interface LegalEntityTable {
  finess_ej: string
  name: string | null
  name_long: string | null
  siren: string | null
  legal_status: string | null
  ape_code: string | null
  created_on: string | null
  closed_on: string | null
  commune_code: string | null
  postal_code: string | null
  city: string | null
  last_import_id: number | null
}
export interface SiteTable {
  finess_eg: string
  finess_ej: string
  name: string
  name_long: string | null
  name_complement: string | null
  distribution_complement: string | null
  street_number: string | null
  street_type: string | null
  street_name: string | null
  street_complement: string | null
  lieu_dit_bp: string | null
  commune_code: string | null
  postal_code: string | null
  city: string | null
  source_departement: string | null
  departement: string | null
  region: string | null
  phone: string | null
  fax: string | null
  category_code: string | null
  category_label: string | null
  aggregate_code: string | null
  aggregate_label: string | null
  sector: string
  siret: string | null
  ape_code: string | null
  mft_code: string | null
  mft_label: string | null
  sph_code: string | null
  sph_label: string | null
  opened_on: string | null
  authorized_on: string | null
  updated_on: string | null
  coord_x: number | null
  coord_y: number | null
  coord_source: string | null
  coord_updated_on: string | null
  latitude: number | null
  longitude: number | null
  key_valid: boolean
  finess_pmsi_computed: string | null
  finess_pmsi_override: string | null
  closed_on: string | null
  closed_by_import_id: number | null
  created_by_import_id: number
}
export interface SiteChangeTable {
  id: Generated<number>
  finess_eg: string
  import_id: number | null
  kind: 'changed' | 'closed' | 'reopened' | 'pmsi-override'
  changes: Json
  recorded_at: Timestamp
  actor: string | null
  note: string | null
}
export interface GroupingTable {
  id: string
  kind: string
  type_code: string | null
  name: string | null
  external_id: string | null
  state: string | null
  last_import_id: number | null
}
export interface GroupingMemberTable {
  grouping_id: string
  finess: string
  level: 'EJ' | 'EG'
  role: string | null
}
export interface SchemaMigrationTable {
  version: string
  applied_at: Timestamp
}

export interface IndicatorTable {
  id: Generated<number>
  code: string
  label: string
  theme: string
  kind: string
  unit: string | null
}
export interface SourceMappingTable {
  id: Generated<number>
  source: string
  name: string
  headers: Json
  created_by: string
  created_at: Timestamp
}
export interface SourceImportTable {
  id: Generated<number>
  source: string
  period: string
  source_file_id: number
  format: string
  encoding: string | null
  sheet: string | null
  header_line: number | null
  columns: Json
  mapping_name: string | null
  actor: string
  started_at: Timestamp
  finished_at: string | null
  replaces_import_id: number | null
  replaced_by_import_id: number | null
  rows_read: Generated<number>
  rows_rejected: Generated<number>
  structures: Generated<number>
  observations: Generated<number>
  added_count: Generated<number>
  changed_count: Generated<number>
  removed_count: Generated<number>
  unchanged_count: Generated<number>
  warning_count: Generated<number>
  rejected_count: Generated<number>
}
export interface SourceImportIssueTable {
  import_id: number
  line: number
  severity: 'rejected' | 'warning'
  code: string
  field: string | null
  finess: string | null
  value: string | null
  message: string
}
/** Numbers of numeric columns come back as exact decimal text. */
export interface ObservationTable {
  import_id: number
  indicator_id: number
  level: string
  finess: string
  period: string
  value_number: string | null
  value_text: string | null
  numerator: string | null
  denominator: string | null
}
export type DerivedObservationTable = Omit<ObservationTable, 'import_id'>
export interface AppUserTable {
  id: Generated<number>
  email: string
  display_name: string
  role: string
  organisation: string | null
  password_hash: string | null
  created_at: Generated<string>
  disabled_at: string | null
}
export interface UserScopeTable {
  user_id: number
  kind: string
  code: string
}
export interface UserIdentityTable {
  provider: string
  subject: string
  user_id: number
  created_at: Generated<string>
}
export interface UserSessionTable {
  token_hash: string
  user_id: number
  csrf_token: string
  created_at: Generated<string>
  last_seen_at: Generated<string>
  expires_at: string
}
export interface LoginFailureTable {
  key: string
  failed_at: Generated<string>
}
export interface OidcPendingTable {
  state: string
  provider: string
  nonce: string
  code_verifier: string
  return_to: string
  created_at: Generated<string>
}
export interface FieldEntryTable {
  finess: string
  indicator_id: number
  period: string
  value_text: string | null
  entered_by: number | null
  entered_at: Generated<string>
}
/** `before` and `after` are JSON values. */
export interface AuditEventTable {
  id: Generated<number>
  at: Generated<string>
  actor_id: number | null
  actor_label: string
  action: string
  entity_kind: string
  entity_id: string | null
  finess: string | null
  field: string | null
  period: string | null
  before: unknown
  after: unknown
}
export interface GridViewTable {
  id: Generated<number>
  owner_id: number
  name: string
  region_code: string | null
  query: string
  created_at: Generated<string>
  updated_at: Generated<string>
}
export interface PriorityListTable {
  id: Generated<number>
  owner_id: number
  name: string
  region_code: string | null
  /** Written as JSON text; read back as parsed JSON, checked against the criteria table. */
  criteria: ColumnType<unknown, string, string>
  created_at: Generated<string>
  updated_at: Generated<string>
}
export interface MonthlyTotalTable {
  period: string
  indicator_id: number
  region: string | null
  departement: string | null
  sector: string | null
  category_code: string | null
  level: string
  finess: string | null
  regions: string[] | null
  departements: string[] | null
  categories: string[] | null
  total: string
}
export interface MonthlyNationalTotalTable {
  period: string
  indicator_id: number
  total: string
}
export interface CumulativeTotalTable {
  indicator_id: number
  period: string
  level: string
  finess: string
  total: string
  month_total: string | null
}
export interface StatusCountTable {
  period: string
  indicator_id: number
  region: string | null
  departement: string | null
  sector: string | null
  category_code: string | null
  value: string
  sites: number
}
export interface StatusNationalCountTable {
  period: string
  indicator_id: number
  value: string
  sites: number
}
export interface FollowUpActionTable {
  id: Generated<number>
  finess: string
  kind: string
  subject: string
  notes: string | null
  next_step: string | null
  due_on: string | null
  status: string
  theme: string | null
  owner_id: number | null
  created_by: number | null
  created_at: Generated<string>
  updated_at: Generated<string>
  external_source: string | null
  external_id: string | null
}
export interface ApiTokenTable {
  id: Generated<number>
  name: string
  token_hash: string
  user_id: number
  created_by: number | null
  created_at: Generated<string>
  last_used_at: string | null
  expires_at: string
  revoked_at: string | null
}
export interface Database {
  region: RegionTable
  departement: DepartementTable
  category: CategoryTable
  category_aggregate: CategoryAggregateTable
  source_file: SourceFileTable
  finess_import: FinessImportTable
  finess_import_issue: FinessImportIssueTable
  legal_entity: LegalEntityTable
  site: SiteTable
  site_change: SiteChangeTable
  grouping: GroupingTable
  grouping_member: GroupingMemberTable
  schema_migration: SchemaMigrationTable
  indicator: IndicatorTable
  source_mapping: SourceMappingTable
  source_import: SourceImportTable
  source_import_issue: SourceImportIssueTable
  observation: ObservationTable
  derived_observation: DerivedObservationTable
  app_user: AppUserTable
  user_scope: UserScopeTable
  user_identity: UserIdentityTable
  user_session: UserSessionTable
  login_failure: LoginFailureTable
  oidc_pending: OidcPendingTable
  field_entry: FieldEntryTable
  audit_event: AuditEventTable
  grid_view: GridViewTable
  priority_list: PriorityListTable
  monthly_total: MonthlyTotalTable
  monthly_national_total: MonthlyNationalTotalTable
  cumulative_total: CumulativeTotalTable
  status_count: StatusCountTable
  status_national_count: StatusNationalCountTable
  follow_up_action: FollowUpActionTable
  api_token: ApiTokenTable
}
