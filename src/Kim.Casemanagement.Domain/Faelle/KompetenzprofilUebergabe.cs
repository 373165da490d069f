namespace Kim.Casemanagement.Domain.Faelle;

/// <summary>
/// The competence profile as handed over to an authority (e.g. to the Jobcenter at the Rechtskreiswechsel),
/// so that it does not start from zero. An immutable snapshot.
/// </summary>
public sealed class KompetenzprofilUebergabe
{
    private KompetenzprofilUebergabe()
    {
        Anlass = string.Empty;
        Profil = new Kompetenzprofil();
    }

    public KompetenzprofilUebergabe(Guid id, Guid fallId, Common.Behoerde empfaenger, string anlass, DateOnly fachlichesDatum, Kompetenzprofil profil, DateTimeOffset erstelltAm)
    {
        Id = id;
        FallId = fallId;
        Empfaenger = empfaenger;
        Anlass = anlass;
        FachlichesDatum = fachlichesDatum;
        Profil = profil.Kopie();
        ErstelltAm = erstelltAm;
    }

    public Guid Id { get; private set; }

    public Guid FallId { get; private set; }

    public Common.Behoerde Empfaenger { get; private set; }

    public string Anlass { get; private set; }

    public DateOnly FachlichesDatum { get; private set; }

    public Kompetenzprofil Profil { get; private set; }

    public DateTimeOffset ErstelltAm { get; private set; }
}
