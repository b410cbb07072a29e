// Public API of @pugo/router.
export {};
