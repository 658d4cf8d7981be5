/**
 * An objective on its way from a file to `defineObjective`.
 *
 * @internal
 */
import type { ObjectiveInput } from '@nines/core';
import type { Field } from './reader/field.js';
import type { ObjectiveDetails } from './types.js';

/** An objective input with what the file said beyond the core model. */
export interface ObjectiveDraft {
  readonly input: ObjectiveInput;
  readonly details: ObjectiveDetails;
  /** Where to report problems `defineObjective` finds. */
  readonly field: Field;
}
