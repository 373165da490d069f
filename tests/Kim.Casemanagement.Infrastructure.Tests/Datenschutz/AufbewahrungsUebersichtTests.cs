using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Infrastructure.Datenschutz;
using Kim.Casemanagement.Infrastructure.Persistence;
using Kim.Casemanagement.Infrastructure.Tests.Database;
using Kim.Casemanagement.Infrastructure.Tests.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Kim.Casemanagement.Infrastructure.Tests.Audit.AuditSchreiberTests;
using static Kim.Casemanagement.Infrastructure.Tests.Persistence.Testfaelle;

namespace Kim.Casemanagement.Infrastructure.Tests.Datenschutz;

/// <summary>
/// The counts of the retention overview in the database: a Fall is due when its process track ended, the end of the
/// period valid on the day (computed as <see cref="Frist.Ende"/> does: years, then months, then days) lies before the day,
/// and no hold is active; held ones are counted apart; other tenants and anonymised Fälle are not counted.
/// </summary>
public sealed class AufbewahrungsUebersichtTests
{
    private static readonly string Beendet = Spurregister.Prozess.BeendeteZustaende[0];

    [Fact]
    public async Task FaelleAsync_WhenFaelleEndedAroundTheEndOfThePeriod_CountsExactlyThoseWhosePeriodEndedBeforeTheDay()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dienste = new KimDienste(db.AppConnectionString, db.OwnerConnectionString);
        var heute = new DateOnly(2027, 3, 1);

        // P3Y from 29.02.2024 ends on 28.02.2027 (before the day: due); from 01.03.2024 on the day itself (not yet).
        await AnlegenAsync(dienste, db, "T-1", new DateOnly(2024, 2, 29));
        await AnlegenAsync(dienste, db, "T-2", new DateOnly(2024, 3, 1));
        await AnlegenAsync(dienste, db, "T-3", new DateOnly(2024, 2, 28));
        await AnlegenAsync(dienste, db, "T-4", null);
        var gesperrt = await AnlegenAsync(dienste, db, "T-5", new DateOnly(2020, 1, 1));
        await SperrenAsync(db, gesperrt, "NULL", aufgehoben: false);
        var aufgehoben = await AnlegenAsync(dienste, db, "T-6", new DateOnly(2020, 1, 1));
        await SperrenAsync(db, aufgehoben, "NULL", aufgehoben: true);
        var abgelaufeneSperre = await AnlegenAsync(dienste, db, "T-7", new DateOnly(2020, 1, 1));
        await SperrenAsync(db, abgelaufeneSperre, "'2027-02-28'", aufgehoben: false);
        var sperreBisHeute = await AnlegenAsync(dienste, db, "T-8", new DateOnly(2020, 1, 1));
        await SperrenAsync(db, sperreBisHeute, "'2027-03-01'", aufgehoben: false);
        var anderer = await AnlegenAsync(dienste, db, "T-9", new DateOnly(2020, 1, 1));
        await Sql.ExecuteAsync(db.OwnerConnectionString, $"UPDATE faelle SET mandant = 'Andere Stadt' WHERE id = '{anderer}'");

        var stand = await ZaehlenAsync(db, Rechtsregeltabelle.Standard, heute);

        stand.Faellig.ShouldBe(4);                 // T-1, T-3, T-6 (hold lifted), T-7 (hold ended yesterday)
        stand.FaelligAberGesperrt.ShouldBe(2);     // T-5, T-8 (hold ends today: still active)
        stand.Gesperrt.ShouldBe(2);
    }

    [Fact]
    public async Task FaelleAsync_WhenThePeriodHasYearsAndMonths_AddsTheYearsFirstAsFristEndeDoes()
    {
        await using var db = await NeueDatenbankAsync();
        await using var dienste = new KimDienste(db.AppConnectionString, db.OwnerConnectionString);
        var regeln = Rechtsregeltabelle.Standard.MitErsetzten([new Rechtsregel("Aufbewahrung.FallakteNachAbschluss", new DateOnly(2020, 1, 1), null, "P1Y1M", "Beschluss")]);
        var frist = regeln.Wert(Regeln.AufbewahrungFallakte, new DateOnly(2025, 3, 29));
        frist.Ende(new DateOnly(2024, 2, 29)).ShouldBe(new DateOnly(2025, 3, 28));
        await AnlegenAsync(dienste, db, "M-1", new DateOnly(2024, 2, 29));

        (await ZaehlenAsync(db, regeln, new DateOnly(2025, 3, 28))).Faellig.ShouldBe(0);
        (await ZaehlenAsync(db, regeln, new DateOnly(2025, 3, 29))).Faellig.ShouldBe(1);
    }

    private static async Task<Application.Datenschutz.Aufbewahrung.FaelleZurLoeschung> ZaehlenAsync(Testing.TestDatabase db, Rechtsregeltabelle regeln, DateOnly heute)
    {
        var konfiguration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Kim"] = db.AppConnectionString }).Build();
        await using var datenbank = new Datenbank(konfiguration, Options.Create(new DatenbankOptionen()), NullLoggerFactory.Instance);
        return await new AufbewahrungsUebersicht(datenbank, regeln, new Kalender(TimeProvider.System)).FaelleAsync(Mandant, heute, default);
    }

    /// <summary>A Fall of the test tenant, stored by the repository; its process track ended on <paramref name="beendetAm"/> (open when null).</summary>
    private static async Task<Guid> AnlegenAsync(KimDienste dienste, Testing.TestDatabase db, string aktenzeichen, DateOnly? beendetAm)
    {
        var fall = Eroeffnen(aktenzeichen + "-" + Guid.NewGuid().ToString("N")[..8]);
        await using (var bereich = dienste.NeuerBereich())
        {
            await bereich.Repository.HinzufuegenAsync(fall, default);
        }

        if (beendetAm is { } tag)
        {
            await Sql.ExecuteAsync(db.OwnerConnectionString, $"UPDATE faelle SET prozess_zustand = '{Beendet}', prozess_seit = '{tag:yyyy-MM-dd}' WHERE id = '{fall.Id}'");
        }

        return fall.Id;
    }

    private static Task SperrenAsync(Testing.TestDatabase db, Guid fallId, string bis, bool aufgehoben) =>
        Sql.ExecuteAsync(db.OwnerConnectionString, $"""
            INSERT INTO fall_sperren (id, fall_id, mandant, grund, bis, gesetzt_am, gesetzt_von, aufgehoben_am, aufgehoben_von)
            SELECT gen_random_uuid(), id, mandant, 'Beweissicherung', {bis}, now(), 'ds', {(aufgehoben ? "now(), 'ds'" : "NULL, NULL")}
            FROM faelle WHERE id = '{fallId}'
            """);
}
