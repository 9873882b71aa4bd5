/**
 * The scenario file format (schema version 1): plain, versioned JSON describing one
 * region's chain from shelter to housing. This module is the single source of its shape;
 * `validateScenario` (validate.ts) is the only way data enters the model.
 */
import { z } from 'zod';
import type { SchemaCode } from './zod-problems.ts';

/** A problem code as a check's message, for checks whose kind alone does not say enough. */
const code = (c: SchemaCode): string => c;

/** Allowed number of replications of a run. */
export const REPLICATIONS = { min: 2, max: 100_000 } as const;

/** The schema version this code reads and writes. */
export const SCHEMA_VERSION = 1;

/** Largest number of days in any duration or waiting time: 100 years, a whole life. */
export const MAX_DAYS = 36_500;

/**
 * A number with its allowed range. Every number in the scenario has one: the range a real
 * region could have, so that a typing error is caught here and no run can be asked to
 * build more than a browser tab can hold. The range appears in docs/scenario.md.
 */
function quantity(range: {
  min: number;
  max: number;
  /** The minimum itself is not allowed (`> min` instead of `≥ min`). */
  above?: boolean;
  integer?: boolean;
}) {
  let q = z.number();
  q = range.above ? q.gt(range.min) : q.min(range.min);
  q = q.max(range.max);
  return range.integer ? q.int() : q;
}

const share = z.number().min(0, code('share')).max(1, code('share'));
/** Free text shown to users (names, labels): one line. */
const label = z.string().min(1).max(200);
const id = z
  .string()
  .max(60)
  .regex(/^[a-z][a-z0-9-]*$/, code('idFormat'))
  .meta({
    description: 'A short name the scenario refers to: lower-case letters, digits and hyphens.',
  });

/** Calendar years a scenario may cover. */
export const YEARS = { min: 2000, max: 2100 } as const;

/**
 * A key of a step function: a year ("2027") or the first day of a month ("2024-07"),
 * within {@link YEARS}.
 */
export const STEP_KEY = /^(20\d\d|2100)(-(0[1-9]|1[0-2]))?$/;

/**
 * A value that changes in steps: key = year or year-month from which it holds.
 * The first key must not be after the start year, and no two keys may name the same
 * day ("2024" and "2024-01"): both checked in validate.ts.
 */
function stepFunction<T extends z.ZodType>(value: T) {
  return z
    .record(z.string().regex(STEP_KEY, code('stepKeyFormat')), value)
    .refine((r) => Object.keys(r).length > 0, code('needsYear'));
}
export type StepFunction<T> = Record<string, T>;

/** Coefficient of variation (sd / mean): 0 is a fixed duration, 10 is wilder than any stay data. */
const cv = quantity({ min: 0, max: 10 }).meta({
  description:
    'Coefficient of variation (standard deviation / mean); 0 means always the mean. At most 10: no recorded length of stay varies more.',
});

/**
 * A random duration, in the unit of the field that holds it: mean and coefficient of
 * variation, or a table (see DurationSpec).
 * @param maxMean largest mean or table value, in that unit (100 years).
 */
export function durationSchema(maxMean: number = MAX_DAYS) {
  const mean = quantity({ min: 0, max: maxMean, above: true });
  const value = quantity({ min: 0, max: maxMean });
  return z.discriminatedUnion('dist', [
    z.object({ dist: z.literal('fixed'), mean: value }).strict(),
    z.object({ dist: z.literal('exponential'), mean }).strict(),
    z.object({ dist: z.literal('lognormal'), mean, cv }).strict(),
    z.object({ dist: z.literal('gamma'), mean, cv }).strict(),
    z
      .object({
        dist: z.literal('empirical'),
        values: z.array(value).min(1).max(10_000),
        weights: z
          .array(quantity({ min: 0, max: 1e9 }))
          .max(10_000)
          .optional()
          .meta({
            description:
              'Relative weight of each value (equal when absent); each at most 1,000,000,000.',
          }),
      })
      .strict(),
  ]);
}
const days = durationSchema();

/** Where triage sends a person. */
export const PATHWAYS = [
  'independent',
  'housingFirst',
  'shelter24',
  'bw',
  'training',
  'exit',
] as const;
export type Pathway = (typeof PATHWAYS)[number];

/** Routes by which a person becomes ready for a home (what contingents and the market serve). */
export const HOUSING_ROUTES = [
  'independent',
  'housingFirst',
  'shelter24',
  'bw',
  'training',
] as const;
export type HousingRoute = (typeof HOUSING_ROUTES)[number];

/** Kinds of facility (stages with places). */
export const FACILITY_KINDS = ['crisis', 'shelter24', 'bw', 'training'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];

const pathwaySharesSchema = z
  .object(
    Object.fromEntries(PATHWAYS.map((p) => [p, share.optional()])) as Record<
      Pathway,
      z.ZodOptional<typeof share>
    >,
  )
  .strict();
export type PathwayShares = Partial<Record<Pathway, number>>;

