using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Faelle.Prozess;

namespace Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;

/// <summary>
/// One row of <c>faelle</c>: the Fall as the simulation left it at "today". The track data are the domain's own
/// objects of the finished Fall (read-only outside the domain); the Kompetenzprofil is jsonb text in the format of the EF mapping.
/// </summary>
public sealed record FallZeile
{
    public required Guid Id { get; init; }

    public required string Mandant { get; init; }

    public required string Aktenzeichen { get; init; }

    public required Guid KlientId { get; init; }

    public required string? FallmanagerId { get; init; }

    public required Guid? TeamId { get; init; }

    public required DateOnly AufgenommenAm { get; init; }

    public required DateTimeOffset ErstelltAm { get; init; }

    public required DateTimeOffset GeaendertAm { get; init; }

    public required int Version { get; init; }

    public required int EreignisAnzahl { get; init; }

    public required DateOnly? Art13InformiertAm { get; init; }

    public required DateOnly? LetzterKontaktAm { get; init; }

    public required ProzessDaten Prozess { get; init; }

    public required AufenthaltDaten Aufenthalt { get; init; }

    public required LeistungenDaten Leistungen { get; init; }

    public required BildungDaten Bildung { get; init; }

    public required string KompetenzprofilJson { get; init; }
}
