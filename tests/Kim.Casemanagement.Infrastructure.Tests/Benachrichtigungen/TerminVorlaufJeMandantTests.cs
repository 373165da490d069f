using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Einstellungen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Rechtsregeln;
using Kim.Casemanagement.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kim.Casemanagement.Infrastructure.Tests.Benachrichtigungen;

/// <summary>
/// The deadline scheduler's lead times per Kommune (migration 0022): two Fälle with the same permit expiry ten weeks
/// ahead, one in each Kommune. The installation's eight weeks raise nothing; when one Kommune sets twelve weeks, the
/// next run raises the notice for its Fall only.
/// </summary>
public sealed class TerminVorlaufJeMandantTests(PostgresDatabaseFixture fixture) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly DateTimeOffset Jetzt = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private const string KreisLang = "kreis-lang";

    [Fact]
    public async Task Lauf_WhenOneKommuneLengthensTheLeadTime_RaisesTheNoticeForThatKommunesFallOnly()
    {
        await using var instanz = new Instanz(fixture.AppConnectionString, fixture.OwnerConnectionString, Jetzt, akteur: "fm.anlage");
        await AusfuehrenAsync($"INSERT INTO mandanten (schluessel, name) VALUES ('{KreisLang}', 'Kreis Lang') ON CONFLICT DO NOTHING");
        var titel = new Aufnahmeangaben(AufenthaltZustand.AufenthaltserlaubnisSchutz, new DateOnly(2024, 4, 1), Schutzform.Fluechtlingseigenschaft, new DateOnly(2027, 5, 10), null, LeistungenZustand.KeinLeistungsbezug, null, BildungZustand.KeineBeratung, null, null);
        var standard = Eroeffnen("KIM-2027-910001", "fm.standard", "standard", titel);
        var lang = Eroeffnen("KIM-2027-910002", "fm.lang", KreisLang, titel);
        foreach (var fall in new[] { standard, lang })
        {
            await using var scope = instanz.NeuerBereich();
            await scope.ServiceProvider.GetRequiredService<IFallRepository>().HinzufuegenAsync(fall, default);
        }

        instanz.Akteur = "system";
        await instanz.Termine.LaufAsync(default);
        (await TitelablaeufeAsync()).ShouldBeEmpty("ten weeks ahead, the installation's eight weeks raise nothing yet");

        await using (var scope = instanz.NeuerBereich())
        {
            await scope.ServiceProvider.GetRequiredService<MandantEinstellungen>()
                .AendernAsync(KreisLang, MandantUeberschreibungen.Keine with { TitelVorlaufWochen = 12 }, "ad.lang", null, default);
        }

        await instanz.Termine.LaufAsync(default);
        await instanz.Termine.LaufAsync(default);

        (await TitelablaeufeAsync()).ShouldBe([("fm.lang", lang.Id)], "only the Kommune with twelve weeks, once");
        (await WiedervorlageFaelligAsync(lang.Id)).ShouldBe(new DateOnly(2027, 3, 1), "due today: 10.05. minus twelve weeks is already past");
    }

    private static Fall Eroeffnen(string aktenzeichen, string fallmanager, string mandant, Aufnahmeangaben angaben)
    {
        var am = new DateOnly(2027, 1, 4);
        var klient = Domain.Klienten.Klient.Erfassen(Guid.NewGuid(), "Amina", "Haddad", new DateOnly(1990, 5, 17), Domain.Klienten.Geschlecht.Weiblich, "Syrien", new DateOnly(2015, 9, 1), null, 0, am, Jetzt);
        var schritt = new SchrittRahmen(am, "fm.anlage", null, Rechtsregeltabelle.Standard, Jetzt, DateOnly.FromDateTime(Jetzt.UtcDateTime)).Schritt(SchrittDefinition.Einfach(Fall.AufnahmeTrigger, "Aufnahme"), null);
        return Fall.Eroeffnen(Guid.NewGuid(), aktenzeichen, mandant, klient, fallmanager, null, angaben, schritt);
    }

    private async Task AusfuehrenAsync(string sql)
    {
        await using var verbindung = new NpgsqlConnection(fixture.OwnerConnectionString);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand(sql, verbindung);
        await befehl.ExecuteNonQueryAsync();
    }

    private async Task<List<(string Empfaenger, Guid Fall)>> TitelablaeufeAsync()
    {
        await using var verbindung = new NpgsqlConnection(fixture.OwnerConnectionString);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand("SELECT empfaenger_id, fall_id FROM benachrichtigungen WHERE art = 'Titelablauf' ORDER BY id", verbindung);
        await using var reader = await befehl.ExecuteReaderAsync();
        var liste = new List<(string, Guid)>();
        while (await reader.ReadAsync())
        {
            liste.Add((reader.GetString(0), reader.GetGuid(1)));
        }

        return liste;
    }

    private async Task<DateOnly> WiedervorlageFaelligAsync(Guid fallId)
    {
        await using var verbindung = new NpgsqlConnection(fixture.OwnerConnectionString);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand("SELECT faellig FROM wiedervorlagen WHERE fall_id = $1 AND art = 'Titelablauf'", verbindung) { Parameters = { new NpgsqlParameter { Value = fallId } } };
        return (DateOnly)(await befehl.ExecuteScalarAsync())!;
    }
}
