using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Application.Analysen.Rohdaten;

/// <summary>The id of a process-map node: <c>Spur:Zustand</c>, for referrals <c>Ueberleitung:Behörde:Zustand</c>.</summary>
public static class Knotenschluessel
{
    public const string Beginn = "Beginn";
    public const string Ende = "Ende";

    public static string Von(Spur spur, string? gruppe, string zustand) =>
        gruppe is null ? $"{spur}:{zustand}" : $"{spur}:{gruppe}:{zustand}";
}
