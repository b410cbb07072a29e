// Races every wait of a soak against Ctrl-C and the target's death, and knows the phase to blame.
import { setTimeout as sleep } from 'node:timers/promises';
import { SoakError, soakError } from '../errors.js';
import { type Target, targetExited } from './target.js';

/** The phases of a soak, as errors name them ("the target exited … during load"). */
export type SoakPhase = 'start-up' | 'setup' | 'baseline' | 'load' | 'drain' | 'verdict';

/** The soak's watch: what every wait is raced against, and the phase it is in. */
export class SoakWatch {
  /** The phase the soak is in. */
  phase: SoakPhase = 'start-up';
  #stopLoad: (() => void) | undefined;
  #target: Target | undefined;
  readonly #failures: Promise<never>[] = [];

  /** Aborting `signal` stops the load and fails the soak with PUGO_ERR_SOAK_INTERRUPTED. */
  constructor(signal: AbortSignal | undefined) {
    if (signal === undefined) return;
    this.#fail(
      new Promise<never>((_, reject) => {
        signal.addEventListener('abort', () => {
          this.#stopLoad?.();
          reject(soakError('PUGO_ERR_SOAK_INTERRUPTED', { phase: this.phase }));
        });
      }),
    );
  }

  /** Watches `target` too: its exit stops the load and fails the soak, naming the phase. */
  watchTarget(target: Target): void {
    this.#target = target;
    this.#fail(
      target.exit.then(() => {
        this.#stopLoad?.();
        throw targetExited(target, this.phase);
      }),
    );
  }

  /** `stop` ends the load early when the soak fails. */
  onFailureStop(stop: () => void): void {
    this.#stopLoad = stop;
  }

  /** `p`, unless the soak is aborted or the target dies first. */
  guard<T>(p: Promise<T>): Promise<T> {
    p.catch(() => {});
    return Promise.race([p, ...this.#failures]);
  }

  /**
   * Runs `soak`. A dying target often resets a request before its exit is seen: when a soak fails
   * with its target gone, the error names the death, not the reset.
   */
  async blamingTheTarget<T>(soak: () => Promise<T>): Promise<T> {
    try {
      return await soak();
    } catch (error) {
      const target = this.#target;
      if (
        target !== undefined &&
        error instanceof SoakError &&
        error.code !== 'PUGO_ERR_SOAK_INTERRUPTED'
      ) {
        await Promise.race([target.exit, sleep(1000)]);
        if (target.exited() !== undefined) throw targetExited(target, this.phase);
      }
      throw error;
    }
  }

  #fail(failure: Promise<never>): void {
    failure.catch(() => {});
    this.#failures.push(failure);
  }
}
