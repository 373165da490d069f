using System.Diagnostics;
using System.Globalization;
using Kim.Casemanagement.Application.Common;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Kim.Casemanagement.Web.Betrieb;

/// <summary>
/// OpenTelemetry (section <c>Telemetrie</c>): traces and metrics of requests, steps, notices, the dispatcher, jobs and
/// the database pool.
/// <list type="bullet">
/// <item><c>OtlpEndpunkt</c> (or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>): traces and metrics go there over OTLP.</item>
/// <item><c>PrometheusPort</c>: a scrape endpoint <c>/metrics</c> on its own listener, bound to <c>PrometheusAdresse</c>
/// (default 127.0.0.1) — not the app's port, so nginx never forwards it to the public.</item>
/// <item><c>Aktiv</c>: the providers run without an exporter (tests add their own).</item>
/// <item><c>Stichprobe</c>: share of traces kept (0..1, default 1).</item>
/// </list>
/// Nothing is collected when none is set. No personal data: the product's tags are fixed vocabulary
/// (<see cref="KimTelemetrie"/>), request spans carry the route template and no client address, query values are redacted
/// by the instrumentation, database spans carry SQL text with parameters (never their values).
/// </summary>
public static class TelemetrieKonfiguration
{
    public static IServiceCollection AddKimTelemetrie(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var abschnitt = configuration.GetSection("Telemetrie");
        var otlp = abschnitt["OtlpEndpunkt"] is { Length: > 0 } e ? new Uri(e) : null;
        var otlpAusUmgebung = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));
        var prometheusPort = abschnitt.GetValue<int?>("PrometheusPort");
        var prometheusAdresse = abschnitt["PrometheusAdresse"] is { Length: > 0 } a ? a : "127.0.0.1";
        var aktiv = abschnitt.GetValue("Aktiv", false);
        var stichprobe = abschnitt.GetValue("Stichprobe", 1.0);
        var spuren = aktiv || otlp is not null || otlpAusUmgebung;
        var metriken = spuren || prometheusPort is not null;
        if (!metriken)
        {
            return services;
        }

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("kim-casemanagement", serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}"))
            .WithMetrics(m =>
            {
                m.AddMeter(KimTelemetrie.Name)
                    .AddMeter("Npgsql") // pool: db.client.connection.count, .max, .pending_requests, .create_time
                    .AddMeter("Microsoft.AspNetCore.Http.Connections") // SignalR connections and their duration
                    .AddMeter("Microsoft.AspNetCore.Server.Kestrel")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (prometheusPort is { } port)
                {
                    m.AddPrometheusHttpListener(o =>
                    {
                        o.Host = prometheusAdresse;
                        o.Port = port;
                    });
                }
            });
        if (spuren)
        {
            otel.WithTracing(t => t
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(Math.Clamp(stichprobe, 0, 1))))
                .AddSource(KimTelemetrie.Name)
                .AddSource("Npgsql")
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.RecordException = false; // exception messages can quote input
                    o.Filter = c => !c.Request.Path.StartsWithSegments("/health");
                    o.EnrichWithHttpResponse = (aktivitaet, _) => OhneAdressen(aktivitaet);
                })
                .AddHttpClientInstrumentation(o => o.RecordException = false));
        }

        if (otlp is not null)
        {
            otel.UseOtlpExporter(OtlpExportProtocol.HttpProtobuf, otlp);
        }
        else if (otlpAusUmgebung)
        {
            otel.UseOtlpExporter();
        }

        return services;
    }

    /// <summary>The caller's and peer's addresses are a staff member's personal data: not in spans.</summary>
    private static void OhneAdressen(Activity aktivitaet)
    {
        aktivitaet.SetTag("client.address", null);
        aktivitaet.SetTag("client.port", null);
        aktivitaet.SetTag("network.peer.address", null);
        aktivitaet.SetTag("network.peer.port", null);
    }
}
