// fmin ships no type declarations; this covers the one function used (see optimise.ts).
declare module "fmin" {
  interface NelderMeadParameters {
    maxIterations?: number;
    minErrorDelta?: number;
    nonZeroDelta?: number;
    zeroDelta?: number;
  }
  const fmin: {
    nelderMead(f: (x: number[]) => number, x0: number[], parameters?: NelderMeadParameters): { x: number[]; fx: number };
  };
  export default fmin;
}
