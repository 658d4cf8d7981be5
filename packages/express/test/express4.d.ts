/**
 * `express4` is an npm alias of express 4.22 (devDependency), installed to run every test against
 * both majors. @types/express 5 describes it closely enough for tests.
 */
declare module 'express4' {
  import express from 'express';
  export default express;
}
