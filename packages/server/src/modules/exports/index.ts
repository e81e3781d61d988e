export { exportCsv, exportLines } from "./exports.service";
export { exportsRoutes } from "./exports.routes";
export { neutralise } from "./exports.csv";
