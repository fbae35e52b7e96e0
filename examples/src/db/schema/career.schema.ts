import { index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

import { optionalUuidColumn, requiredTextColumn, requiredUuidColumn } from './shared.schema.js';
import { users } from './users.schema.js';

/** Job search tracking lives in its own Postgres schema. */
export const careerSchema = pgSchema('career');

export const companies = careerSchema.table('companies', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: requiredTextColumn('name'),
  website: text('website'),
  industry: text('industry'),
  createdAt: timestamp('created_at').defaultNow().notNull(),
});

export const jobs = careerSchema.table(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: requiredUuidColumn('company_id').references(() => companies.id, { onDelete: 'cascade' }),
    title: requiredTextColumn('title'),
    location: text('location'),
    postedAt: timestamp('posted_at', { mode: 'string' }),
  },
  (t) => [index('jobs_company_id_idx').on(t.companyId)],
);

export const jobApplications = careerSchema.table('job_applications', {
  id: uuid('id').primaryKey().defaultRandom(),
  companyId: optionalUuidColumn('company_id').references(() => companies.id, { onDelete: 'set null' }),
  jobId: optionalUuidColumn('job_id').references(() => jobs.id, { onDelete: 'set null' }),
  userId: requiredUuidColumn('user_id').references(() => users.id, { onDelete: 'cascade' }),
  status: requiredTextColumn('status').default('applied'),
  appliedAt: timestamp('applied_at'),
  createdAt: timestamp('created_at').defaultNow().notNull(),
  updatedAt: timestamp('updated_at').defaultNow().notNull(),
});

export const applicationStages = careerSchema.table(
  'application_stages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobApplicationId: requiredUuidColumn('job_application_id').references(() => jobApplications.id, {
      onDelete: 'cascade',
    }),
    stage: requiredTextColumn('stage'),
    notes: text('notes'),
    scheduledAt: timestamp('scheduled_at', { precision: 3, mode: 'string' }),
  },
  (t) => [index('application_stages_job_application_id_idx').on(t.jobApplicationId)],
);
