using System.Net.Http.Json;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Infrastructure.Datenschutz;
using Kim.Casemanagement.Testing;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>
/// Two Kommunen on one installation (issue 18 item 3, ADR 0014): every row with personal data carries its Mandant, and
/// the Datenschutz role of one Kommune sees only its own Kommune's audit trail.
/// </summary>
public sealed class MandantTrennungTests(MandantTrennungTests.Fixture fx) : IClassFixture<MandantTrennungTests.Fixture>
{
    /// <summary>Tables with personal data that carry no mandant column, each reached only through its owner row's foreign key.</summary>
    private static readonly HashSet<string> UeberBesitzer = new(StringComparer.Ordinal)
    {
        // Children of benutzer (ASP.NET Core Identity's tables, ON DELETE CASCADE): reached only through the account.
        "benutzer_rollen", "benutzer_claims", "benutzer_logins", "benutzer_tokens",
    };

    [Fact]
    public void Datenkatalog_EveryTableWithPersonalDataHasAMandantColumn()
    {
        var ohne = Datenkatalog.Tabellen
            .Where(t => t.Betroffene != Betroffene.Keine && t.Spalten.All(s => s.Name != "mandant") && !UeberBesitzer.Contains(t.Name))
            .Select(t => t.Name)
            .ToArray();

        ohne.ShouldBeEmpty("Tabellen mit Personendaten ohne Spalte mandant (migration 0019)");
    }

