using Kim.Casemanagement.Application.Abstractions;
using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Infrastructure.Tests.Audit;

/// <summary>A signed-in user for the audit tests.</summary>
internal sealed class TestBenutzer(string id, string? herkunft, params Rolle[] rollen) : IAktuellerBenutzer
{
    public string Id => id;

    public string Mandant => "standard";

    public bool IstAngemeldet => true;

    public IReadOnlySet<Rolle> Rollen { get; } = rollen.ToHashSet();

    public Guid? TeamId => null;

    public Behoerde? Behoerde => null;

    public string? Herkunft => herkunft;
}
