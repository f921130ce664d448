// Penpal 7, child side: what a framed page needs to connect to its parent.
export { connect, WindowMessenger } from 'penpal';