    [Fact]
    public async Task JourneyInKreisB_EveryRowOfItsFallAndItsUsersCarriesKreisB()
    {
        var fallId = await fx.FmB.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "Trennung", einwilligungen: new[]
        {
            new { empfaenger = "CaseManagement", datenkategorien = new[] { "Stammdaten" }, zweck = "Case Management", gueltigAb = "2026-11-01", formularReferenz = "EW-B-1" },
            new { empfaenger = "Jobcenter", datenkategorien = new[] { "Stammdaten", "Leistungen" }, zweck = "Abstimmung", gueltigAb = "2026-11-01", formularReferenz = "EW-B-2" },
        }));
        await fx.FmB.PostAsJsonAsync($"/api/faelle/{fallId}/ziele", new { was = "Sprachkurs B1", bisWann = "2027-06-30", wer = "Klientin", vereinbartAm = "2026-11-02" }).OkAsync();
        await fx.FmB.PostAsJsonAsync($"/api/faelle/{fallId}/wiedervorlagen", new { faellig = "2027-01-15", betreff = "Unterlagen" }).OkAsync();
        await fx.FmB.PostAsJsonAsync($"/api/faelle/{fallId}/notizen", new { text = "Erstgespräch geführt." }).OkAsync();
        (await fx.FmB.PostAsJsonAsync($"/api/faelle/{fallId}/ueberleitungen", new { empfaenger = "Jobcenter", anliegen = "Termin", fachlichesDatum = "2026-11-03" })).EnsureSuccessStatusCode();
        await fx.FmB.GetAsync($"/api/faelle/{fallId}").OkAsync();

        var nachTabelle = new Dictionary<string, string>
        {
            ["einwilligungen"] = $"fall_id = '{fallId}'",
            ["ziele"] = $"fall_id = '{fallId}'",
            ["wiedervorlagen"] = $"fall_id = '{fallId}'",
            ["notizen"] = $"fall_id = '{fallId}'",
            ["ueberleitungen"] = $"fall_id = '{fallId}'",
            ["fall_ereignisse"] = $"fall_id = '{fallId}'",
            // Written only when a correction encrypts old values; when present, it must carry the Mandant too.
            ["klient_schluessel"] = $"klient_id = (SELECT klient_id FROM faelle WHERE id = '{fallId}')",
            ["sitzungen"] = $"benutzer_id = '{fx.KontoFmB.Id}'",
            ["audit_protokoll"] = $"fall_id = '{fallId}'",
            ["benachrichtigungen"] = $"fall_id = '{fallId}'",
        };
        var fehler = new List<string>();
        foreach (var (tabelle, bedingung) in nachTabelle)
        {
            var werte = await SqlHilfen.SpalteAsync(fx.Database.SuperuserConnectionString, $"SELECT mandant FROM {tabelle} WHERE {bedingung}");
            if (werte.Count == 0 && tabelle is not ("benachrichtigungen" or "klient_schluessel"))
            {
                fehler.Add($"{tabelle}: keine Zeile der Reise gefunden");
            }

            fehler.AddRange(werte.Where(w => w != Fixture.KreisB).Select(w => $"{tabelle}: mandant = {w ?? "NULL"}"));
        }

        fehler.ShouldBeEmpty();
    }

    [Fact]
    public async Task Datenschutz_SeesOnlyTheAuditTrailOfItsOwnKommune()
    {
        var fallA = await fx.FmA.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "KommuneA"));
        var fallB = await fx.FmB.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "KommuneB"));
        await fx.FmA.GetAsync($"/api/faelle/{fallA}").OkAsync();
        await fx.FmB.GetAsync($"/api/faelle/{fallB}").OkAsync();
        await fx.AuditGeschriebenAsync(fallA, fallB);

        var dsA = await fx.DsA.GetAsync("/api/datenschutz/audit?groesse=500").OkAsync();
        var dsB = await fx.DsB.GetAsync("/api/datenschutz/audit?groesse=500").OkAsync();
        var gezieltB = await fx.DsA.GetAsync($"/api/datenschutz/audit?fallId={fallB}").OkAsync();

        var faelleA = dsA["eintraege"]!.AsArray().Select(z => z!["fallId"]?.GetValue<Guid?>()).OfType<Guid>().ToHashSet();
        var faelleB = dsB["eintraege"]!.AsArray().Select(z => z!["fallId"]?.GetValue<Guid?>()).OfType<Guid>().ToHashSet();
        var personenA = dsA["eintraege"]!.AsArray().Select(z => z!["benutzerId"]!.GetValue<string>()).ToHashSet();
        faelleA.ShouldContain(fallA);
        faelleA.ShouldNotContain(fallB);
        personenA.ShouldNotContain(fx.KontoFmB.Id);
        faelleB.ShouldContain(fallB);
        faelleB.ShouldNotContain(fallA);
        gezieltB["eintraege"]!.AsArray().ShouldBeEmpty("auch gezielt nach der Fall-Kennung nichts aus der anderen Kommune");
    }

    /// <summary>Tables with a mandant column that the row-level security leaves out, each with its reason (none since migration 0025).</summary>
    private static readonly HashSet<string> OhneZeilensicherheit = new(StringComparer.Ordinal);

    [Fact]
    public async Task Zeilensicherheit_CoversEveryTableWithAMandantColumn()
    {
        var ohne = await SqlHilfen.SpalteAsync(fx.Database.SuperuserConnectionString, """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'mandant' AND NOT a.attisdropped
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND NOT c.relrowsecurity
            ORDER BY 1
            """);

        ohne.Where(t => !OhneZeilensicherheit.Contains(t!)).ShouldBeEmpty("Tabellen mit Spalte mandant ohne Zeilensicherheit (migration 0020)");
    }

    [Fact]
    public async Task RawSqlAsTheApplicationRole_WithoutAMandantSeesNothing_AndWithOneSeesNothingOfTheOther()
    {
        var fallA = await fx.FmA.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "ZeilenA"));
        var fallB = await fx.FmB.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "ZeilenB"));
        await fx.FmB.PostAsJsonAsync($"/api/faelle/{fallB}/notizen", new { text = "Nur für Kreis B." }).OkAsync();
        await fx.AuditGeschriebenAsync(fallA, fallB, "Fall.Aufnahme");
        var tabellen = (await SqlHilfen.SpalteAsync(fx.Database.SuperuserConnectionString,
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity ORDER BY 1"))
            .Select(t => t!).ToArray();
        tabellen.ShouldContain("faelle");
        tabellen.ShouldContain("audit_protokoll");
        (await SqlHilfen.TextAsync(fx.Database.SuperuserConnectionString, $"SELECT count(*) FROM faelle WHERE mandant = '{Fixture.KreisB}'")).ShouldNotBe("0");

        var fehler = new List<string>();
        await using (var ohne = new Npgsql.NpgsqlConnection(fx.Database.AppConnectionStringOhneMandant))
        {
            await ohne.OpenAsync();
            foreach (var t in tabellen)
            {
                var n = await Zahl(ohne, $"SELECT count(*) FROM {t}");
                if (n != 0)
                {
                    fehler.Add($"ohne Mandant: {t} zeigt {n} Zeilen");
                }
            }
        }

        foreach (var (mandant, fremd) in new[] { ("standard", Fixture.KreisB), (Fixture.KreisB, "standard") })
        {
            await using var verbindung = new Npgsql.NpgsqlConnection(fx.Database.AppConnectionStringOhneMandant);
            await verbindung.OpenAsync();
            await Zahl(verbindung, $"SELECT count(*) FROM (SELECT set_config('kim.mandant', '{mandant}', false)) x");
            foreach (var t in tabellen)
            {
                var n = await Zahl(verbindung, $"SELECT count(*) FROM {t} WHERE mandant IS DISTINCT FROM '{mandant}'");
                if (n != 0)
                {
                    fehler.Add($"als {mandant}: {t} zeigt {n} Zeilen eines anderen Mandanten");
                }
            }

            (await Zahl(verbindung, "SELECT count(*) FROM faelle")).ShouldBeGreaterThan(0, $"als {mandant} sieht man die eigenen Fälle");
            (await Zahl(verbindung, $"SELECT count(*) FROM faelle WHERE id IN ('{fallA}', '{fallB}')")).ShouldBe(1, $"als {mandant} genau der eigene der beiden Fälle");

            // Writes: another Mandant's rows cannot be changed, and no row can be written for another Mandant.
            await using (var aendern = new Npgsql.NpgsqlCommand($"UPDATE faelle SET letzter_kontakt_am = NULL WHERE mandant = '{fremd}'", verbindung))
            {
                (await aendern.ExecuteNonQueryAsync()).ShouldBe(0, $"als {mandant} ändert man keine Fälle von {fremd}");
            }

            await using var einfuegen = new Npgsql.NpgsqlCommand($"INSERT INTO teams (id, name, mandant) VALUES (gen_random_uuid(), 'Fremdteam', '{fremd}')", verbindung);
            var verweigert = await Should.ThrowAsync<Npgsql.PostgresException>(() => einfuegen.ExecuteNonQueryAsync());
            verweigert.SqlState.ShouldBe("42501", "new row violates row-level security policy");
        }

        fehler.ShouldBeEmpty();
    }

    [Fact]
    public async Task EfCore_InARequestsMandant_SeesOnlyItsRows_AndInstallationWideAll()
    {
        await fx.FmA.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "EfA"));
        await fx.FmB.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "EfB"));

        await using var scope = fx.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Persistence.KimDbContext>();
        var alle = await db.Set<Domain.Faelle.Fall>().Select(f => f.Mandant).Distinct().ToListAsync();
        List<string> nurB;
        using (Infrastructure.Mandanten.MandantKontext.Setzen(Fixture.KreisB))
        {
            nurB = await db.Set<Domain.Faelle.Fall>().Select(f => f.Mandant).Distinct().ToListAsync();
        }

        var wiederAlle = await db.Set<Domain.Faelle.Fall>().Select(f => f.Mandant).Distinct().ToListAsync();
        alle.ShouldBe(["kreis-b", "standard"], ignoreOrder: true);
        nurB.ShouldBe(["kreis-b"], "die Anfrage eines Kontos von Kreis B sieht über EF Core nur Kreis B, auch ohne Filter im Code");
        wiederAlle.ShouldBe(["kreis-b", "standard"], ignoreOrder: true);
    }

    [Fact]
    public async Task Narrowing_ToTheRequestsMandant_DrawsNoWarningFromPostgreSql()
    {
        var hinweise = new List<string>();
        void Mitschreiben(object? _, Npgsql.NpgsqlNoticeEventArgs e)
        {
            lock (hinweise)
            {
                hinweise.Add($"{e.Notice.Severity}: {e.Notice.MessageText}");
            }
        }

        await fx.FmB.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "HinweisB"));
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Persistence.KimDbContext>();
        ((Npgsql.NpgsqlConnection)db.Database.GetDbConnection()).Notice += Mitschreiben;
        await db.Database.OpenConnectionAsync();
        await using var verbindung = await scope.ServiceProvider.GetRequiredService<Infrastructure.Persistence.Datenbank>().EfDataSource.OpenConnectionAsync();
        verbindung.Notice += Mitschreiben;
        using (Infrastructure.Mandanten.MandantKontext.Setzen(Fixture.KreisB))
        {
            (await db.Set<Domain.Faelle.Fall>().Select(f => f.Mandant).Distinct().ToListAsync()).ShouldBe(["kreis-b"]);
            await using var batch = Infrastructure.Mandanten.MandantKontext.Eingeschraenkt(new Npgsql.NpgsqlBatch(verbindung) { BatchCommands = { new Npgsql.NpgsqlBatchCommand("SELECT string_agg(DISTINCT mandant, ',') FROM faelle") } });
            (await batch.ExecuteScalarAsync()).ShouldBe("kreis-b");
        }

        await db.Database.CloseConnectionAsync();
        hinweise.ShouldBeEmpty("die Einschränkung auf den Mandanten erzeugt keine Warnung je Anfrage (SET LOCAL außerhalb eines Transaktionsblocks)");
    }

    [Fact]
    public async Task AuditSucheUndPosteingang_InARequestsMandant_SeeNothingOfAnotherKommune_EvenWithoutAMandantFilter()
    {
        var fallA = await fx.FmA.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "SucheA"));
        var fallB = await fx.FmB.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "SucheB"));
        await fx.FmA.GetAsync($"/api/faelle/{fallA}").OkAsync();
        await fx.FmB.GetAsync($"/api/faelle/{fallB}").OkAsync();
        await fx.AuditGeschriebenAsync(fallA, fallB);
        var kontoA = (await SqlHilfen.TextAsync(fx.Database.SuperuserConnectionString, "SELECT id FROM benutzer WHERE user_name = 'fm.a'"))!;
        await SqlHilfen.TextAsync(fx.Database.SuperuserConnectionString, $"""
            INSERT INTO benachrichtigungen (empfaenger_id, seq, art, titel, text, erstellt_am, mandant)
            VALUES ('{kontoA}', 1000, 'Test', 'Hinweis A', 'nur für Kreis A', now(), 'standard') RETURNING id::text
            """);

        await using var scope = fx.Factory.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<Infrastructure.Audit.AuditAbfrage>();
        var posteingang = scope.ServiceProvider.GetRequiredService<Infrastructure.Benachrichtigungen.Posteingang>();
        var ohneFilter = new Infrastructure.Audit.AuditFilter { Groesse = 500 };
        (await audit.SuchenAsync(ohneFilter, default)).Eintraege.Select(e => e.FallId).ShouldContain(fallA, "installation-wide (background, provider) everything");
        (await posteingang.NachholenAsync(kontoA, 999, 10, default)).Count.ShouldBe(1);
        using (Infrastructure.Mandanten.MandantKontext.Setzen(Fixture.KreisB))
        {
            var seite = await audit.SuchenAsync(ohneFilter, default);
            seite.Eintraege.Select(e => e.FallId).ShouldContain(fallB);
            seite.Eintraege.ShouldAllBe(e => e.Mandant == Fixture.KreisB, "die Protokollsuche in einer Anfrage von Kreis B sieht nur Kreis B, auch ohne Mandantenfilter");
            (await posteingang.NachholenAsync(kontoA, 999, 10, default)).ShouldBeEmpty("der Posteingang eines Kontos von Kreis A ist in Kreis B unsichtbar");
            (await posteingang.StandAsync(kontoA, default)).ShouldBe((0, 0L));
            (await posteingang.GelesenAsync(kontoA, null, DateTimeOffset.UtcNow, default)).ShouldBe(0);
        }

        using (Infrastructure.Mandanten.MandantKontext.Setzen("standard"))
        {
            (await posteingang.StandAsync(kontoA, default)).Ungelesen.ShouldBe(1);
            (await posteingang.GelesenAsync(kontoA, 1000, DateTimeOffset.UtcNow, default)).ShouldBe(1, "in Kreis A markiert das Konto seinen Hinweis als gelesen");
        }
    }

    [Fact]
    public async Task DatenschutzAnsichten_InARequestsMandant_SeeNothingOfAnotherKommune_EvenWhenPassedItsKey()
    {
        var fallA = await fx.FmA.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "Datenschutzsicht"));
        var super = fx.Database.SuperuserConnectionString;
        var mandantA = (await SqlHilfen.TextAsync(super, $"SELECT mandant FROM faelle WHERE id = '{fallA}'"))!;
        var aktenzeichenA = (await SqlHilfen.TextAsync(super, $"SELECT aktenzeichen FROM faelle WHERE id = '{fallA}'"))!;
        var klientA = Guid.Parse((await SqlHilfen.TextAsync(super, $"SELECT klient_id::text FROM faelle WHERE id = '{fallA}'"))!);
        var heute = DateOnly.FromDateTime(DateTime.UtcNow);
        var fallB = await fx.FmB.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "DatenschutzsichtB"));
        await fx.FmA.GetAsync($"/api/faelle/{fallA}").OkAsync();
        await fx.FmB.GetAsync($"/api/faelle/{fallB}").OkAsync();
        await fx.AuditGeschriebenAsync(fallA, fallB);

        await using var scope = fx.Factory.Services.CreateAsyncScope();
        var protokoll = scope.ServiceProvider.GetRequiredService<Application.Datenschutz.Protokoll.IProtokollAbfrage>();
        var sperren = scope.ServiceProvider.GetRequiredService<Application.Datenschutz.Sperrung.IFallSperren>();
        var auskunft = scope.ServiceProvider.GetRequiredService<AuskunftErstellung>();

        // The views filter by the Mandant they are given; a request that passed another Kommune's key by mistake would
        // still see nothing, because the statements run under the request's Mandant (ADR 0014).
        async Task<(Guid? Protokoll, Guid? Sperren, int Treffer, long Zeilen)> AbfragenAsync() => (
            await protokoll.FallIdAsync(mandantA, aktenzeichenA, default),
            await sperren.FallIdAsync(mandantA, aktenzeichenA, default),
            (await auskunft.SuchenAsync("Datenschutzsicht", mandantA, 10, default)).Count,
            await protokoll.AnzahlSeitAsync(mandantA, DateTimeOffset.UtcNow.AddDays(-1), default));

        var installationsweit = await AbfragenAsync();
        installationsweit.Protokoll.ShouldBe(fallA);
        installationsweit.Sperren.ShouldBe(fallA);
        installationsweit.Treffer.ShouldBe(1);
        installationsweit.Zeilen.ShouldBeGreaterThan(0);
        (await auskunft.ErstellenAsync(klientA, mandantA, DateTimeOffset.UtcNow, heute, default)).Faelle.ShouldContain(f => f.Id == fallA);

        using (Infrastructure.Mandanten.MandantKontext.Setzen(Fixture.KreisB))
        {
            (await AbfragenAsync()).ShouldBe((null, null, 0, 0L), "eine Anfrage von Kreis B sieht keinen Fall, Klienten oder Protokolleintrag von Kreis A, auch nicht mit dessen Schlüssel");
            await Should.ThrowAsync<Domain.Common.NichtGefundenException>(() => auskunft.ErstellenAsync(klientA, mandantA, DateTimeOffset.UtcNow, heute, default));
        }

        using (Infrastructure.Mandanten.MandantKontext.Setzen(mandantA))
        {
            (await AbfragenAsync()).ShouldBe(installationsweit, "im eigenen Mandanten ändert die Einschränkung nichts");
        }
    }

    [Fact]
    public async Task SperreSetzen_InARequestsMandant_NeitherLocksNorHoldsAnotherKommunesFall()
    {
        var fallA = await fx.FmA.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "SperreAnderer"));
        var super = fx.Database.SuperuserConnectionString;
        var mandantA = (await SqlHilfen.TextAsync(super, $"SELECT mandant FROM faelle WHERE id = '{fallA}'"))!;
        var heute = DateOnly.FromDateTime(DateTime.UtcNow);

        await using var scope = fx.Factory.Services.CreateAsyncScope();
        var sperren = scope.ServiceProvider.GetRequiredService<Application.Datenschutz.Sperrung.IFallSperren>();

        // The handler refuses another Kommune's Fall by its Mandant; below it, the hold's transaction itself runs under the
        // request's Mandant: a request of Kreis B does not even get the Fall's row lock.
        using (Infrastructure.Mandanten.MandantKontext.Setzen(Fixture.KreisB))
        {
            (await sperren.OeffnenAsync(fallA, heute, default)).ShouldBeNull("eine Anfrage von Kreis B sperrt keinen Fall von Kreis A");
        }

        // In its own Kommune the same call opens the change (and, not completed, leaves nothing behind).
        using (Infrastructure.Mandanten.MandantKontext.Setzen(mandantA))
        {
            await using var vorgang = await sperren.OeffnenAsync(fallA, heute, default);
            vorgang.ShouldNotBeNull();
            vorgang.Mandant.ShouldBe(mandantA);
        }

        (await SqlHilfen.TextAsync(super, $"SELECT count(*) FROM fall_sperren WHERE fall_id = '{fallA}'")).ShouldBe("0");
    }

    [Fact]
    public async Task EfSpeichern_InARequestsMandant_NeitherWritesNorChangesAnotherKommunesRows()
    {
        var super = fx.Database.SuperuserConnectionString;
        var mandantA = (await SqlHilfen.TextAsync(super, $"SELECT mandant FROM faelle WHERE id = '{await fx.FmA.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "EfSpeichern"))}'"))!;
        var teamA = Guid.CreateVersion7();
        await SqlHilfen.TextAsync(super, $"INSERT INTO teams (id, name, mandant) VALUES ('{teamA}', 'Team EF A', '{mandantA}') RETURNING id");

        async Task<Exception?> SpeichernAsync(string? mandant, Action<Infrastructure.Persistence.KimDbContext> aenderung)
        {
            using var _ = Infrastructure.Mandanten.MandantKontext.Setzen(mandant);
            await using var scope = fx.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Persistence.KimDbContext>();
            aenderung(db);
            return await Record.ExceptionAsync(() => db.SaveChangesAsync());
        }

        void Umbenennen(Infrastructure.Persistence.KimDbContext db, string name)
        {
            var team = new Infrastructure.Identitaet.Team { Id = teamA, Name = "Team EF A", Mandant = mandantA };
            db.Attach(team);
            team.Name = name;
        }

        // A request of Kreis B: a new row of Kreis A is refused by the policy's check, a change of Kreis A's row finds no
        // row (it is not seen), and nothing of either is stored.
        var neu = await SpeichernAsync(Fixture.KreisB, db => db.Teams.Add(new Infrastructure.Identitaet.Team { Id = Guid.CreateVersion7(), Name = "Fremdes Team", Mandant = mandantA }));
        neu.ShouldBeOfType<Microsoft.EntityFrameworkCore.DbUpdateException>().InnerException.ShouldBeOfType<Npgsql.PostgresException>().SqlState.ShouldBe("42501");
        (await SpeichernAsync(Fixture.KreisB, db => Umbenennen(db, "Von Kreis B umbenannt"))).ShouldBeOfType<Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException>();
        (await SqlHilfen.TextAsync(super, $"SELECT count(*) FROM teams WHERE name IN ('Fremdes Team', 'Von Kreis B umbenannt')")).ShouldBe("0");

        // In its own Kommune, and outside a request (background work), the same changes are stored.
        (await SpeichernAsync(mandantA, db => Umbenennen(db, "Team EF A, umbenannt"))).ShouldBeNull();
        (await SpeichernAsync(null, db => db.Teams.Add(new Infrastructure.Identitaet.Team { Id = Guid.CreateVersion7(), Name = "Team EF A, Hintergrund", Mandant = mandantA }))).ShouldBeNull();
        (await SqlHilfen.TextAsync(super, $"SELECT string_agg(name, ' | ' ORDER BY name) FROM teams WHERE mandant = '{mandantA}' AND name LIKE 'Team EF A%'")).ShouldBe("Team EF A, Hintergrund | Team EF A, umbenannt");
    }

    [Fact]
    public async Task DatenschutzDokumente_OfEachKommune_NameItsOwnControllerAndItsK()
    {
        // Kreis B's Administration raises its k above the installation's floor.
        using var adminB = await fx.Factory.AngemeldetAsync(await fx.Factory.KontoAsync("ad.b.dokumente", Rolle.Administration, mandant: Fixture.KreisB));
        var boden = (await adminB.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>("/api/admin/einstellungen"))!["mindestgroesseUntergrenze"]!.GetValue<int>();
        (await adminB.PutAsJsonAsync("/api/admin/einstellungen", new { mindestgroesse = boden + 4 })).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

        async Task<string> VerzeichnisAsync(HttpClient ds) =>
            (await (await ds.GetAsync("/api/datenschutz/verarbeitungsverzeichnis?format=markdown")).Content.ReadAsStringAsync()).Replace("\\", string.Empty, StringComparison.Ordinal);

        // The Art. 30 record: each Kommune's controller, officer and k; never the other's.
        var b = await VerzeichnisAsync(fx.DsB);
        b.ShouldContain($"- **Name:** {Fixture.VerantwortlicherB}");
        b.ShouldContain("- **Anschrift:** Kreishaus, Ring 2, 50000 B-Stadt");
        b.ShouldContain("- **Name:** Datenschutzbeauftragter des Kreises B");
        b.ShouldContain($"Mindestgruppengröße {boden + 4}");
        b.ShouldNotContain(Fixture.VerantwortlicherA);
        b.ShouldNotContain("Stadt A");
        var a = await VerzeichnisAsync(fx.DsA);
        a.ShouldContain($"- **Name:** {Fixture.VerantwortlicherA}");
        a.ShouldContain($"Mindestgruppengröße {boden}");
        a.ShouldNotContain("Kreis B");

        // The Art. 15 copy a client of each Kommune receives names that Kommune as the controller.
        async Task<System.Text.Json.Nodes.JsonNode> InformationenAsync(HttpClient fm, HttpClient ds, string nachname)
        {
            var fall = await fm.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: nachname));
            var klient = await SqlHilfen.TextAsync(fx.Database.SuperuserConnectionString, $"SELECT klient_id::text FROM faelle WHERE id = '{fall}'");
            return (await ds.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>($"/api/datenschutz/klienten/{klient}/auskunft"))!["informationen"]!;
        }

        var infoB = await InformationenAsync(fx.FmB, fx.DsB, "DokumentB");
        infoB["verantwortlicher"]!.GetValue<string>().ShouldBe($"{Fixture.VerantwortlicherB}, Kreishaus, Ring 2, 50000 B-Stadt");
        infoB["datenschutzbeauftragter"]!.GetValue<string>().ShouldBe("Datenschutzbeauftragter des Kreises B");
        var infoA = await InformationenAsync(fx.FmA, fx.DsA, "DokumentA");
        infoA["verantwortlicher"]!.GetValue<string>().ShouldBe(Fixture.VerantwortlicherA);
        infoA["datenschutzbeauftragter"]!.GetValue<string>().ShouldBe("Datenschutzbeauftragte der Stadt A");
    }

    [Fact]
    public async Task Partnersysteme_InARequestsMandant_AreNeitherListedNorRotatedNorDisabledForAnotherKommune()
    {
        var super = fx.Database.SuperuserConnectionString;
        var mandantA = (await SqlHilfen.TextAsync(super, $"SELECT mandant FROM faelle WHERE id = '{await fx.FmA.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "Partnersystem"))}'"))!;
        var verzeichnis = fx.Factory.Services.GetRequiredService<Infrastructure.Tokendienst.ClientVerzeichnis>();
        const string Client = "jc-fachverfahren-trennung";
        string? geheimnis;
        using (Infrastructure.Mandanten.MandantKontext.Setzen(mandantA))
        {
            geheimnis = await verzeichnis.PartnersystemAnlegenAsync(Client, "Fachverfahren Jobcenter", mandantA, Domain.Common.Behoerde.Jobcenter, ["kim.faelle.lesen"], "ad.a", default);
        }

        geheimnis.ShouldNotBeNull();
        var vorher = await SqlHilfen.TextAsync(super, $"SELECT geheimnis_sha256 || '|' || aktiv FROM tokendienst_clients WHERE client_id = '{Client}'");

        // The administration's paths filter by the Mandant they are given; a request of Kreis B that passed Kreis A's key
        // would still neither see, rotate, disable nor register anything of Kreis A.
        using (Infrastructure.Mandanten.MandantKontext.Setzen(Fixture.KreisB))
        {
            (await verzeichnis.ListeAsync(mandantA, "Partnersystem", default)).ShouldBeEmpty();
            (await verzeichnis.GeheimnisErneuernAsync(Client, mandantA, TimeSpan.Zero, "ad.b", default)).ShouldBeNull();
            (await verzeichnis.AktivSetzenAsync(Client, mandantA, false, "ad.b", default)).ShouldBeFalse();
            var fremd = await Record.ExceptionAsync(() => verzeichnis.PartnersystemAnlegenAsync("fremdes-system", "Fremd", mandantA, Domain.Common.Behoerde.Jobcenter, ["kim.faelle.lesen"], "ad.b", default));
            fremd.ShouldBeOfType<Npgsql.PostgresException>().SqlState.ShouldBe("42501");
        }

        (await SqlHilfen.TextAsync(super, $"SELECT geheimnis_sha256 || '|' || aktiv FROM tokendienst_clients WHERE client_id = '{Client}'")).ShouldBe(vorher);
        (await SqlHilfen.TextAsync(super, "SELECT count(*) FROM tokendienst_clients WHERE client_id = 'fremdes-system'")).ShouldBe("0");

        // In its own Kommune the same calls work.
        using (Infrastructure.Mandanten.MandantKontext.Setzen(mandantA))
        {
            (await verzeichnis.ListeAsync(mandantA, "Partnersystem", default)).Select(c => c.ClientId).ShouldContain(Client);
            (await verzeichnis.AktivSetzenAsync(Client, mandantA, false, "ad.a", default)).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task MandantTrigger_AreSkippedWhenTheWriterPassedTheMandant()
    {
        var ohneBedingung = await SqlHilfen.TextAsync(fx.Database.SuperuserConnectionString, """
            SELECT count(*) FILTER (WHERE t.tgqual IS NULL) || '/' || count(*) FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
            WHERE NOT t.tgisinternal AND p.proname IN ('mandant_aus_fall', 'mandant_aus_klient', 'mandant_aus_benutzer')
            """);
        var teile = ohneBedingung!.Split('/');
        int.Parse(teile[1], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(10);
        teile[0].ShouldBe("0", "jeder Mandanten-Trigger hat WHEN (NEW.mandant IS NULL) (migration 0023)");
    }

    [Fact]
    public async Task FallAggregat_InARequestsMandant_NeitherLoadsNorWritesAnotherKommunesFall()
    {
        var fallA = await fx.FmA.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "AggregatA"));
        var fallB = await fx.FmB.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "AggregatB"));
        async Task<string> VersionVonAsync(Guid id) => (await SqlHilfen.TextAsync(fx.Database.SuperuserConnectionString, $"SELECT version FROM faelle WHERE id = '{id}'"))!;
        var versionA = await VersionVonAsync(fallA);

        // The repository itself filters nothing by Mandant (the request's authorisation does); the database narrows it.
        // Installation-wide first, so the row cache holds Fall A and the cache path (version check) is covered too.
        await using (var scope = fx.Factory.Services.CreateAsyncScope())
        {
            var repo = scope.ServiceProvider.GetRequiredService<Application.Abstractions.IFallRepository>();
            (await repo.LesenAsync(fallA, default)).ShouldNotBeNull();
            (await repo.LesenAsync(fallB, default)).ShouldNotBeNull();
        }

        Domain.Faelle.Fall geladenA;
        await using (var scope = fx.Factory.Services.CreateAsyncScope())
        {
            var repo = scope.ServiceProvider.GetRequiredService<Application.Abstractions.IFallRepository>();
            geladenA = (await repo.LadenAsync(fallA, default))!;
            using (Infrastructure.Mandanten.MandantKontext.Setzen(Fixture.KreisB))
            {
                (await repo.LesenAsync(fallA, default)).ShouldBeNull("Kreis B liest den Fall von Kreis A nicht, auch nicht aus dem Zwischenspeicher");
                (await repo.LadenAsync(fallA, default)).ShouldBeNull("Kreis B lädt den Fall von Kreis A nicht zum Ändern");
                (await repo.LesenAsync(fallB, default)).ShouldNotBeNull("den eigenen Fall liest Kreis B");

                // A Fall of Kreis A, loaded installation-wide, saved in a request of Kreis B: the version-checked update
                // finds no row, nothing is written.
                await Should.ThrowAsync<Application.Common.KonfliktException>(() => repo.SpeichernAsync(geladenA, default));
            }
        }

        (await VersionVonAsync(fallA)).ShouldBe(versionA, "der Fall von Kreis A ist unverändert");
        await using (var scope = fx.Factory.Services.CreateAsyncScope())
        {
            using var _ = Infrastructure.Mandanten.MandantKontext.Setzen("standard");
            (await scope.ServiceProvider.GetRequiredService<Application.Abstractions.IFallRepository>().LesenAsync(fallA, default)).ShouldNotBeNull("Kreis A liest seinen Fall");
        }
    }

    [Fact]
    public async Task FallLesen_ManyConcurrentReadsOfTwoKommunen_ShareTheMultiplexedReadPool_AndEachSeesOnlyItsOwn()
    {
        // Reads go through a multiplexed pool (ADR 0015): the load batches of concurrent requests of both Kommunen are
        // written one after another onto the same few connections. Each batch narrows to its own request's Mandant in
        // its own implicit transaction, so no read may see the other Kommune's Fall, cold (first read) or cached.
        var faelleA = new List<Guid>();
        var faelleB = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            faelleA.Add(await fx.FmA.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "Lesepool" + (char)('a' + i))));
            faelleB.Add(await fx.FmB.NeuerFallAsync(Infrastruktur.Api.Aufnahme(nachname: "Lesepoolb" + (char)('a' + i))));
        }

        async Task<(string Mandant, Guid Fall, bool Eigener, Guid? Gelesen)> LesenAsync(int n)
        {
            var mandant = n % 2 == 0 ? "standard" : Fixture.KreisB;
            var eigener = n % 3 != 0;
            var faelle = (mandant == "standard") == eigener ? faelleA : faelleB;
            var fall = faelle[n / 6 % faelle.Count];
            await using var scope = fx.Factory.Services.CreateAsyncScope();
            using var _ = Infrastructure.Mandanten.MandantKontext.Setzen(mandant);
            var gelesen = await scope.ServiceProvider.GetRequiredService<Application.Abstractions.IFallRepository>().LesenAsync(fall, default);
            return (mandant, fall, eigener, gelesen?.Fall.Id);
        }

        var ergebnisse = await Task.WhenAll(Enumerable.Range(0, 600).Select(n => Task.Run(() => LesenAsync(n))));

        foreach (var (mandant, fall, eigener, gelesen) in ergebnisse)
        {
            if (eigener)
            {
                gelesen.ShouldBe(fall, $"{mandant} liest seinen eigenen Fall {fall}");
            }
            else
            {
                gelesen.ShouldBeNull($"{mandant} liest den Fall {fall} der anderen Kommune nicht");
            }
        }

        ergebnisse.Count(e => !e.Eigener).ShouldBeGreaterThan(150);
        var verbindungen = long.Parse((await SqlHilfen.TextAsync(fx.Database.SuperuserConnectionString,
            $"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = '{Infrastructure.Persistence.Datenbank.LesepoolName}'"))!, System.Globalization.CultureInfo.InvariantCulture);
        verbindungen.ShouldBeInRange(1, new Infrastructure.Persistence.DatenbankOptionen().LeseVerbindungen, "600 gleichzeitige Lesezugriffe teilen sich die wenigen Verbindungen des Lesepools");
    }

    private static async Task<long> Zahl(Npgsql.NpgsqlConnection verbindung, string sql)
    {
        await using var befehl = new Npgsql.NpgsqlCommand(sql, verbindung);
        return Convert.ToInt64(await befehl.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Two Kommunen: the default one (A) and „kreis-b“, each with a case manager and a Datenschutz account.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public const string KreisB = "kreis-b";

        /// <summary>The installation's controller (the default Kommune's) and Kreis B's own (<c>Datenschutz:Kommunen:kreis-b</c>).</summary>
        public const string VerantwortlicherA = "Stadt A – Der Oberbürgermeister";

        public const string VerantwortlicherB = "Kreis B – Der Landrat";

        private TestDatabase? _database;
        private KimWebFactory? _factory;

        public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

        public KimWebFactory Factory => _factory ?? throw new InvalidOperationException("Not initialised.");

        public HttpClient FmA { get; private set; } = null!;

        public HttpClient FmB { get; private set; } = null!;

        public HttpClient DsA { get; private set; } = null!;

        public HttpClient DsB { get; private set; } = null!;

        internal TestKonto KontoFmB { get; private set; } = null!;

        /// <summary>Waits until the background writer stored the read entries of both Fälle (reads are audited after the response).</summary>
        public async Task AuditGeschriebenAsync(Guid a, Guid b, string aktion = "Fall.Lesen")
        {
            for (var i = 0; i < 100; i++)
            {
                var n = await SqlHilfen.TextAsync(Database.SuperuserConnectionString, $"SELECT count(DISTINCT fall_id) FROM audit_protokoll WHERE aktion = '{aktion}' AND fall_id IN ('{a}', '{b}')");
                if (n == "2")
                {
                    return;
                }

                await Task.Delay(100);
            }

            throw new TimeoutException("Die Lesezugriffe wurden nicht protokolliert.");
        }

        public async Task InitializeAsync()
        {
            var cluster = await PostgresTestCluster.GetAsync();
            _database = await cluster.CreateDatabaseAsync("mandant_trennung");
            var einstellungen = KimWebFactory.FuerDatenbank(_database.AppConnectionString, _database.OwnerConnectionString);
            einstellungen["Datenschutz:Verantwortlicher:Name"] = VerantwortlicherA;
            einstellungen["Datenschutz:Datenschutzbeauftragter:Name"] = "Datenschutzbeauftragte der Stadt A";
            einstellungen[$"Datenschutz:Kommunen:{KreisB}:Verantwortlicher:Name"] = VerantwortlicherB;
            einstellungen[$"Datenschutz:Kommunen:{KreisB}:Verantwortlicher:Anschrift"] = "Kreishaus, Ring 2, 50000 B-Stadt";
            einstellungen[$"Datenschutz:Kommunen:{KreisB}:Datenschutzbeauftragter:Name"] = "Datenschutzbeauftragter des Kreises B";
            _factory = new KimWebFactory(einstellungen);
            await _factory.MandantAsync(KreisB, "Kreis B");
            FmA = await _factory.AngemeldetAsync(await _factory.KontoAsync("fm.a", Rolle.Fallmanagement, "Team A"));
            DsA = await _factory.AngemeldetAsync(await _factory.KontoAsync("ds.a", Rolle.Datenschutz));
            KontoFmB = await _factory.KontoAsync("fm.b", Rolle.Fallmanagement, "Team B", mandant: KreisB);
            FmB = await _factory.AngemeldetAsync(KontoFmB);
            DsB = await _factory.AngemeldetAsync(await _factory.KontoAsync("ds.b", Rolle.Datenschutz, mandant: KreisB));
        }

        public async Task DisposeAsync()
        {
            foreach (var c in new[] { FmA, FmB, DsA, DsB })
            {
                c?.Dispose();
            }

            if (_factory is not null)
            {
                await _factory.DisposeAsync();
            }

            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
    }
}
