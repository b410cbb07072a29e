// Public API of @pugo/heap: the CLI driver, for programmatic use.
export {};
