/**
 * The scenario file format (schema version 1): plain, versioned JSON describing one
 * region's chain from shelter to housing. This module is the single source of its shape;
 * `validateScenario` (validate.ts) is the only way data enters the model.
 */
import { z } from 'zod';

/** Allowed number of replications of a run. */
export const REPLICATIONS = { min: 2, max: 100_000 } as const;

/** The schema version this code reads and writes. */
export const SCHEMA_VERSION = 1;

/** Where a parameter's value comes from: a document, or an estimate that says so. */
export const noteSchema = z.union([
  z.object({ source: z.string().min(1) }).strict(),
  z.object({ assumption: z.string().min(1) }).strict(),
  z.object({ source: z.string().min(1), assumption: z.string().min(1) }).strict(),
]);
export type Note = z.infer<typeof noteSchema>;

/** Per-field notes of an object: field name → note. */
const notes = z.record(z.string(), noteSchema).optional();

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const nonNegative = finite.refine((v) => v >= 0, 'must be ≥ 0');
const positive = finite.refine((v) => v > 0, 'must be > 0');
const share = finite.refine((v) => v >= 0 && v <= 1, 'must be a share between 0 and 1');
const id = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]*$/,
    'must be lower-case letters, digits and hyphens, starting with a letter',
  );

/** A key of a step function: a year ("2027") or the first day of a month ("2024-07"). */
export const STEP_KEY = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

/**
 * A value that changes in steps: key = year or year-month from which it holds.
 * The first key must not be after the start year (checked in validate.ts).
 */
function stepFunction<T extends z.ZodType>(value: T) {
  return z
    .record(z.string().regex(STEP_KEY, 'must be a year ("2027") or a month ("2024-07")'), value)
    .refine((r) => Object.keys(r).length > 0, 'needs at least one year');
}
export type StepFunction<T> = Record<string, T>;

/** A random duration: mean and coefficient of variation, or a table (see DurationSpec). */
export const durationSchema = z.discriminatedUnion('dist', [
  z.object({ dist: z.literal('fixed'), mean: nonNegative }).strict(),
  z.object({ dist: z.literal('exponential'), mean: positive }).strict(),
  z.object({ dist: z.literal('lognormal'), mean: positive, cv: positive }).strict(),
  z.object({ dist: z.literal('gamma'), mean: positive, cv: positive }).strict(),
  z
    .object({
      dist: z.literal('empirical'),
      values: z.array(nonNegative).min(1, 'needs at least one value'),
      weights: z.array(nonNegative).optional(),
    })
    .strict(),
]);

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

export const householdTypeSchema = z
  .object({
    id,
    label: z.string().min(1),
    /** Years lived in the region at entry. */
    tenureYears: durationSchema,
    notes,
  })
  .strict();

export const facilitySchema = z
  .object({
    id,
    name: z.string().min(1),
    kind: z.enum(FACILITY_KINDS),
    /** Household type ids this facility takes. */
    serves: z.array(id).min(1, 'must serve at least one household type'),
    /** Places, per year (a transition path). Cuts never evict. */
    capacity: stepFunction(nonNegative.refine(Number.isInteger, 'must be a whole number')),
    /** Length of the facility's own work (days): stabilisation, treatment, training. */
    stay: durationSchema.optional(),
    /** Share of those finishing their stay who leave the chain instead of needing a home. */
    exitAfterStayShare: share.default(0),
    /** Crisis only: days a person waits in the street queue before giving up (absent: never). */
    patienceDays: durationSchema.optional(),
    /** Persons in the facility when warm-up starts. */
    initialOccupancy: nonNegative.refine(Number.isInteger, 'must be a whole number').default(0),
    /** Cost of one occupied place for one day (euro). */
    costPerPlaceDay: nonNegative.default(0),
    notes,
  })
  .strict();

export const arrivalStreamSchema = z
  .object({
    id,
    householdType: id,
    /** Facility id where the stream enters: a crisis shelter, or the waiting list of a place. */
    entry: id,
    /** Expected arrivals per year. */
    ratePerYear: stepFunction(nonNegative),
    /** 12 monthly factors, scaled to average 1 (so the yearly rate stays the yearly total). */
    seasonality: z.array(nonNegative).length(12, 'must have 12 monthly factors').optional(),
    /** Share who leave within days with their own solution (crisis entries only). */
    selfResolveShare: share.default(0),
    /** Days until a self-resolving person leaves. */
    selfResolveDays: durationSchema.optional(),
    notes,
  })
  .strict();

