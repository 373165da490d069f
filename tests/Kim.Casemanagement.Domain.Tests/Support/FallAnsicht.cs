using Kim.Casemanagement.Domain.Common;
using Kim.Casemanagement.Domain.Faelle;
using Kim.Casemanagement.Domain.Faelle.Aufenthalt;
using Kim.Casemanagement.Domain.Faelle.Bildung;
using Kim.Casemanagement.Domain.Faelle.Leistungen;
using Kim.Casemanagement.Domain.Faelle.Prozess;
using Kim.Casemanagement.Domain.Faelle.Ueberleitungen;

namespace Kim.Casemanagement.Domain.Tests.Support;

/// <summary>What a user sees of a Fall, per track: state, since when, and the steps offered with their reasons.</summary>
public static class FallAnsicht
{
    public static string Zustand(this Fall fall, Spur spur, Guid? ueberleitungId = null) => spur switch
    {
        Spur.Prozess => fall.Prozess.Zustand.ToString(),
        Spur.Aufenthalt => fall.Aufenthalt.Zustand.ToString(),
        Spur.Leistungen => fall.Leistungen.Zustand.ToString(),
        Spur.Bildung => fall.Bildung.Zustand.ToString(),
        Spur.Ueberleitung => fall.Ueberleitungen.Single(u => u.Id == ueberleitungId).Zustand.ToString(),
        _ => throw new ArgumentOutOfRangeException(nameof(spur), spur, null),
    };

    public static DateOnly Seit(this Fall fall, Spur spur, Guid? ueberleitungId = null) => spur switch
    {
        Spur.Prozess => fall.Prozess.Seit,
        Spur.Aufenthalt => fall.Aufenthalt.Seit,
        Spur.Leistungen => fall.Leistungen.Seit,
        Spur.Bildung => fall.Bildung.Seit,
        Spur.Ueberleitung => fall.Ueberleitungen.Single(u => u.Id == ueberleitungId).Seit,
        _ => throw new ArgumentOutOfRangeException(nameof(spur), spur, null),
    };

    /// <summary>The step as <see cref="Fall.Spuren"/> shows it on <paramref name="am"/>, or null when the state does not offer it at all.</summary>
    public static SchrittStatus? Schrittstand(this Fall fall, Spur spur, string trigger, DateOnly? am = null, Guid? ueberleitungId = null) =>
        fall.Spuren(Testzeit.Probe(am)).Single(s => s.Spur == spur && s.UeberleitungId == ueberleitungId).Schritte.SingleOrDefault(s => s.Trigger == trigger);

    /// <summary>The state and trigger names of a track, from its enums.</summary>
    public static (string[] Zustaende, string[] Trigger) EnumNamen(Spur spur) => spur switch
    {
        Spur.Prozess => (Enum.GetNames<ProzessZustand>(), Enum.GetNames<ProzessTrigger>()),
        Spur.Aufenthalt => (Enum.GetNames<AufenthaltZustand>(), Enum.GetNames<AufenthaltTrigger>()),
        Spur.Leistungen => (Enum.GetNames<LeistungenZustand>(), Enum.GetNames<LeistungenTrigger>()),
        Spur.Bildung => (Enum.GetNames<BildungZustand>(), Enum.GetNames<BildungTrigger>()),
        Spur.Ueberleitung => (Enum.GetNames<UeberleitungZustand>(), Enum.GetNames<UeberleitungTrigger>()),
        _ => throw new ArgumentOutOfRangeException(nameof(spur), spur, null),
    };
}
