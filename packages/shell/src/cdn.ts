// Entry of dist/cdn/digione.js: everything a city portal page needs, registered, in one file.
export * from '@digione/context';
export * from './all.js';
