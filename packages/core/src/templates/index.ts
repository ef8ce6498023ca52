/**
 * Data shapes of the production templates (contract 9.3), as zod schemas with their inferred types.
 * @module @scribe/core/templates
 */
export * from './clinical-duration';
export * from './transcript-template';
export * from './clinical-notes-template';
export * from './eka-emr-template';
export * from './template-data-schemas';
