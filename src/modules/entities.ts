import { User } from './users/user.entity.js';
import { UserSettings } from './users/user-settings.entity.js';
import { UserMovementRule } from './users/user-movement-rule.entity.js';
import { UserEnjoyableActivity } from './users/user-enjoyable-activity.entity.js';
import { Program } from './programs/program.entity.js';
import { Microcycle } from './programs/microcycle.entity.js';
import { Session } from './programs/session.entity.js';
import { SessionExercise } from './programs/session-exercise.entity.js';
import { Movement } from './movements/movement.entity.js';
import { MovementRelationship } from './movements/movement-relationship.entity.js';
import { CircuitTemplate } from './circuits/circuit-template.entity.js';
import { WorkoutLog } from './logging/workout-log.entity.js';
import { TopSetLog } from './logging/top-set-log.entity.js';
import { PatternExposure } from './logging/pattern-exposure.entity.js';
import { SorenessLog } from './logging/soreness-log.entity.js';
import { RecoverySignal } from './logging/recovery-signal.entity.js';
import { HeuristicConfig } from './coaching/heuristic-config.entity.js';
import { ConversationThread } from './coaching/conversation-thread.entity.js';
import { ConversationTurn } from './coaching/conversation-turn.entity.js';

/**
 * The 19 entity classes, one per table, in the order of docs/data-model.md, "Tables".
 *
 * @example
 * ```ts
 * MikroORM.init({ ...gainslyConfig(), entities: [...ENTITIES, MyOwnEntity] });
 * ```
 */
export const ENTITIES = Object.freeze([
  User,
  UserSettings,
  UserMovementRule,
  UserEnjoyableActivity,
  Program,
  Microcycle,
  Session,
  SessionExercise,
  Movement,
  MovementRelationship,
  CircuitTemplate,
  WorkoutLog,
  TopSetLog,
  PatternExposure,
  SorenessLog,
  RecoverySignal,
  HeuristicConfig,
  ConversationThread,
  ConversationTurn,
] as const);
