// The names PUGO_INJECT_LEAK accepts: four leak classes and one bounded cache that must pass.

/** Every scenario, in the order the soak's calibration runs them. */
export const LEAK_SCENARIOS = [
  'tango-pool',
  'listener',
  'cache',
  'timer',
  'bounded-cache',
] as const;

/** A scenario name. */
export type LeakScenario = (typeof LEAK_SCENARIOS)[number];

/** Whether `name` is a scenario. */
export function isLeakScenario(name: string): name is LeakScenario {
  return (LEAK_SCENARIOS as readonly string[]).includes(name);
}
