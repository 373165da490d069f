using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Analysen.Algorithmen;
using Kim.Casemanagement.Application.Analysen.Rohdaten;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Microsoft.Extensions.Options;

namespace Kim.Casemanagement.Application.Tests.Analysen;

internal sealed class FakeBenutzer(params Rolle[] rollen) : IAktuellerBenutzer
{
    public string Id => "lg.test";

    public string Mandant => "Musterstadt";

    public bool IstAngemeldet => true;

    public IReadOnlySet<Rolle> Rollen { get; } = rollen.ToHashSet();

    public Guid? TeamId => null;

    public Behoerde? Behoerde => null;

    public string? Herkunft => null;
}

internal sealed class FakeKalender(DateOnly heute) : IKalender
{
    public DateTimeOffset Jetzt => new(heute.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    public DateOnly Heute => heute;
}

internal sealed class FakeAudit : IAuditProtokoll
{
    private readonly List<AuditVorgang> _offen = [];

    public IReadOnlyList<AuditVorgang> Offen => _offen;

    public void Vormerken(string aktion, string? detail, Guid? fallId, Guid? klientId) => _offen.Add(new AuditVorgang(aktion, detail, fallId, klientId, DateTimeOffset.UnixEpoch));

    public void AlsGespeichertMarkieren() => _offen.Clear();
}

/// <summary>Answers every query from fixed raw data and records what was asked.</summary>
internal sealed class FakeDaten : IAnalysenDaten
{
    public Population Population { get; set; } = new(100, []);

    public LandkartenRohdaten Landkarte { get; set; } = new([], [], []);

    public IReadOnlyList<QuartalsWertRoh> Kennzahlen { get; set; } = [];

    public List<string> Aufrufe { get; } = [];

    public AnalyseAbfrage? LetzteAbfrage { get; private set; }

    /// <summary>Per selection (e.g. by its period), instead of <see cref="Population"/>.</summary>
    public Func<AnalyseAbfrage, Population>? PopulationJeAbfrage { get; set; }

    /// <summary>Milestone durations per selection (all milestones alike); none by default.</summary>
    public Func<AnalyseAbfrage, IReadOnlyList<DauerBeobachtung>>? DauernJeAbfrage { get; set; }

    public Task<Population> PopulationAsync(AnalyseAbfrage abfrage, bool mitZeitraum, CancellationToken ct)
    {
        LetzteAbfrage = abfrage;
        Aufrufe.Add(nameof(PopulationAsync));
        return Task.FromResult(PopulationJeAbfrage?.Invoke(abfrage) ?? Population);
    }

    /// <summary>Whether two selections share a Fall; separate by default.</summary>
    public bool Ueberschneidung { get; set; }

    public Task<bool> UeberschneidenSichAsync(AnalyseAbfrage a, AnalyseAbfrage b, CancellationToken ct)
    {
        Aufrufe.Add(nameof(UeberschneidenSichAsync));
        return Task.FromResult(Ueberschneidung);
    }

    public Task<LandkartenRohdaten> LandkarteAsync(AnalyseAbfrage abfrage, Spur? spur, bool spuruebergreifend, CancellationToken ct)
    {
        Aufrufe.Add(nameof(LandkarteAsync));
        return Task.FromResult(Landkarte);
    }

    public Task<VariantenRohdaten> VariantenAsync(AnalyseAbfrage abfrage, Spur spur, int anzahl, CancellationToken ct) =>
        Task.FromResult(new VariantenRohdaten(0, 0, 0, []));

    public Task<IReadOnlyList<DauerBeobachtung>> DauernAsync(AnalyseAbfrage abfrage, MeilensteinDefinition meilenstein, CancellationToken ct)
    {
        Aufrufe.Add(nameof(DauernAsync));
        return Task.FromResult(DauernJeAbfrage?.Invoke(abfrage) ?? []);
    }

    public Task<KonformitaetsRohdaten> KonformitaetAsync(AnalyseAbfrage abfrage, IReadOnlyCollection<SollKante> soll, IReadOnlyCollection<Spur> spuren, CancellationToken ct) =>
        Task.FromResult(new KonformitaetsRohdaten([], []));

    public Task<IReadOnlyList<QuartalsWertRoh>> KennzahlenAsync(AnalyseAbfrage abfrage, CancellationToken ct)
    {
        Aufrufe.Add(nameof(KennzahlenAsync));
        return Task.FromResult(Kennzahlen);
    }

    public Task<IReadOnlyList<ThemenWertRoh>> ThemenAsync(AnalyseAbfrage abfrage, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ThemenWertRoh>>([]);
}

internal sealed class FakeXes : IXesExport
{
    public XesEinstellungen? Einstellungen { get; private set; }

    public Task SchreibenAsync(Stream ziel, AnalyseAbfrage abfrage, XesEinstellungen einstellungen, CancellationToken ct)
    {
        Einstellungen = einstellungen;
        return Task.CompletedTask;
    }
}

internal static class Handler
{
    public static AnalysenHandler Erstellen(FakeDaten daten, IAktuellerBenutzer? benutzer = null, FakeAudit? audit = null, Action<AnalysenOptionen>? optionen = null, FakeXes? xes = null)
    {
        var o = new AnalysenOptionen();
        optionen?.Invoke(o);
        new AnalysenOptionenPruefung().PostConfigure(null, o);
        return new AnalysenHandler(
            daten, xes ?? new FakeXes(), benutzer ?? new FakeBenutzer(Rolle.Lenkungsgruppe), new FakeKalender(new DateOnly(2025, 12, 31)),
            Rechtsregeltabelle.Standard, Options.Create(o), audit ?? new FakeAudit(), new FakeStand(), KeineAnalysenProjektion.Instanz);
    }
}

/// <summary>Keeps the stored report in memory.</summary>
internal sealed class FakeStand : IAnalysenStand
{
    public Dictionary<string, GespeicherterBericht> Berichte { get; } = [];

    public string Datenstand { get; set; } = "1";

    public Task<GespeicherterBericht?> LesenAsync(string mandant, CancellationToken ct) =>
        Task.FromResult(Berichte.GetValueOrDefault(mandant));

    public Task SpeichernAsync(string mandant, Kim.Casemanagement.Application.Analysen.Ergebnisse.AnalysenBericht bericht, DateOnly stichtag, string datenstand, CancellationToken ct)
    {
        Berichte[mandant] = new GespeicherterBericht(bericht, stichtag, datenstand);
        return Task.CompletedTask;
    }

    public Task<string> DatenstandAsync(string mandant, CancellationToken ct) => Task.FromResult(Datenstand);

    public Task<IReadOnlyList<string>> MandantenAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<string>>([.. Berichte.Keys]);
}