export const contingentSchema = z
  .object({
    id,
    /** Who provides the homes (a housing corporation, or a scheme). */
    owner: z.string().min(1),
    unitsPerYear: stepFunction(nonNegative),
    /** Routes this contingent houses. */
    routes: z.array(z.enum(HOUSING_ROUTES)).min(1, 'must serve at least one route'),
    householdTypes: z.array(id).min(1, 'must serve at least one household type'),
    /** Only persons meeting the regional-binding rule are eligible. */
    requiresBinding: z.boolean().default(false),
    /** Only persons past housing.urgencyAfterDays in the chain are eligible (urgency status). */
    requiresUrgency: z.boolean().default(true),
    /** How units arrive over the year. */
    pattern: z.enum(['even', 'poisson', 'monthly']).default('even'),
    /** Probability an offer is accepted; refused units go to the next eligible person. */
    acceptance: share.default(1),
    /** A single offer that may not be refused (Voorrang Uitstroom Instelling): acceptance is 1. */
    singleBindingOffer: z.boolean().default(false),
    /** What happens to a unit nobody eligible is waiting for. */
    unused: z.enum(['lapse', 'bank']).default('lapse'),
    /** Days a banked unit stays available before it lapses. */
    bankDays: nonNegative.default(0),
    notes,
  })
  .strict();

/**
 * A parameter whose value is uncertain: a range (low–high) used by the sensitivity
 * analysis, and drawn per replication when input uncertainty is switched on.
 */
export const uncertainSchema = z
  .object({
    /** Path of a number in this scenario, e.g. "housing.contingents[0].unitsPerYear.2024". */
    path: z.string().min(1),
    /** Short name shown in tables and charts. */
    label: z.string().min(1),
    low: finite,
    high: finite,
    /** How the value is drawn under input uncertainty (within low–high). */
    dist: z.enum(['uniform', 'triangular']).default('uniform'),
    /** Most likely value (triangular only; default the scenario's own value). */
    mode: finite.optional(),
    note: noteSchema,
  })
  .strict();

export const scenarioSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION, { error: `must be ${SCHEMA_VERSION}` }),
    id,
    name: z.string().min(1),
    description: z.string().default(''),
    region: z.string().min(1),
    /** First reported calendar year; t = 0 of the report is 1 January of this year. */
    startYear: z.number().int().min(2000).max(2100),
    /** Last reported calendar year (inclusive). */
    endYear: z.number().int().min(2000).max(2100),
    /** Years simulated before startYear with startYear's parameters, not reported. */
    warmupYears: z.number().int().min(0).max(20).default(3),
    /** Default seed and number of replications of a run. */
    seed: z.union([z.string().min(1), z.number().int()]).default('doorstroom'),
    replications: z.number().int().min(REPLICATIONS.min).max(REPLICATIONS.max).default(1000),
    householdTypes: z.array(householdTypeSchema).min(1),
    facilities: z.array(facilitySchema).min(1),
    arrivals: z.array(arrivalStreamSchema).min(1),
    triage: z
      .object({
        /** Days from arrival to triage. */
        delayDays: stepFunction(durationSchema),
        /** Per household type: shares of triage outcomes (sum to 1). */
        pathways: z.record(id, stepFunction(pathwaySharesSchema)),
        notes,
      })
      .strict(),
    housing: z
      .object({
        /** Who gets a contingent unit first: earliest housing-ready, or those blocking a place. */
        priority: z.enum(['fifo', 'blockingFirst']).default('fifo'),
        /** Share of housing-ready persons who wait elsewhere (ambulant), holding no place. */
        waitElsewhereShare: share.default(0),
        /** Days in the chain before a person may receive contingent units (urgency). */
        urgencyAfterDays: stepFunction(nonNegative),
        /** Years in the region (tenure at entry + time in chain) that regional binding needs. */
        bindingYears: stepFunction(nonNegative),
        contingents: z.array(contingentSchema),
        market: z
          .object({
            /** Routes that can find a home on the regular market. */
            routes: z.array(z.enum(HOUSING_ROUTES)),
            /** Mean days to find a home on one's own (exponential), per household type. */
            meanWaitDays: z.record(id, stepFunction(positive)),
            notes,
          })
          .strict(),
        notes,
      })
      .strict(),
    relapse: z
      .object({
        /** Share of housed persons who return to the chain. */
        share,
        /** Days from being housed to returning, for those who return. */
        afterDays: durationSchema,
        notes,
      })
      .strict(),
    /** Parameters with a range: for sensitivity and input uncertainty. */
    uncertain: z.array(uncertainSchema).default([]),
    goal: z
      .object({
        year: z.number().int(),
        triageDays: positive.default(42),
        homeDays: positive.default(91),
        triageTarget: share.default(0.9),
        rehousingTarget: share.default(0.9),
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
export type Facility = Scenario['facilities'][number];
export type ArrivalStream = Scenario['arrivals'][number];
export type Contingent = Scenario['housing']['contingents'][number];
export type HouseholdType = Scenario['householdTypes'][number];
export type UncertainParameter = Scenario['uncertain'][number];
