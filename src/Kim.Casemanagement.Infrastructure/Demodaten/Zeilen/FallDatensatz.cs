namespace Kim.Casemanagement.Infrastructure.Demodaten.Zeilen;

/// <summary>Everything generated for one client: the client, the Fall and all rows that belong to it, events ordered by number.</summary>
public sealed record FallDatensatz(
    KlientZeile Klient,
    FallZeile Fall,
    IReadOnlyList<EreignisZeile> Ereignisse,
    IReadOnlyList<EinwilligungZeile> Einwilligungen,
    IReadOnlyList<ZielZeile> Ziele,
    IReadOnlyList<WiedervorlageZeile> Wiedervorlagen,
    IReadOnlyList<VertretungZeile> Vertretungen,
    IReadOnlyList<UeberleitungZeile> Ueberleitungen,
    IReadOnlyList<NotizZeile> Notizen,
    IReadOnlyList<UebergabeZeile> Uebergaben);
