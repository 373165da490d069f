namespace Kim.Casemanagement.Application.Abstractions;

/// <summary>The person (or system process) on whose behalf a use case runs.</summary>
public interface IAktuellerBenutzer
{
    /// <summary>Stable user id, written as actor into events and audit rows.</summary>
    string Id { get; }

    /// <summary>The tenant (Kommune) the user works for.</summary>
    string Mandant { get; }
}
