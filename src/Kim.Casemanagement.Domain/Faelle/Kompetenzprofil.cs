using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>
/// The one shared competence profile of a client (source 004: today every authority assesses in parallel).
/// Language levels change through Bildung steps; the rest is recorded in the Assessment.
/// </summary>
public sealed class Kompetenzprofil
{
    public Sprachniveau Deutschniveau { get; set; } = Sprachniveau.Keine;

    /// <summary>Null until assessed; true while a literacy course is still needed.</summary>
    public bool? AlphabetisierungNoetig { get; set; }

    public int? Schuljahre { get; set; }

    public string? Schulabschluss { get; set; }

    /// <summary>Foreign vocational or academic qualifications.</summary>
    public List<Berufsabschluss> Berufsabschluesse { get; set; } = [];

    public int? BerufserfahrungJahre { get; set; }

    /// <summary>Other languages the client speaks.</summary>
    public List<string> Sprachen { get; set; } = [];

    /// <summary>Day the profile was last recorded or changed in the Assessment.</summary>
    public DateOnly? ErfasstAm { get; set; }

    public bool IstErfasst => ErfasstAm is not null;

    public Kompetenzprofil Kopie() => new()
    {
        Deutschniveau = Deutschniveau,
        AlphabetisierungNoetig = AlphabetisierungNoetig,
        Schuljahre = Schuljahre,
        Schulabschluss = Schulabschluss,
        Berufsabschluesse = Berufsabschluesse.Select(b => b with { }).ToList(),
        BerufserfahrungJahre = BerufserfahrungJahre,
        Sprachen = [.. Sprachen],
        ErfasstAm = ErfasstAm,
    };
}
