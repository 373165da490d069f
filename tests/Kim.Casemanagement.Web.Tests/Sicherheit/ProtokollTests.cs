using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Testing;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Microsoft.Extensions.Logging;

namespace Kim.Casemanagement.Web.Tests.Sicherheit;

/// <summary>Application logs contain no personal data: names, birth dates, notes and passwords never reach them.</summary>
public sealed class ProtokollTests
{
    [Fact]
    public async Task Protokoll_WhenACaseIsTakenInAndWorkedOn_ContainsNoPersonalData()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        await using var datenbank = await cluster.CreateDatabaseAsync("protokoll");
        var mitschnitt = new Mitschnitt();
        await using var factory = new KimWebFactory(KimWebFactory.FuerDatenbank(datenbank.AppConnectionString, datenbank.OwnerConnectionString), mitschnitt);
        var konto = await factory.KontoAsync("fm.protokoll", Rolle.Fallmanagement, "Team A");
        using var client = await factory.AngemeldetAsync(konto);

        var id = await client.NeuerFallAsync(Infrastruktur.Api.Aufnahme(vorname: "Zainab", nachname: "Qurbanzada", geburtsdatum: "1991-07-23"));
        await client.SchrittAsync(id, "Prozess", "Klaeren", "2026-11-02").OkAsync();
        await client.PostAsJsonAsync($"/api/faelle/{id}/notizen", new { text = "Vertraulich: Diagnose Tuberkulose, Telefon 0171-5551234" }).OkAsync();
        (await client.SchrittAsync(id, "Bildung", "QualifizierungBeginnen", "2026-11-04")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await client.GetAsync($"/api/faelle/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var fremd = factory.NeuerClient();
        (await fremd.PostAsJsonAsync("/api/anmeldung", new { benutzername = "fm.protokoll", passwort = "Geheimes-Falsches-Passwort-42" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var text = string.Join("\n", mitschnitt.Zeilen);
        text.ShouldNotBeEmpty();
        foreach (var geheim in (string[])["Zainab", "Qurbanzada", "1991-07-23", "23.07.1991", "Tuberkulose", "0171-5551234", "Geheimes-Falsches-Passwort-42", konto.Passwort])
        {
            text.ShouldNotContain(geheim, Case.Insensitive);
        }
    }

    private sealed class Mitschnitt : ILoggerProvider
    {
        public ConcurrentQueue<string> Zeilen { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Schreiber(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Schreiber(Mitschnitt ziel, string kategorie) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                ziel.Zeilen.Enqueue($"{logLevel} {kategorie}: {formatter(state, exception)} {exception}");
        }
    }
}