/** Where a parameter's value comes from: a document, or an estimate that says so. */
const noteText = z.string().min(1).max(5_000);
export const noteSchema = z.union([
  z.object({ source: noteText }).strict(),
  z.object({ assumption: noteText }).strict(),
  z.object({ source: noteText, assumption: noteText }).strict(),
]);
export type Note = z.infer<typeof noteSchema>;

/** Per-field notes of an object: field name → note. */
const notes = z.record(z.string().max(60), noteSchema).optional();

/** Most places one facility can have: more than the largest Dutch region has in all. */
const places = quantity({ min: 0, max: 100_000, integer: true });

export const householdTypeSchema = z
  .object({
    id,
    label,
    tenureYears: durationSchema(100).meta({
      description: 'Years lived in the region at entry (years, at most 100).',
    }),
    notes,
  })
  .strict();

export const facilitySchema = z
  .object({
    id,
    name: label,
    kind: z.enum(FACILITY_KINDS),
    serves: z
      .array(id)
      .min(1, code('servesNoHouseholdType'))
      .meta({ description: 'Household types this facility takes.' }),
    capacity: stepFunction(places).meta({
      description:
        'Places from each year or month on (a transition path); a cut never evicts anyone. At most 100,000 places.',
    }),
    stay: days.optional().meta({
      description: "Length of the facility's own work: stabilisation, treatment, training (days).",
    }),
    exitAfterStayShare: share.default(0).meta({
      description:
        'Share of those finishing their stay who leave the chain instead of needing a home.',
    }),
    patienceDays: days.optional().meta({
      description:
        'Crisis shelters only: days a person waits in the street queue before giving up (absent: never).',
    }),
    initialOccupancy: places.default(0).meta({
      description:
        'People in the facility when warm-up starts; at most its places in the start year.',
    }),
    costPerPlaceDay: quantity({ min: 0, max: 10_000 }).default(0).meta({
      description:
        'Cost of one occupied place for one day (euro). At most €10,000: above the most intensive care.',
    }),
    notes,
  })
  .strict();

export const arrivalStreamSchema = z
  .object({
    id,
    householdType: id,
    entry: id.meta({
      description:
        'Facility where the stream enters: a crisis shelter, or the waiting list of a place.',
    }),
    ratePerYear: stepFunction(quantity({ min: 0, max: 1_000_000 })).meta({
      description:
        'Expected arrivals per year, from each year or month on. At most 1,000,000 a year: more than all homeless people in the country.',
    }),
    seasonality: z
      .array(quantity({ min: 0, max: 12 }))
      .length(12, code('monthlyFactors'))
      .optional()
      .meta({
        description:
          '12 monthly factors, scaled to average 1 so the yearly rate stays the yearly total; each at most 12 (all arrivals in one month).',
      }),
    selfResolveShare: share.default(0).meta({
      description: 'Share who leave within days with their own solution (crisis entries only).',
    }),
    selfResolveDays: days
      .optional()
      .meta({ description: 'Days until a self-resolving person leaves.' }),
    notes,
  })
  .strict();

export const contingentSchema = z
  .object({
    id,
    owner: label.meta({
      description: 'Who provides the homes (a housing corporation, or a scheme).',
    }),
    unitsPerYear: stepFunction(quantity({ min: 0, max: 100_000 })).meta({
      description:
        'Homes a year, from each year or month on. At most 100,000: more than all social lettings of the largest region.',
    }),
    routes: z
      .array(z.enum(HOUSING_ROUTES))
      .min(1, code('servesNoRoute'))
      .meta({ description: 'Routes this contingent houses.' }),
    householdTypes: z.array(id).min(1, code('servesNoHouseholdType')),
    requiresBinding: z
      .boolean()
      .default(false)
      .meta({ description: 'Only people meeting the regional-binding rule are eligible.' }),
    requiresUrgency: z.boolean().default(true).meta({
      description:
        'Only people past the urgency waiting time in the chain are eligible (urgency status).',
    }),
    pattern: z
      .enum(['even', 'poisson', 'monthly'])
      .default('even')
      .meta({ description: 'How the homes arrive over the year.' }),
    acceptance: share.default(1).meta({
      description:
        'Probability an offer is accepted; a refused home goes to the next eligible person.',
    }),
    singleBindingOffer: z.boolean().default(false).meta({
      description:
        'A single offer that may not be refused (Voorrang Uitstroom Instelling): acceptance is 1.',
    }),
    unused: z
      .enum(['lapse', 'bank'])
      .default('lapse')
      .meta({ description: 'What happens to a home nobody eligible is waiting for.' }),
    bankDays: quantity({ min: 0, max: MAX_DAYS })
      .default(0)
      .meta({ description: 'Days a banked home stays available before it lapses.' }),
    notes,
  })
  .strict();

/**
 * A parameter whose value is uncertain: a range (low–high) used by the sensitivity
 * analysis, and drawn per replication when input uncertainty is switched on.
 */
