using Kim.Casemanagement.Application.Abstractions;

namespace Kim.Casemanagement.Application.Common;

/// <summary>The Kommune's calendar: NRW is in Europe/Berlin.</summary>
public sealed class Kalender(TimeProvider zeit) : IKalender
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    public DateTimeOffset Jetzt => zeit.GetUtcNow();

    public DateOnly Heute => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(zeit.GetUtcNow(), Berlin).DateTime);
}
