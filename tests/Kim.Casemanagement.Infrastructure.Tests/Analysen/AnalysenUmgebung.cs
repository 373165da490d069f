using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Analysen;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Analysen;
using Kim.Casemanagement.Testing;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Tests.Analysen;

/// <summary>
/// A fresh migrated database with a hand-made log, and the analyses on it as the application runs them: the SQL port on
/// the application role's connection, the handler as the Lenkungsgruppe of the log's tenant, a fixed "today".
/// </summary>
internal sealed class AnalysenUmgebung : IAsyncDisposable
{
    public static readonly DateOnly Heute = new(2025, 12, 31);

    private AnalysenUmgebung(TestDatabase datenbank, NpgsqlDataSource dataSource)
    {
        Datenbank = datenbank;
        DataSource = dataSource;
        Daten = new AnalysenDaten(dataSource);
        Xes = new XesExport(dataSource);
    }

    public TestDatabase Datenbank { get; }

    public NpgsqlDataSource DataSource { get; }

    public AnalysenDaten Daten { get; }

    public XesExport Xes { get; }

    public static async Task<AnalysenUmgebung> MitAsync(Ereignislog log)
    {
        var cluster = await PostgresTestCluster.GetAsync();
        var datenbank = await cluster.CreateDatabaseAsync("analysen");
        await log.SpeichernAsync(datenbank.OwnerConnectionString);
        return new AnalysenUmgebung(datenbank, NpgsqlDataSource.Create(datenbank.AppConnectionString));
    }

    public AnalyseAbfrage Abfrage(AnalyseFilter? filter = null, Rechtsregeltabelle? regeln = null) =>
        new(Ereignislog.Mandant, filter ?? AnalyseFilter.Keiner, Heute, KohortenRegel.Abschnitte(regeln ?? Rechtsregeltabelle.Standard));

    public AnalysenHandler Handler(Action<AnalysenOptionen>? optionen = null, IAuditProtokoll? audit = null, IKalender? kalender = null, IAnalysenProjektion? projektion = null, IAnalysenDaten? sql = null)
    {
        var o = new AnalysenOptionen();
        optionen?.Invoke(o);
        new AnalysenOptionenPruefung().PostConfigure(null, o);
        return new AnalysenHandler(sql ?? Daten, Xes, new Lenkungsgruppe(), kalender ?? new FesterKalender(Heute), Rechtsregeltabelle.Standard, Options.Create(o), audit ?? new OffenesAudit(), new AnalysenStand(DataSource), projektion ?? KeineAnalysenProjektion.Instanz);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await Datenbank.DisposeAsync();
    }

    private sealed class Lenkungsgruppe : IAktuellerBenutzer
    {
        public string Id => "lg.test";

        public string Mandant => Ereignislog.Mandant;

        public bool IstAngemeldet => true;

        public IReadOnlySet<Rolle> Rollen { get; } = new HashSet<Rolle> { Rolle.Lenkungsgruppe };

        public Guid? TeamId => null;

        public Behoerde? Behoerde => null;

        public string? Herkunft => null;
    }
}

/// <summary>A fixed clock.</summary>
internal sealed class FesterKalender(DateOnly heute) : IKalender
{
    public DateTimeOffset Jetzt => new(heute.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    public DateOnly Heute => heute;
}

/// <summary>An audit trail that only collects.</summary>
internal sealed class OffenesAudit : IAuditProtokoll
{
    private readonly List<AuditVorgang> _offen = [];

    public IReadOnlyList<AuditVorgang> Offen => _offen;

    public void Vormerken(string aktion, string? detail, Guid? fallId, Guid? klientId) => _offen.Add(new AuditVorgang(aktion, detail, fallId, klientId, DateTimeOffset.UnixEpoch));

    public void AlsGespeichertMarkieren() => _offen.Clear();
}