export const uncertainSchema = z
  .object({
    path: z.string().min(1).max(200).meta({
      description:
        'Which number of this scenario is uncertain, e.g. housing.contingents[0].unitsPerYear.2024.',
    }),
    label: label.meta({ description: 'Short name shown in tables and charts.' }),
    low: z.number(),
    high: z.number(),
    dist: z
      .enum(['uniform', 'triangular'])
      .default('uniform')
      .meta({ description: 'How the value is drawn under input uncertainty (within low–high).' }),
    mode: z.number().optional().meta({
      description: "Most likely value (triangular only; default the scenario's own value).",
    }),
    note: noteSchema,
  })
  .strict();

/** A seed: any printable text without "/" (which separates the parts of a stream name). */
export const seedSchema = z.union(
  [
    z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^/\p{Cc}]+$/u, code('seedTextFormat')),
    z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  ],
  { error: code('seedFormat') },
);

/** Allowed number of replications of a run. */
export const replicationsSchema = z.number().int().min(REPLICATIONS.min).max(REPLICATIONS.max);

const year = quantity({ min: YEARS.min, max: YEARS.max, integer: true });

export const scenarioSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    id,
    name: label,
    description: z.string().max(20_000).default(''),
    region: label,
    startYear: year.meta({
      description: 'First reported calendar year; day 0 of the report is 1 January of this year.',
    }),
    endYear: year.meta({ description: 'Last reported calendar year (inclusive).' }),
    warmupYears: quantity({ min: 0, max: 20, integer: true }).default(3).meta({
      description: 'Years simulated before the start year with its parameters, not reported.',
    }),
    seed: seedSchema.default('doorstroom').meta({ description: 'Default seed of a run.' }),
    replications: replicationsSchema
      .default(1000)
      .meta({ description: 'Default number of replications of a run.' }),
    householdTypes: z.array(householdTypeSchema).min(1).max(50),
    facilities: z.array(facilitySchema).min(1).max(100),
    arrivals: z.array(arrivalStreamSchema).min(1).max(200),
    triage: z
      .object({
        delayDays: stepFunction(days).meta({ description: 'Days from arrival to triage.' }),
        pathways: z.record(id, stepFunction(pathwaySharesSchema)).meta({
          description: 'Per household type: shares of the triage outcomes (they add up to 1).',
        }),
        notes,
      })
      .strict(),
    housing: z
      .object({
        priority: z.enum(['fifo', 'blockingFirst']).default('fifo').meta({
          description:
            'Who gets a contingent home first: the earliest ready for a home, or those blocking a place.',
        }),
        waitElsewhereShare: share.default(0).meta({
          description:
            'Share of people ready for a home who wait elsewhere (ambulant), holding no place.',
        }),
        urgencyAfterDays: stepFunction(quantity({ min: 0, max: MAX_DAYS })).meta({
          description: 'Days in the chain before a person may receive contingent homes (urgency).',
        }),
        bindingYears: stepFunction(quantity({ min: 0, max: 100 })).meta({
          description:
            'Years in the region (at entry plus time in the chain) that regional binding needs.',
        }),
        contingents: z.array(contingentSchema).max(200),
        market: z
          .object({
            routes: z
              .array(z.enum(HOUSING_ROUTES))
              .meta({ description: 'Routes that can find a home on the regular market.' }),
            meanWaitDays: z
              .record(id, stepFunction(quantity({ min: 0, max: MAX_DAYS, above: true })))
              .meta({
                description:
                  'Per household type: mean days to find a home on one’s own (exponential).',
              }),
            notes,
          })
          .strict(),
        notes,
      })
      .strict(),
    relapse: z
      .object({
        share: share.meta({ description: 'Share of housed people who return to the chain.' }),
        afterDays: days.meta({
          description: 'Days from being housed to returning, for those who return.',
        }),
        notes,
      })
      .strict(),
    uncertain: z
      .array(uncertainSchema)
      .max(10_000)
      .default([])
      .meta({ description: 'Parameters with a range: for sensitivity and input uncertainty.' }),
    goal: z
      .object({
        year: year.meta({ description: 'Year whose arrivals (the goal cohort) are measured.' }),
        triageDays: quantity({ min: 0, max: 3_650, above: true })
          .default(42)
          .meta({ description: 'Days from arrival within which triage must happen.' }),
        homeDays: quantity({ min: 0, max: 3_650, above: true }).default(91).meta({
          description: 'Days from arrival within which a person ready for a home must have one.',
        }),
        triageTarget: share
          .default(0.9)
          .meta({ description: 'Share of the cohort that must be triaged in time.' }),
        rehousingTarget: share
          .default(0.9)
          .meta({ description: 'Share of the cohort that must be housed in time.' }),
        notes,
      })
      .strict(),
    notes,
  })
  .strict();

/** A scenario as written (defaults may be missing). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** One parameter range of `uncertain`, validated. */
export type UncertainParameter = Scenario['uncertain'][number];
