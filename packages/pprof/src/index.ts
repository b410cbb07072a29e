// Public API of @pugo/pprof.
export {};
