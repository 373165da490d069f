namespace Kim.Casemanagement.Domain.Common;

/// <summary>
/// A step (trigger) cannot be taken in the Fall's current state: either the state has no such step,
/// or guards are unmet. Carries the German reasons. Maps to 409.
/// </summary>
public sealed class SchrittNichtMoeglichException : Exception
{
    public SchrittNichtMoeglichException(string spur, string zustand, string trigger, IReadOnlyList<string> gruende)
        : base(BuildMessage(zustand, trigger, gruende))
    {
        Spur = spur;
        Zustand = zustand;
        Trigger = trigger;
        Gruende = gruende;
    }

    public SchrittNichtMoeglichException()
        : this(string.Empty, string.Empty, string.Empty, [])
    {
    }

    public SchrittNichtMoeglichException(string message)
        : base(message)
    {
        Spur = Zustand = Trigger = string.Empty;
        Gruende = [];
    }

    public SchrittNichtMoeglichException(string message, Exception innerException)
        : base(message, innerException)
    {
        Spur = Zustand = Trigger = string.Empty;
        Gruende = [];
    }

    public string Spur { get; }

    public string Zustand { get; }

    public string Trigger { get; }

    /// <summary>The unmet guard descriptions (German); empty when the state simply has no such step.</summary>
    public IReadOnlyList<string> Gruende { get; }

    private static string BuildMessage(string zustand, string trigger, IReadOnlyList<string> gruende) =>
        gruende.Count == 0
            ? $"Der Schritt „{trigger}“ ist im Zustand „{zustand}“ nicht vorgesehen."
            : $"Der Schritt „{trigger}“ ist derzeit nicht möglich: {string.Join(" ", gruende)}";
}
