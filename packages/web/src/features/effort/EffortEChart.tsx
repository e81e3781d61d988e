import { ScatterChart } from "echarts/charts";
import * as echarts from "echarts/core";
import EChart from "../../components/charts/EChart";

// The shared chart registers bars, lines and pies; the effort page also draws a scatter.
echarts.use([ScatterChart]);

export default EChart;
