using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Kim.Casemanagement.Application.Datenschutz.Sperrung;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace Kim.Casemanagement.Web.Tests.Api;

/// <summary>
/// A write racing with setting a hold on the same Fall: one wins, nothing is half-done. Setting a hold locks the Fall's
/// row and raises its version in its transaction; a write loaded before the hold fails at its save (409, "Fall
/// gesperrt"), a write committed before the hold stays and the hold follows it.
/// </summary>
public sealed class SperrungNebenlaeufigkeitTests(SperrungFixture api, ITestOutputHelper ausgabe) : IClassFixture<SperrungFixture>
{
    private const int Runden = 20;
    private const int EreignisseNachAufnahme = 4;

    private string Db => api.Database.SuperuserConnectionString;

    private static string Heute => Sperrstand.Heute.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Schritt_WhenTheHoldCommitsWhileItsSaveWaitsForTheFallsLock_Answers409AndStoresNothing()
    {
        var id = await api.Client.NeuerFallAsync();
        await api.Client.FallAsync(id);
        await using var scope = api.Factory.Services.CreateAsyncScope();
        var sperren = scope.ServiceProvider.GetRequiredService<IFallSperren>();

        // The hold's transaction takes the Fall's row lock and stores the hold, not yet committed.
        await using var vorgang = (await sperren.OeffnenAsync(id, Sperrstand.Heute, default))!;
        await vorgang.SetzenAsync(new NeueSperre(Guid.CreateVersion7(), "Nebenläufigkeitsprobe", null, "ds.sperre", DateTimeOffset.UtcNow), default);

        // The step loads the Fall (no hold visible yet) and its save waits for the row lock.
        var schritt = api.Client.SchrittAsync(id, "Prozess", "Klaeren", Heute);
        await WartetAufSperreAsync();
        schritt.IsCompleted.ShouldBeFalse("Der Schritt muss auf die Zeilensperre des Falls warten.");

        await vorgang.AbschliessenAsync(default);
        using var antwort = await schritt;

        var problem = await antwort.ProblemAsync(HttpStatusCode.Conflict);
        problem.Titel().ShouldBe("Fall gesperrt");
        problem.Detail().ShouldStartWith("Der Fall ist gesperrt (Art. 18 DSGVO, § 84 Abs. 3 SGB X) seit ");
        var stand = await Datenbestand.FallAsync(Db, id);
        stand.Version.ShouldBe(2, "Aufnahme und Sperre, kein Schritt");
        stand.Ereignisse.ShouldBe(EreignisseNachAufnahme);
        stand.Prozess.ShouldBe("Anfrage");
    }

    [Fact]
    public async Task SchrittUndSperre_WhenSentAtTheSameMoment_OneWinsAndNothingIsHalfDone()
    {
        var gesperrtAbgewiesen = 0;
        for (var runde = 1; runde <= Runden; runde++)
        {
            var id = await api.Client.NeuerFallAsync();
            var (schritt, sperre) = await GleichzeitigAsync(
                () => api.Client.SchrittAsync(id, "Prozess", "Klaeren", Heute),
                () => api.Datenschutz.PostAsJsonAsync($"/api/datenschutz/faelle/{id}/sperre", new { grund = "Gleichzeitig gesetzt" }));
            using (schritt)
            using (sperre)
            {
                sperre.StatusCode.ShouldBe(HttpStatusCode.Created, $"Runde {runde}: {await sperre.Content.ReadAsStringAsync()}");
                var stand = await Datenbestand.FallAsync(Db, id);
                if (schritt.StatusCode == HttpStatusCode.OK)
                {
                    // The step committed first: it is stored whole, and the hold came after it.
                    stand.Version.ShouldBe(3, $"Runde {runde}");
                    stand.Ereignisse.ShouldBe(EreignisseNachAufnahme + 1, $"Runde {runde}");
                    stand.Prozess.ShouldBe("Klaerung", $"Runde {runde}");
                }
                else
                {
                    (await schritt.ProblemAsync(HttpStatusCode.Conflict)).Titel().ShouldBe("Fall gesperrt", $"Runde {runde}");
                    gesperrtAbgewiesen++;
                    stand.Version.ShouldBe(2, $"Runde {runde}");
                    stand.Ereignisse.ShouldBe(EreignisseNachAufnahme, $"Runde {runde}");
                    stand.Prozess.ShouldBe("Anfrage", $"Runde {runde}");
                }

                (await SqlHilfen.TextAsync(Db, $"SELECT count(*) FROM fall_sperren WHERE fall_id = '{id}' AND aufgehoben_am IS NULL")).ShouldBe("1", $"Runde {runde}");
            }
        }

        ausgabe.WriteLine($"{Runden} Runden: {gesperrtAbgewiesen}× kam die Sperre zuerst (Schritt 409), {Runden - gesperrtAbgewiesen}× der Schritt.");
    }

    /// <summary>Until a session of the test database waits for a row lock (at most 10 s).</summary>
    private async Task WartetAufSperreAsync()
    {
        await using var verbindung = new NpgsqlConnection(Db);
        await verbindung.OpenAsync();
        for (var i = 0; i < 200; i++)
        {
            await using var befehl = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", verbindung);
            if ((long)(await befehl.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new ShouldAssertException("Keine Sitzung wartet auf die Zeilensperre des Falls.");
    }

    /// <summary>Sends both requests from two threads released by one barrier.</summary>
    private static async Task<(HttpResponseMessage A, HttpResponseMessage B)> GleichzeitigAsync(Func<Task<HttpResponseMessage>> a, Func<Task<HttpResponseMessage>> b)
    {
        using var startschuss = new Barrier(2);
        var ta = Task.Run(() =>
        {
            startschuss.SignalAndWait(TimeSpan.FromSeconds(10));
            return a();
        });
        var tb = Task.Run(() =>
        {
            startschuss.SignalAndWait(TimeSpan.FromSeconds(10));
            return b();
        });
        var antworten = await Task.WhenAll(ta, tb);
        return (antworten[0], antworten[1]);
    }
}
