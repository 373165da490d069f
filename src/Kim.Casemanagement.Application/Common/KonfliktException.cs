namespace Kim.Casemanagement.Application.Common;

/// <summary>The Fall was changed by someone else since it was read (stale version), or its state refuses the change (e.g. <see cref="FallGesperrtException"/>). Maps to 409.</summary>
public class KonfliktException : Exception
{
    public const string StandardText = "Der Fall wurde zwischenzeitlich geändert. Bitte laden Sie ihn neu und wiederholen Sie den Schritt.";

    public KonfliktException()
        : base(StandardText)
    {
    }

    public KonfliktException(string message)
        : base(message)
    {
    }

    public KonfliktException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
