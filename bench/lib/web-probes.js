/* global window, document, performance, PerformanceObserver, addEventListener, URL */
// Installed in every page of the web benchmark (context.addInitScript) before the app's own scripts. The
// benchmark polls these on every animation frame; times are performance.now(), i.e. ms since navigation start.
(() => {
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {
    // No long-task timing in this browser: the totals stay 0.
  }

  let lastClick = 0;
  // The event's own time stamp: when the browser received the click, before any handler ran.
  addEventListener("click", (event) => (lastClick = event.timeStamp), true);

  const visible = (el) => {
    if (!el) return false;
    const rect = el.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  };
  const firstRowLink = () => document.querySelector('table tbody tr a[href^="/accounts/"]');
  // Mantine's table sits in a wrapper dimmed to 0.6 while the previous page stands in for the one being fetched.
  const showingPlaceholder = (link) => link.closest('div[style*="opacity"]')?.style.opacity === "0.6";

  window.__okBench = {
    /** The first data row of the accounts table is on screen. */
    firstRow() {
      const link = firstRowLink();
      return visible(link) ? { at: performance.now(), href: link.getAttribute("href") } : null;
    },
    /** The table shows fresh rows (not the placeholder) whose first row differs from `previousHref`, with `search` in the URL. */
    listChanged(previousHref, search) {
      const link = firstRowLink();
      if (!visible(link) || showingPlaceholder(link) || link.getAttribute("href") === previousHref) return null;
      if (search && !window.location.search.includes(search)) return null;
      return { at: performance.now(), href: link.getAttribute("href") };
    },
    /** The input labelled `label` holds `text`: the key press went through the main thread and React kept it. */
    inputHolds(label, text) {
      const input = document.querySelector(`input[aria-label="${label}"]`);
      return input && input.value === text ? { at: performance.now() } : null;
    },
    /**
     * The ECharts canvas shows the revenue bars: at least `minPixels` pixels (sampling every other pixel both
     * ways) in the series colour, so axes and a blank canvas do not count.
     */
    chart(rgb, minPixels) {
      const canvas = document.querySelector("[_echarts_instance_] canvas");
      if (!canvas || !visible(canvas) || canvas.width === 0 || canvas.height === 0) return null;
      const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      let pixels = 0;
      for (let y = 0; y < canvas.height; y += 2) {
        for (let x = 0, i = y * canvas.width * 4; x < canvas.width; x += 2, i += 8) {
          if (data[i + 3] > 200 && Math.abs(data[i] - rgb[0]) < 16 && Math.abs(data[i + 1] - rgb[1]) < 16 && Math.abs(data[i + 2] - rgb[2]) < 16) pixels++;
        }
      }
      return pixels >= minPixels ? { at: performance.now(), pixels } : null;
    },
    lastClick: () => lastClick,
    /** Long-task time (ms) overlapping [from, to], and the longest single task in it. */
    longTasks(from, to) {
      let total = 0;
      let longest = 0;
      for (const task of longTasks) {
        const overlap = Math.min(task.start + task.duration, to) - Math.max(task.start, from);
        if (overlap > 0) total += overlap;
        if (overlap > 0) longest = Math.max(longest, task.duration);
      }
      return { total, longest };
    },
    /** When the steps of a page load finished (ms since navigation start; null when not fetched), to see where the time goes. */
    milestones() {
      const nav = performance.getEntriesByType("navigation")[0];
      const resources = performance.getEntriesByType("resource");
      const first = (pattern) => resources.find((e) => pattern.test(new URL(e.name).pathname))?.responseEnd ?? null;
      return {
        html: nav ? nav.responseEnd : null,
        domContentLoaded: nav ? nav.domContentLoadedEventEnd || null : null,
        me: first(/^\/api\/auth\/me$/),
        pageCode: first(/^\/assets\/(AccountsPage|Account360Page)-/),
        list: first(/^\/api\/accounts$/),
        account: first(/^\/api\/accounts\/[^/]+$/),
        summary: first(/^\/api\/accounts\/[^/]+\/summary$/),
        chartCode: first(/^\/assets\/EChart-/),
      };
    },
    /** JavaScript this document fetched so far: files and bytes as sent by the server. */
    scripts() {
      const entries = performance.getEntriesByType("resource").filter((e) => e.initiatorType === "script" || e.name.endsWith(".js"));
      return { files: entries.length, bytes: entries.reduce((sum, e) => sum + (e.encodedBodySize || 0), 0) };
    },
  };
})();
