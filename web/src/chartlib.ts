// The parts of Chart.js the dashboards draw with, registered once; imported only through
// `import()` in charts.tsx, so that it is a chunk of its own that other pages never load, and
// named one by one so that the bundler leaves the rest of Chart.js out.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from "chart.js";

Chart.register(BarController, LineController, BarElement, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
// The page's own fonts (a canvas does not inherit them), Devanagari included, and its muted ink.
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.color = "#4d5d6c";

export { Chart };
