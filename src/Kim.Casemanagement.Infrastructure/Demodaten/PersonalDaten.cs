using System.Globalization;
using System.Text;
using Bogus;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;

namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>
/// The generated staff: case managers (about one per 80 open Fälle, at least 5) in teams of 6 to 10 with one team lead each,
/// and partner contacts per authority, with German names from Bogus. Existing case managers (the Development demo
/// accounts) join the pool so that they get a caseload too.
/// </summary>
public sealed class PersonalDaten
{
    /// <summary>Share of Fälle still open at "today" the staff size is planned for (measured on generated data: about 0.5).</summary>
    public const double OffenAnteilGeschaetzt = 0.5;

    /// <summary>Open Fälle per case manager the staff size is planned for (Jobcenter Fallmanagement uses 1:75 as a reference).</summary>
    public const int FaelleJeFallmanager = 80;

    private static readonly string[] Teamnamen =
    [
        "Innenstadt", "Nordstadt", "Südstadt", "Oststadt", "Weststadt", "Hafen", "Altstadt", "Am Ring", "Bahnhofsviertel", "Auf der Höhe",
        "Talaue", "Zeche", "Rheinufer", "Feldmark", "Marktviertel", "Schlossberg", "Kanalstraße", "Waldsiedlung", "Gartenstadt", "Neustadt",
    ];

    private PersonalDaten()
    {
    }

    public IReadOnlyList<TeamZeile> Teams { get; private init; } = [];

    public IReadOnlyList<KontoZeile> Konten { get; private init; } = [];

    public IReadOnlyList<KontoRolleZeile> Rollen { get; private init; } = [];

    /// <summary>Every case manager a Fall can be assigned to (generated and existing).</summary>
    internal IReadOnlyList<Mitarbeiter> Fallmanager { get; private init; } = [];

    internal IReadOnlyDictionary<Guid, IReadOnlyList<Mitarbeiter>> FallmanagerJeTeam { get; private init; } = new Dictionary<Guid, IReadOnlyList<Mitarbeiter>>();

    internal IReadOnlyDictionary<Guid, Mitarbeiter> Teamleitung { get; private init; } = new Dictionary<Guid, Mitarbeiter>();

    internal IReadOnlyDictionary<Behoerde, IReadOnlyList<Mitarbeiter>> Partner { get; private init; } = new Dictionary<Behoerde, IReadOnlyList<Mitarbeiter>>();

