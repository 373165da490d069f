using System.Net.Http.Json;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Web.Tests.Infrastruktur;
using Npgsql;

namespace Kim.Casemanagement.Web.Tests.Benachrichtigungen;

/// <summary>
/// The people around a Fall of team A: the lead case manager (the fixture's <see cref="ApiFixture.Client"/>), a
/// colleague who deputises, the team lead, a team lead of another team, and one partner contact per authority.
/// </summary>
public class BenachrichtigungsFixture : ApiFixture
{
    public TestKonto Kollegin { get; private set; } = null!;

    public TestKonto Teamleitung { get; private set; } = null!;

    public TestKonto TeamleitungB { get; private set; } = null!;

    public TestKonto Jobcenter { get; private set; } = null!;

    public TestKonto Auslaenderbehoerde { get; private set; } = null!;

    public TestKonto Bildungsberatung { get; private set; } = null!;

    public HttpClient KolleginClient { get; private set; } = null!;

    public HttpClient TeamleitungClient { get; private set; } = null!;

    public HttpClient JobcenterClient { get; private set; } = null!;

    /// <summary>The bearer token of a signed-in client (to hand to the JavaScript client).</summary>
    public static string Token(HttpClient client) => client.DefaultRequestHeaders.Authorization!.Parameter!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Kollegin = await Factory.KontoAsync("fm.kollegin", Rolle.Fallmanagement, "Team A");
        Teamleitung = await Factory.KontoAsync("tl.a", Rolle.Teamleitung, "Team A");
        TeamleitungB = await Factory.KontoAsync("tl.b", Rolle.Teamleitung, "Team B");
        Jobcenter = await Factory.KontoAsync("jc.kontakt", Rolle.Partner, behoerde: Behoerde.Jobcenter);
        Auslaenderbehoerde = await Factory.KontoAsync("abh.kontakt", Rolle.Partner, behoerde: Behoerde.Auslaenderbehoerde);
        Bildungsberatung = await Factory.KontoAsync("bb.kontakt", Rolle.Partner, behoerde: Behoerde.Bildungsberatung);
        KolleginClient = await Factory.AngemeldetAsync(Kollegin);
        TeamleitungClient = await Factory.AngemeldetAsync(Teamleitung);
        JobcenterClient = await Factory.AngemeldetAsync(Jobcenter);
    }

    /// <summary>The user name for an account id (for readable assertions).</summary>
    public string Name(string id) =>
        new[] { Fallmanagerin, Kollegin, Teamleitung, TeamleitungB, Jobcenter, Auslaenderbehoerde, Bildungsberatung }.FirstOrDefault(k => k.Id == id)?.Benutzername ?? id;

    /// <summary>Every notice about the Fall with id above <paramref name="nachId"/>: (recipient name, kind, title, text, link).</summary>
    public async Task<List<(string Empfaenger, string Art, string Titel, string Text, string? Link)>> MeldungenAsync(Guid fallId, long nachId = 0)
    {
        await using var verbindung = new NpgsqlConnection(Database.OwnerConnectionString);
        await verbindung.OpenAsync();
        await using var befehl = new NpgsqlCommand("SELECT empfaenger_id, art, titel, text, link FROM benachrichtigungen WHERE fall_id = @f AND id > @n ORDER BY id", verbindung);
        befehl.Parameters.AddWithValue("f", fallId);
        befehl.Parameters.AddWithValue("n", nachId);
        await using var reader = await befehl.ExecuteReaderAsync();
        var liste = new List<(string, string, string, string, string?)>();
        while (await reader.ReadAsync())
        {
            liste.Add((Name(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return liste;
    }

    /// <summary>Who was notified about the Fall after <paramref name="nachId"/> (name and kind), in order.</summary>
    public async Task<List<(string Empfaenger, string Art)>> EmpfaengerAsync(Guid fallId, long nachId = 0) =>
        (await MeldungenAsync(fallId, nachId)).Select(m => (m.Empfaenger, m.Art)).ToList();

    /// <summary>The highest notice id so far (a mark to look at only what follows).</summary>
    public async Task<long> MarkeAsync() =>
        long.Parse(await SqlHilfen.TextAsync(Database.OwnerConnectionString, "SELECT COALESCE(max(id), 0) FROM benachrichtigungen") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A consent for a partner authority with the categories given.</summary>
    public async Task<Guid> EinwilligungAsync(Guid fallId, string empfaenger, params string[] kategorien)
    {
        var antwort = await Client.PostAsJsonAsync($"/api/faelle/{fallId}/einwilligungen", new
        {
            empfaenger,
            datenkategorien = kategorien,
            zweck = "Abstimmung im Case Management",
            gueltigAb = "2026-11-01",
            formularReferenz = "EW-" + empfaenger,
        }).OkAsync();
        return antwort["id"]!.GetValue<Guid>();
    }

    /// <summary>Today's date where the app decides what "today" is (Europe/Berlin).</summary>
    public static DateOnly HeuteInBerlin() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DateTime);

    /// <summary>The colleague deputises on the Fall from today for two weeks.</summary>
    public async Task VertretungAsync(Guid fallId)
    {
        var heute = HeuteInBerlin();
        await Client.PostAsJsonAsync($"/api/faelle/{fallId}/vertretungen", new { benutzerId = Kollegin.Id, von = heute, bis = heute.AddDays(14) }).OkAsync();
    }

    public override async Task DisposeAsync()
    {
        KolleginClient?.Dispose();
        TeamleitungClient?.Dispose();
        JobcenterClient?.Dispose();
        await base.DisposeAsync();
    }
}
