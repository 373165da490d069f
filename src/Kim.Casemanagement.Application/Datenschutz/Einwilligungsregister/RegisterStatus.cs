namespace Kim.Casemanagement.Application.Datenschutz.Einwilligungsregister;

/// <summary>The states a consent can be filtered by (the API's and the page's values), judged on the Kommune's today.</summary>
public static class RegisterStatus
{
    /// <summary>Valid today: not withdrawn, started, not ended.</summary>
    public const string Gueltig = "gueltig";

    /// <summary>Valid today and ending within the given number of days (<see cref="RegisterFilter.Tage"/>).</summary>
    public const string Ablaufend = "ablaufend";

    /// <summary>Not withdrawn, but its last day has passed.</summary>
    public const string Abgelaufen = "abgelaufen";

    /// <summary>Withdrawn (at any time).</summary>
    public const string Widerrufen = "widerrufen";

    /// <summary>Not withdrawn, valid only from a later day.</summary>
    public const string Kuenftig = "kuenftig";

    public static readonly IReadOnlyList<string> Alle = [Gueltig, Ablaufend, Abgelaufen, Widerrufen, Kuenftig];
}
