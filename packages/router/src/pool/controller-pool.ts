// A route's pool of controller instances: lazy, bounded, reset on release, guarded, counted.
import type { ControllerClass, PoolStat } from '../types.js';
import { compileDefaultReset, type ResetFn } from './default-reset.js';
import { type Difference, findRetained } from './retention-guard.js';

interface ClassInfo {
  readonly pristine: object;
  readonly reset: ResetFn;
}

/** One pristine instance and compiled reset per class, shared by every route that uses it. */
const classInfo = new WeakMap<ControllerClass, ClassInfo>();

function infoOf(Class: ControllerClass): ClassInfo {
  let info = classInfo.get(Class);
  if (info === undefined) {
    const pristine = new Class();
    info = { pristine, reset: compileDefaultReset(pristine) };
    classInfo.set(Class, info);
  }
  return info;
}

type Resettable = { reset?: () => void };

export class ControllerPool<T extends object = object> {
  readonly #Class: ControllerClass<T>;
  readonly #size: number;
  readonly #guard: boolean;
  readonly #idle: T[] = [];
  readonly #route: string;
  readonly #action: string;
  #created = 0;
  #reused = 0;
  #inUse = 0;
  #highWater = 0;
  #dropped = 0;
  #retentionWarnings = 0;

  constructor(
    route: string,
    Class: ControllerClass<T>,
    action: string,
    size: number,
    guard: boolean,
  ) {
    this.#route = route;
    this.#Class = Class;
    this.#action = action;
    this.#size = size;
    this.#guard = guard;
  }

  /** An instance for one request: an idle one, or a new one. Nothing exists before the first call. */
  acquire(): T {
    const inUse = ++this.#inUse;
    if (inUse > this.#highWater) this.#highWater = inUse;
    const instance = this.#idle.pop();
    if (instance !== undefined) {
      this.#reused++;
      return instance;
    }
    this.#created++;
    return new this.#Class();
  }

  /**
   * Takes `instance` back after its request. When the pool has room it is reset (its own `reset()`,
   * or the default) and, with the guard on, compared with a pristine instance; an instance that
   * still holds request data is dropped and the difference returned for the caller to report.
   */
  release(instance: T): Difference | undefined {
    this.#inUse--;
    if (this.#idle.length >= this.#size) {
      this.#dropped++;
      return undefined;
    }
    const own = (instance as Resettable).reset;
    let info: ClassInfo | undefined;
    try {
      if (typeof own === 'function') own.call(instance);
      else {
        info = infoOf(this.#Class);
        info.reset(instance);
      }
    } catch (error) {
      this.#dropped++;
      throw error;
    }
    if (this.#guard) {
      info ??= infoOf(this.#Class);
      const found = findRetained(instance, info.pristine);
      if (found !== undefined) {
        this.#retentionWarnings++;
        this.#dropped++;
        return found;
      }
    }
    this.#idle.push(instance);
    return undefined;
  }

  /** The counters, as plain JSON. */
  stats(): PoolStat {
    return {
      route: this.#route,
      controller: this.#Class.name || '(anonymous class)',
      action: this.#action,
      poolSize: this.#size,
      created: this.#created,
      reused: this.#reused,
      idle: this.#idle.length,
      inUse: this.#inUse,
      highWater: this.#highWater,
      dropped: this.#dropped,
      retentionWarnings: this.#retentionWarnings,
    };
  }
}
