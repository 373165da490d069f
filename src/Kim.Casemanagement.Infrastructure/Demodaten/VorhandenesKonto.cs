using Kim.Casemanagement.Application.Sicherheit;
using Kim.Casemanagement.Domain.Common;

namespace Kim.Casemanagement.Infrastructure.Demodaten;

/// <summary>An account that exists before seeding (read from <c>benutzer</c>), e.g. <c>fm.mueller</c> of the Development demo accounts.</summary>
public sealed record VorhandenesKonto(string Id, string Benutzername, IReadOnlyList<Rolle> Rollen, Guid? TeamId, Behoerde? Behoerde);
