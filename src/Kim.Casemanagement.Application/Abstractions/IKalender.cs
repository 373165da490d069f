namespace Kim.Casemanagement.Application.Abstractions;

/// <summary>Now (UTC) and today in the Kommune's time zone.</summary>
public interface IKalender
{
    DateTimeOffset Jetzt { get; }

    DateOnly Heute { get; }
}
