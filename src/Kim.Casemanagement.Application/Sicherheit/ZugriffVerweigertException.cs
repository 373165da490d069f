namespace Kim.Casemanagement.Application.Sicherheit;

/// <summary>The caller may see the record but not take this action. Maps to 403. (Records the caller may not see are a 404.)</summary>
public sealed class ZugriffVerweigertException : Exception
{
    public ZugriffVerweigertException()
        : base("Diese Aktion ist für Ihre Rolle nicht erlaubt.")
    {
    }

    public ZugriffVerweigertException(string message)
        : base(message)
    {
    }

    public ZugriffVerweigertException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
