import Foundation
import Prometheus

/// What `GET /metrics` reports, in Prometheus' text format: requests by endpoint and status,
/// failures by diagnostic code, conversion time, conversions in flight. A registry of its own
/// (not the process-wide MetricsSystem), so that several servers in one process (the tests) each
/// count their own.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let conversionTime: DurationHistogram
    let inFlight: Gauge

    init() {
        conversionTime = registry.makeDurationHistogram(
            name: "newsconv_conversion_seconds",
            buckets: [
                .microseconds(250), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
                .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1), .seconds(5), .seconds(10),
            ],
            help: "Time to convert one request's document, import to export")
        inFlight = registry.makeGauge(name: "newsconv_conversions_in_flight", help: "Conversions running now")
    }

    func request(endpoint: String, status: Int) {
        registry.makeCounter(
            name: "newsconv_requests_total", labels: [("endpoint", endpoint), ("status", String(status))],
            help: "Requests answered, by endpoint and HTTP status"
        ).increment()
    }

    func failure(code: String) {
        registry.makeCounter(
            name: "newsconv_failures_total", labels: [("code", code)], help: "Requests that failed, by diagnostic code"
        ).increment()
    }

    func conversion(took duration: Duration) {
        conversionTime.record(duration)
    }

    func text() -> String { registry.emitToString() }
}
