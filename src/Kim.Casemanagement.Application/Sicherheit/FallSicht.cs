using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Einwilligungen;

namespace Kim.Casemanagement.Application.Sicherheit;

/// <summary>How much of a Fall a caller may see: nothing (404), all of it, or a partner's consented part.</summary>
public sealed record FallSicht(FallSichtArt Art, Behoerde? Behoerde, Datenkategorie Kategorien)
{
    public static readonly FallSicht Keine = new(FallSichtArt.Keine, null, Datenkategorie.Keine);

    public static readonly FallSicht Voll = new(FallSichtArt.Voll, null, (Datenkategorie)~0);

    public bool Darf(Datenkategorie kategorie) => Art == FallSichtArt.Voll || (Art == FallSichtArt.Partner && (Kategorien & kategorie) == kategorie);

    /// <summary>The track a partner sees and works on, if the consent covers it.</summary>
    public Spur? PartnerSpur => Art == FallSichtArt.Partner && Behoerde is { } b && Darf(SpurKategorie(b.AlsSpur())) ? b.AlsSpur() : null;

    /// <summary>The category of data a track is (track registry).</summary>
    public static Datenkategorie SpurKategorie(Spur spur) => Spurregister.Finden(spur)?.Kategorie ?? Datenkategorie.Stammdaten;
}
