namespace Kim.Casemanagement.Domain.Common;

/// <summary>A record does not exist or does not belong to the Fall. Maps to 404.</summary>
public sealed class NichtGefundenException : Exception
{
    public NichtGefundenException(string message)
        : base(message)
    {
    }

    public NichtGefundenException()
    {
    }

    public NichtGefundenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