    internal static PersonalDaten Planen(DemodatenOptionen optionen)
    {
        var z = new Zufall(optionen.Seed, Strom.Personal, 0);
        var faker = new Faker("de") { Random = z.Randomizer };
        var vergeben = new HashSet<string>(optionen.VergebeneBenutzernamen.Select(n => n.ToUpperInvariant()), StringComparer.Ordinal);
        foreach (var k in optionen.VorhandeneKonten)
        {
            vergeben.Add(k.Benutzername.ToUpperInvariant());
        }

        var erstelltAm = new DateTimeOffset(optionen.Heute.AddYears(-optionen.Jahre).ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
        var teams = new List<TeamZeile>();
        var konten = new List<KontoZeile>();
        var rollen = new List<KontoRolleZeile>();
        var fallmanager = new List<Mitarbeiter>();
        var jeTeam = new Dictionary<Guid, List<Mitarbeiter>>();
        var teamleitung = new Dictionary<Guid, Mitarbeiter>();
        var partner = Enum.GetValues<Behoerde>().ToDictionary(b => b, _ => new List<Mitarbeiter>());

        Mitarbeiter Konto(string praefix, Rolle rolle, Guid? teamId, Behoerde? behoerde)
        {
            var weiblich = z.Ja(0.6);
            var vorname = faker.Name.FirstName(weiblich ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male);
            var nachname = faker.Name.LastName();
            var basis = $"{praefix}.{Ascii(nachname)}";
            var name = basis;
            for (var n = 2; !vergeben.Add(name.ToUpperInvariant()); n++)
            {
                name = basis + n.ToString(CultureInfo.InvariantCulture);
            }

            var id = z.Uuid7(erstelltAm).ToString();
            konten.Add(new KontoZeile(id, name, $"{vorname} {nachname}", optionen.Mandant, teamId, behoerde, erstelltAm, z.Hex(32), z.Uuid7(erstelltAm).ToString()));
            rollen.Add(new KontoRolleZeile(id, rolle));
            return new Mitarbeiter(id, name, teamId);
        }

        var nurVorhandene = optionen.NurVorhandenesPersonal
            && optionen.VorhandeneKonten.Any(k => k.Rollen.Contains(Rolle.Fallmanagement) && k.TeamId is not null);
        var anzahlFallmanager = nurVorhandene ? 0 : Math.Max(5, (int)Math.Round(optionen.Klienten * OffenAnteilGeschaetzt / FaelleJeFallmanager));
        var anzahlTeams = nurVorhandene ? 0 : Math.Max(1, (int)Math.Ceiling(anzahlFallmanager / 8.0));
        for (var t = 0; t < anzahlTeams; t++)
        {
            var name = t < Teamnamen.Length ? $"Team {Teamnamen[t]}" : string.Create(CultureInfo.InvariantCulture, $"Team {t + 1:00}");
            var team = new TeamZeile(z.Uuid7(erstelltAm), name, optionen.Mandant);
            teams.Add(team);
            jeTeam[team.Id] = [];
            teamleitung[team.Id] = Konto("tl", Rolle.Teamleitung, team.Id, null);
        }

        for (var i = 0; i < anzahlFallmanager; i++)
        {
            var teamId = teams[i % teams.Count].Id;
            var m = Konto("fm", Rolle.Fallmanagement, teamId, null);
            fallmanager.Add(m);
            jeTeam[teamId].Add(m);
        }

        var jeBehoerde = nurVorhandene ? 0 : Math.Max(2, (int)Math.Ceiling(optionen.Klienten / 25_000.0));
        foreach (var behoerde in Enum.GetValues<Behoerde>())
        {
            var praefix = behoerde switch
            {
                Behoerde.Auslaenderbehoerde => "abh",
                Behoerde.Jobcenter => "jc",
                _ => "bb",
            };
            for (var i = 0; i < jeBehoerde; i++)
            {
                partner[behoerde].Add(Konto(praefix, Rolle.Partner, null, behoerde));
            }
        }

        foreach (var k in optionen.VorhandeneKonten.OrderBy(k => k.Benutzername, StringComparer.Ordinal))
        {
            var m = new Mitarbeiter(k.Id, k.Benutzername, k.TeamId);
            if (k.Rollen.Contains(Rolle.Fallmanagement) && k.TeamId is { } team)
            {
                fallmanager.Add(m);
                if (!jeTeam.TryGetValue(team, out var liste))
                {
                    jeTeam[team] = liste = [];
                }

                liste.Add(m);
            }

            if (k.Rollen.Contains(Rolle.Teamleitung) && k.TeamId is { } leitungsteam)
            {
                teamleitung.TryAdd(leitungsteam, m);
            }

            if (k.Rollen.Contains(Rolle.Partner) && k.Behoerde is { } b)
            {
                partner[b].Add(m);
            }
        }

        return new PersonalDaten
        {
            Teams = teams,
            Konten = konten,
            Rollen = rollen,
            Fallmanager = fallmanager,
            FallmanagerJeTeam = jeTeam.ToDictionary(e => e.Key, e => (IReadOnlyList<Mitarbeiter>)e.Value),
            Teamleitung = teamleitung,
            Partner = partner.ToDictionary(e => e.Key, e => (IReadOnlyList<Mitarbeiter>)e.Value),
        };
    }

    private static string Ascii(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        foreach (var c in name.ToLowerInvariant())
        {
            switch (c)
            {
                case 'ä':
                    sb.Append("ae");
                    break;
                case 'ö':
                    sb.Append("oe");
                    break;
                case 'ü':
                    sb.Append("ue");
                    break;
                case 'ß':
                    sb.Append("ss");
                    break;
                case >= 'a' and <= 'z':
                    sb.Append(c);
                    break;
                default:
                    var basis = c.ToString().Normalize(NormalizationForm.FormD)[0];
                    if (basis is >= 'a' and <= 'z')
                    {
                        sb.Append(basis);
                    }

                    break;
            }
        }

        return sb.Length > 0 ? sb.ToString() : "konto";
    }
}
