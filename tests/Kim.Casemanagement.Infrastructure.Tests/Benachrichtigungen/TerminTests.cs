using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Datenschutz.Sperrung;
using Kim.Casemanagement.Domain.Einwilligungen;
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
/// The deadline scheduler: each kind of deadline raises its notice (and, where the issue asks, its Wiedervorlage)
/// exactly once, with two instances running at the same time, across a restart and on later days.
/// </summary>
public sealed class TerminTests(PostgresDatabaseFixture fixture) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly DateTimeOffset Jetzt = new(2027, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Heute = new(2027, 3, 1);

    [Fact]
    public async Task Lauf_WithTwoInstancesAtOnceARestartAndLaterDays_SendsEachDeadlineNoticeExactlyOnce()
    {
        var a = new Instanz(fixture.AppConnectionString, fixture.OwnerConnectionString, Jetzt, akteur: "fm.anlage");
        var faelle = await AnlegenAsync(a);
        a.Akteur = "system";
        await using var b = new Instanz(fixture.AppConnectionString, fixture.OwnerConnectionString, Jetzt);

        // Two instances, several runs at the same moment: one holds the lock, the other skips; reruns find nothing new.
        for (var i = 0; i < 3; i++)
        {
            await Task.WhenAll(a.Termine.LaufAsync(default), b.Termine.LaufAsync(default), a.Termine.LaufAsync(default), b.Termine.LaufAsync(default));
        }

        // Restart: a new instance with nothing in memory, a day later.
        await a.DisposeAsync();
        await using var c = new Instanz(fixture.AppConnectionString, fixture.OwnerConnectionString, Jetzt.AddDays(1));
        b.Uhr.Jetzt = Jetzt.AddDays(1);
        await Task.WhenAll(c.Termine.LaufAsync(default), b.Termine.LaufAsync(default));
        (await c.Termine.LaufAsync(default)).ShouldBe(0);

        Guid[] meineFaelle = [faelle.Wiedervorlagen, faelle.Titel, faelle.TitelSpaeter, faelle.Kooperationsplan, faelle.Chancen, faelle.Einwilligung];
        var meldungen = (await MeldungenAsync()).Where(m => meineFaelle.Contains(m.Fall)).ToList();
        meldungen.ShouldBe(
            [
                ("fm.titel", faelle.Titel, "Titelablauf"),
                ("fm.wv", faelle.Wiedervorlagen, "Wiedervorlage"),
                ("fm.wv.zustaendig", faelle.Wiedervorlagen, "Wiedervorlage"),
                ("fm.koop", faelle.Kooperationsplan, "Kooperationsplan"),
                ("fm.koop.vertretung", faelle.Kooperationsplan, "Kooperationsplan"),
                ("fm.chancen", faelle.Chancen, "Chancenaufenthaltsrecht"),
                ("fm.einwilligung", faelle.Einwilligung, "Einwilligungsablauf"),
            ],
            ignoreOrder: true);

        // The follow-ups the scheduler creates exist once each (Verlängerung beantragen, Kooperationsplan, § 104c, consent).
        var wiedervorlagen = (await WiedervorlagenAsync()).Where(w => meineFaelle.Contains(w.Fall)).ToList();
        wiedervorlagen.ShouldBe(
            [
                (faelle.Titel, "Titelablauf", "Verlängerung beantragen: Aufenthaltstitel/Duldung gültig bis 15.04.2027"),
                (faelle.Kooperationsplan, "Kooperationsplan", "Kooperationsplan überprüfen (spätestens 10.03.2027)"),
                (faelle.Chancen, "Chancenaufenthaltsrecht", "Chancen-Aufenthaltsrecht endet am 15.04.2027: Übergang nach § 25a/§ 25b prüfen"),
                (faelle.Einwilligung, "Einwilligungsablauf", "Einwilligung (Jobcenter) läuft am 11.03.2027 ab: erneuern oder Weitergabe beenden"),
            ],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Lauf_WhenTheWiedervorlageIsLaterDue_SendsItsNoticeOnTheDueDayAndNotBefore()
    {
        await using var instanz = new Instanz(fixture.AppConnectionString, fixture.OwnerConnectionString, Jetzt, akteur: "fm.anlage");
        Guid fallId;
        await using (var scope = instanz.NeuerBereich())
        {
            var fall = Eroeffnen("KIM-2027-900101", "fm.spaeter", Aufnahmeangaben.OhneVorgeschichte, new DateOnly(2027, 1, 4));
            fall.WiedervorlageAnlegen(Guid.NewGuid(), new DateOnly(2027, 3, 20), "Unterlagen zur Anerkennung prüfen", WiedervorlageArt.Manuell, null, null, Jetzt);
            await scope.ServiceProvider.GetRequiredService<IFallRepository>().HinzufuegenAsync(fall, default);
            fallId = fall.Id;
        }

        instanz.Akteur = "system";
        await instanz.Termine.LaufAsync(default);
        (await MeldungenAsync()).Where(m => m.Fall == fallId).ShouldBeEmpty();

        instanz.Uhr.Jetzt = new DateTimeOffset(2027, 3, 20, 6, 0, 0, TimeSpan.Zero);
        await instanz.Termine.LaufAsync(default);
        await instanz.Termine.LaufAsync(default);
        (await MeldungenAsync()).Where(m => m.Fall == fallId).ShouldBe([("fm.spaeter", fallId, "Wiedervorlage")]);
    }

    [Fact]
    public async Task Lauf_WhenAFallIsHeld_CreatesNoFollowUpAndSendsNoNoticeUntilTheHoldIsLifted()
    {
        await using var instanz = new Instanz(fixture.AppConnectionString, fixture.OwnerConnectionString, Jetzt, akteur: "fm.anlage");
        var schutz = new Aufnahmeangaben(AufenthaltZustand.AufenthaltserlaubnisSchutz, new DateOnly(2024, 4, 1), Schutzform.Fluechtlingseigenschaft, new DateOnly(2027, 4, 15), null, LeistungenZustand.KeinLeistungsbezug, null, BildungZustand.KeineBeratung, null, null);
        var fall = Eroeffnen("KIM-2027-900201", "fm.gesperrt", schutz, new DateOnly(2027, 1, 4));
        fall.WiedervorlageAnlegen(Guid.NewGuid(), Heute, "Heute fällig, aber der Fall ist gesperrt", WiedervorlageArt.Manuell, null, null, Jetzt);
        await using (var scope = instanz.NeuerBereich())
        {
            await scope.ServiceProvider.GetRequiredService<IFallRepository>().HinzufuegenAsync(fall, default);
        }

        await using (var scope = instanz.NeuerBereich())
        {
            await using var vorgang = (await scope.ServiceProvider.GetRequiredService<IFallSperren>().OeffnenAsync(fall.Id, Heute, default))!;
            await vorgang.SetzenAsync(new NeueSperre(Guid.NewGuid(), "Rechtsstreit", null, "ds.test", Jetzt), default);
            await vorgang.AbschliessenAsync(default);
        }

        instanz.Akteur = "system";
        await instanz.Termine.LaufAsync(default);

        (await MeldungenAsync()).Where(m => m.Fall == fall.Id).ShouldBeEmpty();
        (await WiedervorlagenAsync()).Where(w => w.Fall == fall.Id).ShouldBeEmpty();
        (await VersionAsync(fall.Id)).ShouldBe(2, "Aufnahme und Sperre, nichts vom Terminlauf");

        await using (var scope = instanz.NeuerBereich())
        {
            await using var vorgang = (await scope.ServiceProvider.GetRequiredService<IFallSperren>().OeffnenAsync(fall.Id, Heute, default))!;
            await vorgang.AufhebenAsync("Rechtsstreit beendet", "ds.test", Jetzt, default);
            await vorgang.AbschliessenAsync(default);
        }

        await instanz.Termine.LaufAsync(default);

        (await MeldungenAsync()).Where(m => m.Fall == fall.Id).ShouldBe([("fm.gesperrt", fall.Id, "Wiedervorlage"), ("fm.gesperrt", fall.Id, "Titelablauf")], ignoreOrder: true);
        (await WiedervorlagenAsync()).Where(w => w.Fall == fall.Id).Select(w => w.Art).ShouldBe(["Titelablauf"]);
    }

    private async Task<int> VersionAsync(Guid fallId)
    {
        await using var verbindung = new NpgsqlConnection(fixture.OwnerConnectionString);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand("SELECT version FROM faelle WHERE id = $1", verbindung) { Parameters = { new NpgsqlParameter { Value = fallId } } };
        return (int)(await befehl.ExecuteScalarAsync())!;
    }

    private async Task<(Guid Wiedervorlagen, Guid Titel, Guid TitelSpaeter, Guid Kooperationsplan, Guid Chancen, Guid Einwilligung)> AnlegenAsync(Instanz instanz)
    {
        var schutz = new Aufnahmeangaben(AufenthaltZustand.AufenthaltserlaubnisSchutz, new DateOnly(2024, 4, 1), Schutzform.Fluechtlingseigenschaft, new DateOnly(2030, 3, 31), null, LeistungenZustand.KeinLeistungsbezug, null, BildungZustand.KeineBeratung, null, null);

        var wv = Eroeffnen("KIM-2027-900001", "fm.wv", Aufnahmeangaben.OhneVorgeschichte, new DateOnly(2027, 1, 4));
        wv.WiedervorlageAnlegen(Guid.NewGuid(), new DateOnly(2027, 2, 27), "Rückruf Sprachkursträger", WiedervorlageArt.Manuell, null, null, Jetzt);
        wv.WiedervorlageAnlegen(Guid.NewGuid(), Heute, "Termin Ausländerbehörde vorbereiten", WiedervorlageArt.Manuell, null, "fm.wv.zustaendig", Jetzt);
        wv.WiedervorlageAnlegen(Guid.NewGuid(), new DateOnly(2027, 3, 10), "Noch nicht fällig", WiedervorlageArt.Manuell, null, null, Jetzt);
        var erledigt = wv.WiedervorlageAnlegen(Guid.NewGuid(), new DateOnly(2027, 2, 1), "Schon erledigt", WiedervorlageArt.Manuell, null, null, Jetzt);
        wv.WiedervorlageErledigen(erledigt.Id, "fm.wv", Jetzt);

        var titel = Eroeffnen("KIM-2027-900002", "fm.titel", schutz with { AufenthaltGueltigBis = new DateOnly(2027, 4, 15) }, new DateOnly(2027, 1, 4));
        var titelSpaeter = Eroeffnen("KIM-2027-900003", "fm.titel.spaeter", schutz with { AufenthaltGueltigBis = new DateOnly(2027, 6, 30) }, new DateOnly(2027, 1, 4));

        var koop = Eroeffnen("KIM-2027-900004", "fm.koop", schutz with { Leistungsstatus = LeistungenZustand.Kooperationsplan, LeistungenSeit = new DateOnly(2026, 9, 10) }, new DateOnly(2027, 1, 4));
        koop.VertretungEinrichten(Guid.NewGuid(), "fm.koop.vertretung", new DateOnly(2027, 2, 20), new DateOnly(2027, 3, 31), Jetzt);
        koop.VertretungEinrichten(Guid.NewGuid(), "fm.koop.vorbei", new DateOnly(2027, 1, 5), new DateOnly(2027, 1, 31), Jetzt);

        var chancen = Eroeffnen("KIM-2027-900005", "fm.chancen", Aufnahmeangaben.OhneVorgeschichte with { Aufenthaltsstatus = AufenthaltZustand.Chancenaufenthaltsrecht, AufenthaltSeit = new DateOnly(2025, 10, 15) }, new DateOnly(2027, 1, 4));

        var einwilligung = Eroeffnen("KIM-2027-900006", "fm.einwilligung", Aufnahmeangaben.OhneVorgeschichte, new DateOnly(2027, 1, 4));
        einwilligung.EinwilligungErteilen(Guid.NewGuid(), Empfaenger.Jobcenter, Datenkategorie.Leistungen, "Abstimmung mit dem Jobcenter", new DateOnly(2027, 1, 4), new DateOnly(2027, 3, 11), "EW-JC", "fm.einwilligung", Jetzt);
        einwilligung.EinwilligungErteilen(Guid.NewGuid(), Empfaenger.Bildungsberatung, Datenkategorie.Bildung, "Abstimmung mit der Bildungsberatung", new DateOnly(2027, 1, 4), new DateOnly(2027, 12, 31), "EW-BB", "fm.einwilligung", Jetzt);

        foreach (var fall in new[] { wv, titel, titelSpaeter, koop, chancen, einwilligung })
        {
            await using var scope = instanz.NeuerBereich();
            await scope.ServiceProvider.GetRequiredService<IFallRepository>().HinzufuegenAsync(fall, default);
        }

        return (wv.Id, titel.Id, titelSpaeter.Id, koop.Id, chancen.Id, einwilligung.Id);
    }

    private static Fall Eroeffnen(string aktenzeichen, string fallmanager, Aufnahmeangaben angaben, DateOnly am)
    {
        var klient = Domain.Klienten.Klient.Erfassen(Guid.NewGuid(), "Amina", "Haddad", new DateOnly(1990, 5, 17), Domain.Klienten.Geschlecht.Weiblich, "Syrien", new DateOnly(2015, 9, 1), null, 0, am, Jetzt);
        var schritt = new SchrittRahmen(am, "fm.anlage", null, Rechtsregeltabelle.Standard, Jetzt, Heute).Schritt(SchrittDefinition.Einfach(Fall.AufnahmeTrigger, "Aufnahme"), null);
        return Fall.Eroeffnen(Guid.NewGuid(), aktenzeichen, "standard", klient, fallmanager, null, angaben, schritt);
    }

    private async Task<List<(string Empfaenger, Guid Fall, string Art)>> MeldungenAsync()
    {
        await using var verbindung = new NpgsqlConnection(fixture.OwnerConnectionString);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand("SELECT empfaenger_id, fall_id, art FROM benachrichtigungen WHERE fall_id IS NOT NULL ORDER BY id", verbindung);
        await using var reader = await befehl.ExecuteReaderAsync();
        var liste = new List<(string, Guid, string)>();
        while (await reader.ReadAsync())
        {
            liste.Add((reader.GetString(0), reader.GetGuid(1), reader.GetString(2)));
        }

        return liste;
    }

    private async Task<List<(Guid Fall, string Art, string Betreff)>> WiedervorlagenAsync()
    {
        await using var verbindung = new NpgsqlConnection(fixture.OwnerConnectionString);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand("SELECT fall_id, art, betreff FROM wiedervorlagen WHERE schluessel IS NOT NULL ORDER BY fall_id", verbindung);
        await using var reader = await befehl.ExecuteReaderAsync();
        var liste = new List<(Guid, string, string)>();
        while (await reader.ReadAsync())
        {
            liste.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
        }

        return liste;
    }
}
