package org.parley.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Item 7's pictures, the growth plots: p99 at the fixed rate and the HTTP/JDBC throughput ratio against the number of
 * cases, for the list and the search matching ~1 % of cases (JFreeChart, headless).
 */
final class Plot {

    private Plot() {}

    /** Re-draws the plots of a results file: {@code Plot docs/bench/results-<stamp>.json}. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        JsonNode results = Bench.JSON.readTree(file.toFile());
        String stamp = file.getFileName().toString().replace("results-", "").replace(".json", "");
        scaling(results.path("item1_7_list"), file.getParent(), stamp);
    }

    static void scaling(JsonNode scales, Path directory, String stamp) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection p99 = new XYSeriesCollection();
        XYSeriesCollection ratio = new XYSeriesCollection();
        XYSeriesCollection jdbcP99 = new XYSeriesCollection();
        for (String reader : new String[] {"member", "grantee", "otherStaff", "anonymous"}) {
            for (String kind : new String[] {"list", "search 1%"}) {
                XYSeries latency = new XYSeries(reader + " " + kind + " (HTTP)");
                XYSeries sql = new XYSeries(reader + " " + kind + " (JDBC)");
                XYSeries ratios = new XYSeries(reader + " " + kind);
                for (Iterator<Map.Entry<String, JsonNode>> it = scales.fields(); it.hasNext(); ) {
                    JsonNode scale = it.next().getValue();
                    JsonNode figure = kind.equals("list")
                            ? scale.path(reader).path("list")
                            : scale.path(reader).path("search").path("1%");
                    if (figure.isMissingNode()) {
                        continue;
                    }
                    double cases = scale.path("cases").asDouble();
                    latency.add(
                            cases,
                            Math.max(
                                    0.1,
                                    figure.path("http")
                                            .path("fixedRate")
                                            .path("p99Ms")
                                            .asDouble()));
                    sql.add(
                            cases,
                            Math.max(
                                    0.1,
                                    figure.path("jdbc")
                                            .path("fixedRate")
                                            .path("p99Ms")
                                            .asDouble()));
                    ratios.add(cases, figure.path("throughputRatio").asDouble());
                }
                p99.addSeries(latency);
                jdbcP99.addSeries(sql);
                ratio.addSeries(ratios);
            }
        }
        JFreeChart latency = chart("p99 latency at 50 req/s, HTTP through cases (target 50 ms)", p99, true, "p99 (ms)");
        withTarget(latency, 50);
        save(latency, directory.resolve("list-p99-" + stamp + ".png"));
        JFreeChart sql = chart("p99 latency of the same SQL over JDBC (baseline)", jdbcP99, true, "p99 (ms)");
        withTarget(sql, 50);
        save(sql, directory.resolve("list-jdbc-p99-" + stamp + ".png"));
        JFreeChart ratios = chart("throughput, cases service / direct JDBC (target >= 0.8)", ratio, false, "ratio");
        withTarget(ratios, Targets.HTTP_VS_JDBC.threshold());
        save(ratios, directory.resolve("list-ratio-" + stamp + ".png"));
    }

    /** A dashed red line at the target, kept in view. */
    private static void withTarget(JFreeChart chart, double value) {
        XYPlot plot = chart.getXYPlot();
        plot.addRangeMarker(target(value));
        double lower = plot.getRangeAxis().getLowerBound();
        double upper = plot.getRangeAxis().getUpperBound();
        plot.getRangeAxis().setRange(Math.min(lower, value * 0.5), Math.max(upper, value * 2));
    }

    private static ValueMarker target(double value) {
        ValueMarker marker = new ValueMarker(value);
        marker.setPaint(Color.RED);
        marker.setStroke(
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        return marker;
    }

    private static LogAxis logAxis(String label, double smallest) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setSmallestValue(smallest);
        axis.setTickUnit(new NumberTickUnit(1.0));
        axis.setNumberFormatOverride(new DecimalFormat("#,##0.#"));
        return axis;
    }

    private static JFreeChart chart(String title, XYSeriesCollection data, boolean logY, String yLabel) {
        LogAxis x = logAxis("cases", 100);
        NumberAxis y;
        if (logY) {
            LogAxis log = logAxis(yLabel, 0.1);
            XYPlot plot = new XYPlot(data, x, log, renderer(data.getSeriesCount()));
            return styled(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        }
        y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, x, y, renderer(data.getSeriesCount()));
        return styled(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    }

    private static XYLineAndShapeRenderer renderer(int series) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        Color[] colors = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)
        };
        for (int i = 0; i < series; i++) {
            renderer.setSeriesPaint(i, colors[i % colors.length]);
            renderer.setSeriesStroke(i, new BasicStroke(i % 2 == 0 ? 2.0f : 1.2f));
        }
        return renderer;
    }

    private static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return chart;
    }

    private static void save(JFreeChart chart, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 1000, 560);
        Bench.log("plot: " + file);
    }
}
