// @digione/plugin-sdk, all of it (what DESIGN.md budgets).
export * from '@digione/plugin-sdk';
