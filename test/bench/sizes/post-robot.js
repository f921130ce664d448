// post-robot (@krakenjs/post-robot), the package's browser build: it does not tree-shake.
export { default } from '@krakenjs/post-robot';
