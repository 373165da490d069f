namespace Kim.Casemanagement.Application.Abstractions;

/// <summary>
/// What a reader of a Fall learns about its active hold (Sperrung, Art. 18 DSGVO, § 84 Abs. 3 SGB X): since when and
/// until when (null: until further notice). The reason is not part of it: only the Datenschutz role reads it
/// (<see cref="Datenschutz.Sperrung.SperreDetail"/>).
/// </summary>
public sealed record FallSperrvermerk(DateTimeOffset Seit, DateOnly? Bis);
