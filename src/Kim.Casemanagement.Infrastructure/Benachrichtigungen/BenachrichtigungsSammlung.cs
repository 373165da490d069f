using Kim.Casemanagement.Application.Abstractions;

namespace Kim.Casemanagement.Infrastructure.Benachrichtigungen;

/// <summary>The notices of the current unit of work, until the repository writes them in its transaction.</summary>
internal sealed class BenachrichtigungsSammlung : IBenachrichtigungen
{
    private readonly List<NeueBenachrichtigung> _offen = [];

    public IReadOnlyList<NeueBenachrichtigung> Offen => _offen;

    public void Vormerken(NeueBenachrichtigung benachrichtigung) => _offen.Add(benachrichtigung);

    public void AlsGespeichertMarkieren() => _offen.Clear();

    /// <summary>Drops once-only notices whose key was already sent.</summary>
    public void SchonGesendeteVerwerfen(IReadOnlySet<string> schluessel) => _offen.RemoveAll(b => b.Schluessel is { } s && schluessel.Contains(s));
}
