using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kim.Casemanagement.Application.Common;
using Kim.Casemanagement.Application.Faelle.Ereignisse;
using Kim.Casemanagement.Application.Faelle.Notizen;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Einwilligungen;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Kim.Casemanagement.Domain.Faelle.Ueberleitungen;
using Kim.Casemanagement.Infrastructure.Tests.Database;
using Kim.Casemanagement.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Kim.Casemanagement.Infrastructure.Tests.Persistence.Testfaelle;

namespace Kim.Casemanagement.Infrastructure.Tests.Persistence;

/// <summary>
/// The Fall repository as the application uses it: through DI, as the application role (<c>kim_app</c>), one scope per
/// unit of work. Assertions read back through a new scope or directly from the database.
/// </summary>
public sealed partial class FallRepositoryTests(PostgresDatabaseFixture fixture) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    // Unescaped, so that a failing comparison shows Arabic and Cyrillic text as such.
    private static readonly JsonSerializerOptions AbbildOptionen = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Aufnahmeangaben Asylverfahren = new(
        AufenthaltZustand.Aufenthaltsgestattung, new DateOnly(2025, 11, 3), null, null, null,
        LeistungenZustand.AsylbLG, new DateOnly(2025, 11, 10),
        BildungZustand.Erstberatung, new DateOnly(2026, 1, 5),
        Sprachniveau.A2);

    private readonly KimDienste _dienste = new(fixture.AppConnectionString, fixture.OwnerConnectionString);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _dienste.DisposeAsync();

    [Fact]
    public async Task LadenAsync_WhenAFallWithAllItsPartsWasSavedInSeveralUnitsOfWork_ReturnsExactlyWhatWasSaved()
    {
        var t1 = new DateTimeOffset(2026, 1, 12, 9, 5, 0, 0, 1, TimeSpan.Zero);
        var t2 = new DateTimeOffset(2026, 2, 27, 14, 45, 30, 250, 125, TimeSpan.Zero);
        var t3 = Jetzt;
        var ereignisse = new List<FallEreignis>();
        var notizen = new List<Notiz>();
        var uebergaben = new List<KompetenzprofilUebergabe>();
        Guid fallId, klientId, auslaenderbehoerde, vertretungSchulz, zielWohnung, wiedervorlageUnterlagen, ueberleitungId;
        string abbild;

        // 1. Intake: client, start states, consents, Art. 13 note, a deputy.
        await using (var bereich = _dienste.NeuerBereich())
        {
            var aktenzeichen = await bereich.Repository.NaechstesAktenzeichenAsync(Heute, default);
            var klient = NeuerKlient("Amina", "Haddad", t1, Guid.NewGuid(), kinder: 2);
            var fall = Eroeffnen(aktenzeichen, klient, angaben: Asylverfahren, jetzt: t1, teamId: Guid.NewGuid());
            fall.EinwilligungInCaseManagement(t1);
            fall.EinwilligungErteilen(
                Guid.NewGuid(), Empfaenger.Jobcenter, Datenkategorie.Stammdaten | Datenkategorie.Leistungen | Datenkategorie.Kompetenzprofil,
                "Übergang in die Grundsicherung (SGB II) vorbereiten", Aufnahmetag, new DateOnly(2027, 1, 11), "EW-JC-2026-17", Fallmanagerin, t1);
            auslaenderbehoerde = fall.EinwilligungErteilen(
                Guid.NewGuid(), Empfaenger.Auslaenderbehoerde, Datenkategorie.Aufenthalt | Datenkategorie.Gesundheit,
                "Abstimmung zum Aufenthaltsstatus mit der Ausländerbehörde", Aufnahmetag, null, "EW-ABH-2026-17", Fallmanagerin, t1).Id;
            fall.Art13InformationVermerken(Aufnahmetag, Heute, t1);
            vertretungSchulz = fall.VertretungEinrichten(Guid.NewGuid(), "fm.schulz", new DateOnly(2026, 1, 19), new DateOnly(2026, 1, 30), t1).Id;
            Merken(fall);
            await bereich.Repository.HinzufuegenAsync(fall, default);
            (fallId, klientId) = (fall.Id, klient.Id);
        }

        // 2. Work: process steps, competence profile (foreign qualifications, non-Latin text), goals, follow-ups,
        //    a deputy, a referral, a note, and the recognition that fires the Rechtskreiswechsel follow-up rule.
        await using (var bereich = _dienste.NeuerBereich())
        {
            var fall = await LadenUndVergleichenAsync(bereich);
            fall.Ausfuehren(Spur.Prozess, nameof(ProzessTrigger.Klaeren), Aufnahmetag, notiz: "Erstgespräch mit Dolmetscherin", jetzt: t2);
            fall.Ausfuehren(Spur.Prozess, nameof(ProzessTrigger.AssessmentBeginnen), new DateOnly(2026, 1, 19), jetzt: t2);
            fall.KompetenzprofilErfassen(
                new Kompetenzprofil
                {
                    Deutschniveau = Sprachniveau.A2,
                    AlphabetisierungNoetig = false,
                    Schuljahre = 12,
                    Schulabschluss = "Abitur (Syrien) – شهادة الثانوية العامة",
                    Berufsabschluesse =
                    [
                        new Berufsabschluss("Elektronikerin für Energietechnik", "Syrien", false, null),
                        new Berufsabschluss("Бакалавр информатики", "Україна", true, AnerkennungsErgebnis.Teilweise),
                    ],
                    BerufserfahrungJahre = 4,
                    Sprachen = ["Arabisch", "العربية", "Русский", "ትግርኛ"],
                },
                new DateOnly(2026, 1, 26),
                Heute,
                t2);
            fall.Ausfuehren(
                Spur.Bildung, nameof(BildungTrigger.SprachstandFeststellen), new DateOnly(2026, 1, 26),
                new() { [ParameterNamen.Sprachniveau] = "B1", [ParameterNamen.AlphabetisierungNoetig] = "false" }, jetzt: t2);
            fall.Ausfuehren(Spur.Prozess, nameof(ProzessTrigger.HilfeplanungBeginnen), new DateOnly(2026, 2, 2), jetzt: t2);
            fall.ZielVereinbaren(Guid.NewGuid(), "Integrationskurs mit Zertifikat B2 abschließen", new DateOnly(2026, 7, 31), "Klientin", "Zertifikat telc B2", new DateOnly(2026, 2, 2), Heute, t2);
            zielWohnung = fall.ZielVereinbaren(Guid.NewGuid(), "Eigene Wohnung in Musterstadt finden", new DateOnly(2026, 6, 30), "Fallmanagerin mit Klientin", null, new DateOnly(2026, 2, 2), Heute, t2).Id;
            fall.WiedervorlageAnlegen(Guid.NewGuid(), new DateOnly(2026, 3, 16), "Termin bei der Ausländerbehörde vorbereiten", WiedervorlageArt.Manuell, null, "fm.weber", t2);
            wiedervorlageUnterlagen = fall.WiedervorlageAnlegen(Guid.NewGuid(), new DateOnly(2026, 2, 16), "Unterlagen nachreichen", WiedervorlageArt.Manuell, "manuell:unterlagen", null, t2).Id;
            fall.VertretungEinrichten(Guid.NewGuid(), "fm.weber", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), t2);
            ueberleitungId = fall.UeberleitungAnfragen(Guid.NewGuid(), Behoerde.Jobcenter, "Bitte Beratung zur Arbeitsmarktintegration übernehmen", Rahmen(new DateOnly(2026, 2, 3), jetzt: t2)).Id;
            fall.NotizVerfassen(Guid.NewGuid(), "Gespräch mit Frau Haddad: «مرحبا», немного по-русски.\nNächster Termin im März.", new DateOnly(2026, 2, 27), Fallmanagerin, Heute, t2);
            fall.Ausfuehren(
                Spur.Aufenthalt, nameof(AufenthaltTrigger.Anerkennen), new DateOnly(2026, 2, 25),
                new() { [ParameterNamen.Schutzform] = nameof(Schutzform.Fluechtlingseigenschaft) }, notiz: "Bescheid des BAMF liegt vor", jetzt: t2);
            Merken(fall);
            await bereich.Repository.SpeichernAsync(fall, default);
        }

        // 3. Changes to stored parts: withdraw a consent, end a deputy, rate a goal, close a follow-up, accept the
        //    referral, update the language level in place, one more note.
        await using (var bereich = _dienste.NeuerBereich())
        {
            var fall = await LadenUndVergleichenAsync(bereich);
            fall.EinwilligungWiderrufen(auslaenderbehoerde, "fm.weber", t3);
            fall.VertretungBeenden(vertretungSchulz, t3);
            fall.ZielBewerten(zielWohnung, ZielBewertung.TeilweiseErreicht, new DateOnly(2026, 2, 28), Heute, t3);
            fall.WiedervorlageErledigen(wiedervorlageUnterlagen, "fm.weber", t3);
            fall.Ausfuehren(Spur.Ueberleitung, nameof(UeberleitungTrigger.Annehmen), new DateOnly(2026, 2, 26), jetzt: t3, ueberleitungId: ueberleitungId);
            fall.Ausfuehren(Spur.Bildung, nameof(BildungTrigger.SprachstandAktualisieren), new DateOnly(2026, 2, 28), new() { [ParameterNamen.Sprachniveau] = "B2" }, jetzt: t3);
            fall.NotizVerfassen(Guid.NewGuid(), "Kurze Rückmeldung per Telefon.", null, "fm.weber", Heute, t3);
            Merken(fall);
            await bereich.Repository.SpeichernAsync(fall, default);
        }

        // 4. Read everything back.
        await using (var bereich = _dienste.NeuerBereich())
        {
            var fall = await LadenUndVergleichenAsync(bereich);
            fall.Version.ShouldBe(3);
            fall.EreignisAnzahl.ShouldBe(ereignisse.Count);
            fall.Prozess.Zustand.ShouldBe(ProzessZustand.Hilfeplanung);
            fall.Aufenthalt.Zustand.ShouldBe(AufenthaltZustand.Schutzstatus);
            fall.Aufenthalt.Schutzform.ShouldBe(Schutzform.Fluechtlingseigenschaft);
            fall.Leistungen.Zustand.ShouldBe(LeistungenZustand.RechtskreiswechselFaellig);
            fall.Kompetenzprofil.Deutschniveau.ShouldBe(Sprachniveau.B2);
            fall.Kompetenzprofil.Sprachen.ShouldBe(["Arabisch", "العربية", "Русский", "ትግርኛ"]);
            fall.Kompetenzprofil.Berufsabschluesse.ShouldBe(
            [
                new Berufsabschluss("Elektronikerin für Energietechnik", "Syrien", false, null),
                new Berufsabschluss("Бакалавр информатики", "Україна", true, AnerkennungsErgebnis.Teilweise),
            ]);
            fall.Vertretungen.Select(v => v.BenutzerId).ShouldBe(["fm.weber"]);
            fall.Einwilligungen.Single(e => e.Id == auslaenderbehoerde).WiderrufenAm.ShouldBe(t3);
            fall.Ziele.Single(z => z.Id == zielWohnung).Bewertung.ShouldBe(ZielBewertung.TeilweiseErreicht);
            fall.Wiedervorlagen.Count.ShouldBe(3);
            fall.Wiedervorlagen.ShouldContain(w => w.Art == WiedervorlageArt.Rechtskreiswechsel && w.IstOffen);
            fall.Ueberleitungen.Single().Zustand.ShouldBe(UeberleitungZustand.Angenommen);

            var gelesen = await bereich.Abfragen.EreignisseAsync(fallId, default);
            gelesen.Select(EreignisText).ShouldBe(ereignisse.OrderBy(e => e.Nr).Select(EreignisText));
            gelesen.Select(e => e.Nr).ShouldBe(Enumerable.Range(1, ereignisse.Count));
            var anerkennung = gelesen.Single(e => e.Trigger == nameof(AufenthaltTrigger.Anerkennen));
            anerkennung.VonBezeichnung.ShouldBe(AufenthaltKatalog.Bezeichnung(AufenthaltZustand.Aufenthaltsgestattung));
            anerkennung.NachBezeichnung.ShouldBe(AufenthaltKatalog.Bezeichnung(AufenthaltZustand.Schutzstatus));
            gelesen.Single(e => e.AusgeloestDurch == anerkennung.Nr).Trigger.ShouldBe(nameof(LeistungenTrigger.RechtskreiswechselAnstossen));
            gelesen.Count(e => e.UeberleitungId == ueberleitungId).ShouldBe(2);

            (await bereich.Abfragen.NotizenAsync(fallId, default)).ShouldBe(
                notizen.OrderByDescending(n => n.VerfasstAm).Select(n => new NotizDetail(n.Id, n.Text, n.VerfasstVon, n.VerfasstAm)));

            var gespeicherteUebergaben = await bereich.Kontext.KompetenzprofilUebergaben.AsNoTracking().Where(u => u.FallId == fallId).ToListAsync();
            gespeicherteUebergaben.Select(UebergabeText).ShouldBe(uebergaben.Select(UebergabeText));
            uebergaben.Single().Profil.Deutschniveau.ShouldBe(Sprachniveau.B1, "the hand-over is a snapshot taken at the recognition, before the update to B2");
        }

        // What other readers of the database (reports, SQL) see.
        var owner = fixture.OwnerConnectionString;
        (await Sql.ScalarAsync<string>(owner, $"SELECT mandant FROM klienten WHERE id = '{klientId}'")).ShouldBe(Mandant);
        (await Sql.ScalarAsync<string>(owner, $"SELECT kompetenzprofil->>'deutschniveau' FROM faelle WHERE id = '{fallId}'")).ShouldBe("B2");
        (await Sql.ColumnAsync<string>(owner, $"SELECT s FROM faelle, jsonb_array_elements_text(kompetenzprofil->'sprachen') WITH ORDINALITY e(s, nr) WHERE id = '{fallId}' ORDER BY nr"))
            .ShouldBe(["Arabisch", "العربية", "Русский", "ትግርኛ"]);
        (await Sql.ScalarAsync<string>(owner, $"SELECT parameter->>'schutzform' FROM fall_ereignisse WHERE fall_id = '{fallId}' AND trigger = 'Anerkennen'"))
            .ShouldBe(nameof(Schutzform.Fluechtlingseigenschaft));
        (await Sql.ScalarAsync<long>(owner, $"SELECT count(*) FROM vertretungen WHERE id = '{vertretungSchulz}'")).ShouldBe(0L, "an ended deputy is deleted");

        void Merken(Fall fall)
        {
            ereignisse.AddRange(fall.NeueEreignisse);
            notizen.AddRange(fall.NeueNotizen);
            uebergaben.AddRange(fall.NeueUebergaben);
            abbild = Abbild(fall);
        }

        // Every visible property of the Fall (client, tracks, profile, all child records) must come back as saved.
        async Task<Fall> LadenUndVergleichenAsync(KimDienste.Bereich bereich)
        {
            var fall = await bereich.Repository.LadenAsync(fallId, default);
            fall.ShouldNotBeNull();
            Abbild(fall).ShouldBe(abbild);
            return fall;
        }
    }

    [Fact]
    public async Task LadenAsync_WhenTheFallDoesNotExist_ReturnsNull()
    {
        await using var bereich = _dienste.NeuerBereich();

        (await bereich.Repository.LadenAsync(Guid.NewGuid(), default)).ShouldBeNull();
    }

    [Fact]
    public async Task SpeichernAsync_WhenAnotherScopeSavedTheSameFallFirst_ThrowsKonfliktAndTheDatabaseHoldsExactlyTheFirstChange()
    {
        var fallId = await NeuerFallAsync();
        await using var erster = _dienste.NeuerBereich();
        await using var zweiter = _dienste.NeuerBereich();
        var fallErster = (await erster.Repository.LadenAsync(fallId, default))!;
        var fallZweiter = (await zweiter.Repository.LadenAsync(fallId, default))!;
        fallErster.Ausfuehren(Spur.Prozess, nameof(ProzessTrigger.Klaeren), Aufnahmetag, notiz: "erster");
        fallZweiter.Ausfuehren(Spur.Bildung, nameof(BildungTrigger.ErstberatungDurchfuehren), Aufnahmetag, notiz: "zweiter");

        await erster.Repository.SpeichernAsync(fallErster, default);
        await Should.ThrowAsync<KonfliktException>(() => zweiter.Repository.SpeichernAsync(fallZweiter, default));

        await using var danach = _dienste.NeuerBereich();
        var ereignisse = await danach.Abfragen.EreignisseAsync(fallId, default);
        ereignisse.Select(e => (e.Nr, e.Spur, e.Trigger, e.Notiz)).ShouldBe(
        [
            (1, "Prozess", Fall.AufnahmeTrigger, "Aufnahme im Erstgespräch"),
            (2, "Aufenthalt", Fall.AufnahmeTrigger, "Aufnahme im Erstgespräch"),
            (3, "Leistungen", Fall.AufnahmeTrigger, "Aufnahme im Erstgespräch"),
            (4, "Bildung", Fall.AufnahmeTrigger, "Aufnahme im Erstgespräch"),
            (5, "Prozess", nameof(ProzessTrigger.Klaeren), "erster"),
        ]);
        var gespeichert = (await danach.Repository.LadenAsync(fallId, default))!;
        gespeichert.Version.ShouldBe(2);
        gespeichert.EreignisAnzahl.ShouldBe(5);
        gespeichert.Prozess.Zustand.ShouldBe(ProzessZustand.Klaerung);
        gespeichert.Bildung.Zustand.ShouldBe(BildungZustand.KeineBeratung);

        // The loser reloads and repeats the step: now it goes through.
        gespeichert.Ausfuehren(Spur.Bildung, nameof(BildungTrigger.ErstberatungDurchfuehren), Aufnahmetag, notiz: "zweiter, neu geladen");
        await danach.Repository.SpeichernAsync(gespeichert, default);
        (await Sql.ScalarAsync<int>(fixture.OwnerConnectionString, $"SELECT version FROM faelle WHERE id = '{fallId}'")).ShouldBe(3);
        (await Sql.ScalarAsync<string>(fixture.OwnerConnectionString, $"SELECT bildung_zustand FROM faelle WHERE id = '{fallId}'")).ShouldBe(nameof(BildungZustand.Erstberatung));
    }

    [Fact]
    public async Task SpeichernAsync_WhenTheSaveConflicts_WritesNothingOfItsEventsNotesGoalsFollowUpsOrHandOvers()
    {
        var fallId = await NeuerFallAsync(angaben: Asylverfahren, mitEinwilligungen: true);
        await using var erster = _dienste.NeuerBereich();
        await using var zweiter = _dienste.NeuerBereich();
        var fallErster = (await erster.Repository.LadenAsync(fallId, default))!;
        var fallZweiter = (await zweiter.Repository.LadenAsync(fallId, default))!;
        var notizErster = fallErster.NotizVerfassen(Guid.NewGuid(), "Nur eine Notiz, kein Schritt.", null, "fm.erster", Heute, Jetzt).Id;
        await erster.Repository.SpeichernAsync(fallErster, default);

        // The second unit of work touches every kind of record; the follow-up rule adds an event, a follow-up and a hand-over.
        fallZweiter.Ausfuehren(
            Spur.Aufenthalt, nameof(AufenthaltTrigger.Anerkennen), new DateOnly(2026, 2, 25),
            new() { [ParameterNamen.Schutzform] = nameof(Schutzform.SubsidiaererSchutz) });
        fallZweiter.NotizVerfassen(Guid.NewGuid(), "Diese Notiz darf nicht gespeichert werden.", new DateOnly(2026, 2, 25), "fm.zweiter", Heute, Jetzt);
        fallZweiter.ZielVereinbaren(Guid.NewGuid(), "Dieses Ziel darf nicht gespeichert werden", new DateOnly(2026, 6, 1), "Klientin", null, Heute, Heute, Jetzt);
        fallZweiter.EinwilligungWiderrufen(fallZweiter.Einwilligungen.Single(e => e.Empfaenger == Empfaenger.Jobcenter).Id, "fm.zweiter", Jetzt);
        fallZweiter.Zuweisen("fm.zweiter", Guid.NewGuid(), Jetzt);
        fallZweiter.NeueEreignisse.Count.ShouldBe(2);
        fallZweiter.NeueUebergaben.Count.ShouldBe(1);
        fallZweiter.Wiedervorlagen.Count.ShouldBe(1);

        await Should.ThrowAsync<KonfliktException>(() => zweiter.Repository.SpeichernAsync(fallZweiter, default));

        var owner = fixture.OwnerConnectionString;
        (await Sql.ScalarAsync<long>(owner, $"SELECT count(*) FROM fall_ereignisse WHERE fall_id = '{fallId}'")).ShouldBe(4L);
        (await Sql.ColumnAsync<Guid>(owner, $"SELECT id FROM notizen WHERE fall_id = '{fallId}'")).ShouldBe([notizErster]);
        (await Sql.ScalarAsync<long>(owner, $"SELECT count(*) FROM kompetenzprofil_uebergaben WHERE fall_id = '{fallId}'")).ShouldBe(0L);
        (await Sql.ScalarAsync<long>(owner, $"SELECT count(*) FROM wiedervorlagen WHERE fall_id = '{fallId}'")).ShouldBe(0L);
        (await Sql.ScalarAsync<long>(owner, $"SELECT count(*) FROM ziele WHERE fall_id = '{fallId}'")).ShouldBe(0L);
        (await Sql.ScalarAsync<long>(owner, $"SELECT count(*) FROM einwilligungen WHERE fall_id = '{fallId}' AND widerrufen_am IS NOT NULL")).ShouldBe(0L);
        (await Sql.ScalarAsync<string>(owner, $"SELECT concat_ws('|', version, fallmanager_id, coalesce(team_id::text, ''), aufenthalt_zustand, leistungen_zustand, ereignis_anzahl) FROM faelle WHERE id = '{fallId}'"))
            .ShouldBe($"2|{Fallmanagerin}||{nameof(AufenthaltZustand.Aufenthaltsgestattung)}|{nameof(LeistungenZustand.AsylbLG)}|4");
    }

    [Fact]
    public async Task SpeichernAsync_WhenTheSameLoadedFallIsChangedAndSavedTwice_IncreasesTheVersionEachTime()
    {
        var fallId = await NeuerFallAsync();
        await using var bereich = _dienste.NeuerBereich();
        var fall = (await bereich.Repository.LadenAsync(fallId, default))!;
        fall.Zuweisen("fm.erste", null, Jetzt);
        await bereich.Repository.SpeichernAsync(fall, default);
        await using var anderer = _dienste.NeuerBereich();
        var fallAnderer = (await anderer.Repository.LadenAsync(fallId, default))!;

        fall.Zuweisen("fm.zweite", null, Jetzt);
        await bereich.Repository.SpeichernAsync(fall, default);

        (await Sql.ScalarAsync<int>(fixture.OwnerConnectionString, $"SELECT version FROM faelle WHERE id = '{fallId}'"))
            .ShouldBe(3, "every saved change must raise the version; otherwise a reader of version 2 can overwrite the second change unnoticed");
        fallAnderer.Zuweisen("fm.dritte", null, Jetzt);
        await Should.ThrowAsync<KonfliktException>(() => anderer.Repository.SpeichernAsync(fallAnderer, default));
        (await Sql.ScalarAsync<string>(fixture.OwnerConnectionString, $"SELECT fallmanager_id FROM faelle WHERE id = '{fallId}'")).ShouldBe("fm.zweite");
    }

    [Theory]
    [InlineData("fall_ereignisse", "notiz")]
    [InlineData("notizen", "text")]
    [InlineData("kompetenzprofil_uebergaben", "anlass")]
    public async Task AppRole_WhenItUpdatesOrDeletesAnImmutableRecord_IsRefusedWhileTheOwnerIsNot(string tabelle, string spalte)
    {
        var fallId = await NeuerFallMitNotizUndUebergabeAsync();
        var wo = $"WHERE fall_id = '{fallId}'";
        (await Sql.ScalarAsync<long>(fixture.AppConnectionString, $"SELECT count(*) FROM {tabelle} {wo}")).ShouldBeGreaterThan(0L, "the app role reads the records");

        foreach (var befehl in (string[])[$"UPDATE {tabelle} SET {spalte} = 'geändert' {wo}", $"DELETE FROM {tabelle} {wo}", $"TRUNCATE {tabelle} CASCADE"])
        {
            var fehler = await Should.ThrowAsync<PostgresException>(() => Sql.ExecuteAsync(fixture.AppConnectionString, befehl), befehl);
            fehler.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, befehl);
        }

        // The owner may (so it is the grant that stops the app); rolled back to leave the record as it was.
        foreach (var befehl in (string[])[$"UPDATE {tabelle} SET {spalte} = 'geändert' {wo}", $"DELETE FROM {tabelle} {wo}"])
        {
            await using var connection = new NpgsqlConnection(fixture.OwnerConnectionString);
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand(befehl, connection, transaction);
            (await command.ExecuteNonQueryAsync()).ShouldBeGreaterThan(0, befehl);
            await transaction.RollbackAsync();
        }

        (await Sql.ScalarAsync<long>(fixture.OwnerConnectionString, $"SELECT count(*) FROM {tabelle} {wo} AND {spalte} = 'geändert'")).ShouldBe(0L);
    }

    [Fact]
    public async Task AppRole_WhenItDeletesAFall_IsRefusedSoNotesAndHandOversStay()
    {
        // notizen and kompetenzprofil_uebergaben reference faelle ON DELETE CASCADE, and cascades run with the table
        // owner's rights. Since 0002 the app role has no DELETE on faelle at all (erasure is an owner-role process);
        // the event log's plain foreign key would stop it too.
        var fallId = await NeuerFallMitNotizUndUebergabeAsync();

        var fehler = await Should.ThrowAsync<PostgresException>(() => Sql.ExecuteAsync(fixture.AppConnectionString, $"DELETE FROM faelle WHERE id = '{fallId}'"));

        fehler.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        (await Sql.ScalarAsync<long>(fixture.OwnerConnectionString, $"SELECT count(*) FROM notizen WHERE fall_id = '{fallId}'")).ShouldBe(1L);
        (await Sql.ScalarAsync<long>(fixture.OwnerConnectionString, $"SELECT count(*) FROM kompetenzprofil_uebergaben WHERE fall_id = '{fallId}'")).ShouldBe(1L);
    }

    [Fact]
    public async Task NaechstesAktenzeichenAsync_WhenCalledRepeatedly_YieldsIncreasingUniqueNumbersWithTheYear()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        await using var database = await cluster.CreateDatabaseAsync("aktenzeichen");
        await using var dienste = new KimDienste(database.AppConnectionString, database.OwnerConnectionString);

        var erste = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await using var bereich = dienste.NeuerBereich();
            erste.Add(await bereich.Repository.NaechstesAktenzeichenAsync(Heute, default));
        }

        var gleichzeitig = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            await using var bereich = dienste.NeuerBereich();
            return await bereich.Repository.NaechstesAktenzeichenAsync(Heute, default);
        }));
        string imNeuenJahr;
        await using (var bereich = dienste.NeuerBereich())
        {
            imNeuenJahr = await bereich.Repository.NaechstesAktenzeichenAsync(new DateOnly(2027, 1, 1), default);
        }

        erste.ShouldBe(["KIM-2026-000001", "KIM-2026-000002", "KIM-2026-000003"]);
        gleichzeitig.ShouldAllBe(a => AktenzeichenMuster().IsMatch(a));
        gleichzeitig.Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(4, 40).Select(n => string.Create(CultureInfo.InvariantCulture, $"KIM-2026-{n:000000}")));
        imNeuenJahr.ShouldStartWith("KIM-2027-");
        int.Parse(imNeuenJahr[^6..], CultureInfo.InvariantCulture).ShouldBeGreaterThan(43);
    }

    private static string EreignisText(FallEreignis e) => EreignisText(
        new EreignisDetail(
            e.Nr, e.Spur.ToString(), e.UeberleitungId, e.Trigger, e.VonZustand, null, e.NachZustand, string.Empty, e.FachlichesDatum, e.ErfasstAm, e.Akteur, e.Notiz, e.Parameter, e.AusgeloestDurch));

    private static string EreignisText(EreignisDetail e) => string.Create(
        CultureInfo.InvariantCulture,
        $"{e.Nr}|{e.Spur}|{e.UeberleitungId}|{e.Trigger}|{e.VonZustand}|{e.NachZustand}|{e.FachlichesDatum:O}|{e.ErfasstAm:O}|{e.Akteur}|{e.Notiz}|{string.Join(",", e.Parameter.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value))}|{e.AusgeloestDurch}");

    private static string UebergabeText(KompetenzprofilUebergabe u) => string.Create(
        CultureInfo.InvariantCulture,
        $"{u.Id}|{u.FallId}|{u.Empfaenger}|{u.Anlass}|{u.FachlichesDatum:O}|{u.ErstelltAm:O}|{JsonSerializer.Serialize(u.Profil, AbbildOptionen)}");

    /// <summary>
    /// Every public property of the Fall as JSON: client, tracks, profile and child records (sorted by id, since the order
    /// of loaded collections is not defined). The records created in this unit of work (events, notes, hand-overs) are
    /// not part of the loaded aggregate and are compared separately.
    /// </summary>
    private static string Abbild(Fall fall)
    {
        var node = JsonSerializer.SerializeToNode(fall, AbbildOptionen)!.AsObject();
        foreach (var name in (string[])[nameof(Fall.NeueEreignisse), nameof(Fall.NeueNotizen), nameof(Fall.NeueUebergaben)])
        {
            node.Remove(name);
        }

        foreach (var name in (string[])[nameof(Fall.Einwilligungen), nameof(Fall.Ziele), nameof(Fall.Wiedervorlagen), nameof(Fall.Vertretungen), nameof(Fall.Ueberleitungen)])
        {
            var sortiert = node[name]!.AsArray().Select(e => e!.DeepClone()).OrderBy(e => e["Id"]!.GetValue<string>(), StringComparer.Ordinal).ToArray();
            node[name] = new JsonArray(sortiert);
        }

        return node.ToJsonString(AbbildOptionen);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^KIM-2026-\d{6}$")]
    private static partial System.Text.RegularExpressions.Regex AktenzeichenMuster();

    private async Task<Guid> NeuerFallAsync(Aufnahmeangaben? angaben = null, bool mitEinwilligungen = false)
    {
        await using var bereich = _dienste.NeuerBereich();
        var fall = Eroeffnen(await bereich.Repository.NaechstesAktenzeichenAsync(Heute, default), angaben: angaben);
        if (mitEinwilligungen)
        {
            fall.EinwilligungInCaseManagement();
            fall.EinwilligungErteilen(Guid.NewGuid(), Empfaenger.Jobcenter, Datenkategorie.Leistungen | Datenkategorie.Kompetenzprofil, "Übergang in die Grundsicherung vorbereiten", Aufnahmetag, null, "EW-JC", Fallmanagerin, Jetzt);
            fall.Art13InformationVermerken(Aufnahmetag, Heute, Jetzt);
        }

        await bereich.Repository.HinzufuegenAsync(fall, default);
        return fall.Id;
    }

    /// <summary>A stored Fall with rows in all three insert-only tables: events, a note, and a competence-profile hand-over.</summary>
    private async Task<Guid> NeuerFallMitNotizUndUebergabeAsync()
    {
        var fallId = await NeuerFallAsync(angaben: Asylverfahren, mitEinwilligungen: true);
        await using var bereich = _dienste.NeuerBereich();
        var fall = (await bereich.Repository.LadenAsync(fallId, default))!;
        fall.Ausfuehren(Spur.Aufenthalt, nameof(AufenthaltTrigger.Anerkennen), new DateOnly(2026, 2, 25), new() { [ParameterNamen.Schutzform] = nameof(Schutzform.Asylberechtigung) });
        fall.NotizVerfassen(Guid.NewGuid(), "Anerkennung besprochen.", new DateOnly(2026, 2, 25), Fallmanagerin, Heute, Jetzt);
        await bereich.Repository.SpeichernAsync(fall, default);
        return fallId;
    }
}
