namespace Kim.Casemanagement.Domain.Common;

/// <summary>A partner authority that owns one track of a Fall.</summary>
public enum Behoerde
{
    Auslaenderbehoerde = 1,
    Jobcenter = 2,
    Bildungsberatung = 3,
}
