// The structural view of a pprof profile this package reads, satisfied by both builds of pprof-format.

type Numeric = number | bigint;

/**
 * What we read from a profile. @datadog/pprof returns pprof-format's CommonJS classes and we build
 * with its ESM ones; depending on this shape instead of either class lets both through.
 */
export interface ProfileData {
  readonly sampleType: readonly { readonly type: Numeric; readonly unit: Numeric }[];
  readonly sample: readonly {
    readonly locationId: readonly Numeric[];
    readonly value: readonly Numeric[];
    readonly label: readonly {
      readonly key: Numeric;
      readonly str: Numeric;
      readonly num: Numeric;
      readonly numUnit: Numeric;
    }[];
  }[];
  readonly location: readonly {
    readonly id: Numeric;
    readonly line: readonly { readonly functionId: Numeric; readonly line: Numeric }[];
  }[];
  readonly function: readonly {
    readonly id: Numeric;
    readonly name: Numeric;
    readonly systemName: Numeric;
    readonly filename: Numeric;
    readonly startLine: Numeric;
  }[];
  readonly stringTable: { readonly strings: readonly string[] };
  readonly timeNanos: Numeric;
  readonly periodType?: { readonly type: Numeric; readonly unit: Numeric } | undefined;
  readonly period: Numeric;
  /** The uncompressed profile.proto bytes. */
  encode(): Uint8Array;
}
