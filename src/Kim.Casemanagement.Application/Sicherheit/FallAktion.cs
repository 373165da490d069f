namespace Kim.Casemanagement.Application.Sicherheit;

/// <summary>What a caller wants to do with a Fall; decided by <see cref="FallZugriff"/>.</summary>
public enum FallAktion
{
    Lesen,
    EreignisseLesen,
    SchrittAusfuehren,
    EinwilligungVerwalten,
    Art13Vermerken,
    KompetenzprofilErfassen,
    ZielVerwalten,
    WiedervorlageVerwalten,
    NotizenLesen,
    NotizSchreiben,
    UeberleitungAnfragen,
    Zuweisen,
    VertretungVerwalten,
    KlientBerichtigen,
}
