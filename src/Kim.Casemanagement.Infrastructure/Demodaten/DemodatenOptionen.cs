namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>What to generate: how many clients, over how many years up to which "today", from which seed.</summary>
public sealed record DemodatenOptionen
{
    /// <summary>Number of clients (one Fall each).</summary>
    public int Klienten { get; init; } = 300;

    /// <summary>Fälle are opened within this many years up to <see cref="Heute"/>.</summary>
    public int Jahre { get; init; } = 8;

    /// <summary>Same seed, same options: identical data.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The simulated "today": nothing happens after it.</summary>
    public required DateOnly Heute { get; init; }

    /// <summary>The Kommune (tenant) of every generated record.</summary>
    public string Mandant { get; init; } = "standard";

    /// <summary>Accounts that exist already (e.g. the Development demo accounts): case managers among them get a fair share of Fälle, partners record steps.</summary>
    public IReadOnlyList<VorhandenesKonto> VorhandeneKonten { get; init; } = [];

    /// <summary>User names taken already (any case); generated accounts avoid them.</summary>
    public IReadOnlyCollection<string> VergebeneBenutzernamen { get; init; } = [];

    /// <summary>
    /// Generate no staff: the Fälle go to the existing case managers only (the Development demo set, led by fm.mueller, fm.yilmaz and
    /// fm.schneider). Ignored when no existing account is a case manager with a team.
    /// </summary>
    public bool NurVorhandenesPersonal { get; init; }

    /// <summary>Rejects values that cannot produce sensible data.</summary>
    public void Pruefen()
    {
        if (Klienten is < 1 or > 5_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(Klienten), Klienten, "Zwischen 1 und 5.000.000 Klient*innen.");
        }

        if (Jahre is < 1 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(Jahre), Jahre, "Zwischen 1 und 30 Jahren.");
        }

        if (Heute.Year is < 2016 or > 2100)
        {
            throw new ArgumentOutOfRangeException(nameof(Heute), Heute, "„Heute“ muss zwischen 2016 und 2100 liegen.");
        }
    }
}
