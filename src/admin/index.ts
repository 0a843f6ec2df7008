// The admin tools: doctor (schema drift), adopt (bring an upstream database up to docs/data-model.md),
// audit (categorical values and ranges in the data) and import (upstream seed files). Explicit
// names only. This is the `@gainsly/db/admin` entry point: tools for operators and migration
// scripts, kept out of the root entry an application imports. User-data export and erasure
// (user-data.ts) serve applications (an account's export or deletion) and are exported from the root.

export { doctor } from './doctor/doctor.js';
export { allFindings, formatDoctorReport } from './doctor/fixes.js';
export type {
  DoctorOptions,
  DoctorReport,
  DoctorFinding,
  DoctorFindingKind,
  DoctorSeverity,
  DoctorStatus,
  DoctorTableReport,
  DoctorEnumReport,
  DoctorMigrations,
  DatabaseKind,
} from './doctor/types.js';
export { adopt, type AdoptOptions, type AdoptResult } from './adopt.js';
export { GainslyAdoptError } from './errors.js';
export {
  audit,
  type AuditOptions,
  type AuditReport,
  type AuditColumnReport,
  type AuditValue,
  type AuditRangeReport,
  type AuditMicrocycleLifecycleReport,
} from './audit.js';
export type { AuditSessionPlanReport } from './audit-session-plans.js';
export type { AuditStoredE1rmReport } from './audit-stored-e1rm.js';
export { importMovements, importCircuits, importHeuristicConfigs } from './import/import.js';
export { GainslyImportError } from '../orm/errors.js';
export type { ImportSource, ImportOptions, ImportReport, ImportSkip } from './import/types.js';
export { classifyEnumValue, normaliseEnumValue, normaliseTags, circuitTypeFromText, type ValueStatus, type ValueClassification } from './values.js';
export type { OrmOrEm } from '../orm/sql-helpers.js';
