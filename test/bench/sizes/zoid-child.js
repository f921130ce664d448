// zoid (@krakenjs/zoid), its frame-only build: what the child page of a zoid component loads.
export { default } from '@krakenjs/zoid/dist/zoid.frame.js';
