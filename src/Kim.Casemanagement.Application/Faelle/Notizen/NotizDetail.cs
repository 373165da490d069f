namespace Kim.Casemanagement.Application.Faelle.Notizen;

/// <summary>A note as shown in the case file.</summary>
public sealed record NotizDetail(Guid Id, string Text, string VerfasstVon, DateTimeOffset VerfasstAm);
