// Comlink, all of it (expose/wrap/windowEndpoint: both sides are one module).
export * from 'comlink';
