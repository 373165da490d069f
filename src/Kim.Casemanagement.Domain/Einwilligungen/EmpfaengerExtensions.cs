namespace Kim.Casemanagement.Domain.Einwilligungen;

/// <summary>Maps partner authorities to consent recipients.</summary>
public static class EmpfaengerExtensions
{
    public static Empfaenger AlsEmpfaenger(this Common.Behoerde behoerde) => behoerde switch
    {
        Common.Behoerde.Auslaenderbehoerde => Empfaenger.Auslaenderbehoerde,
        Common.Behoerde.Jobcenter => Empfaenger.Jobcenter,
        Common.Behoerde.Bildungsberatung => Empfaenger.Bildungsberatung,
        _ => throw new ArgumentOutOfRangeException(nameof(behoerde), behoerde, null),
    };
}
