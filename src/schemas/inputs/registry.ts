// Every write input by name, for generic tooling (docs, tests, form generators, parseInput calls).
import { circuitTemplateInputSchema } from './circuits.js';
import { acceptPlanInputSchema, appendTurnInputSchema, conversationThreadInputSchema, heuristicConfigInputSchema } from './coaching.js';
import { logWorkoutInputSchema, recoverySignalInputSchema, sorenessInputSchema } from './logging.js';
import { movementInputSchema, movementRelationshipInputSchema, updateMovementInputSchema } from './movements.js';
import { createProgramInputSchema, sessionPlanInputSchema } from './programs.js';
import { createUserInputSchema, enjoyableActivityInputSchema, movementRuleInputSchema, updateUserInputSchema } from './users.js';

/**
 * Every write-input schema, keyed by the name of its input type (the name `GainslyValidationError`
 * messages use, e.g. `Invalid LogWorkoutInput: …`).
 *
 * @example
 * ```ts
 * const data = parseInput(INPUT_SCHEMAS.LogWorkoutInput, body, 'LogWorkoutInput');
 * for (const [name, schema] of Object.entries(INPUT_SCHEMAS)) console.log(name, schema.def.type);
 * ```
 */
export const INPUT_SCHEMAS = Object.freeze({
  CreateUserInput: createUserInputSchema,
  UpdateUserInput: updateUserInputSchema,
  MovementRuleInput: movementRuleInputSchema,
  EnjoyableActivityInput: enjoyableActivityInputSchema,
  CreateProgramInput: createProgramInputSchema,
  SessionPlanInput: sessionPlanInputSchema,
  LogWorkoutInput: logWorkoutInputSchema,
  SorenessInput: sorenessInputSchema,
  RecoverySignalInput: recoverySignalInputSchema,
  MovementInput: movementInputSchema,
  UpdateMovementInput: updateMovementInputSchema,
  MovementRelationshipInput: movementRelationshipInputSchema,
  CircuitTemplateInput: circuitTemplateInputSchema,
  HeuristicConfigInput: heuristicConfigInputSchema,
  ConversationThreadInput: conversationThreadInputSchema,
  AppendTurnInput: appendTurnInputSchema,
  AcceptPlanInput: acceptPlanInputSchema,
});

/**
 * The name of a write input, a key of {@link INPUT_SCHEMAS}.
 *
 * @example
 * ```ts
 * const name: InputName = 'SorenessInput';
 * ```
 */
export type InputName = keyof typeof INPUT_SCHEMAS;
