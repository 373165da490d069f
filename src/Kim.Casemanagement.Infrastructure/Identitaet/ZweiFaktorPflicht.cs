using Kim.Casemanagement.Application.Sicherheit;

namespace Kim.Casemanagement.Infrastructure.Identitaet;

/// <summary>Which roles must use two-factor sign-in: every role that sees personal data (all but the steering board, which sees aggregates only).</summary>
public static class ZweiFaktorPflicht
{
    public static bool Gilt(IEnumerable<Rolle> rollen) => rollen.Any(r => r != Rolle.Lenkungsgruppe);

    public static bool Gilt(IEnumerable<string> rollen) =>
        Gilt(rollen.Select(r => Enum.TryParse<Rolle>(r, out var rolle) ? rolle : Rolle.Administration));
}
