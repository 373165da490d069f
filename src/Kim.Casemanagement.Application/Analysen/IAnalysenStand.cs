using Kim.Casemanagement.Application.Analysen.Ergebnisse;

namespace Kim.Casemanagement.Application.Analysen;

/// <summary>The stored report of all Fälle of a tenant (aggregates only, after suppression), one per tenant.</summary>
public interface IAnalysenStand
{
    /// <summary>The stored report; null if there is none.</summary>
    Task<GespeicherterBericht?> LesenAsync(string mandant, CancellationToken ct);

    /// <summary>Replaces the tenant's stored report.</summary>
    Task SpeichernAsync(string mandant, AnalysenBericht bericht, DateOnly stichtag, string datenstand, CancellationToken ct);

    /// <summary>A cheap fingerprint of the data the report is computed from: it changes when Fälle, events or Themen do.</summary>
    Task<string> DatenstandAsync(string mandant, CancellationToken ct);

    /// <summary>The tenants that have Fälle.</summary>
    Task<IReadOnlyList<string>> MandantenAsync(CancellationToken ct);
}

/// <summary>A stored report with the business day it was computed for and the data fingerprint it was computed from.</summary>
public sealed record GespeicherterBericht(AnalysenBericht Bericht, DateOnly Stichtag, string Datenstand);
