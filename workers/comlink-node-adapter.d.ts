// Types for comlink's node adapter imported by its .mjs path (comlink ships only a .d.ts beside it).
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
