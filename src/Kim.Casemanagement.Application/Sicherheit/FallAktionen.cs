namespace Kim.Casemanagement.Application.Sicherheit;

/// <summary>What an action on a Fall does to it.</summary>
public static class FallAktionen
{
    /// <summary>
    /// True for every action that changes the Fall or what belongs to it (everything but reading); refused while the Fall
    /// is held. A new action counts as a change unless it is added here as a read.
    /// </summary>
    public static bool Aendert(FallAktion aktion) => aktion is not (FallAktion.Lesen or FallAktion.EreignisseLesen or FallAktion.NotizenLesen);
}
